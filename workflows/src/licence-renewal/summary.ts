import type { LicenceRenewalState } from '@platform/contracts/workflows';

const STATUS_TEXT: Record<LicenceRenewalState['status'], string> = {
  active: 'renewal not yet due',
  'renewal-due': 'renewal task open',
  suspended: 'suspended',
  'recording-decision': 'recording the decision',
  renewed: 'renewed',
  'non-compliant': 'non-compliant',
  expired: 'expired',
};

/**
 * The memo `summary` an operator reads in the Temporal UI (ARCHITECTURE rule 7), e.g.
 * "Licence 4711 (cycle 2): expires 2027-12-31; renewal task open; reminders sent at 90, 60 days".
 * `licence` is the licence number once read, else its id; `detail` qualifies the status
 * ("to 2028-12-31", the non-compliance reason).
 */
export function renewalSummary(
  licence: string,
  state: Pick<LicenceRenewalState, 'status' | 'cycle' | 'periodTo' | 'taskId' | 'remindersSent'>,
  detail?: string,
): string {
  const parts = [`Licence ${licence} (cycle ${state.cycle}): expires ${state.periodTo}`];
  parts.push(detail ? `${STATUS_TEXT[state.status]} ${detail}` : STATUS_TEXT[state.status]);
  if (state.status === 'suspended' && state.taskId !== null) parts.push('renewal task open');
  if (state.remindersSent.length > 0) {
    parts.push(`reminders sent at ${state.remindersSent.join(', ')} days`);
  }
  return parts.join('; ');
}
