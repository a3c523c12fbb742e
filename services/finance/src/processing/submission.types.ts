import type { Actor, InvoiceLineFailure } from '@platform/contracts';

/** FIN-3: what to submit — the whole invoice (every draft line item) or the line items named. */
export interface SubmitInvoiceInput {
  invoiceId: string;
  /** null: every line item still in draft; else exactly these (each must be in draft). */
  lineItemIds: readonly string[] | null;
  actor: Actor;
  correlationId?: string;
}

/** The outcome of one line item's processing attempt. */
export interface ProcessedLine {
  lineItemId: string;
  lineNumber: number;
  status: 'accepted' | 'exception' | 'stopped';
  attempt: number;
  /** Every reason it failed or stopped (empty when accepted). */
  failures: InvoiceLineFailure[];
  /** The calculated payment it is paid by (accepted only). */
  paymentId: string | null;
}

export interface CalculatedPaymentSummary {
  paymentId: string;
  reference: string;
  payeeKind: 'provider' | 'group' | 'nominee';
  payeeId: string;
  /** Decimal string, two places. */
  amount: string;
}

export interface SubmissionResult {
  invoiceId: string;
  accepted: number;
  exceptions: number;
  stopped: number;
  lines: ProcessedLine[];
  payments: CalculatedPaymentSummary[];
}

/** How a submission is processed (FinanceConfig INVOICE_PROCESSING_BATCH_SIZE, ADR 0019). */
export interface SubmissionOptions {
  /** Line items validated, matched and priced per set-based batch; default 1000. */
  batchSize?: number;
}
