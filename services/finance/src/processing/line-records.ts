import type { EntityManager } from '@platform/persistence';
import type { Cents } from '@platform/kernel';
import type { InvoiceLineFailure } from '@platform/contracts';
import { uuidArray } from '../shared/sql-arrays.js';

/** A line item to process as stored, with its clients (FIN-3). */
export interface LineRecord {
  lineItemId: string;
  invoiceId: string;
  lineNumber: number;
  providerId: string;
  serviceProductId: string;
  caseId: string | null;
  payeeId: string | null;
  from: string;
  to: string;
  units: number;
  unitAmountCents: Cents | null;
  status: 'draft' | 'accepted' | 'exception' | 'stopped' | 'denied';
  attempt: number;
  failures: InvoiceLineFailure[];
  clientIds: string[];
}

interface LineRow extends Omit<LineRecord, 'unitAmountCents'> {
  unitAmountCents: string | null;
}

/** Loads line items by id in one query, in processing order (service date, line number, id). */
export async function loadLineRecords(
  em: EntityManager,
  lineItemIds: readonly string[],
): Promise<LineRecord[]> {
  if (lineItemIds.length === 0) return [];
  const rows = await em.execute<LineRow[]>(
    `select l.line_item_id as "lineItemId", l.invoice_id as "invoiceId",
            l.line_number as "lineNumber", l.provider_id as "providerId",
            l.service_product_id as "serviceProductId", l.case_id as "caseId",
            l.payee_id as "payeeId", l.from_date::text as "from", l.to_date::text as "to",
            l.units, l.unit_amount_cents::text as "unitAmountCents", l.status, l.attempt,
            l.failures,
            coalesce((select array_agg(c.client_id::text order by c.client_id::text collate "C")
                        from invoice_line_client c where c.line_item_id = l.line_item_id),
                     '{}') as "clientIds"
       from invoice_line_item l
      where l.line_item_id = any(?::uuid[])
      order by l.from_date, l.line_number, l.line_item_id`,
    [uuidArray(lineItemIds)],
  );
  return rows.map((row) => ({
    ...row,
    unitAmountCents: row.unitAmountCents === null ? null : BigInt(row.unitAmountCents),
  }));
}
