import { randomUUID } from 'node:crypto';
import type { Actor } from '@platform/contracts';
import type { EntityManager } from '@platform/persistence';
import type { LineItemInput } from './invoice.schemas.js';
import { sqlArray } from '../shared/sql-arrays.js';

/**
 * FIN-3: adds line items to an invoice, numbered after `lastLineNumber`, each in `draft`, with
 * their clients — set-based statements whatever the number of lines (an invoice carries up to
 * 20,000), never one insert per line and no ORM entities. Lines without a provider are the
 * invoice's provider's. Lines added to an existing invoice get an 'added' history row each (who,
 * when); lines entered with the invoice do not: its created_by/created_at already say it, and
 * the benchmark's 10,000-line invoices need not write 10,000 more rows.
 */
export async function insertLineItems(
  em: EntityManager,
  invoice: { invoiceId: string; providerId: string },
  lastLineNumber: number,
  lines: readonly LineItemInput[],
  actor: Actor,
  recordAdded: boolean,
): Promise<number> {
  const numbered = lines.map((line) => ({ id: randomUUID(), line }));
  const ids = numbered.map(({ id }) => id);
  await em.execute(
    `insert into invoice_line_item
       (line_item_id, invoice_id, line_number, provider_id, service_product_id, case_id,
        payee_id, from_date, to_date, units, unit_amount_cents, status, updated_by)
     select line.id, ?::uuid, line.number, line.provider, line.product, line.case_id,
            line.payee, line.from_date, line.to_date, line.units, line.unit_amount, 'draft', ?
     from unnest(?::uuid[], ?::int[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::date[],
                 ?::date[], ?::int[], ?::bigint[])
       as line (id, number, provider, product, case_id, payee, from_date, to_date, units,
                unit_amount)`,
    [
      invoice.invoiceId,
      actor.userId,
      sqlArray(ids),
      sqlArray(lines.map((_, index) => lastLineNumber + index + 1)),
      sqlArray(lines.map((line) => line.providerId ?? invoice.providerId)),
      sqlArray(lines.map((line) => line.serviceProductId)),
      sqlArray(lines.map((line) => line.caseId)),
      sqlArray(lines.map((line) => line.payeeId)),
      sqlArray(lines.map((line) => line.period.from)),
      sqlArray(lines.map((line) => line.period.to)),
      sqlArray(lines.map((line) => line.units)),
      sqlArray(lines.map((line) => line.unitAmount)),
    ],
  );
  await insertLineClients(
    em,
    numbered.flatMap(({ id, line }) => line.clientIds.map((clientId) => [id, clientId] as const)),
  );
  if (!recordAdded) return ids.length;
  await em.execute(
    `insert into invoice_line_change (change_id, line_item_id, action, actor)
     select gen_random_uuid(), line_item_id, 'added', ? from unnest(?::uuid[]) as line_item_id`,
    [actor.userId, sqlArray(ids)],
  );
  return ids.length;
}

/** Stores which clients each line item bills for, as (line item, client) pairs in one statement. */
export async function insertLineClients(
  em: EntityManager,
  pairs: readonly (readonly [string, string])[],
): Promise<void> {
  if (pairs.length === 0) return;
  await em.execute(
    `insert into invoice_line_client (line_item_id, client_id)
     select * from unnest(?::uuid[], ?::uuid[])`,
    [
      sqlArray(pairs.map(([lineItemId]) => lineItemId)),
      sqlArray(pairs.map(([, clientId]) => clientId)),
    ],
  );
}
