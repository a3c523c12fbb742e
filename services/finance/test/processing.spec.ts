import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import {
  INVOICE_EXCEPTION_WORKFLOW,
  invoiceExceptionWorkflowId,
  SearchAttributes,
  TaskQueues,
  type InvoiceExceptionInput,
  type InvoiceLineFailure,
} from '@platform/contracts';
import { eventually } from '@platform/testing';
import { connectTemporalClient } from '@platform/temporal';
import { openFinanceDatabase } from '../src/database.js';
import { submitInvoice } from '../src/processing/invoice-submission.js';
import type { SubmissionResult } from '../src/processing/submission.types.js';
import { startFinanceApp, type FinanceApp } from './support/finance-app.js';
import {
  authorization,
  billableWorld,
  clientCase,
  contract,
  invoice,
  outboxEvents,
  participant,
  paymentDirection,
  provider,
  providerGroup,
  providerService,
  PAY_FIXED,
  type Records,
} from './support/finance-records.js';

/**
 * Issue 6, invoice processing: a finance user submits an invoice; its line items are validated and
 * matched set-based (FIN-4), stopped under a fixed-fee contract (FIN-5), sent to the exception
 * process (FIN-6, WF-4, started from the event) or priced into payments (FIN-7…FIN-9, FIN-14).
 */
let app: FinanceApp;
let records: Records;
let temporal: Client;
let orm: MikroORM;

const FINANCE_USER = 'fin.fatima';

beforeAll(async () => {
  app = await startFinanceApp();
  records = { query: (text, params) => app.query(text, params) };
  temporal = await connectTemporalClient({
    address: app.bed.env.TEMPORAL_ADDRESS as string,
    namespace: app.bed.namespace.name,
  });
  orm = await openFinanceDatabase(app.bed.database.url);
});

afterAll(async () => {
  await orm?.close();
  await temporal?.connection.close();
  await app?.close();
});

async function submit(invoiceId: string, body?: { lineItemIds: string[] }) {
  return app.request<SubmissionResult & { rule?: string; detail?: string }>(
    'POST',
    `/invoices/${invoiceId}/submit`,
    { user: FINANCE_USER, ...(body ? { body } : {}) },
  );
}

async function submitted(invoiceId: string): Promise<SubmissionResult> {
  const reply = await submit(invoiceId);
  expect(reply.status).toBe(200);
  return reply.body;
}

const codes = (failures: readonly InvoiceLineFailure[]) => failures.map((f) => f.code);

/** WF-4 was started for the line, from its event, with these failures in its input. */
async function expectExceptionProcess(
  lineItemId: string,
  failureCodes: string[],
): Promise<InvoiceExceptionInput> {
  const handle = temporal.workflow.getHandle(invoiceExceptionWorkflowId(lineItemId));
  const description = await eventually(() => handle.describe());
  expect(description.type).toBe(INVOICE_EXCEPTION_WORKFLOW);
  expect(description.taskQueue).toBe(TaskQueues.workflows);
  expect(description.typedSearchAttributes.get(SearchAttributes.workQueue)).toBe(
    'finance-exceptions',
  );
  expect(description.typedSearchAttributes.get(SearchAttributes.businessStatus)).toBe(
    'awaiting-resolution',
  );
  const history = await handle.fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input
    ?.payloads?.[0] as Payload;
  const input = defaultPayloadConverter.fromPayload<InvoiceExceptionInput>(payload);
  expect(input.lineItemId).toBe(lineItemId);
  expect(codes(input.failures)).toEqual(failureCodes);
  expect(input.resolutionDays).toBe(10);
  expect(input.reminderDaysBeforeDue).toBe(3);
  return input;
}

/** FIN-4/FIN-6: the line is in exception for exactly these reasons, announced and in WF-4. */
async function expectException(
  result: SubmissionResult,
  lineItemId: string,
  failureCodes: string[],
): Promise<void> {
  const line = result.lines.find((l) => l.lineItemId === lineItemId);
  expect(line?.status).toBe('exception');
  expect(codes(line?.failures ?? [])).toEqual(failureCodes);
  const [stored] = await app.query<{
    status: string;
    attempt: number;
    failures: InvoiceLineFailure[];
  }>('select status, attempt, failures from invoice_line_item where line_item_id = $1', [
    lineItemId,
  ]);
  expect(stored?.status).toBe('exception');
  expect(stored?.attempt).toBe(1);
  expect(codes(stored?.failures ?? [])).toEqual(failureCodes);
  const events = await outboxEvents<{ failures: InvoiceLineFailure[] }>(
    records,
    'invoice-line.failed',
    'lineItemId',
    lineItemId,
  );
  expect(events.map((event) => codes(event.failures))).toEqual([failureCodes]);
  await expectExceptionProcess(lineItemId, failureCodes);
}

describe('submitting an invoice (FIN-3)', () => {
  it('FIN-3: an unknown invoice is 404', async () => {
    const reply = await submit(randomUUID());
    expect(reply.status).toBe(404);
  });

  it('FIN-3: a self-service request is accepted by a resource manager first (409), a rejected one never', async () => {
    const world = await billableWorld(records);
    const requested = await invoice(records, world.providerId, [world.line()], {
      status: 'requested',
    });
    const refused = await submit(requested.invoiceId);
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('FIN-3');
    expect(refused.body.detail).toMatch(/accepted by a resource manager first/);

    const rejected = await invoice(records, world.providerId, [world.line()], {
      status: 'request-rejected',
    });
    const never = await submit(rejected.invoiceId);
    expect(never.status).toBe(409);
    expect(never.body.rule).toBe('FIN-3');

    const accepted = await invoice(records, world.providerId, [world.line({ units: 2 })], {
      status: 'requested',
      decided: true,
    });
    const result = await submitted(accepted.invoiceId);
    expect(result.accepted).toBe(1);
    const [stored] = await app.query<{ status: string; submittedBy: string }>(
      'select status, submitted_by as "submittedBy" from invoice where invoice_id = $1',
      [accepted.invoiceId],
    );
    expect(stored).toEqual({ status: 'submitted', submittedBy: FINANCE_USER });
    const announced = await outboxEvents(
      records,
      'invoice.submitted',
      'invoiceId',
      accepted.invoiceId,
    );
    expect(announced).toEqual([
      expect.objectContaining({ processed: { accepted: 1, exceptions: 0, stopped: 0 } }),
    ]);
  });

  it('FIN-3/FIN-6: named lines must be the invoice’s (404) and in draft (409; in exception: resubmit through its task); nothing left to process is 409', async () => {
    const world = await billableWorld(records);
    const bill = await invoice(records, world.providerId, [
      world.line({
        caseId: await clientCase(records, [world.clientId], '2025-01-01', '2025-02-01'),
      }),
      world.line({ from: '2026-01-06', to: '2026-01-06' }),
    ]);
    const [failing, draft] = bill.lineItemIds as [string, string];
    const first = await submit(bill.invoiceId, { lineItemIds: [failing] });
    expect(first.status).toBe(200);
    expect(first.body.lines.map((l) => l.status)).toEqual(['exception']);

    const inException = await submit(bill.invoiceId, { lineItemIds: [failing] });
    expect(inException.status).toBe(409);
    expect(inException.body.rule).toBe('FIN-6');
    expect(inException.body.detail).toMatch(/resubmit it through its exception task/);

    const foreign = await submit(bill.invoiceId, { lineItemIds: [draft, randomUUID()] });
    expect(foreign.status).toBe(404);

    const rest = await submitted(bill.invoiceId);
    expect(rest.lines.map((l) => [l.lineItemId, l.status])).toEqual([[draft, 'accepted']]);

    const nothing = await submit(bill.invoiceId);
    expect(nothing.status).toBe(409);
    expect(nothing.body.rule).toBe('FIN-3');

    const badBody = await app.request('POST', `/invoices/${bill.invoiceId}/submit`, {
      user: FINANCE_USER,
      body: { lineItemIds: ['not-a-uuid'] },
    });
    expect(badBody.status).toBe(400);
  });
});

describe('validation and matching failures (FIN-4, FIN-6, WF-4)', () => {
  type Scenario = (world: Awaited<ReturnType<typeof billableWorld>>) => Promise<{
    providerId?: string;
    line: Parameters<Awaited<ReturnType<typeof billableWorld>>['line']>[0];
  }>;
  const scenarios: [string, Scenario][] = [
    [
      'client-not-registered',
      // Registered only as a nominee, yet named on the authorization: not a client (FIN-4).
      async (world) => {
        const nominee = await participant(records, 'nominee');
        await authorization(records, [nominee], [{ productId: world.productId }]);
        return { line: { clientIds: [nominee], caseId: null } };
      },
    ],
    [
      'provider-not-registered',
      async (world) => {
        const rejected = await provider(records, 'rejected');
        await providerService(records, { providerId: rejected, productId: world.productId });
        await authorization(records, [world.clientId], [{ productId: world.productId }]);
        return { providerId: rejected, line: { providerId: rejected } };
      },
    ],
    ['payee-not-registered', async () => ({ line: { payeeId: randomUUID() } })],
    [
      'case-not-valid',
      async (world) => ({
        line: { caseId: await clientCase(records, [world.clientId], '2025-01-01', '2025-12-31') },
      }),
    ],
    [
      'provider-not-approved-for-service',
      async (world) => {
        const pending = await provider(records);
        await providerService(records, {
          providerId: pending,
          productId: world.productId,
          status: 'pending',
        });
        await authorization(records, [world.clientId], [{ productId: world.productId }]);
        return { providerId: pending, line: { providerId: pending } };
      },
    ],
    [
      'no-matching-authorization',
      async () => ({ line: { clientIds: [await participant(records)], caseId: null } }),
    ],
    [
      'clients-not-on-one-authorization',
      async (world) => {
        const other = await participant(records);
        await authorization(records, [other], [{ productId: world.productId }]);
        return { line: { clientIds: [world.clientId, other], caseId: null } };
      },
    ],
    ['not-enough-unbilled-units', async () => ({ line: { units: 11 } })],
  ];

  it.each(scenarios)(
    'FIN-4: %s puts the line in exception with exactly that reason, announces it and starts WF-4',
    async (code, scenario) => {
      const world = await billableWorld(records);
      const { providerId, line } = await scenario(world);
      const bill = await invoice(records, providerId ?? world.providerId, [world.line(line)]);
      const result = await submitted(bill.invoiceId);
      expect(result).toMatchObject({ accepted: 0, exceptions: 1, stopped: 0, payments: [] });
      await expectException(result, bill.lineItemIds[0] as string, [code]);
    },
  );

  it('SVC-4: a line for a service paid by placement is not paid by invoice — exception naming SVC-4', async () => {
    const world = await billableWorld(records);
    await records.query(
      `update service_product set payment_channels = '["placement"]', pay_based_on_placement = true
        where product_id = $1`,
      [world.productId],
    );
    const bill = await invoice(records, world.providerId, [world.line({})]);
    const result = await submitted(bill.invoiceId);
    expect(result).toMatchObject({ accepted: 0, exceptions: 1, stopped: 0, payments: [] });
    await expectException(result, bill.lineItemIds[0] as string, [
      'service-not-paid-through-channel',
    ]);
  });

  it('FIN-4: every reason of a line is listed together, in the exception task too', async () => {
    const world = await billableWorld(records);
    const closedCase = await clientCase(records, [world.clientId], '2025-01-01', '2025-12-31');
    const bill = await invoice(records, world.providerId, [
      world.line({ payeeId: randomUUID(), caseId: closedCase, units: 11 }),
    ]);
    const result = await submitted(bill.invoiceId);
    const reasons = ['payee-not-registered', 'case-not-valid', 'not-enough-unbilled-units'];
    await expectException(result, bill.lineItemIds[0] as string, reasons);
    const input = await expectExceptionProcess(bill.lineItemIds[0] as string, reasons);
    expect(input).toMatchObject({
      invoiceId: bill.invoiceId,
      invoiceReference: bill.reference,
      lineNumber: 1,
      providerId: world.providerId,
      attempt: 1,
    });
    expect(input.failures.map((f) => f.rule)).toEqual(['FIN-4', 'FIN-4', 'FIN-4']);
  });

  it('FIN-4: a duplicate within the batch and across invoices fails; the first is paid', async () => {
    const world = await billableWorld(records);
    const bill = await invoice(records, world.providerId, [world.line(), world.line()]);
    const result = await submitted(bill.invoiceId);
    expect(result.lines.map((l) => l.status)).toEqual(['accepted', 'exception']);
    await expectException(result, bill.lineItemIds[1] as string, ['duplicate-line-item']);

    const again = await invoice(records, world.providerId, [world.line()]);
    const second = await submitted(again.invoiceId);
    await expectException(second, again.lineItemIds[0] as string, ['duplicate-line-item']);
  });

  it('FIN-1: a second invoice exhausting the units fails with not-enough-unbilled-units', async () => {
    const world = await billableWorld(records, { units: 10 });
    const first = await invoice(records, world.providerId, [world.line({ units: 6 })]);
    expect((await submitted(first.invoiceId)).accepted).toBe(1);
    const second = await invoice(records, world.providerId, [
      world.line({ units: 5, from: '2026-01-12', to: '2026-01-12' }),
    ]);
    const result = await submitted(second.invoiceId);
    await expectException(result, second.lineItemIds[0] as string, ['not-enough-unbilled-units']);
    expect(result.lines[0]?.failures[0]?.message).toMatch(/at most 4 left/);
  });
  it('FIN-1/FIN-7: a line matched but not priceable takes no units, so a later line of the batch is paid', async () => {
    // No rate of any source before February: the January line matches, then cannot be priced.
    const world = await billableWorld(records, {
      units: 10,
      productRates: [{ amount: '100.00', from: '2026-02-01' }],
    });
    const bill = await invoice(records, world.providerId, [
      world.line({ units: 8, from: '2026-01-10', to: '2026-01-10' }),
      world.line({ units: 5, from: '2026-02-10', to: '2026-02-10' }),
    ]);
    const result = await submitted(bill.invoiceId);
    expect(result.lines.map((l) => [l.status, l.failures.map((f) => f.code)])).toEqual([
      ['exception', ['no-rate-for-days']],
      ['accepted', []],
    ]);
  });

  it('FIN-1: two invoices submitted at once cannot both take the last units (locked candidates)', async () => {
    const world = await billableWorld(records, { units: 10 });
    const first = await invoice(records, world.providerId, [world.line({ units: 6 })]);
    const second = await invoice(records, world.providerId, [
      world.line({ units: 6, from: '2026-01-07', to: '2026-01-07' }),
    ]);
    const results = await Promise.all([submitted(first.invoiceId), submitted(second.invoiceId)]);
    expect(results.map((r) => r.accepted).sort()).toEqual([0, 1]);
    const [used] = await app.query<{ units: string }>(
      `select coalesce(sum(units), 0)::text as units from invoice_line_item
        where authorization_line_item_id = $1 and status = 'accepted'`,
      [world.authorizationLineItemId],
    );
    expect(used?.units).toBe('6');
  });
  it('FIN-4: the same line on two invoices submitted at once is paid once', async () => {
    const world = await billableWorld(records);
    const first = await invoice(records, world.providerId, [world.line()]);
    const second = await invoice(records, world.providerId, [world.line()]);
    const results = await Promise.all([submitted(first.invoiceId), submitted(second.invoiceId)]);
    expect(results.map((r) => r.lines.map((l) => [l.status, codes(l.failures)])).sort()).toEqual(
      [[['accepted', []]], [['exception', ['duplicate-line-item']]]].sort(),
    );
  });
});

describe('fixed-fee contracts (FIN-5)', () => {
  it('FIN-5: a line a fixed-fee contract covers stops — failures recorded, no exception process', async () => {
    const world = await billableWorld(records);
    await contract(records, {
      providerId: world.providerId,
      type: 'fixed-fee',
      providerServiceIds: [world.providerServiceId],
    });
    const bill = await invoice(records, world.providerId, [
      world.line(),
      world.line({ payeeId: randomUUID(), from: '2025-12-01', to: '2025-12-01' }),
    ]);
    const [stoppedLine, failingLine] = bill.lineItemIds as [string, string];
    const result = await submitted(bill.invoiceId);
    expect(result).toMatchObject({ accepted: 0, exceptions: 1, stopped: 1 });
    const [stored] = await app.query<{ status: string; failures: InvoiceLineFailure[] }>(
      'select status, failures from invoice_line_item where line_item_id = $1',
      [stoppedLine],
    );
    expect(stored?.status).toBe('stopped');
    expect(stored?.failures.map((f) => [f.rule, f.code])).toEqual([
      ['FIN-5', 'fixed-fee-contract-covers-period'],
    ]);
    expect(await outboxEvents(records, 'invoice-line.failed', 'lineItemId', stoppedLine)).toEqual(
      [],
    );
    expect(await outboxEvents(records, 'invoice-line.stopped', 'lineItemId', stoppedLine)).toEqual([
      expect.objectContaining({
        contractFailures: [expect.objectContaining({ rule: 'FIN-5' })],
      }),
    ]);
    // The later line's process exists, so the stopped line's event was long taken: none for it.
    await expectExceptionProcess(failingLine, [
      'payee-not-registered',
      'no-matching-authorization',
    ]);
    await expect(
      temporal.workflow.getHandle(invoiceExceptionWorkflowId(stoppedLine)).describe(),
    ).rejects.toThrow(WorkflowNotFoundError);
  });
});

interface PaymentLineRow {
  part: number;
  from: string;
  to: string;
  days: number;
  units: number;
  source: string;
  paidUnit: string;
  paid: string;
}

async function paymentLines(lineItemId: string): Promise<PaymentLineRow[]> {
  return app.query<PaymentLineRow>(
    `select part_number as part, from_date::text as "from", to_date::text as "to", days, units,
            rate_source as source, unit_amount_paid_cents::text as "paidUnit",
            paid_cents::text as paid
       from payment_line where line_item_id = $1 order by part_number`,
    [lineItemId],
  );
}

describe('pricing accepted lines into payments (FIN-7, FIN-8, FIN-9, FIN-14)', () => {
  it('FIN-7: an accepted line is matched and paid — a calculated payment with its lines', async () => {
    const world = await billableWorld(records);
    const bill = await invoice(records, world.providerId, [world.line({ units: 3 })]);
    const result = await submitted(bill.invoiceId);
    const [line] = result.lines;
    expect(line).toMatchObject({ status: 'accepted', attempt: 1, failures: [] });
    expect(result.payments).toEqual([
      expect.objectContaining({
        payeeKind: 'provider',
        payeeId: world.providerId,
        amount: '300.00',
      }),
    ]);
    expect(result.payments[0]?.reference).toMatch(/^PAY-\d{4}-\d{6}$/);
    const [stored] = await app.query<{ match: string; status: string }>(
      `select authorization_line_item_id as match, status from invoice_line_item
        where line_item_id = $1`,
      [line?.lineItemId],
    );
    expect(stored).toEqual({ match: world.authorizationLineItemId, status: 'accepted' });
    const [payment] = await app.query<{ status: string; amount: string; billed: string }>(
      `select status, amount_cents::text as amount, billed_cents::text as billed from payment
        where payment_id = $1`,
      [line?.paymentId],
    );
    expect(payment).toEqual({ status: 'calculated', amount: '30000', billed: '30000' });
    expect(await paymentLines(line?.lineItemId as string)).toEqual([
      expect.objectContaining({ part: 1, units: 3, source: 'product', paid: '30000' }),
    ]);
    expect(
      await outboxEvents(records, 'payment.calculated', 'paymentId', line?.paymentId as string),
    ).toEqual([
      expect.objectContaining({
        amount: '300.00',
        billed: '300.00',
        lineItemCount: 1,
        adjustmentCount: 0,
      }),
    ]);
  });

  it('FIN-7: the authorization rate beats the utilization contract rate, which beats provider-service and product rates', async () => {
    const authorised = await billableWorld(records, { authorizationRate: '90.00' });
    await contract(records, {
      providerId: authorised.providerId,
      type: 'utilization',
      providerServiceIds: [authorised.providerServiceId],
      unitRate: { providerServiceId: authorised.providerServiceId, amount: '80.00' },
    });
    const withContract = await billableWorld(records);
    await contract(records, {
      providerId: withContract.providerId,
      type: 'utilization',
      providerServiceIds: [withContract.providerServiceId],
      unitRate: { providerServiceId: withContract.providerServiceId, amount: '80.00' },
    });
    for (const [world, source, paidUnit] of [
      [authorised, 'authorization-line-item', '9000'],
      [withContract, 'utilization-contract', '8000'],
    ] as const) {
      const bill = await invoice(records, world.providerId, [world.line({ amount: '95.00' })]);
      const [line] = (await submitted(bill.invoiceId)).lines;
      expect(await paymentLines(line?.lineItemId as string)).toEqual([
        expect.objectContaining({ source, paidUnit }),
      ]);
    }
  });

  it.each([
    ['pay-billed', '11000', []],
    ['pay-fixed', '10000', [['billed-differs-from-fixed-rate', 'pay-fixed', '-1000']]],
    ['pay-nothing', '0', [['billed-differs-from-fixed-rate', 'pay-nothing', '-11000']]],
  ] as const)(
    'FIN-8: fixed 100, billed 110, option %s pays %s cents with its adjustment record',
    async (option, paid, adjustments) => {
      const world = await billableWorld(records, { options: { ...PAY_FIXED, fixed: option } });
      const bill = await invoice(records, world.providerId, [world.line({ amount: '110.00' })]);
      const [line] = (await submitted(bill.invoiceId)).lines;
      expect((await paymentLines(line?.lineItemId as string))[0]?.paid).toBe(paid);
      const rows = await app.query<{ svc3Case: string; option: string; difference: string }>(
        `select svc3_case as "svc3Case", option, difference_cents::text as difference,
                rule, options_owner as owner, rate_source as source
           from payment_adjustment where line_item_id = $1`,
        [line?.lineItemId],
      );
      expect(rows.map((r) => [r.svc3Case, r.option, r.difference])).toEqual(adjustments);
      for (const row of rows) {
        expect(row).toMatchObject({ rule: 'FIN-8', owner: 'product', source: 'product' });
      }
    },
  );

  it('FIN-9: 1–31 Jan with a provider-service rate until 10 Jan is paid as 10 + 21 days', async () => {
    const world = await billableWorld(records, {
      productRates: [{ amount: '50.00', from: '2025-01-01' }],
      units: 31,
    });
    await providerService(records, {
      providerId: world.providerId,
      productId: world.productId,
      status: 'ended',
      rate: { amount: '60.00', from: '2025-10-01', to: '2026-01-10' },
    });
    const bill = await invoice(records, world.providerId, [
      world.line({ from: '2026-01-01', to: '2026-01-31', units: 31, amount: null }),
    ]);
    const result = await submitted(bill.invoiceId);
    expect(await paymentLines(result.lines[0]?.lineItemId as string)).toEqual([
      {
        part: 1,
        from: '2026-01-01',
        to: '2026-01-10',
        days: 10,
        units: 10,
        source: 'provider-service',
        paidUnit: '6000',
        paid: '60000',
      },
      {
        part: 2,
        from: '2026-01-11',
        to: '2026-01-31',
        days: 21,
        units: 21,
        source: 'product',
        paidUnit: '5000',
        paid: '105000',
      },
    ]);
    expect(result.payments[0]?.amount).toBe('1650.00');
  });

  it('FIN-14: payments go to the group the payment direction names on the service date', async () => {
    const world = await billableWorld(records);
    const groupId = await providerGroup(records);
    await paymentDirection(records, {
      providerId: world.providerId,
      groupId,
      effectiveFrom: '2026-01-10',
      toGroup: true,
    });
    const bill = await invoice(records, world.providerId, [
      world.line(),
      world.line({ from: '2026-01-12', to: '2026-01-12' }),
    ]);
    const result = await submitted(bill.invoiceId);
    expect(result.accepted).toBe(2);
    expect(result.payments.map((p) => [p.payeeKind, p.payeeId, p.amount]).sort()).toEqual(
      [
        ['group', groupId, '100.00'],
        ['provider', world.providerId, '100.00'],
      ].sort(),
    );
  });

  it('FIN-14: the nominee of the authorization line item is paid', async () => {
    const nomineeId = await participant(records, 'nominee');
    const world = await billableWorld(records, { nomineeId });
    const bill = await invoice(records, world.providerId, [world.line()]);
    const result = await submitted(bill.invoiceId);
    expect(result.payments).toEqual([
      expect.objectContaining({ payeeKind: 'nominee', payeeId: nomineeId }),
    ]);
    const [payment] = await app.query<{ rule: string }>(
      'select payee_rule as rule from payment where payment_id = $1',
      [result.payments[0]?.paymentId],
    );
    expect(payment?.rule).toBe('FIN-14');
  });
});

describe('set-based batches (ADR 0019)', () => {
  /** Five lines: two fit the 3 units, one is a duplicate, one wants too many, one is paid. */
  async function fiveLineInvoice() {
    const world = await billableWorld(records, { units: 3 });
    const day = (d: number) => ({ from: `2026-01-0${d}`, to: `2026-01-0${d}` });
    const bill = await invoice(records, world.providerId, [
      world.line({ ...day(1) }),
      world.line({ ...day(2) }),
      world.line({ ...day(2) }),
      world.line({ ...day(3), units: 2 }),
      world.line({ ...day(4) }),
    ]);
    return bill;
  }

  const outcome = (result: SubmissionResult) => ({
    lines: result.lines.map((l) => [l.lineNumber, l.status, codes(l.failures)]),
    amounts: result.payments.map((p) => p.amount),
  });

  it('ADR 0019: a batch size of 2 over 5 lines gives the same result as one batch', async () => {
    const run = async (batchSize: number) => {
      const bill = await fiveLineInvoice();
      return orm.em.fork().transactional((em) =>
        submitInvoice(
          em,
          {
            invoiceId: bill.invoiceId,
            lineItemIds: null,
            actor: { userId: FINANCE_USER, roles: ['finance-user'] },
          },
          { batchSize },
        ),
      );
    };
    const oneBatch = outcome(await run(1000));
    const batchesOfTwo = outcome(await run(2));
    expect(oneBatch).toEqual({
      lines: [
        [1, 'accepted', []],
        [2, 'accepted', []],
        [3, 'exception', ['duplicate-line-item']],
        [4, 'exception', ['not-enough-unbilled-units']],
        [5, 'accepted', []],
      ],
      amounts: ['300.00'],
    });
    expect(batchesOfTwo).toEqual(oneBatch);
  });
});
