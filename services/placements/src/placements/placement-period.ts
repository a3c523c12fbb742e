import { refuse } from '@platform/http';
import type { CalendarDate } from '@platform/kernel';

/**
 * PLC-5 (decision): a placement records a client who has arrived, so it starts today or earlier
 * (an arrival recorded late keeps its real first day, which finance pays from). A stay that
 * starts later is a reservation (PLC-4), which holds the place and expires if the client does not
 * come. 422 naming the field.
 */
export function assertNotFuture(day: CalendarDate, today: CalendarDate, field: string): void {
  if (day > today) {
    refuse({
      rule: 'PLC-5',
      field,
      message: `${day} is in the future: a placement records an arrival (today or earlier); reserve a place for a later start (PLC-4)`,
    });
  }
}

/** PLC-5: the end, if any, is on or after the start. */
export function assertPeriod(start: CalendarDate, end: CalendarDate | null, field: string): void {
  if (end !== null && end < start) {
    refuse({
      rule: 'PLC-5',
      field,
      message: `a placement cannot end (${end}) before it starts (${start})`,
    });
  }
}
