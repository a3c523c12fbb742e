import type { EntityManager } from '@platform/persistence';
import type { SubmissionResult, SubmitInvoiceInput } from './submission.types.js';

/**
 * FIN-3…FIN-9, FIN-14: submits an invoice (or some of its line items) and processes them inside
 * the caller's transaction — set-based validation and matching in batches, pricing, payees,
 * payments calculated, events recorded in the outbox. Refusals are problem+json (4xx).
 */
export async function submitInvoice(
  em: EntityManager,
  input: SubmitInvoiceInput,
): Promise<SubmissionResult> {
  void em;
  throw new Error(`submitInvoice(${input.invoiceId}) is being built (issue 6)`);
}
