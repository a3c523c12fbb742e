import { randomUUID } from 'node:crypto';
import { parseMoney } from '@platform/kernel';
import type { FinanceApp } from './finance-app.js';

/**
 * Payments as invoice processing leaves them (FIN-7…FIN-9, FIN-14): status `calculated`, one
 * payment_line per priced run of days of an invoice line item and a payment_adjustment where paid
 * differs from billed (FIN-8). Written with SQL so the payments suite does not depend on the whole
 * processing pipeline; the invoice and line item rows are the minimum their foreign keys need.
 */

const FIXTURE_USER = 'fin.fatima';
const PRODUCT_ID = '0199a3c2-9a10-7cc0-8d5e-000000005001';

export interface InvoiceFixture {
  invoiceId: string;
  reference: string;
  providerId: string;
}

/** A submitted invoice of the provider, numbered from the invoice sequence. */
export async function insertInvoice(app: FinanceApp, providerId: string): Promise<InvoiceFixture> {
  const invoiceId = randomUUID();
  const [row] = await app.query<{ reference: string }>(
    `insert into invoice (invoice_id, reference, provider_id, submitter_kind, origin, status,
                          received_on, submitted_at, submitted_by, created_by, updated_by)
     values ($1, 'INV-2026-' || lpad(nextval('invoice_number')::text, 6, '0'), $2, 'provider',
             'staff', 'submitted', '2026-02-03', now(), $3, $3, $3)
     returning reference`,
    [invoiceId, providerId, FIXTURE_USER],
  );
  if (!row) throw new Error('invoice fixture not inserted');
  return { invoiceId, reference: row.reference, providerId };
}

export interface CalculatedPaymentInput {
  invoice: InvoiceFixture;
  /** Decimal string; paid on the first run of days. */
  amount: string;
  /** What the line billed in all; more than `amount` adds a FIN-8 adjustment. */
  billed?: string;
  payee?: { kind: 'provider' | 'group' | 'nominee'; id: string; rule: string };
}

export interface PaymentFixture {
  paymentId: string;
  reference: string;
  lineItemId: string;
  invoice: InvoiceFixture;
  amount: string;
}

/**
 * A calculated payment for one accepted line item of the invoice, priced in two runs of days
 * (FIN-9: a provider-service rate for 10 days, then the product rate), with an adjustment on the
 * first run when it billed more than it is paid (FIN-8).
 */
export async function insertCalculatedPayment(
  app: FinanceApp,
  input: CalculatedPaymentInput,
): Promise<PaymentFixture> {
  const { invoice } = input;
  const paid = parseMoney(input.amount);
  const billed = parseMoney(input.billed ?? input.amount);
  const payee = input.payee ?? { kind: 'provider', id: invoice.providerId, rule: 'FIN-14' };
  const lineItemId = randomUUID();
  const paymentId = randomUUID();
  await app.query(
    `insert into invoice_line_item (line_item_id, invoice_id, line_number, provider_id,
       service_product_id, from_date, to_date, units, unit_amount_cents, status, attempt,
       processed_at, updated_by)
     values ($1, $2,
             (select coalesce(max(line_number), 0) + 1 from invoice_line_item where invoice_id = $2),
             $3, $4, '2026-01-01', '2026-01-31', 31, $5, 'accepted', 1, now(), $6)`,
    [
      lineItemId,
      invoice.invoiceId,
      invoice.providerId,
      PRODUCT_ID,
      (billed / 31n).toString(),
      FIXTURE_USER,
    ],
  );
  const [payment] = await app.query<{ reference: string }>(
    `insert into payment (payment_id, reference, provider_id, payee_kind, payee_id, payee_rule,
                          invoice_id, amount_cents, billed_cents, status)
     values ($1, 'PAY-2026-' || lpad(nextval('payment_number')::text, 6, '0'), $2, $3, $4, $5, $6,
             $7, $8, 'calculated')
     returning reference`,
    [
      paymentId,
      invoice.providerId,
      payee.kind,
      payee.id,
      payee.rule,
      invoice.invoiceId,
      paid.toString(),
      billed.toString(),
    ],
  );
  if (!payment) throw new Error('payment fixture not inserted');
  // Two runs of days: 1–10 Jan carries the difference (if any), 11–31 Jan the rest at par.
  const secondPaid = paid / 2n;
  const firstPaid = paid - secondPaid;
  const firstBilled = billed - secondPaid;
  const parts = [
    {
      part: 1,
      from: '2026-01-01',
      to: '2026-01-10',
      days: 10,
      units: 10,
      source: 'provider-service',
      paid: firstPaid,
      billed: firstBilled,
    },
    {
      part: 2,
      from: '2026-01-11',
      to: '2026-01-31',
      days: 21,
      units: 21,
      source: 'product',
      paid: secondPaid,
      billed: secondPaid,
    },
  ];
  for (const part of parts) {
    await app.query(
      `insert into payment_line (line_item_id, part_number, payment_id, from_date, to_date, days,
         units, rate_source, rate, unit_amount_paid_cents, billed_cents, paid_cents)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        lineItemId,
        part.part,
        paymentId,
        part.from,
        part.to,
        part.days,
        part.units,
        part.source,
        JSON.stringify({ kind: 'fixed', amount: '10.00' }),
        (part.paid / BigInt(part.units)).toString(),
        part.billed.toString(),
        part.paid.toString(),
      ],
    );
  }
  if (billed !== paid) {
    await app.query(
      `insert into payment_adjustment (line_item_id, part_number, payment_id, rule, svc3_case,
         option, options_owner, rate_source, billed_cents, paid_cents, difference_cents, explanation)
       values ($1, 1, $2, 'FIN-8', 'billed-above-rate', 'pay-rate', 'provider', 'provider-service',
               $3, $4, $5, 'billed above the provider-service rate: paid the rate')`,
      [
        lineItemId,
        paymentId,
        firstBilled.toString(),
        firstPaid.toString(),
        (firstPaid - firstBilled).toString(),
      ],
    );
  }
  return { paymentId, reference: payment.reference, lineItemId, invoice, amount: input.amount };
}

/** A nominee finance registered (FIN-14), so a payment to it carries its name. */
export async function insertNominee(app: FinanceApp, name: string): Promise<string> {
  const participantId = randomUUID();
  await app.query(
    `insert into participant (participant_id, kind, name, registered_by) values ($1, 'nominee', $2, $3)`,
    [participantId, name, FIXTURE_USER],
  );
  return participantId;
}

/** The status of each payment, by id. */
export async function paymentStatuses(
  app: FinanceApp,
  paymentIds: readonly string[],
): Promise<Record<string, string>> {
  const rows = await app.query<{ id: string; status: string }>(
    'select payment_id as id, status from payment where payment_id = any($1::uuid[])',
    [[...paymentIds]],
  );
  return Object.fromEntries(rows.map((row) => [row.id, row.status]));
}

/** The outbox rows of one event type for these payments (one per payment expected). */
export async function outboxEventsOf(
  app: FinanceApp,
  eventType: string,
  paymentIds: readonly string[],
): Promise<{ aggregateId: string; data: Record<string, unknown> }[]> {
  const rows = await app.query<{
    envelope: { aggregateId: string; data: Record<string, unknown> };
  }>(
    `select envelope from outbox_message where event_type = $1 and message_key = any($2::text[])
     order by seq`,
    [eventType, [...paymentIds]],
  );
  return rows.map(({ envelope }) => ({ aggregateId: envelope.aggregateId, data: envelope.data }));
}
