import { addDays, type CalendarDate } from '@platform/kernel';

/** One day in milliseconds: workflow durations in days (calendar-free, UTC). */
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/**
 * The workflow's "now": the time of the workflow task being processed, the same on every replay.
 * The sandbox pins `Date.now()` to exactly that; the lint rule against it elsewhere stands, and this
 * is the one place that reads it, so every timer computes from the same clock.
 */
export function workflowNow(): number {
  // eslint-disable-next-line no-restricted-syntax -- replay-safe inside the workflow sandbox (see above)
  return Date.now();
}

/** The calendar date (UTC) of a workflow time. */
export function calendarDateAt(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10) as CalendarDate;
}

/** Midnight UTC at the start of a calendar date: when a date-based timer fires. */
export function startOfDay(date: CalendarDate | string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Milliseconds from now until `at` (0 when it has passed): the argument of sleep(). */
export function msUntil(at: number): number {
  return Math.max(0, at - workflowNow());
}

export function daysBefore(date: CalendarDate | string, days: number): CalendarDate {
  return addDays(date as CalendarDate, -days);
}

export function daysAfterNow(days: number): string {
  return new Date(workflowNow() + days * DAY_MS).toISOString();
}
