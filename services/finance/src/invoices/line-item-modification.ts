import { randomUUID } from 'node:crypto';
import type { Actor } from '@platform/contracts';
import { NotFoundProblem, RuleViolation } from '@platform/http';
import { formatMoney } from '@platform/kernel';
import type { EntityManager } from '@platform/persistence';
import { insertLineClients } from './invoice-line-writes.js';
import { assertNotAwaitingRequestDecision, lockInvoice } from './invoice-records.js';
import type { LineItemChanges } from './invoice.schemas.js';

/** A line item's correctable fields as the wire shows them, to compare and to record. */
interface EditableLine {
  providerId: string;
  serviceProductId: string;
  clientIds: string[];
  caseId: string | null;
  payeeId: string | null;
  period: { from: string; to: string };
  units: number;
  unitAmount: string | null;
}

type Field = keyof EditableLine;

/** A line item as stored: the period's ends and the unit amount in cents, with its status. */
type StoredLine = Omit<EditableLine, 'period' | 'unitAmount'> & {
  from: string;
  to: string;
  unitAmountCents: string | null;
  status: string;
};

/** FIN-6 / WF-4: only an open line item — not yet processed, or failed — may be corrected. */
const MODIFIABLE = new Set(['draft', 'exception']);

/**
 * WF-4: corrects a line item in draft or exception (the exception queue's user fixes a failed
 * line before resubmitting it), recording each changed field's old and new value with who and
 * when. Accepted, stopped or denied lines are closed: 409 naming FIN-6.
 */
export async function modifyLineItem(
  em: EntityManager,
  invoiceId: string,
  lineItemId: string,
  changes: LineItemChanges,
  actor: Actor,
): Promise<void> {
  assertNotAwaitingRequestDecision(await lockInvoice(em, invoiceId));
  const [row] = await em.execute<StoredLine[]>(
    `select l.provider_id as "providerId", l.service_product_id as "serviceProductId",
            coalesce((select json_agg(c.client_id order by c.client_id)
                      from invoice_line_client c where c.line_item_id = l.line_item_id),
                     '[]'::json) as "clientIds",
            l.case_id as "caseId", l.payee_id as "payeeId", l.from_date::text as "from",
            l.to_date::text as "to", l.units, l.unit_amount_cents::text as "unitAmountCents",
            l.status
     from invoice_line_item l where l.line_item_id = ? and l.invoice_id = ? for update`,
    [lineItemId, invoiceId],
  );
  if (!row) throw new NotFoundProblem('Line item', lineItemId);
  if (!MODIFIABLE.has(row.status)) {
    throw new RuleViolation(
      'FIN-6',
      `Line item ${lineItemId} is ${row.status}: only a line item in draft or exception may be ` +
        'modified (a failed line stays open until modified and resubmitted, or denied)',
    );
  }
  const before: EditableLine = {
    providerId: row.providerId,
    serviceProductId: row.serviceProductId,
    clientIds: row.clientIds,
    caseId: row.caseId,
    payeeId: row.payeeId,
    period: { from: row.from, to: row.to },
    units: row.units,
    unitAmount: row.unitAmountCents === null ? null : formatMoney(BigInt(row.unitAmountCents)),
  };
  const after: EditableLine = {
    ...before,
    ...definedOnly({
      providerId: changes.providerId,
      serviceProductId: changes.serviceProductId,
      clientIds: changes.clientIds ? [...changes.clientIds].sort() : undefined,
      caseId: changes.caseId,
      payeeId: changes.payeeId,
      period: changes.period,
      units: changes.units,
      unitAmount:
        changes.unitAmount === undefined
          ? undefined
          : changes.unitAmount === null
            ? null
            : formatMoney(changes.unitAmount),
    }),
  };
  const changed = (Object.keys(after) as Field[]).filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  if (changed.length === 0) return;

  await em.execute(
    `update invoice_line_item
     set provider_id = ?, service_product_id = ?, case_id = ?, payee_id = ?, from_date = ?,
         to_date = ?, units = ?, unit_amount_cents = ?, updated_at = now(), updated_by = ?
     where line_item_id = ?`,
    [
      after.providerId,
      after.serviceProductId,
      after.caseId,
      after.payeeId,
      after.period.from,
      after.period.to,
      after.units,
      changes.unitAmount === undefined
        ? row.unitAmountCents
        : (changes.unitAmount?.toString() ?? null),
      actor.userId,
      lineItemId,
    ],
  );
  if (changed.includes('clientIds')) {
    await em.execute('delete from invoice_line_client where line_item_id = ?', [lineItemId]);
    await insertLineClients(
      em,
      after.clientIds.map((clientId) => [lineItemId, clientId] as const),
    );
  }
  await em.execute(
    `insert into invoice_line_change (change_id, line_item_id, action, changes, actor)
     values (?, ?, 'modified', ?::jsonb, ?)`,
    [
      randomUUID(),
      lineItemId,
      JSON.stringify(
        Object.fromEntries(
          changed.map((field) => [field, { from: before[field], to: after[field] }]),
        ),
      ),
      actor.userId,
    ],
  );
}

/** The keys whose value is given (undefined: not to change; null is a value — clear it). */
function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
