import type { CalendarDate } from '@platform/kernel';

/** Today as a UTC calendar day, read once per request (the rules take the day as a parameter). */
export function todayDate(now = new Date()): CalendarDate {
  return now.toISOString().slice(0, 10) as CalendarDate;
}
