import type { MikroORM } from '@mikro-orm/postgresql';
import { invoiceLineDenied, type DenyInvoiceLineInput } from '@platform/contracts';
import { recordEvent } from '@platform/messaging';
import { businessRejection } from '@platform/temporal';
import { lockLine, recordLineChange } from './line-changes.js';
import { exceptionQueueActor } from './line-resubmission.js';

/**
 * FIN-6 / WF-4: the exception queue's user denied a failed line item with a reason; it is closed
 * and never paid. Idempotent: a line already denied is left as it is. A line that was accepted
 * or stopped meanwhile cannot be denied (non-retryable rejection naming FIN-6).
 */
export function denyInvoiceLine(orm: MikroORM, input: DenyInvoiceLineInput): Promise<void> {
  return orm.em.fork().transactional(async (em) => {
    const line = await lockLine(em, input.lineItemId);
    if (!line) {
      throw businessRejection('InvoiceLineNotFound', `No invoice line item ${input.lineItemId}`);
    }
    if (line.status === 'denied') return;
    if (line.status !== 'exception') {
      throw businessRejection(
        'FIN-6',
        `FIN-6: line item ${line.lineItemId} is ${line.status}; only a line in the exception process is denied`,
      );
    }
    await em.execute(
      `update invoice_line_item
          set status = 'denied', denied_reason = ?, denied_by = ?, denied_at = now(),
              updated_at = now(), updated_by = ?
        where line_item_id = ?`,
      [input.reason, input.deniedBy, input.deniedBy, line.lineItemId],
    );
    await recordLineChange(em, {
      lineItemId: line.lineItemId,
      action: 'denied',
      changes: { reason: input.reason },
      actor: input.deniedBy,
    });
    recordEvent(em, invoiceLineDenied, {
      aggregateId: line.invoiceId,
      actor: exceptionQueueActor(input.deniedBy),
      data: {
        invoiceId: line.invoiceId,
        lineItemId: line.lineItemId,
        providerId: line.providerId,
        reason: input.reason,
        deniedBy: input.deniedBy,
      },
    });
  });
}
