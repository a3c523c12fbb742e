import type { RuleIssue } from '@platform/http';
import type { DisplayState } from './term-usage.js';

/** A requested term as the published version has it (absent: no such code). */
export interface PublishedTerm {
  code: string;
  displayState: DisplayState;
}

/**
 * TAX-8 / TAX-3: every term of an index must exist in the taxonomy's published version and be
 * indexable (active or used; inactive terms only keep the hierarchy readable), and a compound
 * index names each term once. One issue per offending `termCodes[i]`.
 */
export function unindexableTerms(
  requested: readonly string[],
  published: readonly PublishedTerm[],
): RuleIssue[] {
  const byCode = new Map(published.map((term) => [term.code, term]));
  return requested.flatMap((code, i): RuleIssue[] => {
    const field = `termCodes[${i}]`;
    if (requested.indexOf(code) !== i) {
      return [
        {
          rule: 'TAX-8',
          field,
          message: `${code} is already the term at termCodes[${requested.indexOf(code)}]`,
        },
      ];
    }
    const term = byCode.get(code);
    if (!term) {
      return [{ rule: 'TAX-8', field, message: `${code} is not a term of the published version` }];
    }
    if (term.displayState !== 'active' && term.displayState !== 'used') {
      return [
        { rule: 'TAX-3', field, message: `${code} is ${term.displayState} and cannot be indexed` },
      ];
    }
    return [];
  });
}
