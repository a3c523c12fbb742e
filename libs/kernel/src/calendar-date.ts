/**
 * Dates of service are calendar dates with no time zone (ARCHITECTURE rule 8). Stored and passed
 * as ISO `YYYY-MM-DD`; arithmetic is done in UTC so no local offset can shift a day.
 * Pure functions: safe to use inside workflows.
 */
export type CalendarDate = string & { readonly __brand: 'CalendarDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function parseCalendarDate(value: string): CalendarDate {
  const match = ISO_DATE.exec(value);
  if (!match) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${value}`);
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) {
    throw new RangeError(`no such day: ${value}`);
  }
  return value as CalendarDate;
}

function toUtcMs(date: CalendarDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(toUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10) as CalendarDate;
}

/** Inclusive count of days from `start` to `end` (1 Jan–1 Jan is one day). */
export function daysInclusive(start: CalendarDate, end: CalendarDate): number {
  return Math.round((toUtcMs(end) - toUtcMs(start)) / DAY_MS) + 1;
}

/**
 * The same day `months` later (or earlier, for a negative count); a day the target month lacks
 * becomes its last day (31 Jan + 1 month = 28 Feb, 29 Feb 2028 + 12 months = 28 Feb 2029).
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth + 1, 2)}-${pad(Math.min(day, lastDay), 2)}` as CalendarDate;
}

/**
 * The last day of a period of `months` months that starts on `from`: the day before the same date
 * `months` later (12 months from 2026-01-01 end on 2026-12-31; from 2026-03-01 on 2027-02-28).
 * Licence periods, certification validity and renewals all count this way.
 */
export function periodEndAfterMonths(from: CalendarDate, months: number): CalendarDate {
  return addDays(addMonths(from, months), -1);
}

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
