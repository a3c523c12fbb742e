import { NotFoundProblem, RuleViolation } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import { PAYMENT_ROW_SELECT } from './payment-reads.js';
import { uuidArray } from '../shared/sql-arrays.js';
import type { PaymentStatus } from './payment.schemas.js';
import type { PaymentRow } from './payment.views.js';

/**
 * Locks payments (`for update`) for a lifecycle move, in reference order so two concurrent moves
 * over overlapping payments queue instead of deadlocking. Call inside the moving transaction.
 */
export function lockPayments(
  em: EntityManager,
  where: string,
  params: readonly string[],
): Promise<PaymentRow[]> {
  return em.execute<PaymentRow[]>(
    `${PAYMENT_ROW_SELECT} where ${where} order by p.reference for update of p`,
    [...params],
  );
}

/** Locks exactly the payments named; an id that names no payment is 404. */
export async function lockNamedPayments(
  em: EntityManager,
  paymentIds: readonly string[],
): Promise<PaymentRow[]> {
  const unique = [...new Set(paymentIds)];
  const rows = await lockPayments(em, 'p.payment_id = any(?::uuid[])', [uuidArray(unique)]);
  const found = new Set(rows.map((row) => row.paymentId));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) throw new NotFoundProblem('Payment', missing.join(', '));
  return rows;
}

/**
 * Calculated → approved → issued, one step at a time: any payment not in `from` refuses the whole
 * move (409), naming each payment and the state it is in, so nothing changes half-way.
 */
export function assertAllIn(
  rows: readonly PaymentRow[],
  from: PaymentStatus,
  to: PaymentStatus,
  rule: string,
): void {
  const wrong = rows.filter((row) => row.status !== from);
  if (!wrong.length) return;
  const which = wrong.map((row) => `${row.reference} is ${row.status}`).join('; ');
  throw new RuleViolation(
    rule,
    `${which}: only a ${from} payment can become ${to}; nothing was changed`,
    409,
    wrong.map((row) => ({
      field: 'paymentIds',
      message: `${row.paymentId} (${row.reference}) is ${row.status}`,
    })),
  );
}
