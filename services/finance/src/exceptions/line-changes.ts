import type { EntityManager } from '@platform/persistence';
import type { InvoiceLineFailure } from '@platform/contracts';

/** The line item as the exception process's steps see it, locked for the step's transaction. */
export interface LockedLine {
  lineItemId: string;
  invoiceId: string;
  invoiceReference: string;
  providerId: string;
  status: 'draft' | 'accepted' | 'exception' | 'stopped' | 'denied';
  attempt: number;
  failures: InvoiceLineFailure[];
  lastRequestKey: string | null;
}

/** Locks a line item (`for update`) with its invoice's reference; null when unknown. */
export async function lockLine(em: EntityManager, lineItemId: string): Promise<LockedLine | null> {
  const [line] = await em.execute<LockedLine[]>(
    `select l.line_item_id as "lineItemId", l.invoice_id as "invoiceId",
            i.reference as "invoiceReference", l.provider_id as "providerId", l.status,
            l.attempt, l.failures, l.last_request_key as "lastRequestKey"
       from invoice_line_item l join invoice i on i.invoice_id = l.invoice_id
      where l.line_item_id = ? for update of l`,
    [lineItemId],
  );
  return line ?? null;
}

/** Who changed a line item in the exception process, what and when (every change is recorded). */
export async function recordLineChange(
  em: EntityManager,
  change: { lineItemId: string; action: string; changes: object; actor: string },
): Promise<void> {
  await em.execute(
    `insert into invoice_line_change (change_id, line_item_id, action, changes, actor)
     values (gen_random_uuid(), ?, ?, ?::jsonb, ?)`,
    [change.lineItemId, change.action, JSON.stringify(change.changes), change.actor],
  );
}
