import { describe, expect, it } from '@jest/globals';
import { dateRange, parseCalendarDate } from '@platform/kernel';
import {
  describePeriod,
  overlappingRate,
  rangeAmountProblem,
  rateInEffect,
  type DatedRate,
} from './rates.js';

const d = parseCalendarDate;
const rate = (id: string, start: string, end: string | null = null): DatedRate => ({
  id,
  period: dateRange(d(start), end === null ? null : d(end)),
});

const firstHalf = rate('h1', '2026-01-01', '2026-06-30');
const secondHalfOnwards = rate('h2', '2026-07-01');
const rates = [firstHalf, secondHalfOnwards];

describe('rates (SVC-2)', () => {
  it('SVC-2: a period starting the day after the last one ends does not overlap', () => {
    expect(overlappingRate(dateRange(d('2026-07-01')), [firstHalf])).toBeUndefined();
  });

  it('SVC-2: a period sharing a single day with another rate overlaps it', () => {
    expect(overlappingRate(dateRange(d('2026-06-30'), d('2026-06-30')), [firstHalf])).toBe(
      firstHalf,
    );
  });

  it('SVC-2: a period starting before an open-ended rate but ending inside it overlaps', () => {
    expect(overlappingRate(dateRange(d('2026-06-15'), d('2026-07-15')), rates)).toBe(firstHalf);
    expect(overlappingRate(dateRange(d('2026-12-01'), d('2026-12-31')), rates)).toBe(
      secondHalfOnwards,
    );
  });

  it('SVC-2: an open-ended period before every rate overlaps them all', () => {
    expect(overlappingRate(dateRange(d('2025-01-01')), rates)).toBe(firstHalf);
  });

  it('SVC-2: a rate whose own period changes is not compared with itself', () => {
    const extended = dateRange(d('2026-01-01'), d('2026-06-30'));
    expect(overlappingRate(extended, rates, 'h1')).toBeUndefined();
    expect(overlappingRate(dateRange(d('2026-01-01'), d('2026-07-01')), rates, 'h1')).toBe(
      secondHalfOnwards,
    );
  });

  it('SVC-2: the rate in effect on a date is the one whose period contains it, ends included', () => {
    expect(rateInEffect(rates, d('2026-06-30'))).toBe(firstHalf);
    expect(rateInEffect(rates, d('2026-07-01'))).toBe(secondHalfOnwards);
    expect(rateInEffect(rates, d('2040-01-01'))).toBe(secondHalfOnwards);
    expect(rateInEffect(rates, d('2025-12-31'))).toBeUndefined();
  });

  it('SVC-2: a range needs a minimum or a maximum, and the minimum cannot exceed the maximum', () => {
    expect(rangeAmountProblem(null, null)).toMatch(/minimum, a maximum or both/);
    expect(rangeAmountProblem(12_000n, 8_000n)).toMatch(/cannot exceed/);
    expect(rangeAmountProblem(8_000n, null)).toBeNull();
    expect(rangeAmountProblem(null, 12_000n)).toBeNull();
    expect(rangeAmountProblem(8_000n, 8_000n)).toBeNull();
  });

  it('describes periods for people', () => {
    expect(describePeriod(firstHalf.period)).toBe('2026-01-01 to 2026-06-30');
    expect(describePeriod(secondHalfOnwards.period)).toBe('2026-07-01 onwards');
  });
});
