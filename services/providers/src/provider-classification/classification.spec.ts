import { describe, expect, it } from '@jest/globals';
import {
  refuseClassification,
  sameClassification,
  type RegisteredCategory,
} from './classification.js';

const none = { categoryCode: null, typeCode: null };
const fosterHome: RegisteredCategory = {
  code: 'foster-home',
  active: true,
  typeCodes: ['traditional', 'therapeutic', 'emergency'],
};
const retired: RegisteredCategory = { code: 'group-home', active: false, typeCodes: ['small'] };

describe('provider classification (PRV-3)', () => {
  it('PRV-3: a category with one of its own types is accepted', () => {
    expect(
      refuseClassification(
        none,
        { categoryCode: 'foster-home', typeCode: 'therapeutic' },
        fosterHome,
      ),
    ).toBeNull();
  });

  it('PRV-3: a category alone (no type yet) is accepted, and so is clearing both', () => {
    expect(
      refuseClassification(none, { categoryCode: 'foster-home', typeCode: null }, fosterHome),
    ).toBeNull();
    expect(
      refuseClassification({ categoryCode: 'foster-home', typeCode: 'emergency' }, none, null),
    ).toBeNull();
  });

  it('PRV-3: the type must be a sub-classification of the category given', () => {
    expect(
      refuseClassification(none, { categoryCode: 'foster-home', typeCode: 'small' }, fosterHome),
    ).toEqual({
      kind: 'rule',
      field: 'typeCode',
      message: 'PRV-3: type "small" is not a type of category "foster-home"',
    });
  });

  it('PRV-3: a type without a category is refused', () => {
    expect(
      refuseClassification(none, { categoryCode: null, typeCode: 'traditional' }, null),
    ).toMatchObject({
      kind: 'rule',
      field: 'typeCode',
    });
  });

  it('PRV-3: an unknown category is reported as such, naming the field', () => {
    expect(
      refuseClassification(none, { categoryCode: 'nope', typeCode: null }, null),
    ).toMatchObject({ kind: 'unknown', field: 'categoryCode' });
  });

  it('PRV-3: an inactive category cannot be newly assigned', () => {
    expect(
      refuseClassification(
        { categoryCode: 'foster-home', typeCode: null },
        { categoryCode: 'group-home', typeCode: null },
        retired,
      ),
    ).toMatchObject({ kind: 'rule', field: 'categoryCode' });
  });

  it('PRV-3: a provider that already has an inactive category keeps it and may change its type within it', () => {
    expect(
      refuseClassification(
        { categoryCode: 'group-home', typeCode: null },
        { categoryCode: 'group-home', typeCode: 'small' },
        retired,
      ),
    ).toBeNull();
  });

  it('tells an unchanged classification from a change', () => {
    expect(sameClassification(none, { categoryCode: null, typeCode: null })).toBe(true);
    expect(
      sameClassification(
        { categoryCode: 'foster-home', typeCode: 'traditional' },
        { categoryCode: 'foster-home', typeCode: 'emergency' },
      ),
    ).toBe(false);
  });
});
