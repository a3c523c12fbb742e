import { randomUUID } from 'node:crypto';
import { parseMoney, type PaymentOptions } from '@platform/kernel';
import type { QueryRows } from '@platform/testing';

/**
 * Finance's own records and the projections of providers' facts, inserted with SQL: the suites of
 * processing and of the exception process build exactly the world a rule needs (the HTTP APIs
 * that create these records are other suites' subject). Amounts are decimal strings here, cents
 * in the tables; periods are inclusive.
 */
export interface Records {
  query: QueryRows;
}

const cents = (amount: string | null | undefined) =>
  amount === null || amount === undefined ? null : parseMoney(amount).toString();

/** SVC-3: the guide's defaults — billed ≠ fixed pays the fixed rate. */
export const PAY_FIXED: PaymentOptions = {
  fixed: 'pay-fixed',
  minimum: 'pay-minimum',
  maximum: 'pay-maximum',
};

/** PRV-1: a provider as finance's projection knows it. */
export async function provider(
  { query }: Records,
  status: 'approved' | 'enrolled' | 'rejected' | 'closed' = 'approved',
): Promise<string> {
  const id = randomUUID();
  await query(
    `insert into provider_status (provider_id, name, status, occurred_at)
     values ($1, $2, $3, now())`,
    [id, `Provider ${id.slice(0, 4)}`, status],
  );
  return id;
}

/** PRV-4: a provider group (a payee when payments are directed to it). */
export async function providerGroup({ query }: Records): Promise<string> {
  const id = randomUUID();
  await query(
    `insert into provider_group (group_id, name, status, occurred_at)
     values ($1, 'Group', 'enrolled', now())`,
    [id],
  );
  return id;
}

/** PRV-5: from `effectiveFrom` the provider's payments go to the group (or not). */
export async function paymentDirection(
  { query }: Records,
  change: { providerId: string; groupId: string; effectiveFrom: string; toGroup: boolean },
): Promise<void> {
  await query(
    `insert into payment_direction (provider_id, affiliation_id, effective_from, group_id,
       payments_to_group, affiliation_start, affiliation_end, occurred_at)
     values ($1, $2, $3, $4, $5, '2025-01-01', null, now())`,
    [change.providerId, randomUUID(), change.effectiveFrom, change.groupId, change.toGroup],
  );
}

/** A participant: a client services are billed for, or a nominee paid on a client's behalf. */
export async function participant(
  { query }: Records,
  kind: 'client' | 'nominee' = 'client',
): Promise<string> {
  const id = randomUUID();
  await query(
    `insert into participant (participant_id, kind, name, registered_by)
     values ($1, $2, $3, 'cw.casey')`,
    [id, kind, `${kind} ${id.slice(0, 4)}`],
  );
  return id;
}

/** A case of the clients, open from `openedOn` (closed on `closedOn`). */
export async function clientCase(
  { query }: Records,
  clientIds: readonly string[],
  openedOn = '2025-06-01',
  closedOn: string | null = null,
): Promise<string> {
  const id = randomUUID();
  await query(
    `insert into client_case (case_id, reference, status, opened_on, closed_on, created_by,
       updated_by)
     values ($1, $2, $3, $4, $5, 'cw.casey', 'cw.casey')`,
    [id, `CASE-${id}`, closedOn ? 'closed' : 'open', openedOn, closedOn],
  );
  for (const clientId of clientIds) {
    await query('insert into case_client (case_id, client_id) values ($1, $2)', [id, clientId]);
  }
  return id;
}

export interface RateFixture {
  amount?: string;
  minimum?: string;
  maximum?: string;
  from: string;
  to?: string | null;
}

const rateKind = (rate: RateFixture) => (rate.amount !== undefined ? 'fixed' : 'range');

/** SVC-2/SVC-3: a product with its payment options and dated rates. */
export async function product(
  { query }: Records,
  options: PaymentOptions = PAY_FIXED,
  rates: readonly RateFixture[] = [{ amount: '100.00', from: '2025-01-01' }],
): Promise<string> {
  const id = randomUUID();
  await query(
    `insert into service_product (product_id, name, unit_of_measure, payment_channels,
       pay_based_on_attendance, pay_based_on_placement, payment_options, occurred_at)
     values ($1, 'Therapy', 'session', '["invoice"]', false, false, $2, now())`,
    [id, JSON.stringify(options)],
  );
  for (const rate of rates) {
    await query(
      `insert into service_product_rate (rate_id, product_id, kind, amount_cents, minimum_cents,
         maximum_cents, effective_from, effective_to, occurred_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
      [
        randomUUID(),
        id,
        rateKind(rate),
        cents(rate.amount),
        cents(rate.minimum),
        cents(rate.maximum),
        rate.from,
        rate.to ?? null,
      ],
    );
  }
  return id;
}

/** PRV-6/PRV-7: the provider approved to deliver the product, with its own rate and options. */
export async function providerService(
  { query }: Records,
  service: {
    providerId: string;
    productId: string;
    from?: string;
    to?: string | null;
    status?: 'approved' | 'pending' | 'ended' | 'suspended';
    rate?: RateFixture;
    options?: PaymentOptions | null;
  },
): Promise<string> {
  const id = randomUUID();
  const rate = service.rate;
  await query(
    `insert into provider_service (provider_service_id, provider_id, service_product_id, status,
       from_date, to_date, rate_kind, rate_amount_cents, rate_minimum_cents, rate_maximum_cents,
       payment_options, occurred_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())`,
    [
      id,
      service.providerId,
      service.productId,
      service.status ?? 'approved',
      rate?.from ?? service.from ?? '2025-01-01',
      rate ? (rate.to ?? null) : (service.to ?? null),
      rate ? rateKind(rate) : null,
      cents(rate?.amount),
      cents(rate?.minimum),
      cents(rate?.maximum),
      service.options ? JSON.stringify(service.options) : null,
    ],
  );
  return id;
}

/** CTR: a binding contract version of the provider (fixed-fee: FIN-5; utilization: FIN-7). */
export async function contract(
  { query }: Records,
  terms: {
    providerId: string;
    type: 'fixed-fee' | 'utilization';
    providerServiceIds: readonly string[];
    from?: string;
    to?: string;
    unitRate?: { providerServiceId: string; amount: string };
  },
): Promise<string> {
  const id = randomUUID();
  const from = terms.from ?? '2026-01-01';
  const to = terms.to ?? '2026-12-31';
  await query(
    `insert into contract_version (contract_id, contract_number, version, provider_id, type,
       status, period_from, period_to, activated_on, provider_service_ids, occurred_at)
     values ($1, $2, 1, $3, $4, 'active', $5, $6, $5, $7, now())`,
    [
      id,
      `C-${id.slice(0, 8)}`,
      terms.providerId,
      terms.type,
      from,
      to,
      JSON.stringify(terms.providerServiceIds),
    ],
  );
  if (terms.unitRate) {
    await query(
      `insert into contract_unit_rate (contract_id, provider_service_id, from_date, to_date,
         rate_cents) values ($1, $2, $3, $4, $5)`,
      [id, terms.unitRate.providerServiceId, from, to, cents(terms.unitRate.amount)],
    );
  }
  return id;
}

export interface AuthorizationLineFixture {
  productId: string;
  providerId?: string | null;
  units?: number | null;
  rate?: string | null;
  nomineeId?: string | null;
  from?: string;
  to?: string;
}

/** FIN-1: a service authorization for the clients, its line items' ids in order. */
export async function authorization(
  { query }: Records,
  clientIds: readonly string[],
  lines: readonly AuthorizationLineFixture[],
  caseId: string | null = null,
): Promise<{ authorizationId: string; lineItemIds: string[] }> {
  const authorizationId = randomUUID();
  await query(
    `insert into service_authorization (authorization_id, reference, case_id, from_date, to_date,
       created_by) values ($1, $2, $3, '2026-01-01', '2026-12-31', 'cw.casey')`,
    [authorizationId, `SA-${authorizationId}`, caseId],
  );
  for (const clientId of clientIds) {
    await query('insert into authorization_client (authorization_id, client_id) values ($1, $2)', [
      authorizationId,
      clientId,
    ]);
  }
  const lineItemIds: string[] = [];
  for (const [index, line] of lines.entries()) {
    const id = randomUUID();
    lineItemIds.push(id);
    await query(
      `insert into authorization_line_item (line_item_id, authorization_id, line_number,
         service_product_id, provider_id, units, rate_cents, nominee_id, from_date, to_date)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        authorizationId,
        index + 1,
        line.productId,
        line.providerId ?? null,
        line.units === undefined ? 10 : line.units,
        cents(line.rate),
        line.nomineeId ?? null,
        line.from ?? '2026-01-01',
        line.to ?? '2026-12-31',
      ],
    );
  }
  return { authorizationId, lineItemIds };
}

export interface InvoiceLineFixture {
  productId: string;
  clientIds: readonly string[];
  providerId?: string;
  caseId?: string | null;
  payeeId?: string | null;
  from?: string;
  to?: string;
  units?: number;
  /** Billed per unit; null for none. */
  amount?: string | null;
}

/** FIN-3: an invoice of the provider with its line items (in draft), their ids in order. */
export async function invoice(
  { query }: Records,
  providerId: string,
  lines: readonly InvoiceLineFixture[],
  state: {
    status?: 'draft' | 'requested' | 'request-rejected' | 'submitted';
    decided?: boolean;
  } = {},
): Promise<{ invoiceId: string; reference: string; lineItemIds: string[] }> {
  const invoiceId = randomUUID();
  const reference = `INV-${invoiceId.slice(0, 8)}`;
  const status = state.status ?? 'draft';
  await query(
    `insert into invoice (invoice_id, reference, provider_id, submitter_kind, origin, status,
       received_on, request_decided_by, request_decided_at, created_by, updated_by)
     values ($1, $2, $3, 'provider', $4, $5, '2026-02-01', $6, $7, 'fin.fatima', 'fin.fatima')`,
    [
      invoiceId,
      reference,
      providerId,
      status === 'draft' ? 'staff' : 'self-service',
      status,
      state.decided ? 'rm.rivera' : null,
      state.decided ? new Date().toISOString() : null,
    ],
  );
  const lineItemIds: string[] = [];
  for (const [index, line] of lines.entries()) {
    const id = randomUUID();
    lineItemIds.push(id);
    await query(
      `insert into invoice_line_item (line_item_id, invoice_id, line_number, provider_id,
         service_product_id, case_id, payee_id, from_date, to_date, units, unit_amount_cents,
         status, updated_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'draft', 'fin.fatima')`,
      [
        id,
        invoiceId,
        index + 1,
        line.providerId ?? providerId,
        line.productId,
        line.caseId ?? null,
        line.payeeId ?? null,
        line.from ?? '2026-01-05',
        line.to ?? '2026-01-05',
        line.units ?? 1,
        line.amount === undefined ? cents('100.00') : cents(line.amount),
      ],
    );
    for (const clientId of line.clientIds) {
      await query('insert into invoice_line_client (line_item_id, client_id) values ($1, $2)', [
        id,
        clientId,
      ]);
    }
  }
  return { invoiceId, reference, lineItemIds };
}

/** The usual world: an approved provider delivering an approved product to an authorised client. */
export async function billableWorld(
  records: Records,
  setup: {
    options?: PaymentOptions;
    productRates?: readonly RateFixture[];
    units?: number | null;
    authorizationRate?: string | null;
    nomineeId?: string | null;
  } = {},
) {
  const providerId = await provider(records);
  const productId = await product(records, setup.options, setup.productRates);
  const providerServiceId = await providerService(records, { providerId, productId });
  const clientId = await participant(records);
  const caseId = await clientCase(records, [clientId]);
  const auth = await authorization(
    records,
    [clientId],
    [
      {
        productId,
        providerId,
        units: setup.units === undefined ? 10 : setup.units,
        rate: setup.authorizationRate ?? null,
        nomineeId: setup.nomineeId ?? null,
      },
    ],
    caseId,
  );
  return {
    providerId,
    productId,
    providerServiceId,
    clientId,
    caseId,
    authorizationLineItemId: auth.lineItemIds[0] as string,
    /** A line billing this world's service for its client (one session on 5 Jan at 100.00). */
    line: (changes: Partial<InvoiceLineFixture> = {}): InvoiceLineFixture => ({
      productId,
      clientIds: [clientId],
      caseId,
      ...changes,
    }),
  };
}

/** The outbox rows of one event type whose data names the line item (or invoice, payment). */
export async function outboxEvents<T = Record<string, unknown>>(
  { query }: Records,
  eventType: string,
  field: string,
  id: string,
): Promise<T[]> {
  const rows = await query<{ data: T }>(
    `select envelope->'data' as data from outbox_message
      where event_type = $1 and envelope->'data'->>$2 = $3 order by seq`,
    [eventType, field, id],
  );
  return rows.map((row) => row.data);
}
