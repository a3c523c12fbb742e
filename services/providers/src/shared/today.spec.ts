import { describe, expect, it } from '@jest/globals';
import { calendarDayOf, todayDate } from './today.js';

describe('today as a calendar date (ARCHITECTURE rule 8)', () => {
  it('takes the UTC day of an instant, whatever the offset it was written with', () => {
    expect(calendarDayOf(new Date('2026-01-31T23:30:00-05:00'))).toBe('2026-02-01');
    expect(calendarDayOf(new Date('2026-02-01T00:30:00+02:00'))).toBe('2026-01-31');
  });

  it('reads the clock only when no instant is given', () => {
    expect(todayDate(new Date('2026-03-15T12:00:00Z'))).toBe('2026-03-15');
    expect(todayDate()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
