import { addDays, periodEndAfterMonths, type CalendarDate } from '@platform/kernel';

/**
 * CRD-2: the last day of a renewal's new period. It starts the day after the current period ends
 * and runs for the licence type's default validity, ending the day before the same date that many
 * months later (current period to 31 Dec 2027, 12 months → 1 Jan 2028 – 31 Dec 2028), as the
 * providers service computes a period from a validity.
 */
export function renewalPeriodEnd(currentTo: CalendarDate, validityMonths: number): CalendarDate {
  return periodEndAfterMonths(addDays(currentTo, 1), validityMonths);
}
