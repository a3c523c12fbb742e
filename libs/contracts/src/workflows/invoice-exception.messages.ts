import { defineQuery } from '@temporalio/workflow';
import type { Role } from '../roles.js';
import type { InvoiceLineFailure } from '../activities/finance.activities.js';

/**
 * WF-4 (FIN-6): one invoice exception process per failed invoice line item. It opens a task in the
 * finance exception queue listing every reason the line failed, and waits for the queue's user to
 * modify the line item (finance API) and resubmit it — processing runs again: pass → the task
 * closes; still failing → the task is updated with the new reasons and the wait goes on — or deny
 * it with a reason. An overdue task is reminded, then escalated. The line item stays open until
 * then; the finance service records every step, the process orders them and keeps the clock.
 */
export const INVOICE_EXCEPTION_WORKFLOW = 'invoiceException';

/** Deterministic id (ARCHITECTURE rule 4): a failed line item has one exception process. */
export function invoiceExceptionWorkflowId(lineItemId: string): string {
  return `invoice-exception/${lineItemId}`;
}

/** Days the exception queue has to resolve a failed line before it escalates, unless configured. */
export const DEFAULT_INVOICE_EXCEPTION_DAYS = 10;
/** Days before that deadline the queue is reminded. */
export const DEFAULT_INVOICE_EXCEPTION_REMINDER_DAYS = 3;

/** The exception task's outcomes: `deny` needs a reason (FIN-6). */
export const InvoiceExceptionOutcome = { resubmit: 'resubmit', deny: 'deny' } as const;
export type InvoiceExceptionOutcome =
  (typeof InvoiceExceptionOutcome)[keyof typeof InvoiceExceptionOutcome];

export interface InvoiceExceptionInput {
  invoiceId: string;
  invoiceReference: string;
  lineItemId: string;
  lineNumber: number;
  providerId: string;
  /** The processing attempt that failed (1 = the first submission). */
  attempt: number;
  /** Every reason it failed, in the order validation gives them (FIN-4, FIN-6). */
  failures: readonly InvoiceLineFailure[];
  /** Days until the task is overdue and escalates. */
  resolutionDays: number;
  reminderDaysBeforeDue: number;
  /** Who an overdue task escalates to; the queue's supervisor roles unless set. */
  escalateToRoles?: readonly Role[];
}

export type InvoiceExceptionStatus =
  'awaiting-resolution' | 'escalated' | 'revalidating' | 'resolved' | 'stopped' | 'denied';

/** One pass through the exception process: what was decided and what processing said. */
export interface InvoiceExceptionAttempt {
  attempt: number;
  failures: readonly InvoiceLineFailure[];
  decidedBy: string | null;
  outcome: 'resubmitted' | 'denied' | null;
}

export interface InvoiceExceptionState {
  status: InvoiceExceptionStatus;
  taskId: string | null;
  assignee: string | null;
  attempt: number;
  failures: readonly InvoiceLineFailure[];
  attempts: InvoiceExceptionAttempt[];
  escalated: boolean;
}

export interface InvoiceExceptionResult {
  lineItemId: string;
  status: 'resolved' | 'stopped' | 'denied';
  attempts: number;
  paymentId: string | null;
}

export const invoiceExceptionStateQuery = defineQuery<InvoiceExceptionState>('state');
