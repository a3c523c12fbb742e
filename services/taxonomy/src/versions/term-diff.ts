/**
 * TAX-5: how an update import's terms compare with the current published version's — the rules,
 * as a pure function for readable tests. The import itself computes the same classification
 * set-based in SQL (`update-diff.sql.ts`) over ~9,200 terms; the integration suite checks the two
 * agree on the same release.
 */

/** The elements of a term whose change makes it "modified"; a rename is a changed `name`. */
export const TERM_ELEMENTS = [
  'name',
  'definition',
  'parent',
  'facet',
  'useReferences',
  'seeAlso',
  'relatedConcepts',
] as const;
export type TermElement = (typeof TERM_ELEMENTS)[number];

export type ChangeKind = 'added' | 'modified' | 'replaced' | 'deleted';

export interface ComparableTerm {
  code: string;
  parentCode: string | null;
  name: string;
  definition: string | null;
  facet: string | null;
  useReferences: readonly string[];
  seeAlso: readonly string[];
  relatedConcepts: readonly { code: string; name: string | null }[];
}

export interface CurrentTerm extends ComparableTerm {
  /** TAX-4: added by the agency; an import never deletes or replaces it. */
  custom: boolean;
}

export interface ImportedTerm extends ComparableTerm {
  /** Codes of earlier releases' terms this term replaces. */
  replaces: readonly string[];
}

export interface TermChange {
  code: string;
  change: ChangeKind;
  changedElements: TermElement[];
  /** For a replaced term: the code of the term that replaces it. */
  replacedBy: string | null;
  needsReview: boolean;
}

export interface ReviewOptions {
  /** Modified terms go on the review list and keep their old values until accepted. */
  reviewBeforeImport: boolean;
  /** Only modified terms whose changed elements include one of these go on the list. */
  reviewElements: readonly string[];
}

/** Sets compare regardless of order and repetition (the file's order carries no meaning). */
const sorted = (values: readonly string[]) => [...new Set(values)].sort();
const sameSet = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
const concepts = (values: ComparableTerm['relatedConcepts']) =>
  sorted(values.map((concept) => JSON.stringify([concept.code, concept.name ?? null])));

/** The elements that differ between two versions of one term, in TERM_ELEMENTS order. */
export function changedElements(before: ComparableTerm, after: ComparableTerm): TermElement[] {
  const differs: Record<TermElement, boolean> = {
    name: before.name !== after.name,
    definition: (before.definition ?? null) !== (after.definition ?? null),
    parent: (before.parentCode ?? null) !== (after.parentCode ?? null),
    facet: (before.facet ?? null) !== (after.facet ?? null),
    useReferences: !sameSet(before.useReferences, after.useReferences),
    seeAlso: !sameSet(before.seeAlso, after.seeAlso),
    relatedConcepts: !sameSet(concepts(before.relatedConcepts), concepts(after.relatedConcepts)),
  };
  return TERM_ELEMENTS.filter((element) => differs[element]);
}

/**
 * TAX-5: a replaced or deleted term always goes on the review list; a modified one when the
 * administrator chose elements and one of them changed, or, without chosen elements, when they
 * asked to review before importing. Added terms are imported without review.
 */
export function needsReview(
  change: ChangeKind,
  elements: readonly string[],
  options: ReviewOptions,
): boolean {
  if (change === 'replaced' || change === 'deleted') return true;
  if (change === 'added') return false;
  if (options.reviewElements.length > 0) {
    return elements.some((element) => options.reviewElements.includes(element));
  }
  return options.reviewBeforeImport;
}

/**
 * TAX-5: classifies the current version's terms against the file's. Added: a new code that does
 * not replace a term of the current version. Modified: the same code with changed elements.
 * Replaced: a code the file no longer has that a file term lists in `replaces` (the smallest such
 * code is its replacement). Deleted: a code the file no longer has and nothing replaces. Custom
 * terms are the agency's: a file that lacks them deletes or replaces nothing. Sorted by code.
 */
export function diffTerms(
  current: readonly CurrentTerm[],
  imported: readonly ImportedTerm[],
  options: ReviewOptions,
): TermChange[] {
  const before = new Map(current.map((term) => [term.code, term]));
  const after = new Map(imported.map((term) => [term.code, term]));
  const replacementOf = new Map<string, string>();
  for (const term of imported) {
    for (const old of term.replaces) {
      const known = replacementOf.get(old);
      if (known === undefined || term.code < known) replacementOf.set(old, term.code);
    }
  }
  const changes: TermChange[] = [];
  const record = (code: string, change: ChangeKind, elements: TermElement[], by: string | null) =>
    changes.push({
      code,
      change,
      changedElements: elements,
      replacedBy: by,
      needsReview: needsReview(change, elements, options),
    });

  const replacements = new Set<string>();
  for (const term of current) {
    if (after.has(term.code) || term.custom) continue;
    const by = replacementOf.get(term.code);
    if (by === undefined) {
      record(term.code, 'deleted', [], null);
    } else {
      replacements.add(by);
      record(term.code, 'replaced', [], by);
    }
  }
  for (const term of imported) {
    const old = before.get(term.code);
    if (old === undefined) {
      if (!replacements.has(term.code)) record(term.code, 'added', [], null);
      continue;
    }
    const elements = changedElements(old, term);
    if (elements.length > 0) record(term.code, 'modified', elements, null);
  }
  return changes.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
