import type { CalendarDate } from '@platform/kernel';

/**
 * CRD-1: the pure rules of accreditations — the period they are current, their status on a date,
 * and ending them. The services apply them; the unit tests prove them.
 */
export const ACCREDITATION_STATUSES = ['not-yet-current', 'current', 'expired', 'ended'] as const;
export type AccreditationStatus = (typeof ACCREDITATION_STATUSES)[number];

export interface AccreditationPeriod {
  startDate: CalendarDate;
  expiryDate: CalendarDate;
  /** The last current day when ended early; null while not ended. */
  endDate: CalendarDate | null;
}

/**
 * CRD-1: current from the start date to the expiry date, both inclusive — or to the end date when
 * it was ended early. After that: `ended` when it was ended, else `expired`.
 */
export function accreditationStatusOn(
  accreditation: AccreditationPeriod,
  date: CalendarDate,
): AccreditationStatus {
  if (date < accreditation.startDate) return 'not-yet-current';
  if (date <= (accreditation.endDate ?? accreditation.expiryDate)) return 'current';
  return accreditation.endDate !== null ? 'ended' : 'expired';
}

/** CRD-1: the expiry date is on or after the start date. */
export function accreditationPeriodIssues(period: {
  startDate: CalendarDate;
  expiryDate: CalendarDate;
}): { field: string; message: string }[] {
  return period.expiryDate < period.startDate
    ? [{ field: 'expiryDate', message: 'an accreditation cannot expire before it starts' }]
    : [];
}

/**
 * CRD-1: an accreditation is ended once, on a day of its period (start to expiry, inclusive).
 * Returns why not — a conflict with its state (`field: null`) or a bad end date — or null.
 */
export function endRefusal(
  accreditation: AccreditationPeriod,
  endDate: CalendarDate,
): { field: 'endDate' | null; message: string } | null {
  if (accreditation.endDate !== null) {
    return {
      field: null,
      message: `CRD-1: the accreditation was already ended on ${accreditation.endDate}`,
    };
  }
  if (endDate < accreditation.startDate || endDate > accreditation.expiryDate) {
    return {
      field: 'endDate',
      message: `CRD-1: the end date must fall within the accreditation (${accreditation.startDate} to ${accreditation.expiryDate})`,
    };
  }
  return null;
}
