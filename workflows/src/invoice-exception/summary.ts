import type { InvoiceExceptionInput, InvoiceExceptionState } from '@platform/contracts/workflows';
import { lineLabel, reasonCount } from './task-content.js';

/** What the memo says beyond the state: the task's due day and how the process ended. */
export interface SummaryFacts {
  dueOn: string;
  paymentId?: string | null;
  reason?: string | null;
}

function statusText(state: InvoiceExceptionState, facts: SummaryFacts): string {
  const decidedBy = state.attempts.at(-1)?.decidedBy ?? '?';
  const open = `${reasonCount(state.failures)} — `;
  switch (state.status) {
    case 'awaiting-resolution':
      return `${open}awaiting resolution, due ${facts.dueOn}`;
    case 'escalated':
      return `${open}resolution overdue since ${facts.dueOn}, escalated`;
    case 'revalidating':
      return `resubmitted by ${decidedBy}, being processed again`;
    case 'resolved':
      return `resolved after attempt ${state.attempt} (resubmitted by ${decidedBy}), payment ${facts.paymentId ?? '?'}`;
    case 'stopped':
      return `processing stopped: ${state.failures.map((failure) => failure.message).join('; ')}`;
    case 'denied':
      return `denied by ${decidedBy}${facts.reason ? `: ${facts.reason}` : ''}`;
  }
}

/**
 * The memo `summary` an operator reads in the Temporal UI (ARCHITECTURE rule 7), one line, e.g.
 * "Invoice INV-2026-0042 line 3: 2 reasons — awaiting resolution, due 2026-03-31".
 */
export function invoiceExceptionSummary(
  input: Pick<InvoiceExceptionInput, 'invoiceReference' | 'lineNumber'>,
  state: InvoiceExceptionState,
  facts: SummaryFacts,
): string {
  return `${lineLabel(input)}: ${statusText(state, facts)}`;
}
