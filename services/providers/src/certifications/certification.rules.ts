import { periodEndAfterMonths, type CalendarDate } from '@platform/kernel';

/**
 * CRD-5: the pure rules of member certifications — the validity period a type gives, the status on
 * a date, the credit requirement and renewal. The services apply them; the unit tests prove them.
 */
export const CERTIFICATION_STATUSES = ['not-yet-valid', 'valid', 'expired', 'removed'] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

/**
 * CRD-5: the last valid day of a certification valid from `validFrom` for the type's validity:
 * the day before the same date `validityMonths` later (1 Jan 2026 for 12 months → 31 Dec 2026).
 */
export function validityEnd(validFrom: CalendarDate, validityMonths: number): CalendarDate {
  return periodEndAfterMonths(validFrom, validityMonths);
}

/** CRD-5: a certification's status on a date (its period is inclusive at both ends). */
export function certificationStatusOn(
  certification: { validFrom: CalendarDate; validTo: CalendarDate; removed: boolean },
  date: CalendarDate,
): CertificationStatus {
  if (certification.removed) return 'removed';
  if (date < certification.validFrom) return 'not-yet-valid';
  if (date > certification.validTo) return 'expired';
  return 'valid';
}

/** CRD-5: why the member's credits are not enough for the type, or null when they are. */
export function creditShortfall(
  typeName: string,
  requiredCredits: number,
  creditsEarned: number,
): string | null {
  if (creditsEarned + 1e-9 >= requiredCredits) return null;
  return (
    `CRD-5: a ${typeName} certification needs ${requiredCredits} training credits; the member ` +
    `has earned ${creditsEarned} by the issue date`
  );
}

/**
 * CRD-5: on expiry a certification is modified with a new validity period. Refused while it is
 * still valid (or not yet valid) on `today`, once removed, and when the new period would not start
 * after the old one ended.
 */
export function renewalRefusal(
  certification: { validFrom: CalendarDate; validTo: CalendarDate; removed: boolean },
  newValidFrom: CalendarDate,
  today: CalendarDate,
): string | null {
  const status = certificationStatusOn(certification, today);
  if (status === 'removed') return 'CRD-5: a removed certification cannot be renewed';
  if (status !== 'expired') {
    return `CRD-5: only an expired certification is renewed; this one is valid until ${certification.validTo}`;
  }
  if (newValidFrom <= certification.validTo) {
    return `CRD-5: the new validity period must start after the old one ended (${certification.validTo})`;
  }
  return null;
}
