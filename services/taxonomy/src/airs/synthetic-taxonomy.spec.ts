import { airsCodePlace } from './airs-code.js';
import { syntheticTerms } from './synthetic-taxonomy.js';

describe('synthetic taxonomy', () => {
  const terms = [...syntheticTerms({ seed: 11 })];
  const codes = new Set(terms.map((term) => term.code));

  it('TAX-1: has the real file size, ten top categories and six levels of AIRS codes', () => {
    expect(terms).toHaveLength(9_200);
    expect(codes.size).toBe(9_200);
    expect(terms.filter((term) => term.level === 1).map((term) => term.code)).toEqual([
      'B',
      'D',
      'F',
      'J',
      'L',
      'N',
      'P',
      'R',
      'T',
      'Y',
    ]);
    expect(new Set(terms.map((term) => term.level))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    for (const term of terms) {
      expect(airsCodePlace(term.code)).toEqual({ level: term.level, parentCode: term.parentCode });
    }
  });

  it('TAX-1: parents come before their children, and references point to codes of the file', () => {
    const seen = new Set<string>();
    for (const term of terms) {
      if (term.parentCode !== null) expect(seen.has(term.parentCode)).toBe(true);
      seen.add(term.code);
      for (const target of term.seeAlso) expect(codes.has(target)).toBe(true);
      for (const concept of term.relatedConcepts) expect(codes.has(concept.code)).toBe(true);
    }
    const count = (pick: (term: (typeof terms)[number]) => unknown[]) =>
      terms.filter((term) => pick(term).length > 0).length;
    expect(count((term) => term.useReferences)).toBeGreaterThan(4_000);
    expect(count((term) => term.seeAlso)).toBeGreaterThan(4_000);
    expect(count((term) => term.relatedConcepts)).toBeGreaterThan(4_000);
  });

  it('TAX-1: the same seed gives the same file, another seed another one', () => {
    expect([...syntheticTerms({ seed: 11 })]).toEqual(terms);
    const other = [...syntheticTerms({ seed: 12 })];
    expect(other.map((term) => term.code)).not.toEqual(terms.map((term) => term.code));
  });

  it('TAX-6: the same seed in French has the same codes and references, with French texts', () => {
    const french = [...syntheticTerms({ seed: 11, language: 'fr' })];
    const shape = (term: (typeof terms)[number]) => [
      term.code,
      term.parentCode,
      term.seeAlso,
      term.relatedConcepts.map((concept) => concept.code),
      term.useReferences.length,
    ];
    expect(french.map(shape)).toEqual(terms.map(shape));
    expect(french[0]?.name).toBe('Besoins essentiels');
    expect(terms[0]?.name).toBe('Basic Needs');
  });
});
