/** What finance knows of a provider from the providers service's events (ADR 0018). */
export interface FinanceProviderSummary {
  providerId: string;
  /** From `provider.enrolled`; null if finance has seen only later events. */
  name: string | null;
  /** PRV-1 status as finance last heard it. */
  status: 'enrolled' | 'approved' | 'rejected' | 'suspended' | 'closed' | 'reopened';
}

/** A rule an invoice line item broke (FIN-4, FIN-5): stable code, rule id, a sentence. */
export interface InvoiceLineFailure {
  code: string;
  rule: string;
  message: string;
}

/**
 * WF-4: process a failed line item again after the exception queue's user modified it. Idempotent
 * by `requestKey` (workflow id + attempt): a retried activity returns what the first run decided.
 */
export interface ResubmitInvoiceLineInput {
  lineItemId: string;
  requestKey: string;
  resubmittedBy: string;
}

export type ResubmitInvoiceLineOutcome =
  /** Validation and matching passed; the line was priced into a calculated payment. */
  | { outcome: 'accepted'; attempt: number; paymentId: string }
  /** Still failing: every reason of this attempt; the line stays in the exception process. */
  | { outcome: 'failed'; attempt: number; failures: InvoiceLineFailure[] }
  /** FIN-5: a fixed-fee contract covers it; processing stopped for good. */
  | { outcome: 'stopped'; attempt: number; failures: InvoiceLineFailure[] }
  /** Denied already (e.g. a retried deny): nothing was processed. */
  | { outcome: 'denied'; attempt: number };

/** WF-4: the exception queue's user denied the line item (reason required). Idempotent. */
export interface DenyInvoiceLineInput {
  lineItemId: string;
  reason: string;
  deniedBy: string;
}

/**
 * Activities hosted by the finance service on TaskQueues.financeActivities: the steps of the
 * invoice exception process (WF-4); fixed-fee payments (FIN-11) add theirs here.
 */
export interface FinanceActivities {
  resubmitInvoiceLine(input: ResubmitInvoiceLineInput): Promise<ResubmitInvoiceLineOutcome>;
  denyInvoiceLine(input: DenyInvoiceLineInput): Promise<void>;
  /**
   * The provider as finance's projection knows it, e.g. to name it in an exception task; null when
   * no event about it has arrived yet.
   */
  describeProvider(input: { providerId: string }): Promise<FinanceProviderSummary | null>;
}
