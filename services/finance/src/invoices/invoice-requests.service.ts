import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { RuleViolation } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import { submitInvoice } from '../processing/invoice-submission.js';
import { lockInvoice } from './invoice-records.js';
import type { AcceptedRequestView, InvoiceView } from './invoice.views.js';
import { InvoicesService } from './invoices.service.js';

/**
 * FIN-3 / SS-4: a provider's self-service invoice is a request a resource manager accepts (it
 * is then submitted and processed like one finance staff entered) or rejects with a reason.
 */
@Injectable()
export class InvoiceRequestsService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(InvoicesService) private readonly invoices: InvoicesService,
  ) {}

  /**
   * Records the decision and submits the invoice in ONE transaction: processing refuses a request
   * nobody decided, and a failed submission leaves the request undecided.
   */
  async accept(
    invoiceId: string,
    actor: Actor,
    correlationId?: string,
  ): Promise<AcceptedRequestView> {
    const processing = await this.orm.em.fork().transactional(async (em) => {
      await decide(em, invoiceId, actor, null);
      return submitInvoice(em, {
        invoiceId,
        lineItemIds: null,
        actor,
        ...(correlationId ? { correlationId } : {}),
      });
    });
    return { invoice: await this.invoices.get(invoiceId, null), processing };
  }

  async reject(invoiceId: string, reason: string, actor: Actor): Promise<InvoiceView> {
    await this.orm.em.fork().transactional((em) => decide(em, invoiceId, actor, reason));
    return this.invoices.get(invoiceId, null);
  }
}

/** Records who decided a pending request and when; a rejection (with its reason) closes it. */
async function decide(
  em: EntityManager,
  invoiceId: string,
  actor: Actor,
  rejectionReason: string | null,
): Promise<void> {
  const invoice = await lockInvoice(em, invoiceId);
  if (invoice.status !== 'requested') {
    throw new RuleViolation(
      'FIN-3',
      `Invoice ${invoiceId} is ${invoice.status}, not a request awaiting a decision`,
    );
  }
  await em.execute(
    `update invoice
     set request_decided_by = ?, request_decided_at = now(), request_rejection_reason = ?,
         status = case when ?::boolean then 'request-rejected' else status end,
         updated_at = now(), updated_by = ?
     where invoice_id = ?`,
    [actor.userId, rejectionReason, rejectionReason !== null, actor.userId, invoiceId],
  );
}
