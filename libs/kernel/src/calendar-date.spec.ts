import { describe, expect, it } from '@jest/globals';
import { addDays, daysInclusive, parseCalendarDate } from './calendar-date.js';

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
});
