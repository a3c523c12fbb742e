import { NotFoundProblem, type Page } from '@platform/http';
import { inOneSnapshot, type EntityManager } from '@platform/persistence';
import type { ListPaymentsQuery } from './payment.schemas.js';
import {
  money,
  paymentSummaryView,
  type PaymentAdjustmentView,
  type PaymentLineView,
  type PaymentRow,
  type PaymentSummaryView,
  type PaymentView,
} from './payment.views.js';

// Timestamps leave Postgres as ISO text and dates as YYYY-MM-DD text: no Date, no zone drift.
const timestamp = (column: string) => `to_json(${column}) #>> '{}'`;

/**
 * A payment with the names finance knows: the provider's from `provider_status`, the payee's from
 * `provider_status`, `provider_group` or `participant` by its kind (FIN-14), the invoice's and the
 * run's references. Callers append `where …` on `p` (and `for update of p` to lock).
 */
export const PAYMENT_ROW_SELECT = `
  select p.payment_id as "paymentId", p.reference, p.status,
         p.provider_id as "providerId", provider.name as "providerName",
         p.payee_kind as "payeeKind", p.payee_id as "payeeId",
         case p.payee_kind
           when 'provider' then payee_provider.name
           when 'group' then payee_group.name
           else payee_nominee.name
         end as "payeeName",
         p.payee_rule as "payeeRule", p.invoice_id as "invoiceId", i.reference as "invoiceReference",
         p.amount_cents::text as "amountCents", p.billed_cents::text as "billedCents",
         ${timestamp('p.calculated_at')} as "calculatedAt",
         ${timestamp('p.approved_at')} as "approvedAt", p.approved_by as "approvedBy",
         ${timestamp('p.issued_at')} as "issuedAt", p.issued_by as "issuedBy",
         p.payment_run_id as "paymentRunId", r.reference as "paymentRunReference"
  from payment p
  left join provider_status provider on provider.provider_id = p.provider_id
  left join provider_status payee_provider
    on p.payee_kind = 'provider' and payee_provider.provider_id = p.payee_id
  left join provider_group payee_group
    on p.payee_kind = 'group' and payee_group.group_id = p.payee_id
  left join participant payee_nominee
    on p.payee_kind = 'nominee' and payee_nominee.participant_id = p.payee_id
  left join invoice i on i.invoice_id = p.invoice_id
  left join payment_run r on r.payment_run_id = p.payment_run_id`;

/** What a payments list may filter on: staff filters, or a provider's own (ROLE-2). */
export type PaymentFilter = Partial<Omit<ListPaymentsQuery, 'limit' | 'offset'>>;

function whereClause(filter: PaymentFilter): { sql: string; params: string[] } {
  const conditions: string[] = [];
  const params: string[] = [];
  const add = (condition: string, value: string | undefined) => {
    if (value === undefined) return;
    conditions.push(condition);
    params.push(value);
  };
  add('p.status = ?', filter.status);
  add('p.provider_id = ?', filter.providerId);
  add('p.payee_id = ?', filter.payeeId);
  add('p.payee_kind = ?', filter.payeeKind);
  add('p.invoice_id = ?', filter.invoiceId);
  // Inclusive calendar days, in UTC like every timestamp the API shows.
  add(`(p.calculated_at at time zone 'UTC')::date >= ?::date`, filter.calculatedFrom);
  add(`(p.calculated_at at time zone 'UTC')::date <= ?::date`, filter.calculatedTo);
  return { sql: conditions.length ? `where ${conditions.join(' and ')}` : '', params };
}

/** One page of payments, newest calculated first, with the total, from one snapshot. */
export function findPayments(
  em: EntityManager,
  filter: PaymentFilter,
  window: { limit: number; offset: number },
): Promise<Page<PaymentSummaryView>> {
  const where = whereClause(filter);
  return inOneSnapshot(em, async (snapshot) => {
    const [count] = await snapshot.execute<{ total: string }[]>(
      `select count(*)::text as total from payment p ${where.sql}`,
      where.params,
    );
    const rows = await snapshot.execute<PaymentRow[]>(
      `${PAYMENT_ROW_SELECT} ${where.sql}
       order by p.calculated_at desc, p.reference desc limit ? offset ?`,
      [...where.params, window.limit, window.offset],
    );
    return {
      items: rows.map(paymentSummaryView),
      total: Number(count?.total ?? 0),
      limit: window.limit,
      offset: window.offset,
    };
  });
}

/** Payments of a run, in the order the run handed them over. */
export async function paymentsOfRun(
  em: EntityManager,
  paymentRunId: string,
): Promise<PaymentSummaryView[]> {
  const rows = await em.execute<PaymentRow[]>(
    `${PAYMENT_ROW_SELECT} where p.payment_run_id = ? order by p.reference`,
    [paymentRunId],
  );
  return rows.map(paymentSummaryView);
}

/**
 * One payment with its lines and adjustments. `providerId` given (ROLE-2): another provider's
 * payment is 404 exactly like an unknown id.
 */
export function findPayment(
  em: EntityManager,
  paymentId: string,
  providerId?: string,
): Promise<PaymentView> {
  return inOneSnapshot(em, async (snapshot) => {
    const [row] = await snapshot.execute<PaymentRow[]>(
      `${PAYMENT_ROW_SELECT} where p.payment_id = ?`,
      [paymentId],
    );
    if (!row || (providerId !== undefined && row.providerId !== providerId)) {
      throw new NotFoundProblem('Payment', paymentId);
    }
    return {
      ...paymentSummaryView(row),
      lines: await paymentLines(snapshot, paymentId),
      adjustments: await paymentAdjustments(snapshot, paymentId),
    };
  });
}

type MoneyRow<V, K extends keyof V> = Omit<V, K> & { [key in K]: string };

async function paymentLines(em: EntityManager, paymentId: string): Promise<PaymentLineView[]> {
  const rows = await em.execute<
    (MoneyRow<PaymentLineView, 'unitAmountPaid' | 'billed' | 'paid'> & {
      from: string;
      to: string;
    })[]
  >(
    `select l.line_item_id as "lineItemId", l.part_number as "partNumber",
            i.reference as "invoiceReference", li.line_number as "lineNumber",
            l.from_date::text as "from", l.to_date::text as "to", l.days, l.units,
            l.rate_source as "rateSource", l.rate,
            l.unit_amount_paid_cents::text as "unitAmountPaid",
            l.billed_cents::text as billed, l.paid_cents::text as paid
     from payment_line l
     join invoice_line_item li on li.line_item_id = l.line_item_id
     join invoice i on i.invoice_id = li.invoice_id
     where l.payment_id = ?
     order by i.reference, li.line_number, l.part_number`,
    [paymentId],
  );
  return rows.map(({ from, to, unitAmountPaid, billed, paid, ...line }) => ({
    ...line,
    period: { from, to },
    unitAmountPaid: money(unitAmountPaid),
    billed: money(billed),
    paid: money(paid),
  }));
}

async function paymentAdjustments(
  em: EntityManager,
  paymentId: string,
): Promise<PaymentAdjustmentView[]> {
  const rows = await em.execute<
    MoneyRow<PaymentAdjustmentView, 'billed' | 'paid' | 'difference'>[]
  >(
    `select a.line_item_id as "lineItemId", a.part_number as "partNumber", a.rule,
            a.svc3_case as "svc3Case", a.option, a.options_owner as "optionsOwner",
            a.rate_source as "rateSource", a.billed_cents::text as billed,
            a.paid_cents::text as paid, a.difference_cents::text as difference, a.explanation
     from payment_adjustment a
     left join invoice_line_item li on li.line_item_id = a.line_item_id
     where a.payment_id = ?
     order by li.line_number, a.line_item_id, a.part_number`,
    [paymentId],
  );
  return rows.map(({ billed, paid, difference, ...adjustment }) => ({
    ...adjustment,
    billed: money(billed),
    paid: money(paid),
    difference: money(difference),
  }));
}
