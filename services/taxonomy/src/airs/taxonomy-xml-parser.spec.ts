import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TaxonomyFileTerm } from './taxonomy-file.js';
import { TaxonomyFileError } from './taxonomy-file-error.js';
import { inBatches, openTaxonomyFile } from './taxonomy-xml-parser.js';
import { syntheticHeader, syntheticTerms } from './synthetic-taxonomy.js';
import { taxonomyXml, taxonomyXmlChunks } from './taxonomy-xml-writer.js';

const fixture = (name: string) =>
  createReadStream(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)), {
    highWaterMark: 512,
  });

async function* chunksOf(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let start = 0; start < bytes.length; start += size)
    yield bytes.subarray(start, start + size);
}

async function* asAsync(chunks: Iterable<string>): AsyncGenerator<string> {
  yield* chunks;
}

async function allTerms(source: AsyncIterable<string | Uint8Array>) {
  const file = await openTaxonomyFile(source);
  const terms: TaxonomyFileTerm[] = [];
  for await (const term of file.terms) terms.push(term);
  return { header: file.header, terms };
}

async function readingError(xml: string): Promise<TaxonomyFileError> {
  try {
    await allTerms(chunksOf(xml, 64));
  } catch (error) {
    if (error instanceof TaxonomyFileError) return error;
    throw error;
  }
  throw new Error('the file was read without error');
}

const HEADER = '<taxonomy name="T" country="US" language="en" releaseDate="2026-07-01">';
const file = (terms: string, header = HEADER) =>
  `<?xml version="1.0"?>\n${header}\n${terms}\n</taxonomy>`;

describe('taxonomy XML parser', () => {
  it('TAX-1: reads the hand-made LA County sample in small chunks, with its structure', async () => {
    const { header, terms } = await allTerms(fixture('la-county-sample.en.xml'));
    expect(header).toEqual({
      name: '211 LA County Taxonomy of Human Services',
      country: 'US',
      language: 'en',
      releaseDate: '2026-07-01',
    });
    expect(terms).toHaveLength(31);
    expect(terms.filter((term) => term.level === 1).map((term) => term.code)).toEqual([
      'B',
      'P',
      'Y',
    ]);
    const mentoring = terms.find((term) => term.code === 'PH-1400.5000-500');
    expect(mentoring).toEqual({
      code: 'PH-1400.5000-500',
      level: 5,
      parentCode: 'PH-1400.5000',
      name: 'Youth Mentoring',
      definition:
        'Programs that match young people with adult volunteers who serve as positive role models, friends and guides.',
      facet: 'Service',
      useReferences: ['Big Brothers & Big Sisters', 'Youth Mentors'],
      seeAlso: ['PH-1400.8000'],
      relatedConcepts: [
        { code: 'YK-0300', name: 'At Risk Youth' },
        { code: 'YB-8000', name: 'Youth' },
      ],
      replaces: [],
    });
    expect(terms.find((term) => term.level === 6)?.parentCode).toBe('BD-1800.2000-620');
  });

  it('TAX-6: the French sample is the same taxonomy and release with the same codes', async () => {
    const english = await allTerms(fixture('la-county-sample.en.xml'));
    const french = await allTerms(fixture('la-county-sample.fr.xml'));
    expect({ ...french.header, language: 'en' }).toEqual(english.header);
    expect(french.header.language).toBe('fr');
    expect(french.terms.map((term) => [term.code, term.parentCode])).toEqual(
      english.terms.map((term) => [term.code, term.parentCode]),
    );
    expect(french.terms.find((term) => term.code === 'YJ-3000')?.name).toBe('Filles');
  });

  it('TAX-1: a 9,200-term synthetic file round-trips through the writer and the parser', async () => {
    const header = syntheticHeader('2026-07-01');
    const written = [...syntheticTerms({ seed: 7 })];
    const read = await allTerms(asAsync(taxonomyXmlChunks(header, syntheticTerms({ seed: 7 }))));
    expect(read.header).toEqual(header);
    expect(read.terms).toEqual(written);
    expect(read.terms).toHaveLength(9_200);
  });

  it('TAX-1: terms come in batches as the file is read, not after it', async () => {
    const header = syntheticHeader('2026-07-01');
    let chunksRead = 0;
    async function* counted() {
      for (const chunk of taxonomyXmlChunks(header, syntheticTerms({ count: 2_000, seed: 3 }))) {
        chunksRead += 1;
        yield chunk;
      }
    }
    const file = await openTaxonomyFile(counted());
    const readWhenBatched: [number, number][] = [];
    for await (const batch of inBatches(file.terms, 500)) {
      readWhenBatched.push([batch.length, chunksRead]);
    }
    // Header and XML declaration are two chunks; each term one: 500 terms read ≈ 502 chunks.
    expect(readWhenBatched).toEqual([
      [500, 502],
      [500, 1_002],
      [500, 1_502],
      [500, 2_002],
    ]);
  });

  it('TAX-1: malformed XML names the line, column and term being read', async () => {
    const error = await readingError(
      file(
        '<term code="B"><name>Basic Needs</name></term>\n<term code="BD"><name>Food</nam></term>',
      ),
    );
    expect(error).toMatchObject({ field: 'xml', line: 4, termCode: 'BD' });
    expect(error.column).toBeGreaterThan(20);
  });

  it.each([
    ['code', '<term><name>No code</name></term>'],
    ['name', '<term code="B"><definition>no name</definition></term>'],
    [
      'level',
      '<term code="B"><name>B</name></term><term code="BD" level="3"><name>Food</name></term>',
    ],
    ['parent', '<term code="custom-1"><name>Custom</name></term>'],
    ['code', '<term code="B"><name>A</name></term><term code="B"><name>Again</name></term>'],
    ['seeAlso', '<term code="B"><name>A</name><seeAlso/></term>'],
  ])('TAX-1: a term without a valid %s is refused', async (field, terms) => {
    expect(await readingError(file(terms))).toMatchObject({ field });
  });

  it.each([
    ['releaseDate', '<taxonomy name="T" country="US" language="en" releaseDate="2026-02-30">'],
    ['releaseDate', '<taxonomy name="T" country="US" language="en">'],
    ['country', '<taxonomy name="T" country="usa" language="en" releaseDate="2026-07-01">'],
    ['xml', '<taxonomies name="T" country="US" language="en" releaseDate="2026-07-01">'],
  ])('TAX-1: a header without a valid %s is refused', async (field, header) => {
    const xml = file('', header).replace(
      '</taxonomy>',
      header.startsWith('<taxonomies') ? '</taxonomies>' : '</taxonomy>',
    );
    expect(await readingError(xml)).toMatchObject({ field, termCode: null });
  });

  it('TAX-7: an explicit parent wins over the code grammar (custom codes)', async () => {
    const { terms } = await allTerms(
      chunksOf(
        file(
          '<term code="C1" parent="" level="1"><name>Root</name></term>' +
            '<term code="C1-a" parent="C1"><name>Child</name></term>' +
            '<term code="BD" parent="C1" level="2"><name>Grafted</name></term>',
        ),
        16,
      ),
    );
    expect(terms.map((term) => [term.code, term.level, term.parentCode])).toEqual([
      ['C1', 1, null],
      ['C1-a', 2, 'C1'],
      ['BD', 2, 'C1'],
    ]);
    const again = await allTerms(chunksOf(taxonomyXml(syntheticHeader('2026-01-01'), terms), 16));
    expect(again.terms).toEqual(terms);
  });

  it('TAX-1: the writer escapes what the parser unescapes', async () => {
    const term: TaxonomyFileTerm = {
      code: 'B',
      level: 1,
      parentCode: null,
      name: 'Food & "Shelter" <Now>',
      definition: null,
      facet: null,
      useReferences: ["Women's Aid"],
      seeAlso: [],
      relatedConcepts: [{ code: 'YB', name: null }],
      replaces: ['A'],
    };
    const { terms } = await allTerms(
      chunksOf(taxonomyXml(syntheticHeader('2026-01-01'), [term]), 7),
    );
    expect(terms).toEqual([term]);
  });
});
