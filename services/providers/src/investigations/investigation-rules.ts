import type { CalendarDate } from '@platform/kernel';
import type { RuleIssue } from '../shared/rule-issues.js';

export type InvestigationStatus = 'open' | 'closed';
export type InvestigationCommand = 'edit' | 'close' | 'link' | 'unlink';

/**
 * INC-4: an investigation is open until it is closed with its findings and outcome; a closed one
 * is a record of what was found — not edited, and no incident is linked to or unlinked from it.
 */
export function investigationAllows(
  status: InvestigationStatus,
  command: InvestigationCommand,
): { ok: true } | { ok: false; message: string } {
  if (status === 'open') return { ok: true };
  return {
    ok: false,
    message:
      command === 'close'
        ? 'the investigation is already closed'
        : 'a closed investigation cannot be changed',
  };
}

/**
 * INC-4: an investigation of a provider links only incidents that provider takes part in (the
 * incidents reported against it that led to the investigation).
 */
export function linkIssues(
  investigationProviderId: string,
  incidentProviderIds: readonly string[],
  field: string,
): RuleIssue[] {
  return incidentProviderIds.includes(investigationProviderId)
    ? []
    : [
        {
          rule: 'INC-4',
          field,
          message: `the provider under investigation (${investigationProviderId}) does not take part in this incident`,
        },
      ];
}

/** INC-4: an investigation closes on a day between its opening and today. */
export function closingDayIssues(
  openedOn: CalendarDate,
  closedOn: CalendarDate,
  today: CalendarDate,
): RuleIssue[] {
  if (closedOn < openedOn) {
    return [
      {
        rule: 'INC-4',
        field: 'closedOn',
        message: `an investigation cannot close before it opened (${openedOn})`,
      },
    ];
  }
  if (closedOn > today) {
    return [{ rule: 'INC-4', field: 'closedOn', message: 'cannot close on a future day' }];
  }
  return [];
}

/** INC-4: an investigation is opened today or was opened earlier, never in the future. */
export function openingDayIssues(openedOn: CalendarDate, today: CalendarDate): RuleIssue[] {
  return openedOn > today
    ? [{ rule: 'INC-4', field: 'openedOn', message: 'cannot open on a future day' }]
    : [];
}
