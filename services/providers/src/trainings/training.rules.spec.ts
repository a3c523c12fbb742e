import { describe, expect, it } from '@jest/globals';
import type { CalendarDate } from '@platform/kernel';
import {
  creditsFor,
  creditVariationIssues,
  hasAtMostTwoDecimals,
  sumCredits,
  trainingActionRefusal,
  trainingCredits,
  type CreditVariation,
} from './training.rules.js';

const d = (value: string) => value as CalendarDate;

const course = {
  defaultCredits: 2,
  creditVariations: [
    { categoryCode: 'FOSTER-CARE', typeCode: null, credits: 3 },
    { categoryCode: null, typeCode: 'THERAPEUTIC', credits: 4 },
    { categoryCode: 'FOSTER-CARE', typeCode: 'THERAPEUTIC', credits: 5 },
  ] satisfies CreditVariation[],
};

describe('credit weighting (CRD-4)', () => {
  it('CRD-4: without a provider, or with no matching variation, a course earns its default credits', () => {
    expect(creditsFor(course, null)).toBe(2);
    expect(creditsFor(course, { categoryCode: 'DAY-CARE', typeCode: 'CENTRE' })).toBe(2);
    expect(creditsFor(course, { categoryCode: null, typeCode: null })).toBe(2);
  });

  it('CRD-4: credits vary by provider category and type; the most specific variation wins', () => {
    expect(creditsFor(course, { categoryCode: 'FOSTER-CARE', typeCode: 'KINSHIP' })).toBe(3);
    expect(creditsFor(course, { categoryCode: 'RESIDENTIAL', typeCode: 'THERAPEUTIC' })).toBe(4);
    expect(creditsFor(course, { categoryCode: 'FOSTER-CARE', typeCode: 'THERAPEUTIC' })).toBe(5);
  });

  it('CRD-4: a type-only variation outranks a category-only one', () => {
    const twoWays = {
      defaultCredits: 1,
      creditVariations: [
        { categoryCode: 'FOSTER-CARE', typeCode: null, credits: 3 },
        { categoryCode: null, typeCode: 'THERAPEUTIC', credits: 4 },
      ],
    };
    expect(creditsFor(twoWays, { categoryCode: 'FOSTER-CARE', typeCode: 'THERAPEUTIC' })).toBe(4);
  });

  it('CRD-4: a variation names a category or a type, and each pair once', () => {
    expect(
      creditVariationIssues([
        { categoryCode: null, typeCode: null, credits: 1 },
        { categoryCode: 'A', typeCode: null, credits: 1 },
        { categoryCode: 'A', typeCode: null, credits: 2 },
        { categoryCode: 'A', typeCode: 'B', credits: 2 },
      ]),
    ).toEqual([
      {
        field: 'creditVariations.0',
        message: expect.stringContaining('names a provider category'),
      },
      { field: 'creditVariations.2', message: expect.stringContaining('already names') },
    ]);
  });

  it('CRD-4: credits are exact to two decimals', () => {
    expect(sumCredits([0.1, 0.2, 1.15])).toBe(1.45);
    expect(hasAtMostTwoDecimals(1.25)).toBe(true);
    expect(hasAtMostTwoDecimals(1.255)).toBe(false);
  });
});

describe('credits a training earns (CRD-4)', () => {
  const completed = {
    status: 'completed' as const,
    completedOn: d('2026-03-01'),
    courseCode: 'FIRST-AID',
    units: 6,
  };
  const foster = { categoryCode: 'FOSTER-CARE', typeCode: null };

  it('CRD-4: a completed registered course earns its weighted credits, not its units', () => {
    expect(trainingCredits(completed, course, foster, d('2026-03-01'))).toBe(3);
    expect(trainingCredits(completed, course, null, d('2026-12-31'))).toBe(2);
  });

  it('CRD-4: a free-text course earns the units recorded for it, or none', () => {
    const freeText = { ...completed, courseCode: null };
    expect(trainingCredits(freeText, undefined, foster, d('2026-03-01'))).toBe(6);
    expect(trainingCredits({ ...freeText, units: null }, undefined, null, d('2026-03-01'))).toBe(0);
  });

  it('CRD-4: nothing is earned before completion, after the date, or by a waiver', () => {
    expect(trainingCredits(completed, course, null, d('2026-02-28'))).toBe(0);
    expect(
      trainingCredits(
        { ...completed, status: 'waived', completedOn: null },
        course,
        null,
        d('2026-12-31'),
      ),
    ).toBe(0);
    expect(
      trainingCredits(
        { ...completed, status: 'approved', completedOn: null },
        course,
        null,
        d('2026-12-31'),
      ),
    ).toBe(0);
  });
});

describe('managed training statuses (CRD-4)', () => {
  const managed = (status: 'assigned' | 'approved' | 'completed' | 'waived') => ({
    kind: 'managed' as const,
    status,
  });

  it('CRD-4: assigned → approved → completed', () => {
    expect(trainingActionRefusal(managed('assigned'), 'approve')).toBeNull();
    expect(trainingActionRefusal(managed('approved'), 'complete')).toBeNull();
  });

  it('CRD-4: a training is approved before its completion is recorded', () => {
    expect(trainingActionRefusal(managed('assigned'), 'complete')).toMatch(
      /^CRD-4: an? assigned training cannot be completed/,
    );
  });

  it('CRD-4: a training may be waived until it is completed, and only once', () => {
    expect(trainingActionRefusal(managed('assigned'), 'waive')).toBeNull();
    expect(trainingActionRefusal(managed('approved'), 'waive')).toBeNull();
    expect(trainingActionRefusal(managed('completed'), 'waive')).toMatch(/CRD-4/);
    expect(trainingActionRefusal(managed('waived'), 'waive')).toMatch(/CRD-4/);
    expect(trainingActionRefusal(managed('waived'), 'approve')).toMatch(/CRD-4/);
  });

  it('CRD-4: an unmanaged training is recorded completed; no action applies to it', () => {
    for (const action of ['approve', 'complete', 'waive'] as const) {
      expect(trainingActionRefusal({ kind: 'unmanaged', status: 'completed' }, action)).toMatch(
        /unmanaged/,
      );
    }
  });
});
