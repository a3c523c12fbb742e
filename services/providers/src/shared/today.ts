import type { CalendarDate } from '@platform/kernel';

/** The UTC calendar day an instant falls on (ARCHITECTURE rule 8: no local offset shifts a day). */
export function calendarDayOf(instant: Date): CalendarDate {
  return instant.toISOString().slice(0, 10) as CalendarDate;
}

/**
 * Today as a calendar date (UTC). Read once where a request or activity comes in and passed on, so
 * the rules take the date as a parameter and never read the wall clock themselves.
 */
export function todayDate(now = new Date()): CalendarDate {
  return calendarDayOf(now);
}
