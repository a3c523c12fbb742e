import { formatMoney } from '@platform/kernel';
import type { EntityManager } from '@platform/persistence';
import type {
  InvoiceView,
  LineItemChangeView,
  LineItemCounts,
  LineItemView,
} from './invoice.views.js';
import { sqlArray } from '../shared/sql-arrays.js';

// Dates leave Postgres as text ("2026-01-31") and instants as ISO strings: no Date object, so no
// time zone drift (rule 8).

const instant = (column: string) => `to_json(${column}) #>> '{}'`;

type InvoiceRow = Omit<InvoiceView, 'request' | 'lineItems' | 'billedTotal'> & {
  decidedBy: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
};

/** The invoices with these ids, in this order, with line counts from one grouped query. */
export async function invoiceViews(
  em: EntityManager,
  invoiceIds: readonly string[],
): Promise<InvoiceView[]> {
  if (invoiceIds.length === 0) return [];
  const rows = await em.execute<InvoiceRow[]>(
    `select invoice_id as "invoiceId", reference, provider_id as "providerId",
            submitter_kind as "submitterKind", provider_reference as "providerReference", origin,
            status, received_on::text as "receivedOn", request_decided_by as "decidedBy",
            ${instant('request_decided_at')} as "decidedAt",
            request_rejection_reason as "rejectionReason",
            ${instant('submitted_at')} as "submittedAt", submitted_by as "submittedBy",
            ${instant('created_at')} as "createdAt", created_by as "createdBy",
            ${instant('updated_at')} as "updatedAt", updated_by as "updatedBy"
     from invoice where invoice_id = any(?::uuid[])`,
    [sqlArray(invoiceIds)],
  );
  const counts = await em.execute<
    { invoiceId: string; status: keyof LineItemCounts; count: number; billed: string }[]
  >(
    `select invoice_id as "invoiceId", status, count(*)::int as count,
            coalesce(sum(units::bigint * unit_amount_cents), 0)::text as billed
     from invoice_line_item where invoice_id = any(?::uuid[])
     group by invoice_id, status`,
    [sqlArray(invoiceIds)],
  );
  const byId = new Map(rows.map((row) => [row.invoiceId, row]));
  return invoiceIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { decidedBy, decidedAt, rejectionReason, ...invoice } = row;
    const lineItems: LineItemCounts = {
      total: 0,
      draft: 0,
      accepted: 0,
      exception: 0,
      stopped: 0,
      denied: 0,
    };
    let billed = 0n;
    for (const count of counts.filter((c) => c.invoiceId === id)) {
      lineItems[count.status] += count.count;
      lineItems.total += count.count;
      billed += BigInt(count.billed);
    }
    return [
      {
        ...invoice,
        request: decidedBy && decidedAt ? { decidedBy, decidedAt, rejectionReason } : null,
        lineItems,
        billedTotal: formatMoney(billed),
      },
    ];
  });
}

type LineItemRow = Omit<LineItemView, 'unitAmount' | 'billedAmount' | 'denial' | 'period'> & {
  from: string;
  to: string;
  unitAmountCents: string | null;
  deniedReason: string | null;
  deniedBy: string | null;
  deniedAt: string | null;
};

/** The line items with these ids, in this order: clients, outcome and payment (if paid). */
export async function lineItemViews(
  em: EntityManager,
  lineItemIds: readonly string[],
): Promise<LineItemView[]> {
  if (lineItemIds.length === 0) return [];
  const rows = await em.execute<LineItemRow[]>(
    `select l.line_item_id as "lineItemId", l.invoice_id as "invoiceId",
            l.line_number as "lineNumber", l.provider_id as "providerId",
            l.service_product_id as "serviceProductId",
            coalesce((select json_agg(c.client_id order by c.client_id)
                      from invoice_line_client c where c.line_item_id = l.line_item_id),
                     '[]'::json) as "clientIds",
            l.case_id as "caseId", l.payee_id as "payeeId",
            l.from_date::text as "from", l.to_date::text as "to", l.units,
            l.unit_amount_cents::text as "unitAmountCents", l.status, l.attempt, l.failures,
            l.authorization_line_item_id as "authorizationLineItemId",
            paid.payment_id as "paymentId", ${instant('l.processed_at')} as "processedAt",
            l.denied_reason as "deniedReason", l.denied_by as "deniedBy",
            ${instant('l.denied_at')} as "deniedAt",
            ${instant('l.updated_at')} as "updatedAt", l.updated_by as "updatedBy"
     from invoice_line_item l
     left join lateral (
       select p.payment_id from payment_line p
       where p.line_item_id = l.line_item_id order by p.part_number limit 1
     ) paid on true
     where l.line_item_id = any(?::uuid[])`,
    [sqlArray(lineItemIds)],
  );
  const byId = new Map(rows.map((row) => [row.lineItemId, row]));
  return lineItemIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [lineItemView(row)] : [];
  });
}

function lineItemView(row: LineItemRow): LineItemView {
  const { from, to, unitAmountCents, deniedReason, deniedBy, deniedAt, ...line } = row;
  const unitCents = unitAmountCents === null ? null : BigInt(unitAmountCents);
  return {
    ...line,
    period: { from, to },
    unitAmount: unitCents === null ? null : formatMoney(unitCents),
    billedAmount: unitCents === null ? null : formatMoney(unitCents * BigInt(line.units)),
    denial:
      deniedReason && deniedBy && deniedAt ? { reason: deniedReason, deniedBy, deniedAt } : null,
  };
}

/** Every recorded change of a line item, oldest first. */
export function lineItemHistory(
  em: EntityManager,
  lineItemId: string,
): Promise<LineItemChangeView[]> {
  return em.execute<LineItemChangeView[]>(
    `select change_id as "changeId", action, changes, actor,
            ${instant('occurred_at')} as "occurredAt"
     from invoice_line_change where line_item_id = ? order by occurred_at, change_id`,
    [lineItemId],
  );
}
