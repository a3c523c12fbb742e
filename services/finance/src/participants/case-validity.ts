import type { CalendarDate } from '@platform/kernel';

/** What FIN-4's "case valid" looks at: the days a case was open. */
export interface CaseDates {
  openedOn: CalendarDate;
  closedOn: CalendarDate | null;
}

/**
 * FIN-4 "case valid": a case is valid for a service period it was open throughout — opened on or
 * before the period's first day, and not closed or closed on or after its last day (ends
 * inclusive). Invoice processing checks the same in SQL, set-based (`client_case.opened_on <=
 * line.from_date and (closed_on is null or closed_on >= line.to_date)`); keep the two in step.
 */
export function caseValidFor(
  caseDates: CaseDates,
  period: { from: CalendarDate; to: CalendarDate },
): boolean {
  return (
    caseDates.openedOn <= period.from &&
    (caseDates.closedOn === null || caseDates.closedOn >= period.to)
  );
}
