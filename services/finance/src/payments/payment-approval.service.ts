import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { paymentApproved } from '@platform/contracts';
import { NotFoundProblem, RuleViolation } from '@platform/http';
import { recordEvent } from '@platform/messaging';
import type { EntityManager } from '@platform/persistence';
import { paymentEventFacts } from './payment-event-facts.js';
import { assertAllIn, lockNamedPayments, lockPayments } from './payment-locks.js';
import { findPayment } from './payment-reads.js';
import { uuidArray } from '../shared/sql-arrays.js';
import type { ApprovePaymentsBody } from './payment.schemas.js';
import {
  paymentSummaryView,
  type PaymentRow,
  type PaymentSummaryView,
  type PaymentView,
} from './payment.views.js';

export interface ApprovedPayments {
  approved: PaymentSummaryView[];
}

/**
 * ROLE-1 "only finance users approve": calculated → approved, recording who and when, with one
 * `payment.approved` event per payment in the same transaction (outbox). The controller lets only
 * finance users in; this service checks the lifecycle.
 */
@Injectable()
export class PaymentApprovalService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async approveOne(paymentId: string, actor: Actor, correlationId?: string): Promise<PaymentView> {
    await this.orm.em.fork().transactional(async (em) => {
      const rows = await lockNamedPayments(em, [paymentId]);
      approve(em, rows, actor, correlationId);
      await markApproved(em, rows, actor);
    });
    return findPayment(this.orm.em.fork(), paymentId);
  }

  /** All or nothing: the payments named, or every calculated payment of one invoice. */
  async approveMany(
    body: ApprovePaymentsBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ApprovedPayments> {
    const rows = await this.orm.em.fork().transactional(async (em) => {
      const locked =
        'paymentIds' in body
          ? await lockNamedPayments(em, body.paymentIds)
          : await lockCalculatedOfInvoice(em, body.invoiceId);
      approve(em, locked, actor, correlationId);
      return markApproved(em, locked, actor);
    });
    return { approved: rows.map(paymentSummaryView) };
  }
}

/** "Approving the invoice": its calculated payments; 404 for no such invoice, 409 for none left. */
async function lockCalculatedOfInvoice(
  em: EntityManager,
  invoiceId: string,
): Promise<PaymentRow[]> {
  const [invoice] = await em.execute<{ reference: string }[]>(
    'select reference from invoice where invoice_id = ?',
    [invoiceId],
  );
  if (!invoice) throw new NotFoundProblem('Invoice', invoiceId);
  const rows = await lockPayments(em, `p.invoice_id = ? and p.status = 'calculated'`, [invoiceId]);
  if (!rows.length) {
    throw new RuleViolation(
      'ROLE-1',
      `invoice ${invoice.reference} has no calculated payment to approve`,
      409,
      [{ field: 'invoiceId', message: 'no calculated payment of this invoice' }],
    );
  }
  return rows;
}

function approve(
  em: EntityManager,
  rows: readonly PaymentRow[],
  actor: Actor,
  correlationId?: string,
) {
  assertAllIn(rows, 'calculated', 'approved', 'ROLE-1');
  for (const row of rows) {
    recordEvent(em, paymentApproved, {
      aggregateId: row.paymentId,
      actor,
      ...(correlationId ? { correlationId } : {}),
      data: { ...paymentEventFacts(row), approvedBy: actor.userId },
    });
  }
}

/** Marks the locked payments approved; answers them as they are now. */
async function markApproved(
  em: EntityManager,
  rows: readonly PaymentRow[],
  actor: Actor,
): Promise<PaymentRow[]> {
  const [stamp] = await em.execute<{ at: string }[]>(
    `update payment set status = 'approved', approved_by = ?, approved_at = now()
     where payment_id = any(?::uuid[])
     returning to_json(approved_at) #>> '{}' as at`,
    [actor.userId, uuidArray(rows.map((row) => row.paymentId))],
  );
  return rows.map((row) => ({
    ...row,
    status: 'approved',
    approvedBy: actor.userId,
    approvedAt: stamp?.at ?? null,
  }));
}
