import { describe, expect, it } from '@jest/globals';
import { parseCalendarDate } from './calendar-date.js';
import { dateRange, rangeContains, rangesOverlap, type DateRange } from './date-range.js';

const d = parseCalendarDate;
const range = (start: string, end: string | null = null): DateRange =>
  dateRange(d(start), end === null ? null : d(end));

describe('date ranges (inclusive calendar periods)', () => {
  it('refuses a period that ends before it starts, and accepts a single day', () => {
    expect(() => range('2026-02-01', '2026-01-31')).toThrow(/cannot end \(2026-01-31\) before/);
    expect(range('2026-02-01', '2026-02-01')).toEqual({ start: '2026-02-01', end: '2026-02-01' });
  });

  it('contains both of its ends, and every later day when open-ended', () => {
    const january = range('2026-01-01', '2026-01-31');
    expect(rangeContains(january, d('2026-01-01'))).toBe(true);
    expect(rangeContains(january, d('2026-01-31'))).toBe(true);
    expect(rangeContains(january, d('2025-12-31'))).toBe(false);
    expect(rangeContains(january, d('2026-02-01'))).toBe(false);
    expect(rangeContains(range('2026-01-01'), d('2099-12-31'))).toBe(true);
  });

  it.each([
    ['sharing only a last/first day', ['2026-01-01', '2026-01-31'], ['2026-01-31', '2026-02-28']],
    ['one inside the other', ['2026-01-01', '2026-12-31'], ['2026-03-01', '2026-03-31']],
    [
      'an open-ended one starting inside the other',
      ['2026-01-01', '2026-01-31'],
      ['2026-01-15', null],
    ],
    ['two open-ended ones', ['2026-01-01', null], ['2030-01-01', null]],
  ] as const)('overlaps: %s', (_label, [aStart, aEnd], [bStart, bEnd]) => {
    expect(rangesOverlap(range(aStart, aEnd), range(bStart, bEnd))).toBe(true);
    expect(rangesOverlap(range(bStart, bEnd), range(aStart, aEnd))).toBe(true);
  });

  it.each([
    ['back to back', ['2026-01-01', '2026-01-31'], ['2026-02-01', '2026-02-28']],
    [
      'an open-ended one starting after the other ends',
      ['2026-01-01', '2026-01-31'],
      ['2026-02-01', null],
    ],
    ['apart', ['2026-01-01', '2026-01-10'], ['2026-03-01', '2026-03-10']],
  ] as const)('does not overlap: %s', (_label, [aStart, aEnd], [bStart, bEnd]) => {
    expect(rangesOverlap(range(aStart, aEnd), range(bStart, bEnd))).toBe(false);
    expect(rangesOverlap(range(bStart, bEnd), range(aStart, aEnd))).toBe(false);
  });
});
