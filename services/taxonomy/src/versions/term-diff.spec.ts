import { describe, expect, it } from '@jest/globals';
import {
  changedElements,
  diffTerms,
  needsReview,
  type CurrentTerm,
  type ImportedTerm,
  type ReviewOptions,
} from './term-diff.js';

const base = {
  parentCode: 'B',
  definition: 'Programs that provide food.',
  facet: 'Service',
  useReferences: ['Food Pantries'],
  seeAlso: ['BD'],
  relatedConcepts: [{ code: 'YK-0300', name: 'Low Income' }],
};
const current = (code: string, name: string, extra: Partial<CurrentTerm> = {}): CurrentTerm => ({
  code,
  name,
  custom: false,
  ...base,
  ...extra,
});
const imported = (code: string, name: string, extra: Partial<ImportedTerm> = {}): ImportedTerm => ({
  code,
  name,
  replaces: [],
  ...base,
  ...extra,
});
const plain: ReviewOptions = { reviewBeforeImport: false, reviewElements: [] };

describe('update import diff (TAX-5)', () => {
  it('TAX-5: a new code is added, a changed name is a modification naming `name`, an unchanged term is no change', () => {
    const changes = diffTerms(
      [current('BD-1800', 'Food Banks'), current('BD-1900', 'Meals')],
      [
        imported('BD-1800', 'Food Banks'),
        imported('BD-1900', 'Congregate Meals'),
        imported('BD-2000', 'Soup Kitchens'),
      ],
      plain,
    );
    expect(changes).toEqual([
      {
        code: 'BD-1900',
        change: 'modified',
        changedElements: ['name'],
        replacedBy: null,
        needsReview: false,
      },
      {
        code: 'BD-2000',
        change: 'added',
        changedElements: [],
        replacedBy: null,
        needsReview: false,
      },
    ]);
  });

  it('TAX-5: a code the file lacks is replaced when a file term lists it in `replaces`, else deleted; both need review', () => {
    const changes = diffTerms(
      [current('BD-1800', 'Food Banks'), current('BD-1900', 'Meals')],
      [imported('BD-1850', 'Food Banks and Pantries', { replaces: ['BD-1800'] })],
      plain,
    );
    expect(changes).toEqual([
      {
        code: 'BD-1800',
        change: 'replaced',
        changedElements: [],
        replacedBy: 'BD-1850',
        needsReview: true,
      },
      {
        code: 'BD-1900',
        change: 'deleted',
        changedElements: [],
        replacedBy: null,
        needsReview: true,
      },
    ]);
  });

  it('TAX-5: a term replacing a code the current version never had is simply added', () => {
    const changes = diffTerms(
      [],
      [imported('BD-1850', 'Pantries', { replaces: ['BD-0001'] })],
      plain,
    );
    expect(changes.map((change) => [change.code, change.change])).toEqual([['BD-1850', 'added']]);
  });

  it('TAX-4/TAX-5: a custom term the file lacks is neither deleted nor replaced', () => {
    const changes = diffTerms(
      [current('BD-1800-900', 'Our Pantry', { custom: true })],
      [imported('BD-2000', 'Soup Kitchens', { replaces: ['BD-1800-900'] })],
      plain,
    );
    expect(changes.map((change) => [change.code, change.change])).toEqual([['BD-2000', 'added']]);
  });

  it('TAX-5: with reviewElements=[name] only renamed terms go on the review list', () => {
    const options = { reviewBeforeImport: true, reviewElements: ['name'] };
    const changes = diffTerms(
      [current('A', 'One'), current('B', 'Two')],
      [imported('A', 'One!'), imported('B', 'Two', { definition: 'Changed.' })],
      options,
    );
    expect(
      changes.map((change) => [change.code, change.changedElements, change.needsReview]),
    ).toEqual([
      ['A', ['name'], true],
      ['B', ['definition'], false],
    ]);
  });

  it('TAX-5: review before importing without chosen elements puts every modified term on the list', () => {
    expect(
      needsReview('modified', ['facet'], { reviewBeforeImport: true, reviewElements: [] }),
    ).toBe(true);
    expect(needsReview('modified', ['facet'], plain)).toBe(false);
    expect(needsReview('added', [], { reviewBeforeImport: true, reviewElements: ['name'] })).toBe(
      false,
    );
  });

  it('TAX-5: synonyms, see-also references and related concepts compare as sets; each change is named', () => {
    const before = imported('A', 'One', { useReferences: ['x', 'y'], seeAlso: ['B', 'C'] });
    expect(
      changedElements(before, { ...before, useReferences: ['y', 'x', 'x'], seeAlso: ['C', 'B'] }),
    ).toEqual([]);
    expect(
      changedElements(before, {
        ...before,
        parentCode: 'Z',
        facet: null,
        useReferences: ['x'],
        seeAlso: ['B'],
        relatedConcepts: [{ code: 'YK-0300', name: 'Poverty' }],
      }),
    ).toEqual(['parent', 'facet', 'useReferences', 'seeAlso', 'relatedConcepts']);
  });
});
