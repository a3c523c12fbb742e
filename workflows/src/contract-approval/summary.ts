import type { ContractApprovalInput, ContractApprovalState } from '@platform/contracts/workflows';

/** The day (YYYY-MM-DD) of an ISO timestamp. */
const dayOf = (iso: string) => iso.slice(0, 10);

/** What the contract is, in a task title or the memo: "Contract C-2026-0007 v2 of Sunrise Day Care". */
export function contractLabel(
  input: Pick<ContractApprovalInput, 'contractNumber' | 'version' | 'providerName'>,
): string {
  return `Contract ${input.contractNumber} v${input.version} of ${input.providerName}`;
}

function statusText(state: ContractApprovalState, periodTo: string): string {
  const { document, signature, closed } = state;
  switch (state.status) {
    case 'awaiting-signature':
      return (
        `awaiting the provider's signature on issue ${document.issueNumber} since ` +
        `${dayOf(state.awaitingSignatureSince ?? document.issuedAt)}, due ${dayOf(state.signatureDeadline)}`
      );
    case 'signature-overdue':
      return (
        `signature of issue ${document.issueNumber} overdue since ${dayOf(state.signatureDeadline)} ` +
        `(awaited since ${dayOf(state.awaitingSignatureSince ?? document.issuedAt)}); escalated`
      );
    case 'awaiting-activation': {
      const signed = signature
        ? `signed by ${signature.typedName} (${signature.signedBy}, ${signature.method}) on ${dayOf(signature.signedAt)}; `
        : '';
      const refused =
        state.activationRefusals.length > 0
          ? `; activation refused: ${state.activationRefusals.join('; ')}`
          : '';
      return `${signed}awaiting activation${refused}`;
    }
    case 'active':
      return `active from ${state.activatedOn ?? '?'} to ${periodTo}`;
    case 'period-ended':
      return `period ended on ${periodTo}`;
    default:
      return closed
        ? `${state.status} on ${closed.on} by ${closed.by}${closed.reason ? `: ${closed.reason}` : ''}`
        : state.status;
  }
}

/**
 * The memo `summary` an operator reads in the Temporal UI (ARCHITECTURE rule 7), e.g.
 * "Contract C-2026-0007 v1 of Sunrise Day Care: awaiting the provider's signature on issue 2 since
 * 2026-03-01, due 2026-03-31; reminders sent 14 days before the deadline".
 */
export function contractSummary(
  input: Pick<ContractApprovalInput, 'contractNumber' | 'version' | 'providerName' | 'periodTo'>,
  state: ContractApprovalState,
): string {
  const parts = [`${contractLabel(input)}: ${statusText(state, input.periodTo)}`];
  const awaiting = state.status === 'awaiting-signature' || state.status === 'signature-overdue';
  if (awaiting && state.remindersSent.length > 0) {
    parts.push(`reminders sent ${state.remindersSent.join(', ')} days before the deadline`);
  }
  return parts.join('; ');
}
