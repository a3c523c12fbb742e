import type { EntityManager } from '@platform/persistence';
import { formatMoney, type RateAmount } from '@platform/kernel';
import {
  invoiceLineFailed,
  invoiceLineStopped,
  type InvoiceLineFailure,
} from '@platform/contracts';
import type { PricedLine } from '../domain/line-payment.js';
import type { Payee } from '../domain/payee.js';
import type { LineRecord } from './line-records.js';
import type { ProcessingRun } from './line-processing.js';
import { insertOutboxRows, pending, type PendingEvent } from '@platform/messaging';
import type { PaymentBook } from './payment-book.js';
import { jsonRows } from './sql-values.js';
import type { ProcessedLine } from './submission.types.js';

/** What processing decided for one line item of a batch. */
export type Outcome =
  | { status: 'accepted'; record: LineRecord; priced: PricedLine; payee: Payee; match: string }
  | { status: 'exception' | 'stopped'; record: LineRecord; failures: InvoiceLineFailure[] };

/** FIN-5: a fixed-fee contract covers the line; processing stops, no exception process. */
export const STOPPING_RULE = 'FIN-5';

const rateJson = (rate: RateAmount) =>
  rate.kind === 'fixed'
    ? { kind: 'fixed', amount: formatMoney(rate.amount) }
    : {
        kind: 'range',
        minimum: rate.minimum === null ? null : formatMoney(rate.minimum),
        maximum: rate.maximum === null ? null : formatMoney(rate.maximum),
      };

/** The batch's outcomes in a few bulk statements, and the events they announce. */
export async function writeOutcomes(
  em: EntityManager,
  run: ProcessingRun,
  outcomes: readonly Outcome[],
  book: PaymentBook,
): Promise<ProcessedLine[]> {
  const accepted = outcomes.filter(
    (o): o is Extract<Outcome, { status: 'accepted' }> => o.status === 'accepted',
  );
  await book.paymentsFor(accepted.map((o) => o.payee));
  const paymentOf = new Map<string, string>();
  const paymentLines: object[] = [];
  const adjustments: object[] = [];
  for (const outcome of accepted) {
    const payment = book.add(outcome.payee, {
      paid: outcome.priced.paidAmount,
      billed: outcome.priced.billedAmount,
      adjustments: outcome.priced.adjustments.length,
    });
    paymentOf.set(outcome.record.lineItemId, payment.paymentId);
    outcome.priced.parts.forEach((part, index) => {
      const base = {
        line_item_id: outcome.record.lineItemId,
        part_number: index + 1,
        payment_id: payment.paymentId,
      };
      paymentLines.push({
        ...base,
        from_date: part.period.start,
        to_date: part.period.end,
        days: part.days,
        units: part.units,
        rate_source: part.rate.source,
        rate: rateJson(part.rate.rate),
        unit_amount_paid_cents: part.paidUnitAmount,
        billed_cents: part.billedAmount,
        paid_cents: part.paidAmount,
      });
      const adjustment = part.adjustment;
      if (adjustment) {
        adjustments.push({
          ...base,
          rule: adjustment.rule,
          svc3_case: adjustment.reason,
          option: adjustment.option,
          options_owner: adjustment.optionsFrom,
          rate_source: adjustment.rateSource,
          billed_cents: adjustment.billedAmount,
          paid_cents: adjustment.paidAmount,
          difference_cents: adjustment.difference,
          explanation: adjustment.explanation,
        });
      }
    });
  }
  await em.execute(
    `update invoice_line_item l
        set status = r.status, attempt = l.attempt + 1, failures = r.failures,
            authorization_line_item_id = r.match, processed_at = now(),
            updated_at = now(), updated_by = ?
       from jsonb_to_recordset(?::jsonb) as r(line_item_id uuid, status text, failures jsonb, match uuid)
      where l.line_item_id = r.line_item_id`,
    [
      run.actor.userId,
      jsonRows(
        outcomes.map((o) => ({
          line_item_id: o.record.lineItemId,
          status: o.status,
          failures: o.status === 'accepted' ? [] : o.failures,
          match: o.status === 'accepted' ? o.match : null,
        })),
      ),
    ],
  );
  if (paymentLines.length > 0) {
    await em.execute(
      `insert into payment_line (line_item_id, part_number, payment_id, from_date, to_date, days,
                                 units, rate_source, rate, unit_amount_paid_cents, billed_cents,
                                 paid_cents)
       select * from jsonb_to_recordset(?::jsonb) as r(line_item_id uuid, part_number int,
              payment_id uuid, from_date date, to_date date, days int, units int, rate_source text,
              rate jsonb, unit_amount_paid_cents bigint, billed_cents bigint, paid_cents bigint)`,
      [jsonRows(paymentLines)],
    );
  }
  if (adjustments.length > 0) {
    await em.execute(
      `insert into payment_adjustment (line_item_id, part_number, payment_id, rule, svc3_case,
                                       option, options_owner, rate_source, billed_cents,
                                       paid_cents, difference_cents, explanation)
       select * from jsonb_to_recordset(?::jsonb) as r(line_item_id uuid, part_number int,
              payment_id uuid, rule text, svc3_case text, option text, options_owner text,
              rate_source text, billed_cents bigint, paid_cents bigint, difference_cents bigint,
              explanation text)`,
      [jsonRows(adjustments)],
    );
  }
  await insertOutboxRows(em, outcomeEvents(run, outcomes));
  return outcomes.map((o): ProcessedLine => ({
    lineItemId: o.record.lineItemId,
    lineNumber: o.record.lineNumber,
    status: o.status,
    attempt: o.record.attempt + 1,
    failures: o.status === 'accepted' ? [] : o.failures,
    paymentId: paymentOf.get(o.record.lineItemId) ?? null,
  }));
}

/** FIN-6: a new exception line starts WF-4 through its event; FIN-5: a stopped line is announced. */
function outcomeEvents(run: ProcessingRun, outcomes: readonly Outcome[]): PendingEvent[] {
  const common = {
    actor: run.actor,
    ...(run.correlationId ? { correlationId: run.correlationId } : {}),
  };
  return outcomes.flatMap((o): PendingEvent[] => {
    if (o.status === 'exception' && run.announceFailures) {
      return [
        pending(invoiceLineFailed, {
          ...common,
          aggregateId: run.invoice.invoiceId,
          data: {
            invoiceId: run.invoice.invoiceId,
            invoiceReference: run.invoice.reference,
            lineItemId: o.record.lineItemId,
            lineNumber: o.record.lineNumber,
            providerId: o.record.providerId,
            attempt: o.record.attempt + 1,
            failures: o.failures,
          },
        }),
      ];
    }
    if (o.status === 'stopped') {
      return [
        pending(invoiceLineStopped, {
          ...common,
          aggregateId: run.invoice.invoiceId,
          data: {
            invoiceId: run.invoice.invoiceId,
            lineItemId: o.record.lineItemId,
            providerId: o.record.providerId,
            contractFailures: o.failures.filter((f) => f.rule === STOPPING_RULE),
          },
        }),
      ];
    }
    return [];
  });
}
