import type { InvoiceLineFailure } from '@platform/contracts';
import type { SubmissionResult } from '../processing/submission.types.js';

/** How many line items of an invoice are in each status (FIN-3…FIN-6), and in all. */
export interface LineItemCounts {
  total: number;
  draft: number;
  accepted: number;
  exception: number;
  stopped: number;
  denied: number;
}

/** A service invoice (FIN-3) without its lines: those are paged at /invoices/{id}/line-items. */
export interface InvoiceView {
  invoiceId: string;
  reference: string;
  providerId: string;
  submitterKind: 'provider' | 'group';
  providerReference: string | null;
  origin: 'staff' | 'self-service';
  status: 'draft' | 'requested' | 'request-rejected' | 'submitted';
  receivedOn: string;
  /** FIN-3: a self-service request's decision by a resource manager (null until decided). */
  request: { decidedBy: string; decidedAt: string; rejectionReason: string | null } | null;
  submittedAt: string | null;
  submittedBy: string | null;
  lineItems: LineItemCounts;
  /** Decimal string: what the lines that state a unit amount bill (units × unit amount). */
  billedTotal: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** A line item with its processing outcome (FIN-4…FIN-6) and, once paid, its payment. */
export interface LineItemView {
  lineItemId: string;
  invoiceId: string;
  lineNumber: number;
  providerId: string;
  serviceProductId: string;
  clientIds: string[];
  caseId: string | null;
  payeeId: string | null;
  period: { from: string; to: string };
  units: number;
  /** Decimal strings; null when the line bills at the rate finance holds. */
  unitAmount: string | null;
  billedAmount: string | null;
  status: 'draft' | 'accepted' | 'exception' | 'stopped' | 'denied';
  attempt: number;
  failures: InvoiceLineFailure[];
  authorizationLineItemId: string | null;
  paymentId: string | null;
  processedAt: string | null;
  denial: { reason: string; deniedBy: string; deniedAt: string } | null;
  updatedAt: string;
  updatedBy: string;
}

/** Who changed a line item, when, and what (WF-4: modified before a resubmission). */
export interface LineItemChangeView {
  changeId: string;
  action: string;
  changes: Record<string, unknown>;
  actor: string;
  occurredAt: string;
}

/** FIN-3: a request accepted — the invoice now submitted, and what processing made of its lines. */
export interface AcceptedRequestView {
  invoice: InvoiceView;
  processing: SubmissionResult;
}
