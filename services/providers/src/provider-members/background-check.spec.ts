import { describe, expect, it } from '@jest/globals';
import { parseCalendarDate } from '@platform/kernel';
import {
  backgroundCheckIssues,
  backgroundCheckValidOn,
  type BackgroundCheckFacts,
} from './background-check.js';

const d = parseCalendarDate;
const passed: BackgroundCheckFacts = {
  result: 'passed',
  requestedOn: d('2026-01-05'),
  completedOn: d('2026-01-20'),
  validFrom: d('2026-01-20'),
  validTo: d('2027-01-19'),
};

describe('background checks (CRD-6)', () => {
  it('CRD-6: a failed check needs a failure reason', () => {
    const failed = { ...passed, result: 'failed' as const, validFrom: null, validTo: null };
    expect(backgroundCheckIssues(failed)).toEqual([
      { field: 'failureReason', message: expect.stringContaining('failure reason') },
    ]);
    expect(backgroundCheckIssues({ ...failed, failureReason: '   ' })).toHaveLength(1);
    expect(backgroundCheckIssues({ ...failed, failureReason: 'Criminal record' })).toEqual([]);
  });

  it('CRD-6: only a failed check has a failure reason, and only a passed one a validity period', () => {
    expect(backgroundCheckIssues({ ...passed, failureReason: 'n/a' })).toEqual([
      expect.objectContaining({ field: 'failureReason' }),
    ]);
    expect(
      backgroundCheckIssues({
        result: 'pending',
        requestedOn: d('2026-01-05'),
        validFrom: d('2026-02-01'),
      }),
    ).toEqual([expect.objectContaining({ field: 'validFrom' })]);
    expect(backgroundCheckIssues({ result: 'pending', requestedOn: d('2026-01-05') })).toEqual([]);
  });

  it('CRD-6: dates are in order — completed after requested, validity ending after it starts', () => {
    expect(backgroundCheckIssues({ ...passed, completedOn: d('2026-01-01') })).toEqual([
      expect.objectContaining({ field: 'completedOn' }),
    ]);
    expect(backgroundCheckIssues({ ...passed, validTo: d('2026-01-19') })).toEqual([
      expect.objectContaining({ field: 'validTo' }),
    ]);
    expect(backgroundCheckIssues({ ...passed, completedOn: null })).toEqual([
      expect.objectContaining({ field: 'completedOn' }),
    ]);
  });

  it('CRD-6: a check is valid only when passed and within its validity period, ends included', () => {
    expect(backgroundCheckValidOn(passed, d('2026-01-20'))).toBe(true);
    expect(backgroundCheckValidOn(passed, d('2027-01-19'))).toBe(true);
    expect(backgroundCheckValidOn(passed, d('2027-01-20'))).toBe(false);
    expect(backgroundCheckValidOn(passed, d('2026-01-19'))).toBe(false);
    expect(backgroundCheckValidOn({ ...passed, validTo: null }, d('2040-01-01'))).toBe(true);
    expect(
      backgroundCheckValidOn(
        { ...passed, result: 'failed', failureReason: 'Criminal record' },
        d('2026-06-01'),
      ),
    ).toBe(false);
    expect(
      backgroundCheckValidOn({ result: 'pending', requestedOn: d('2026-01-05') }, d('2026-06-01')),
    ).toBe(false);
  });
});
