import type { CalendarDate } from '@platform/kernel';

/** A stored calendar date as the API shows it: `YYYY-MM-DD`, or null when there is none. */
export function dateOrNull(value: string | null | undefined): CalendarDate | null {
  return (value ?? null) as CalendarDate | null;
}

/** A stored instant as the API shows it: ISO 8601 in UTC, or null when there is none. */
export function instantOrNull(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}
