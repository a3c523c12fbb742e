import type { Actor } from '@platform/contracts';
import { NotFoundProblem, RuleViolation } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { InvoiceView } from './invoice.views.js';

/** The parts of an invoice the commands decide on. */
export interface InvoiceState {
  invoiceId: string;
  providerId: string;
  status: InvoiceView['status'];
  origin: InvoiceView['origin'];
}

/**
 * The invoice, locked for the rest of the transaction so concurrent commands on it (adding lines,
 * deciding a request) run one after the other. Unknown id: 404. A provider's self-service user
 * asking for another provider's invoice gets the same 404 (ROLE-2).
 */
export async function lockInvoice(
  em: EntityManager,
  invoiceId: string,
  ownerOnly?: Actor,
): Promise<InvoiceState> {
  const [row] = await em.execute<InvoiceState[]>(
    `select invoice_id as "invoiceId", provider_id as "providerId", status, origin
     from invoice where invoice_id = ? for update`,
    [invoiceId],
  );
  if (!row || (ownerOnly && row.providerId !== ownerOnly.providerId)) {
    throw new NotFoundProblem('Invoice', invoiceId);
  }
  return row;
}

/** ROLE-2: a self-service user's invoice exists for it only if it is its own provider's. */
export async function assertInvoiceVisible(
  em: EntityManager,
  invoiceId: string,
  ownerOnly: Actor | null,
): Promise<void> {
  const [row] = await em.execute<{ providerId: string }[]>(
    'select provider_id as "providerId" from invoice where invoice_id = ?',
    [invoiceId],
  );
  if (!row || (ownerOnly && row.providerId !== ownerOnly.providerId)) {
    throw new NotFoundProblem('Invoice', invoiceId);
  }
}

/**
 * FIN-3: a self-service request is the resource manager's to accept or reject first; finance
 * staff change its lines only once it is accepted (then it is submitted).
 */
export function assertNotAwaitingRequestDecision(invoice: InvoiceState): void {
  if (invoice.status === 'requested' || invoice.status === 'request-rejected') {
    throw new RuleViolation(
      'FIN-3',
      `Invoice ${invoice.invoiceId} is ${invoice.status}: a provider's request is accepted by a ` +
        'resource manager before its line items are changed or added',
    );
  }
}

/**
 * FIN-3 / FIN-4: an invoice comes from a provider or a group finance knows of (from the
 * providers service's events); else 422 naming `providerId`.
 */
export async function assertSubmitterKnown(
  em: EntityManager,
  submitterKind: 'provider' | 'group',
  providerId: string,
): Promise<void> {
  const [known] = await em.execute<unknown[]>(
    submitterKind === 'provider'
      ? 'select 1 from provider_status where provider_id = ?'
      : 'select 1 from provider_group where group_id = ?',
    [providerId],
  );
  if (!known) {
    throw new RuleViolation(
      'FIN-3',
      `No ${submitterKind} ${providerId} is known to finance: an invoice comes from a registered ` +
        'provider or provider group',
      422,
      [{ field: 'providerId', message: `unknown ${submitterKind}` }],
    );
  }
}

/** INV-<year>-<6 digits>, from the invoice_number sequence (numbers people read aloud). */
export async function nextInvoiceReference(em: EntityManager, today: string): Promise<string> {
  const [row] = await em.execute<{ n: string }[]>(`select nextval('invoice_number')::text as n`);
  return `INV-${today.slice(0, 4)}-${String(row?.n).padStart(6, '0')}`;
}

/** The last line number of an invoice (0 when it has none): new lines are numbered after it. */
export async function lastLineNumber(em: EntityManager, invoiceId: string): Promise<number> {
  const [row] = await em.execute<{ last: number }[]>(
    'select coalesce(max(line_number), 0)::int as last from invoice_line_item where invoice_id = ?',
    [invoiceId],
  );
  return row?.last ?? 0;
}
