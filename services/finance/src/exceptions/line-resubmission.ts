import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@platform/persistence';
import type {
  Actor,
  ResubmitInvoiceLineInput,
  ResubmitInvoiceLineOutcome,
} from '@platform/contracts';
import { businessRejection } from '@platform/temporal';
import { DEFAULT_PROCESSING_BATCH_SIZE } from '../processing/invoice-submission.js';
import { processLineItems } from '../processing/line-processing.js';
import { lockLine, recordLineChange, type LockedLine } from './line-changes.js';

/** The exception queue works for finance users (WF-4); their steps are recorded as such. */
export const exceptionQueueActor = (userId: string): Actor => ({ userId, roles: ['finance-user'] });

/**
 * WF-4: processes a failed line item again after the exception queue's user modified it — the
 * same pipeline as a submission, as a batch of one, in one transaction. Idempotent by
 * `requestKey`: a retried activity answers what the first run decided, from the line's state.
 */
export function resubmitInvoiceLine(
  orm: MikroORM,
  input: ResubmitInvoiceLineInput,
): Promise<ResubmitInvoiceLineOutcome> {
  return orm.em.fork().transactional(async (em) => {
    const line = await lockLine(em, input.lineItemId);
    if (!line) {
      throw businessRejection('InvoiceLineNotFound', `No invoice line item ${input.lineItemId}`);
    }
    // A retry of this request, or a line no longer in exception: answer what was decided.
    if (line.lastRequestKey === input.requestKey || line.status !== 'exception') {
      return outcomeOf(em, line);
    }
    const { lines } = await processLineItems(
      em,
      {
        invoice: {
          invoiceId: line.invoiceId,
          reference: line.invoiceReference,
          providerId: line.providerId,
        },
        actor: exceptionQueueActor(input.resubmittedBy),
        // FIN-6: the line is already in its exception process; the process carries the reasons.
        announceFailures: false,
        batchSize: DEFAULT_PROCESSING_BATCH_SIZE,
      },
      [line.lineItemId],
    );
    const [processed] = lines;
    if (!processed) throw new Error(`line ${line.lineItemId} was not processed`);
    await em.execute('update invoice_line_item set last_request_key = ? where line_item_id = ?', [
      input.requestKey,
      line.lineItemId,
    ]);
    await recordLineChange(em, {
      lineItemId: line.lineItemId,
      action: 'resubmitted',
      changes: {
        requestKey: input.requestKey,
        attempt: processed.attempt,
        outcome: processed.status,
      },
      actor: input.resubmittedBy,
    });
    switch (processed.status) {
      case 'accepted':
        if (processed.paymentId === null) throw new Error('an accepted line has a payment');
        return { outcome: 'accepted', attempt: processed.attempt, paymentId: processed.paymentId };
      case 'stopped':
        return { outcome: 'stopped', attempt: processed.attempt, failures: processed.failures };
      default:
        return { outcome: 'failed', attempt: processed.attempt, failures: processed.failures };
    }
  });
}

/** What the line's current state says was decided (a retry, or a line no longer in exception). */
async function outcomeOf(em: EntityManager, line: LockedLine): Promise<ResubmitInvoiceLineOutcome> {
  switch (line.status) {
    case 'denied':
      return { outcome: 'denied', attempt: line.attempt };
    case 'stopped':
      return { outcome: 'stopped', attempt: line.attempt, failures: line.failures };
    case 'exception':
      return { outcome: 'failed', attempt: line.attempt, failures: line.failures };
    case 'accepted': {
      const [paid] = await em.execute<{ paymentId: string }[]>(
        'select payment_id as "paymentId" from payment_line where line_item_id = ? limit 1',
        [line.lineItemId],
      );
      if (!paid) throw new Error(`accepted line ${line.lineItemId} has no payment line`);
      return { outcome: 'accepted', attempt: line.attempt, paymentId: paid.paymentId };
    }
    default:
      throw businessRejection(
        'FIN-6',
        `FIN-6: line item ${line.lineItemId} is ${line.status}, not in the invoice exception process`,
      );
  }
}
