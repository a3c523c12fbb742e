import { describe, expect, it } from '@jest/globals';
import { unindexableTerms } from './indexable-terms.js';

const published = [
  { code: 'PH-1400.5000-500', displayState: 'active' as const },
  { code: 'YK-0300', displayState: 'used' as const },
  { code: 'YB-8000', displayState: 'inactive-shown' as const },
  { code: 'YB-9000', displayState: 'inactive-hidden' as const },
];

describe('indexable terms (TAX-8, TAX-3)', () => {
  it('TAX-8: active and used terms of the published version can be indexed together', () => {
    expect(unindexableTerms(['PH-1400.5000-500', 'YK-0300'], published)).toEqual([]);
  });

  it('TAX-8: an unknown code is refused at its position', () => {
    expect(unindexableTerms(['YK-0300', 'ZZ-1'], published)).toEqual([
      {
        rule: 'TAX-8',
        field: 'termCodes[1]',
        message: 'ZZ-1 is not a term of the published version',
      },
    ]);
  });

  it('TAX-3: inactive terms cannot be indexed, shown or hidden', () => {
    expect(
      unindexableTerms(['YB-8000', 'YB-9000'], published).map((i) => [i.rule, i.field]),
    ).toEqual([
      ['TAX-3', 'termCodes[0]'],
      ['TAX-3', 'termCodes[1]'],
    ]);
  });

  it('TAX-8: a compound index names each term once', () => {
    expect(unindexableTerms(['YK-0300', 'YK-0300'], published).map((i) => i.field)).toEqual([
      'termCodes[1]',
    ]);
  });
});
