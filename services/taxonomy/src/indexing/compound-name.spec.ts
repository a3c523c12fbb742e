import { describe, expect, it } from '@jest/globals';
import { compoundIndexName } from './compound-name.js';

describe('compound index names (TAX-8)', () => {
  it('TAX-8: a compound index is named by its terms joined with *', () => {
    expect(compoundIndexName(['Youth Mentoring', 'At Risk Youth', 'Girls'])).toBe(
      'Youth Mentoring * At Risk Youth * Girls',
    );
  });

  it('TAX-8: a single-term index is named by its term, in the order given', () => {
    expect(compoundIndexName(['Food Pantries'])).toBe('Food Pantries');
    expect(compoundIndexName(['Girls', 'Youth Mentoring'])).toBe('Girls * Youth Mentoring');
  });

  it('TAX-8: an index without terms has no name', () => {
    expect(() => compoundIndexName([])).toThrow('at least one term');
  });
});
