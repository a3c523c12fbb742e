import { airsChildCode } from './airs-code.js';
import type { TaxonomyFileHeader, TaxonomyFileTerm } from './taxonomy-file.js';
import {
  composeName,
  syntheticWords,
  TOP_LETTERS,
  type SyntheticWords,
} from './synthetic-words.js';

export const SYNTHETIC_TAXONOMY_NAME = 'Synthetic 211 Taxonomy of Human Services';

export interface SyntheticOptions {
  /** How many terms; the real file has about 9,200 (TAX-1). At least 10 (the top categories). */
  count?: number;
  seed?: number;
  language?: string;
}

/** mulberry32: a small deterministic generator, so a seed always gives the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many children a node at a level tends to have; level 5's children are leaves. */
const FAN_OUT = [0, 8, 11, 3, 2, 3];
/** The most children a level's code grammar allows (digits of the child's segment). */
const MAX_CHILDREN = [0, 26, 99, 99, 999, 99];
/** The largest subtree under a node of each level (6: a leaf). */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;
const CAPACITY = [0, UNBOUNDED, UNBOUNDED, UNBOUNDED, 1 + 999 * 100, 1 + 99, 1];
const ANCHOR_POOL = 1_000;

/** Splits `total` into `parts` positive shares, none above `cap`, at random. */
function split(total: number, parts: number, cap: number, next: () => number): number[] {
  const shares = new Array<number>(parts).fill(1);
  let left = total - parts;
  while (left > 0) {
    const index = Math.floor(next() * parts);
    if ((shares[index] as number) < cap) {
      shares[index] = (shares[index] as number) + 1;
      left -= 1;
    }
  }
  return shares;
}

/** The segment values of `count` children, spread over the segment's digits like AIRS codes. */
function childSegments(level: number, count: number): (string | number)[] {
  if (level === 1) {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const step = Math.floor(letters.length / count);
    return Array.from({ length: count }, (_, index) => letters[index * step] as string);
  }
  const span = [0, 0, 8_999, 9_999, 999, 99][level] as number;
  const base = level === 2 ? 1_000 : 0;
  const even = Math.floor(span / (count + 1));
  // Round steps like the real codes (1800, 2000, 620, 05): multiples of 50, 5 or 1.
  const unit = even >= 100 ? 50 : even >= 10 ? 5 : 1;
  const step = Math.max(1, Math.floor(even / unit) * unit);
  return Array.from({ length: count }, (_, index) => base + (index + 1) * step);
}

/**
 * TAX-1: a synthetic taxonomy of the real file's shape — ten top categories (B, D, F, J, L, N,
 * P, R, T, Y), up to six levels of AIRS codes, names, definitions, use references, see-also
 * references and related concepts pointing to codes earlier in the file — generated one term at a
 * time (only a bounded pool of earlier codes is kept). The same seed gives the same file; the
 * same seed in another language gives the same codes with translated texts (TAX-6).
 */
export function* syntheticTerms(options: SyntheticOptions = {}): Generator<TaxonomyFileTerm> {
  const { count = 9_200, seed = 1, language = 'en' } = options;
  if (count < TOP_LETTERS.length) throw new RangeError(`at least ${TOP_LETTERS.length} terms`);
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const words = syntheticWords(language);
  const anchors: { code: string; name: string }[] = [];

  function describe(code: string, level: number, parentCode: string | null, name: string) {
    const references = (howMany: number) =>
      Array.from({ length: anchors.length === 0 ? 0 : howMany }, () => pick(anchors));
    const seeAlso = [...new Set(references(Math.floor(next() * 3)).map((anchor) => anchor.code))];
    const concepts = new Map(references(Math.floor(next() * 3)).map((a) => [a.code, a.name]));
    const subject = pick(words.subjects);
    const synonyms = Math.floor(next() * 3);
    const term: TaxonomyFileTerm = {
      code,
      level,
      parentCode,
      name,
      definition: describeDefinition(words, subject, pick(words.populations)),
      facet: code.startsWith('Y') ? 'Target' : 'Service',
      useReferences: [
        ...new Set(Array.from({ length: synonyms }, () => synonym(words, pick(words.subjects)))),
      ],
      seeAlso: seeAlso.filter((target) => target !== code),
      relatedConcepts: [...concepts].map(([conceptCode, conceptName]) => ({
        code: conceptCode,
        name: conceptName,
      })),
      replaces: [],
    };
    if (level <= 3) {
      if (anchors.length < ANCHOR_POOL) anchors.push({ code, name });
      else anchors[Math.floor(next() * ANCHOR_POOL)] = { code, name };
    }
    return term;
  }

  function* subtree(
    code: string,
    level: number,
    parentCode: string | null,
    budget: number,
    name: string,
  ): Generator<TaxonomyFileTerm> {
    yield describe(code, level, parentCode, name);
    const below = budget - 1;
    if (below === 0) return;
    const childCapacity = CAPACITY[level + 1] as number;
    const fewest = Math.ceil(below / childCapacity);
    const wanted = Math.round((FAN_OUT[level] as number) * (0.5 + next()));
    const children = Math.min(below, MAX_CHILDREN[level] as number, Math.max(fewest, wanted, 1));
    const shares = split(below, children, childCapacity, next);
    const segments = childSegments(level, children);
    for (const [index, share] of shares.entries()) {
      const childName = composeName(language, pick(words.qualifiers), pick(words.subjects));
      const childCode = airsChildCode(code, segments[index] as string | number);
      yield* subtree(childCode, level + 1, code, share, childName);
    }
  }

  const perCategory = split(
    count,
    TOP_LETTERS.length,
    count,
    () => 0.999999 * ((next() + next()) / 2),
  );
  for (const [index, letter] of TOP_LETTERS.entries()) {
    yield* subtree(
      letter,
      1,
      null,
      perCategory[index] as number,
      words.categories[index] as string,
    );
  }
}

function describeDefinition(words: SyntheticWords, subject: string, population: string): string {
  return words.definition.replace('%s', subject.toLowerCase()).replace('%s', population);
}

function synonym(words: SyntheticWords, subject: string): string {
  return words.synonym.replace(
    '%s',
    words.synonym.startsWith('%s') ? subject : subject.toLowerCase(),
  );
}

/** The header of a synthetic file (the US edition unless told otherwise). */
export function syntheticHeader(
  releaseDate: string,
  language = 'en',
  country = 'US',
): TaxonomyFileHeader {
  return { name: SYNTHETIC_TAXONOMY_NAME, country, language, releaseDate };
}
