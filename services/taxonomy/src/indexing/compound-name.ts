/** TAX-8: what joins the terms of a compound index, e.g. "Youth Mentoring * At Risk Youth * Girls". */
export const COMPOUND_SEPARATOR = ' * ';

/** TAX-8: a compound index is named by its terms' names, in the index's order, joined with "*". */
export function compoundIndexName(termNames: readonly string[]): string {
  if (termNames.length === 0) throw new Error('an index has at least one term');
  return termNames.map((name) => name.trim()).join(COMPOUND_SEPARATOR);
}
