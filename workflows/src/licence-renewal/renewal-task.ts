import { daysInclusive, type CalendarDate } from '@platform/kernel';
import type { LicenceForRenewal } from '@platform/contracts/workflows';
import { expiryDay } from './reminder-schedule.js';

/**
 * The lines the renewal task shows whoever decides it (WF-2): the licence, its period end, the
 * period a renewal would give, and every CRD-3 training warning — or that the requirement is met.
 */
export function renewalTaskDetails(
  licence: LicenceForRenewal,
  periodTo: CalendarDate,
  renewalTo: CalendarDate,
): string[] {
  const training =
    licence.trainingWarnings.length > 0
      ? licence.trainingWarnings.map((warning) => `Training warning (CRD-3): ${warning}`)
      : ['Training requirement met (CRD-3)'];
  return [
    `Licence ${licence.number} (${licence.licenceTypeName}), issued by ${licence.issuingAuthority}`,
    `Current period ends on ${periodTo}; without renewal the licence expires on ${expiryDay(periodTo)}`,
    `Renewing extends it to ${renewalTo} (${licence.defaultValidityMonths} months)`,
    ...training,
  ];
}

/** What each reminder says (WF-2). */
export function reminderMessage(
  licenceNumber: string,
  periodTo: CalendarDate,
  today: CalendarDate,
): string {
  // The days actually left: a process started late sends its first reminder after its offset.
  const daysLeft = daysInclusive(today, periodTo) - 1;
  return `Licence ${licenceNumber} expires on ${periodTo} (in ${daysLeft} days)`;
}
