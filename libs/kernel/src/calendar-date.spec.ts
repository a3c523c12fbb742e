import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  addMonths,
  daysInclusive,
  parseCalendarDate,
  periodEndAfterMonths,
} from './calendar-date.js';

describe('calendar dates (ARCHITECTURE rule 8: no time zone drift)', () => {
  it('rejects impossible days', () => {
    expect(() => parseCalendarDate('2026-02-30')).toThrow('no such day: 2026-02-30');
    expect(() => parseCalendarDate('30/01/2026')).toThrow(/YYYY-MM-DD/);
  });

  it('adds days across month and leap-year ends', () => {
    expect(addDays(parseCalendarDate('2028-02-28'), 1)).toBe('2028-02-29');
    expect(addDays(parseCalendarDate('2026-12-31'), 1)).toBe('2027-01-01');
  });

  it('FIN-10: counts 5–31 January inclusively as 27 days', () => {
    expect(daysInclusive(parseCalendarDate('2026-01-05'), parseCalendarDate('2026-01-31'))).toBe(
      27,
    );
  });

  it('CRD-2: a month later is the same day, clamped to the end of a shorter month', () => {
    const d = parseCalendarDate;
    expect(addMonths(d('2026-01-31'), 1)).toBe('2026-02-28');
    expect(addMonths(d('2028-02-29'), 12)).toBe('2029-02-28');
    expect(addMonths(d('2026-11-15'), 2)).toBe('2027-01-15');
    expect(addMonths(d('2027-01-15'), -2)).toBe('2026-11-15');
  });

  it('CRD-2: a period of N months ends the day before the same date N months on', () => {
    const d = parseCalendarDate;
    expect(periodEndAfterMonths(d('2026-01-01'), 12)).toBe('2026-12-31');
    expect(periodEndAfterMonths(d('2026-03-01'), 12)).toBe('2027-02-28');
    expect(periodEndAfterMonths(d('2026-01-31'), 1)).toBe('2026-02-27');
  });
});
