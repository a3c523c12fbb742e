import type { CalendarDate } from './calendar-date.js';

/**
 * A period of calendar dates, both ends inclusive (a rate effective 1–31 January applies on the
 * 31st). `end: null` means open-ended. ISO dates compare correctly as strings, so no parsing is
 * needed. Pure: safe to use inside workflows.
 */
export interface DateRange {
  readonly start: CalendarDate;
  readonly end: CalendarDate | null;
}

/** Builds a range, refusing one that ends before it starts. */
export function dateRange(start: CalendarDate, end: CalendarDate | null = null): DateRange {
  if (end !== null && end < start) {
    throw new RangeError(`a period cannot end (${end}) before it starts (${start})`);
  }
  return { start, end };
}

/** True when `date` falls within the range, ends included. */
export function rangeContains(range: DateRange, date: CalendarDate): boolean {
  return range.start <= date && (range.end === null || date <= range.end);
}

/** True when the two ranges share at least one day. */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  const aStartsBeforeBEnds = b.end === null || a.start <= b.end;
  const bStartsBeforeAEnds = a.end === null || b.start <= a.end;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}
