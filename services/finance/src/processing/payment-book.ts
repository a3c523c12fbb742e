import type { EntityManager } from '@platform/persistence';
import { formatMoney, type Cents } from '@platform/kernel';
import { paymentCalculated, type Actor } from '@platform/contracts';
import type { Payee } from '../domain/payee.js';
import { pending, type PendingEvent } from '@platform/messaging';
import type { CalculatedPaymentSummary } from './submission.types.js';
import { jsonRows } from './sql-values.js';

interface OpenPayment {
  paymentId: string;
  reference: string;
  payee: Payee;
  amount: Cents;
  billed: Cents;
  lineItemCount: number;
  adjustmentCount: number;
}

const payeeKey = (payee: Payee) => `${payee.kind}|${payee.payeeId}`;

/**
 * FIN-14: one calculated payment per (invoice, payee) per processing call, whatever the number of
 * batches — created when its payee first appears, its totals written once at the end.
 */
export class PaymentBook {
  private readonly open = new Map<string, OpenPayment>();

  constructor(
    private readonly em: EntityManager,
    private readonly invoice: { invoiceId: string; providerId: string },
  ) {}

  /** The payment of each payee, inserting (one statement) those not open yet. */
  async paymentsFor(payees: readonly Payee[]): Promise<Map<string, OpenPayment>> {
    const missing = new Map<string, Payee>();
    for (const payee of payees) {
      if (!this.open.has(payeeKey(payee))) missing.set(payeeKey(payee), payee);
    }
    if (missing.size > 0) {
      const wanted = [...missing.values()];
      const rows = await this.em.execute<
        { paymentId: string; reference: string; payeeId: string }[]
      >(
        `insert into payment (payment_id, reference, provider_id, payee_kind, payee_id, payee_rule,
                              invoice_id, amount_cents, billed_cents, status)
         select gen_random_uuid(),
                'PAY-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('payment_number')::text, 6, '0'),
                ?::uuid, p.kind, p.payee_id, p.rule, ?::uuid, 0, 0, 'calculated'
           from jsonb_to_recordset(?::jsonb) as p(kind text, payee_id uuid, rule text)
         returning payment_id as "paymentId", reference, payee_id::text as "payeeId"`,
        [
          this.invoice.providerId,
          this.invoice.invoiceId,
          jsonRows(
            wanted.map((payee) => ({
              kind: payee.kind,
              payee_id: payee.payeeId,
              rule: payee.rule,
            })),
          ),
        ],
      );
      for (const payee of wanted) {
        const row = rows.find((candidate) => candidate.payeeId === payee.payeeId);
        if (!row) throw new Error(`payment for ${payee.payeeId} was not created`);
        this.open.set(payeeKey(payee), {
          paymentId: row.paymentId,
          reference: row.reference,
          payee,
          amount: 0n,
          billed: 0n,
          lineItemCount: 0,
          adjustmentCount: 0,
        });
      }
    }
    return new Map(payees.map((payee) => [payeeKey(payee), this.get(payee)]));
  }

  /** Adds a priced line item to its payee's payment. */
  add(payee: Payee, line: { paid: Cents; billed: Cents; adjustments: number }): OpenPayment {
    const payment = this.get(payee);
    payment.amount += line.paid;
    payment.billed += line.billed;
    payment.lineItemCount += 1;
    payment.adjustmentCount += line.adjustments;
    return payment;
  }

  /** Writes the totals (one statement) and answers the summaries and their events. */
  async close(
    actor: Actor,
    correlationId?: string,
  ): Promise<{ summaries: CalculatedPaymentSummary[]; events: PendingEvent[] }> {
    const payments = [...this.open.values()];
    if (payments.length === 0) return { summaries: [], events: [] };
    await this.em.execute(
      `update payment p set amount_cents = t.amount, billed_cents = t.billed
         from jsonb_to_recordset(?::jsonb) as t(payment_id uuid, amount bigint, billed bigint)
        where p.payment_id = t.payment_id`,
      [
        jsonRows(
          payments.map((p) => ({ payment_id: p.paymentId, amount: p.amount, billed: p.billed })),
        ),
      ],
    );
    return {
      summaries: payments.map((p) => ({
        paymentId: p.paymentId,
        reference: p.reference,
        payeeKind: p.payee.kind,
        payeeId: p.payee.payeeId,
        amount: formatMoney(p.amount),
      })),
      events: payments.map((p) =>
        pending(paymentCalculated, {
          aggregateId: p.paymentId,
          actor,
          ...(correlationId ? { correlationId } : {}),
          data: {
            paymentId: p.paymentId,
            reference: p.reference,
            providerId: this.invoice.providerId,
            payee: { kind: p.payee.kind, id: p.payee.payeeId, rule: p.payee.rule },
            invoiceId: this.invoice.invoiceId,
            amount: formatMoney(p.amount),
            billed: formatMoney(p.billed),
            lineItemCount: p.lineItemCount,
            adjustmentCount: p.adjustmentCount,
          },
        }),
      ),
    };
  }

  private get(payee: Payee): OpenPayment {
    const payment = this.open.get(payeeKey(payee));
    if (!payment) throw new Error(`no payment open for ${payeeKey(payee)}`);
    return payment;
  }
}
