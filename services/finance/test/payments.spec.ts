import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DEMO_PROVIDER_ID, SECOND_DEMO_PROVIDER_ID } from '@platform/auth';
import { providerEnrolled, providerGroupEnrolled, ROLES } from '@platform/contracts';
import { seedUserWithRole } from '@platform/testing';
import { startFinanceApp, type FinanceApp } from './support/finance-app.js';
import {
  insertCalculatedPayment,
  insertInvoice,
  insertNominee,
  outboxEventsOf,
  paymentStatuses,
  type InvoiceFixture,
  type PaymentFixture,
} from './support/payment-fixtures.js';
import { fact, RESOURCE_MANAGER } from './support/provider-facts.js';

/**
 * Payments through their lifecycle, calculated → approved → issued (ROLE-1: only finance users
 * approve and issue), the payment-system port's CSV export stored with each run, and a provider's
 * own payments in self-service (ROLE-2). Calculated payments are SQL fixtures as invoice
 * processing leaves them (see support/payment-fixtures.ts).
 */
const FINANCE = 'fin.fatima';
const SUNRISE_NAME = 'Sunrise Day Care, "North"';
const GROUP_ID = randomUUID();

let app: FinanceApp;
let sunriseInvoice: InvoiceFixture;
let harborInvoice: InvoiceFixture;

const payment = (invoice: InvoiceFixture, amount: string, billed?: string) =>
  insertCalculatedPayment(app, { invoice, amount, ...(billed ? { billed } : {}) });

beforeAll(async () => {
  app = await startFinanceApp();
  await app.publish(
    providerEnrolled,
    fact({ providerId: DEMO_PROVIDER_ID, name: SUNRISE_NAME, fromInquiryId: null }),
  );
  await app.publish(providerGroupEnrolled, {
    aggregateId: GROUP_ID,
    data: { groupId: GROUP_ID, name: 'Northside Network' },
    actor: RESOURCE_MANAGER,
  });
  await app.settled();
  sunriseInvoice = await insertInvoice(app, DEMO_PROVIDER_ID);
  harborInvoice = await insertInvoice(app, SECOND_DEMO_PROVIDER_ID);
});

afterAll(async () => {
  await app?.close();
});

describe('payment runs with nothing approved', () => {
  it('ROLE-1: a run with no approved payment is refused with a clear message', async () => {
    await payment(sunriseInvoice, '10.00');
    const reply = await app.request('POST', '/payment-runs', { user: FINANCE, body: {} });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ rule: 'ROLE-1' });
    expect(String(reply.body['detail'])).toContain('no approved payment');
    expect(await app.query('select 1 from payment_run')).toEqual([]);
  });
});

describe('reading payments', () => {
  it('FIN-8: a payment shows its priced lines and adjustments, money as exact strings', async () => {
    const fixture = await payment(sunriseInvoice, '1234.50', '1300.00');
    const reply = await app.request<Record<string, unknown>>(
      'GET',
      `/payments/${fixture.paymentId}`,
      {
        user: FINANCE,
      },
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      paymentId: fixture.paymentId,
      reference: fixture.reference,
      status: 'calculated',
      providerId: DEMO_PROVIDER_ID,
      providerName: SUNRISE_NAME,
      payee: { kind: 'provider', id: DEMO_PROVIDER_ID, name: SUNRISE_NAME, rule: 'FIN-14' },
      invoiceId: sunriseInvoice.invoiceId,
      invoiceReference: sunriseInvoice.reference,
      amount: '1234.50',
      billed: '1300.00',
      approvedBy: null,
      paymentRunId: null,
    });
    expect(reply.body['lines']).toEqual([
      {
        lineItemId: fixture.lineItemId,
        partNumber: 1,
        invoiceReference: sunriseInvoice.reference,
        lineNumber: expect.any(Number),
        period: { from: '2026-01-01', to: '2026-01-10' },
        days: 10,
        units: 10,
        rateSource: 'provider-service',
        rate: { kind: 'fixed', amount: '10.00' },
        unitAmountPaid: '61.72',
        billed: '682.75',
        paid: '617.25',
      },
      expect.objectContaining({ partNumber: 2, days: 21, billed: '617.25', paid: '617.25' }),
    ]);
    expect(reply.body['adjustments']).toEqual([
      {
        lineItemId: fixture.lineItemId,
        partNumber: 1,
        rule: 'FIN-8',
        svc3Case: 'billed-above-rate',
        option: 'pay-rate',
        optionsOwner: 'provider',
        rateSource: 'provider-service',
        billed: '682.75',
        paid: '617.25',
        difference: '-65.50',
        explanation: 'billed above the provider-service rate: paid the rate',
      },
    ]);
  });

  it('lists payments filtered by provider, invoice, payee and status, paged with the total', async () => {
    const invoice = await insertInvoice(app, SECOND_DEMO_PROVIDER_ID);
    const first = await payment(invoice, '5.00');
    const second = await payment(invoice, '6.00');
    const page = await app.request<{ items: { paymentId: string }[]; total: number }>(
      'GET',
      `/payments?invoiceId=${invoice.invoiceId}&providerId=${SECOND_DEMO_PROVIDER_ID}` +
        `&payeeKind=provider&payeeId=${SECOND_DEMO_PROVIDER_ID}&status=calculated&limit=1`,
      { user: FINANCE },
    );
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(2);
    expect(page.body.items).toHaveLength(1);
    expect([first.paymentId, second.paymentId]).toContain(page.body.items[0]?.paymentId);
    const none = await app.request<{ total: number }>(
      'GET',
      `/payments?invoiceId=${invoice.invoiceId}&status=issued`,
      { user: FINANCE },
    );
    expect(none.body.total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const byDay = await app.request<{ total: number }>(
      'GET',
      `/payments?invoiceId=${invoice.invoiceId}&calculatedFrom=${today}&calculatedTo=${today}`,
      { user: FINANCE },
    );
    expect(byDay.body.total).toBe(2);
    const bad = await app.request(
      'GET',
      '/payments?calculatedFrom=2026-02-01&calculatedTo=2026-01-01',
      {
        user: FINANCE,
      },
    );
    expect(bad.status).toBe(400);
  });

  it('FIN-14: a group or nominee payee is named from finance’s records, null when unknown', async () => {
    const nomineeId = await insertNominee(app, 'Pat Nominee');
    const toGroup = await insertCalculatedPayment(app, {
      invoice: sunriseInvoice,
      amount: '7.00',
      payee: { kind: 'group', id: GROUP_ID, rule: 'PRV-5' },
    });
    const toNominee = await insertCalculatedPayment(app, {
      invoice: sunriseInvoice,
      amount: '8.00',
      payee: { kind: 'nominee', id: nomineeId, rule: 'FIN-14' },
    });
    const unknown = await insertCalculatedPayment(app, {
      invoice: sunriseInvoice,
      amount: '9.00',
      payee: { kind: 'nominee', id: randomUUID(), rule: 'FIN-14' },
    });
    const names = await Promise.all(
      [toGroup, toNominee, unknown].map(async (p) => {
        const reply = await app.request<{ payee: { name: string | null } }>(
          'GET',
          `/payments/${p.paymentId}`,
          {
            user: FINANCE,
          },
        );
        return reply.body.payee.name;
      }),
    );
    expect(names).toEqual(['Northside Network', 'Pat Nominee', null]);
  });

  it('an unknown payment is 404, a malformed id 400', async () => {
    expect((await app.request('GET', `/payments/${randomUUID()}`, { user: FINANCE })).status).toBe(
      404,
    );
    expect((await app.request('GET', '/payments/not-a-uuid', { user: FINANCE })).status).toBe(400);
  });
});

describe('approving payments (ROLE-1)', () => {
  it('ROLE-1: a finance user approves a calculated payment; who and when are kept, one event', async () => {
    const fixture = await payment(sunriseInvoice, '100.00');
    const reply = await app.request('POST', `/payments/${fixture.paymentId}/approve`, {
      user: FINANCE,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'approved', approvedBy: FINANCE });
    expect(Date.parse(String(reply.body['approvedAt']))).not.toBeNaN();
    const events = await outboxEventsOf(app, 'payment.approved', [fixture.paymentId]);
    expect(events).toEqual([
      {
        aggregateId: fixture.paymentId,
        data: {
          paymentId: fixture.paymentId,
          reference: fixture.reference,
          providerId: DEMO_PROVIDER_ID,
          payee: { kind: 'provider', id: DEMO_PROVIDER_ID, rule: 'FIN-14' },
          invoiceId: sunriseInvoice.invoiceId,
          amount: '100.00',
          approvedBy: FINANCE,
        },
      },
    ]);
  });

  it('ROLE-1: approving twice is 409 naming the state, and records no second event', async () => {
    const fixture = await payment(sunriseInvoice, '11.00');
    expect(
      (await app.request('POST', `/payments/${fixture.paymentId}/approve`, { user: FINANCE }))
        .status,
    ).toBe(200);
    const again = await app.request('POST', `/payments/${fixture.paymentId}/approve`, {
      user: FINANCE,
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ rule: 'ROLE-1' });
    expect(String(again.body['detail'])).toContain(`${fixture.reference} is approved`);
    expect(await outboxEventsOf(app, 'payment.approved', [fixture.paymentId])).toHaveLength(1);
  });

  it('ROLE-1: approving the invoice approves every calculated payment of it, one event each', async () => {
    const invoice = await insertInvoice(app, DEMO_PROVIDER_ID);
    const payments = [
      await payment(invoice, '1.00'),
      await payment(invoice, '2.00'),
      await payment(invoice, '3.00'),
    ];
    const ids = payments.map((p) => p.paymentId);
    const reply = await app.request<{ approved: { paymentId: string; status: string }[] }>(
      'POST',
      '/payments/approve',
      { user: FINANCE, body: { invoiceId: invoice.invoiceId } },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.approved.map((p) => p.paymentId).sort()).toEqual([...ids].sort());
    expect(await paymentStatuses(app, ids)).toEqual(
      Object.fromEntries(ids.map((id) => [id, 'approved'])),
    );
    const events = await outboxEventsOf(app, 'payment.approved', ids);
    expect(events.map((e) => e.aggregateId).sort()).toEqual([...ids].sort());
    // Nothing left to approve on that invoice.
    const again = await app.request('POST', '/payments/approve', {
      user: FINANCE,
      body: { invoiceId: invoice.invoiceId },
    });
    expect(again.status).toBe(409);
    expect(
      (
        await app.request('POST', '/payments/approve', {
          user: FINANCE,
          body: { invoiceId: randomUUID() },
        })
      ).status,
    ).toBe(404);
  });

  it('ROLE-1: approving several is all or nothing and names the payments not calculated', async () => {
    const calculated = await payment(sunriseInvoice, '12.00');
    const approved = await payment(sunriseInvoice, '13.00');
    await app.request('POST', `/payments/${approved.paymentId}/approve`, { user: FINANCE });
    const reply = await app.request('POST', '/payments/approve', {
      user: FINANCE,
      body: { paymentIds: [calculated.paymentId, approved.paymentId] },
    });
    expect(reply.status).toBe(409);
    expect(String(reply.body['detail'])).toContain(`${approved.reference} is approved`);
    expect(reply.body['errors']).toEqual([
      { field: 'paymentIds', message: `${approved.paymentId} (${approved.reference}) is approved` },
    ]);
    expect(await paymentStatuses(app, [calculated.paymentId])).toEqual({
      [calculated.paymentId]: 'calculated',
    });
    expect(await outboxEventsOf(app, 'payment.approved', [calculated.paymentId])).toEqual([]);
    const ok = await app.request<{ approved: unknown[] }>('POST', '/payments/approve', {
      user: FINANCE,
      body: { paymentIds: [calculated.paymentId] },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.approved).toHaveLength(1);
  });

  it('a body naming neither payments nor an invoice is 400; an unknown payment 404', async () => {
    expect(
      (await app.request('POST', '/payments/approve', { user: FINANCE, body: {} })).status,
    ).toBe(400);
    expect(
      (
        await app.request('POST', '/payments/approve', {
          user: FINANCE,
          body: { paymentIds: [randomUUID()] },
        })
      ).status,
    ).toBe(404);
    expect(
      (await app.request('POST', `/payments/${randomUUID()}/approve`, { user: FINANCE })).status,
    ).toBe(404);
  });

  it('ROLE-1: every role but finance user gets 403 on approving and on payment runs', async () => {
    const fixture = await payment(sunriseInvoice, '14.00');
    const others = ROLES.filter((role) => role !== 'finance-user');
    expect(others).toEqual(expect.arrayContaining(['administrator', 'resource-manager']));
    for (const role of others) {
      const user = seedUserWithRole(role);
      const calls = [
        await app.request('POST', `/payments/${fixture.paymentId}/approve`, { user }),
        await app.request('POST', '/payments/approve', {
          user,
          body: { paymentIds: [fixture.paymentId] },
        }),
        await app.request('POST', '/payment-runs', { user, body: {} }),
        await app.request('GET', '/payment-runs', { user }),
      ];
      expect({ role, statuses: calls.map((c) => c.status) }).toEqual({
        role,
        statuses: [403, 403, 403, 403],
      });
    }
    expect(await paymentStatuses(app, [fixture.paymentId])).toEqual({
      [fixture.paymentId]: 'calculated',
    });
    // An administrator reads payments but cannot approve them.
    expect(
      (await app.request('GET', `/payments/${fixture.paymentId}`, { user: 'admin.ada' })).status,
    ).toBe(200);
  });
});

async function fetchFile(path: string): Promise<Response> {
  const token = await app.bed.token(FINANCE);
  return fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

interface RunView {
  paymentRunId: string;
  reference: string;
  adapter: string;
  fileName: string;
  sha256: string;
  paymentCount: number;
  total: string;
  createdBy: string;
  fileLink: string;
  payments: {
    paymentId: string;
    status: string;
    issuedBy: string | null;
    paymentRunReference: string | null;
  }[];
}

describe('issuing payments in payment runs (ROLE-1, the payment-system port)', () => {
  let issued: PaymentFixture[];
  let left: PaymentFixture;
  let run: RunView;

  it('ROLE-1: a run issues exactly the approved payments, with their file and one event each', async () => {
    // Every payment approved so far in this suite, plus a nominee payment with a quoted name.
    const nomineeId = await insertNominee(app, 'Lee, "The Nominee"');
    const invoice = await insertInvoice(app, DEMO_PROVIDER_ID);
    const toNominee = await insertCalculatedPayment(app, {
      invoice,
      amount: '20.05',
      payee: { kind: 'nominee', id: nomineeId, rule: 'FIN-14' },
    });
    const toProvider = await payment(invoice, '1000.10');
    left = await payment(invoice, '99.99');
    await app.request('POST', '/payments/approve', {
      user: FINANCE,
      body: { paymentIds: [toNominee.paymentId, toProvider.paymentId] },
    });
    const approved = await app.query<{ id: string; reference: string; amount: string }>(
      `select payment_id as id, reference, amount_cents::text as amount from payment
       where status = 'approved' order by reference`,
    );
    expect(approved.length).toBeGreaterThanOrEqual(2);
    issued = [toNominee, toProvider];

    const reply = await app.request<RunView>('POST', '/payment-runs', { user: FINANCE, body: {} });
    expect(reply.status).toBe(201);
    run = reply.body;
    const expectedTotal = approved.reduce((sum, p) => sum + BigInt(p.amount), 0n);
    expect(run).toMatchObject({
      reference: expect.stringMatching(/^RUN-\d{4}-\d{6}$/),
      adapter: 'csv-export',
      paymentCount: approved.length,
      total: `${expectedTotal / 100n}.${(expectedTotal % 100n).toString().padStart(2, '0')}`,
      createdBy: FINANCE,
      fileLink: `/payment-runs/${run.paymentRunId}/file`,
    });
    expect(run.fileName).toBe(`${run.reference}.csv`);
    expect(run.payments.map((p) => p.paymentId).sort()).toEqual(approved.map((p) => p.id).sort());
    for (const p of run.payments) {
      expect(p).toMatchObject({
        status: 'issued',
        issuedBy: FINANCE,
        paymentRunReference: run.reference,
      });
    }
    expect(await paymentStatuses(app, [left.paymentId])).toEqual({
      [left.paymentId]: 'calculated',
    });

    const events = await outboxEventsOf(
      app,
      'payment.issued',
      approved.map((p) => p.id),
    );
    expect(events.map((e) => e.aggregateId).sort()).toEqual(approved.map((p) => p.id).sort());
    expect(events.find((e) => e.aggregateId === toProvider.paymentId)?.data).toMatchObject({
      amount: '1000.10',
      paymentRunId: run.paymentRunId,
      paymentRunReference: run.reference,
      issuedBy: FINANCE,
    });
  });

  it('ROLE-1: the run’s file is the CSV export of exactly those payments, its SHA-256 matching', async () => {
    const response = await fetchFile(run.fileLink);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${run.fileName}"`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(response.headers.get('x-content-sha256')).toBe(sha256);
    expect(run.sha256).toBe(sha256);
    const [stored] = await app.query<{ sha256: string }>(
      'select sha256 from payment_run where payment_run_id = $1',
      [run.paymentRunId],
    );
    expect(stored?.sha256).toBe(sha256);

    const records = bytes.toString('utf8').split('\r\n');
    expect(records[0]).toBe(
      'payment_reference,payee_kind,payee_id,payee_name,provider_id,provider_name,amount,' +
        'invoice_reference,run_reference,date',
    );
    expect(records).toHaveLength(run.paymentCount + 2); // header, payments, empty after last CRLF
    const [toNominee, toProvider] = issued;
    const today = new Date().toISOString().slice(0, 10);
    expect(records).toContain(
      `${toNominee?.reference},nominee,${records.find((r) => r.startsWith(`${toNominee?.reference},`))?.split(',')[2]},` +
        `"Lee, ""The Nominee""",${DEMO_PROVIDER_ID},"Sunrise Day Care, ""North""",20.05,` +
        `${toNominee?.invoice.reference},${run.reference},${today}`,
    );
    expect(records).toContain(
      `${toProvider?.reference},provider,${DEMO_PROVIDER_ID},"Sunrise Day Care, ""North""",` +
        `${DEMO_PROVIDER_ID},"Sunrise Day Care, ""North""",1000.10,${toProvider?.invoice.reference},` +
        `${run.reference},${today}`,
    );
    expect(bytes.toString('utf8')).not.toContain(left.reference);
  });

  it('ROLE-1: a run naming a payment that is only calculated is 409 and changes nothing', async () => {
    const approved = await payment(sunriseInvoice, '30.00');
    await app.request('POST', `/payments/${approved.paymentId}/approve`, { user: FINANCE });
    const [before] = await app.query<{ n: string }>('select count(*)::text as n from payment_run');
    const reply = await app.request('POST', '/payment-runs', {
      user: FINANCE,
      body: { paymentIds: [approved.paymentId, left.paymentId] },
    });
    expect(reply.status).toBe(409);
    expect(String(reply.body['detail'])).toContain(`${left.reference} is calculated`);
    expect(await paymentStatuses(app, [approved.paymentId, left.paymentId])).toEqual({
      [approved.paymentId]: 'approved',
      [left.paymentId]: 'calculated',
    });
    const [after] = await app.query<{ n: string }>('select count(*)::text as n from payment_run');
    expect(after?.n).toBe(before?.n);
    expect(await outboxEventsOf(app, 'payment.issued', [approved.paymentId])).toEqual([]);

    // Named alone it is issued, and issuing it again is refused.
    const named = await app.request<RunView>('POST', '/payment-runs', {
      user: FINANCE,
      body: { paymentIds: [approved.paymentId] },
    });
    expect(named.status).toBe(201);
    expect(named.body.payments.map((p) => p.paymentId)).toEqual([approved.paymentId]);
    const twice = await app.request('POST', '/payment-runs', {
      user: FINANCE,
      body: { paymentIds: [approved.paymentId] },
    });
    expect(twice.status).toBe(409);
    expect(String(twice.body['detail'])).toContain(`${approved.reference} is issued`);
  });

  it('lists payment runs newest first with the total; an unknown run is 404', async () => {
    const page = await app.request<{ items: { reference: string }[]; total: number }>(
      'GET',
      '/payment-runs',
      {
        user: FINANCE,
      },
    );
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(2);
    expect(page.body.items.map((r) => r.reference)[1]).toBe(run.reference);
    expect(
      (await app.request('GET', `/payment-runs/${randomUUID()}`, { user: FINANCE })).status,
    ).toBe(404);
    expect((await fetchFile(`/payment-runs/${randomUUID()}/file`)).status).toBe(404);
  });
});

describe('a provider’s own payments in self-service (ROLE-2)', () => {
  it('ROLE-2: provider.sunrise sees only Sunrise’s payments', async () => {
    const harbors = await payment(harborInvoice, '40.00');
    const page = await app.request<{
      items: { paymentId: string; providerId: string }[];
      total: number;
    }>('GET', '/self-service/payments?limit=200', { user: 'provider.sunrise' });
    expect(page.status).toBe(200);
    const [own] = await app.query<{ n: string }>(
      'select count(*)::text as n from payment where provider_id = $1',
      [DEMO_PROVIDER_ID],
    );
    expect(page.body.total).toBe(Number(own?.n));
    expect(page.body.total).toBeGreaterThan(0);
    expect(page.body.items.every((p) => p.providerId === DEMO_PROVIDER_ID)).toBe(true);
    expect(page.body.items.map((p) => p.paymentId)).not.toContain(harbors.paymentId);
  });

  it('ROLE-2: a provider reads its own payment with lines; another provider gets 404', async () => {
    const sunrises = await payment(sunriseInvoice, '50.00', '55.00');
    const own = await app.request<{ lines: unknown[]; adjustments: unknown[] }>(
      'GET',
      `/self-service/payments/${sunrises.paymentId}`,
      { user: 'provider.sunrise' },
    );
    expect(own.status).toBe(200);
    expect(own.body.lines).toHaveLength(2);
    expect(own.body.adjustments).toHaveLength(1);
    const other = await app.request('GET', `/self-service/payments/${sunrises.paymentId}`, {
      user: 'provider.harbor',
    });
    const unknown = await app.request('GET', `/self-service/payments/${randomUUID()}`, {
      user: 'provider.harbor',
    });
    expect(other.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(other.body['title']).toBe(unknown.body['title']);
  });

  it('ROLE-2: a provider user cannot reach the staff payment endpoints', async () => {
    expect((await app.request('GET', '/payments', { user: 'provider.sunrise' })).status).toBe(403);
  });
});
