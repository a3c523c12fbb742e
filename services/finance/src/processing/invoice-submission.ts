import type { EntityManager } from '@platform/persistence';
import { invoiceSubmitted } from '@platform/contracts';
import { NotFoundProblem, RuleViolation } from '@platform/http';
import { processLineItems } from './line-processing.js';
import { insertOutboxRows, pending } from '@platform/messaging';
import { uuidArray } from '../shared/sql-arrays.js';
import type {
  SubmissionOptions,
  SubmissionResult,
  SubmitInvoiceInput,
} from './submission.types.js';

/** Line items per set-based batch unless configured (INVOICE_PROCESSING_BATCH_SIZE). */
export const DEFAULT_PROCESSING_BATCH_SIZE = 1000;

interface InvoiceRow {
  invoiceId: string;
  reference: string;
  providerId: string;
  origin: 'staff' | 'self-service';
  status: 'draft' | 'requested' | 'request-rejected' | 'submitted';
  decided: boolean;
}

/**
 * FIN-3…FIN-9, FIN-14: submits an invoice (or some of its line items) and processes them inside
 * the caller's transaction — set-based validation and matching in batches, pricing, payees,
 * payments calculated, events recorded in the outbox. Refusals are problem+json (4xx).
 */
export async function submitInvoice(
  em: EntityManager,
  input: SubmitInvoiceInput,
  options: SubmissionOptions = {},
): Promise<SubmissionResult> {
  const [invoice] = await em.execute<InvoiceRow[]>(
    `select invoice_id as "invoiceId", reference, provider_id as "providerId", origin, status,
            request_decided_at is not null as decided
       from invoice where invoice_id = ? for update`,
    [input.invoiceId],
  );
  if (!invoice) throw new NotFoundProblem('Invoice', input.invoiceId);
  assertSubmittable(invoice);
  const lineItemIds = await linesToProcess(em, input);
  await em.execute(
    `update invoice set status = 'submitted', submitted_at = coalesce(submitted_at, now()),
            submitted_by = coalesce(submitted_by, ?), updated_at = now(), updated_by = ?
      where invoice_id = ?`,
    [input.actor.userId, input.actor.userId, invoice.invoiceId],
  );
  const { lines, payments } = await processLineItems(
    em,
    {
      invoice,
      actor: input.actor,
      ...(input.correlationId ? { correlationId: input.correlationId } : {}),
      announceFailures: true,
      batchSize: options.batchSize ?? DEFAULT_PROCESSING_BATCH_SIZE,
    },
    lineItemIds,
  );
  const count = (status: string) => lines.filter((line) => line.status === status).length;
  const result: SubmissionResult = {
    invoiceId: invoice.invoiceId,
    accepted: count('accepted'),
    exceptions: count('exception'),
    stopped: count('stopped'),
    lines,
    payments,
  };
  await insertOutboxRows(em, [
    pending(invoiceSubmitted, {
      aggregateId: invoice.invoiceId,
      actor: input.actor,
      ...(input.correlationId ? { correlationId: input.correlationId } : {}),
      data: {
        invoiceId: invoice.invoiceId,
        reference: invoice.reference,
        providerId: invoice.providerId,
        origin: invoice.origin,
        lineItemIds: input.lineItemIds === null ? null : [...input.lineItemIds],
        processed: {
          accepted: result.accepted,
          exceptions: result.exceptions,
          stopped: result.stopped,
        },
      },
    }),
  ]);
  return result;
}

/** FIN-3: a self-service request is processed only once a resource manager accepted it. */
function assertSubmittable(invoice: InvoiceRow): void {
  if (invoice.status === 'request-rejected') {
    throw new RuleViolation(
      'FIN-3',
      `Invoice ${invoice.reference} is a rejected self-service request: it is never processed`,
    );
  }
  if (invoice.status === 'requested' && !invoice.decided) {
    throw new RuleViolation(
      'FIN-3',
      `Invoice ${invoice.reference} is a self-service request: a self-service request is accepted by a resource manager first`,
    );
  }
}

/** FIN-3/FIN-6: the line items this submission processes, every one in draft. */
async function linesToProcess(em: EntityManager, input: SubmitInvoiceInput): Promise<string[]> {
  if (input.lineItemIds === null) {
    const drafts = await em.execute<{ id: string }[]>(
      `select line_item_id as id from invoice_line_item
        where invoice_id = ? and status = 'draft' order by line_number`,
      [input.invoiceId],
    );
    if (drafts.length === 0) {
      throw new RuleViolation('FIN-3', 'The invoice has no line items in draft to process');
    }
    return drafts.map((row) => row.id);
  }
  const named = [...new Set(input.lineItemIds)];
  if (named.length === 0) {
    throw new RuleViolation('FIN-3', 'No line items were named to process');
  }
  const found = await em.execute<{ id: string; status: string; lineNumber: number }[]>(
    `select line_item_id as id, status, line_number as "lineNumber" from invoice_line_item
      where invoice_id = ? and line_item_id = any(?::uuid[])`,
    [input.invoiceId, uuidArray(named)],
  );
  const unknown = named.find((id) => !found.some((row) => row.id === id));
  if (unknown) throw new NotFoundProblem('Invoice line item', unknown);
  const inException = found.find((row) => row.status === 'exception');
  if (inException) {
    throw new RuleViolation(
      'FIN-6',
      `Line ${inException.lineNumber} is in the invoice exception process: resubmit it through its exception task`,
    );
  }
  const notDraft = found.find((row) => row.status !== 'draft');
  if (notDraft) {
    throw new RuleViolation(
      'FIN-3',
      `Line ${notDraft.lineNumber} is ${notDraft.status}: only line items in draft are submitted`,
    );
  }
  return named;
}
