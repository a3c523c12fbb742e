import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startFinanceApp, type FinanceApp } from './support/finance-app.js';
import {
  enterInvoice,
  expectProblem,
  knownGroup,
  knownProvider,
  lineItems,
  lineItemsOf,
  type InvoiceBody,
  type PageBody,
} from './support/invoice-fixtures.js';
import { insertCalculatedPayment, insertInvoice } from './support/payment-fixtures.js';

/**
 * Issue 6 "Service invoices" (FIN-3, FIN-6, WF-4): finance staff enter invoices from providers
 * and groups with their line items, list and read them, add lines and correct open ones.
 */
let app: FinanceApp;
let providerId: string;

beforeAll(async () => {
  app = await startFinanceApp();
  providerId = await knownProvider(app);
});

afterAll(async () => {
  await app?.close();
});

describe('entering an invoice (FIN-3)', () => {
  it('FIN-3: a finance user enters an invoice in draft, numbered INV-<year>-<6 digits>, lines 1..n in draft', async () => {
    const invoice = await enterInvoice(app, providerId, lineItems(3), {
      providerReference: 'SUN-03',
      receivedOn: '2026-04-02',
    });

    expect(invoice).toMatchObject({
      providerId,
      submitterKind: 'provider',
      origin: 'staff',
      status: 'draft',
      receivedOn: '2026-04-02',
      request: null,
      createdBy: 'fin.fatima',
      // 1, 2 and 3 units at 45.00
      billedTotal: '270.00',
      lineItems: { total: 3, draft: 3, accepted: 0, exception: 0, stopped: 0, denied: 0 },
    });
    expect(invoice.reference).toMatch(new RegExp(`^INV-${new Date().getUTCFullYear()}-\\d{6}$`));

    const lines = await lineItemsOf(app, invoice.invoiceId);
    expect(lines.items.map((line) => [line.lineNumber, line.status, line.providerId])).toEqual([
      [1, 'draft', providerId],
      [2, 'draft', providerId],
      [3, 'draft', providerId],
    ]);
    expect(lines.items[1]).toMatchObject({ units: 2, unitAmount: '45.00', billedAmount: '90.00' });
  });

  it('FIN-3: receivedOn defaults to today', async () => {
    const invoice = await enterInvoice(app, providerId, lineItems(1));
    expect(invoice.receivedOn).toBe(new Date().toISOString().slice(0, 10));
  });

  it('FIN-3: a 2,000-line invoice is entered in one request — numbered 1..2000, every client stored', async () => {
    const lines = lineItems(2000).map((line, index) =>
      index % 2 === 0 ? { ...line, clientIds: [randomUUID(), randomUUID()] } : line,
    );

    const invoice = await enterInvoice(app, providerId, lines);

    expect(invoice.lineItems).toMatchObject({ total: 2000, draft: 2000 });
    const [numbering] = await app.query<{
      n: number;
      first: number;
      last: number;
      distinct: number;
    }>(
      `select count(*)::int as n, min(line_number) as first, max(line_number) as last,
              count(distinct line_number)::int as distinct
       from invoice_line_item where invoice_id = $1`,
      [invoice.invoiceId],
    );
    expect(numbering).toEqual({ n: 2000, first: 1, last: 2000, distinct: 2000 });
    const [clients] = await app.query<{ n: number }>(
      `select count(*)::int as n from invoice_line_client c
       join invoice_line_item l using (line_item_id) where l.invoice_id = $1`,
      [invoice.invoiceId],
    );
    expect(clients?.n).toBe(3000);
    // Line 1501 (index 1500, even) bills for both of its clients.
    const page = await app.request<PageBody<{ lineNumber: number; clientIds: string[] }>>(
      'GET',
      `/invoices/${invoice.invoiceId}/line-items?limit=1&offset=1500`,
      { user: 'fin.fatima' },
    );
    expect(page.body.items).toEqual([
      expect.objectContaining({ lineNumber: 1501, clientIds: [...lines[1500]!.clientIds].sort() }),
    ]);
  });

  it('FIN-3: a group invoice names the member provider who delivered each line', async () => {
    const groupId = await knownGroup(app);
    const member = randomUUID();

    const missing = await app.request('POST', '/invoices', {
      user: 'fin.fatima',
      body: { providerId: groupId, submitterKind: 'group', lineItems: lineItems(2) },
    });
    expectProblem(missing, 400, { field: 'lineItems.0.providerId' });

    const invoice = await enterInvoice(app, groupId, lineItems(2, { providerId: member }), {
      submitterKind: 'group',
    });
    expect(invoice).toMatchObject({ providerId: groupId, submitterKind: 'group' });
    const lines = await lineItemsOf(app, invoice.invoiceId);
    expect(lines.items.map((line) => line.providerId)).toEqual([member, member]);
  });

  it('400: a bad line item is named by its index and field', async () => {
    const lines = lineItems(5);
    lines[3] = { ...lines[3]!, units: 1.5 };
    const reply = await app.request('POST', '/invoices', {
      user: 'fin.fatima',
      body: { providerId, submitterKind: 'provider', lineItems: lines },
    });
    expectProblem(reply, 400, { field: 'lineItems.3.units' });

    const backwards = await app.request('POST', '/invoices', {
      user: 'fin.fatima',
      body: {
        providerId,
        submitterKind: 'provider',
        lineItems: lineItems(1, { period: { from: '2026-03-31', to: '2026-03-01' } }),
      },
    });
    expectProblem(backwards, 400, { field: 'lineItems.0.period.to' });

    const none = await app.request('POST', '/invoices', {
      user: 'fin.fatima',
      body: { providerId, submitterKind: 'provider', lineItems: [] },
    });
    expectProblem(none, 400, { field: 'lineItems' });
  });

  it('FIN-3: a provider finance does not know is refused with 422 naming providerId', async () => {
    const reply = await app.request('POST', '/invoices', {
      user: 'fin.fatima',
      body: { providerId: randomUUID(), submitterKind: 'provider', lineItems: lineItems(1) },
    });
    expectProblem(reply, 422, { rule: 'FIN-3', field: 'providerId' });
    // A provider id is not a group id.
    const asGroup = await app.request('POST', '/invoices', {
      user: 'fin.fatima',
      body: {
        providerId,
        submitterKind: 'group',
        lineItems: lineItems(1, { providerId: randomUUID() }),
      },
    });
    expectProblem(asGroup, 422, { rule: 'FIN-3', field: 'providerId' });
  });

  it('ROLE: a case worker cannot enter an invoice', async () => {
    const reply = await app.request('POST', '/invoices', {
      user: 'cw.chen',
      body: { providerId, submitterKind: 'provider', lineItems: lineItems(1) },
    });
    expect(reply.status).toBe(403);
  });
});

describe('finding invoices (FIN-3)', () => {
  it('FIN-3: invoices filter by provider, status, origin, reference and day received, paged', async () => {
    const own = await knownProvider(app);
    const march = await enterInvoice(app, own, lineItems(1), { receivedOn: '2026-03-10' });
    const april = await enterInvoice(app, own, lineItems(2), { receivedOn: '2026-04-10' });
    const may = await enterInvoice(app, own, lineItems(3), { receivedOn: '2026-05-10' });
    await app.query(`update invoice set status = 'submitted' where invoice_id = $1`, [
      may.invoiceId,
    ]);

    const list = (query: string) =>
      app.request<PageBody<InvoiceBody>>('GET', `/invoices?${query}`, { user: 'fin.fatima' });

    const all = await list(`providerId=${own}&limit=2`);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(all.body.items.map((invoice) => invoice.reference)).toEqual([
      may.reference,
      april.reference,
    ]);
    expect(all.body.items[1]?.lineItems).toMatchObject({ total: 2, draft: 2 });
    const second = await list(`providerId=${own}&limit=2&offset=2`);
    expect(second.body.items.map((invoice) => invoice.reference)).toEqual([march.reference]);

    const drafts = await list(`providerId=${own}&status=draft`);
    expect(drafts.body.total).toBe(2);
    const received = await list(`providerId=${own}&receivedFrom=2026-04-01&receivedTo=2026-04-30`);
    expect(received.body.items.map((invoice) => invoice.invoiceId)).toEqual([april.invoiceId]);
    const byReference = await list(`reference=${march.reference}`);
    expect(byReference.body.items.map((invoice) => invoice.invoiceId)).toEqual([march.invoiceId]);
    const selfService = await list(`providerId=${own}&origin=self-service`);
    expect(selfService.body.total).toBe(0);

    expectProblem(await list('status=paid'), 400, { field: 'status' });
  });

  it('FIN-3: an unknown invoice is 404', async () => {
    const reply = await app.request('GET', `/invoices/${randomUUID()}`, { user: 'fin.fatima' });
    expectProblem(reply, 404);
  });

  it('FIN-4: line items filter by status, client and service product, paged in line order', async () => {
    const product = randomUUID();
    const lines = [...lineItems(3), ...lineItems(2, { serviceProductId: product })];
    const invoice = await enterInvoice(app, providerId, lines);
    const listed = await lineItemsOf(app, invoice.invoiceId);
    await app.query(`update invoice_line_item set status = 'exception' where line_item_id = $1`, [
      listed.items[1]!.lineItemId,
    ]);

    const exceptions = await lineItemsOf(app, invoice.invoiceId, '&status=exception');
    expect(exceptions.items.map((line) => line.lineNumber)).toEqual([2]);
    const forClient = await lineItemsOf(
      app,
      invoice.invoiceId,
      `&clientId=${lines[2]!.clientIds[0]}`,
    );
    expect(forClient.items.map((line) => line.lineNumber)).toEqual([3]);
    const forProduct = await lineItemsOf(app, invoice.invoiceId, `&serviceProductId=${product}`);
    expect(forProduct.items.map((line) => line.lineNumber)).toEqual([4, 5]);
    const paged = await app.request<PageBody<{ lineNumber: number }>>(
      'GET',
      `/invoices/${invoice.invoiceId}/line-items?limit=2&offset=2`,
      { user: 'fin.fatima' },
    );
    expect(paged.body).toMatchObject({ total: 5, limit: 2, offset: 2 });
    expect(paged.body.items.map((line) => line.lineNumber)).toEqual([3, 4]);

    const counted = await app.request<InvoiceBody>('GET', `/invoices/${invoice.invoiceId}`, {
      user: 'rm.rivera',
    });
    expect(counted.body.lineItems).toMatchObject({ total: 5, draft: 4, exception: 1 });
  });

  it('FIN-7: a paid line item names the payment it is paid by', async () => {
    const invoice = await insertInvoice(app, providerId);
    const payment = await insertCalculatedPayment(app, { invoice, amount: '310.00' });

    const reply = await app.request<{ paymentId: string; status: string }>(
      'GET',
      `/invoices/${invoice.invoiceId}/line-items/${payment.lineItemId}`,
      { user: 'fin.fatima' },
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ paymentId: payment.paymentId, status: 'accepted' });
  });
});

describe('adding and correcting line items (FIN-3, FIN-6, WF-4)', () => {
  it('FIN-3: lines added to a submitted invoice are numbered after the last, in draft', async () => {
    const invoice = await enterInvoice(app, providerId, lineItems(2));
    await app.query(`update invoice set status = 'submitted' where invoice_id = $1`, [
      invoice.invoiceId,
    ]);

    const added = await app.request<InvoiceBody>(
      'POST',
      `/invoices/${invoice.invoiceId}/line-items`,
      { user: 'fin.fatima', body: { lineItems: lineItems(2) } },
    );
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ status: 'submitted', lineItems: { total: 4, draft: 4 } });
    const lines = await lineItemsOf(app, invoice.invoiceId);
    expect(lines.items.map((line) => line.lineNumber)).toEqual([1, 2, 3, 4]);
    const history = await app.request<{ action: string; actor: string }[]>(
      'GET',
      `/invoices/${invoice.invoiceId}/line-items/${lines.items[3]!.lineItemId}/history`,
      { user: 'fin.fatima' },
    );
    expect(history.body).toEqual([
      expect.objectContaining({ action: 'added', actor: 'fin.fatima' }),
    ]);

    const unknown = await app.request('POST', `/invoices/${randomUUID()}/line-items`, {
      user: 'fin.fatima',
      body: { lineItems: lineItems(1) },
    });
    expectProblem(unknown, 404);
  });

  it('WF-4: modifying a draft line records each changed field with its old and new value', async () => {
    const invoice = await enterInvoice(app, providerId, lineItems(1));
    const [line] = (await lineItemsOf(app, invoice.invoiceId)).items;
    const client = randomUUID();

    const modified = await app.request<Record<string, unknown>>(
      'PATCH',
      `/invoices/${invoice.invoiceId}/line-items/${line!.lineItemId}`,
      { user: 'fin.fatima', body: { units: 4, unitAmount: '50.00', clientIds: [client] } },
    );
    expect(modified.status).toBe(200);
    expect(modified.body).toMatchObject({
      units: 4,
      unitAmount: '50.00',
      billedAmount: '200.00',
      clientIds: [client],
      status: 'draft',
    });

    const history = await app.request<{ action: string; actor: string; changes: unknown }[]>(
      'GET',
      `/invoices/${invoice.invoiceId}/line-items/${line!.lineItemId}/history`,
      { user: 'fin.fatima' },
    );
    expect(history.status).toBe(200);
    // Entered with the invoice: its created_by/created_at record that; the change is recorded.
    expect(history.body.map((change) => change.action)).toEqual(['modified']);
    expect(history.body[0]).toMatchObject({
      actor: 'fin.fatima',
      changes: {
        units: { from: 1, to: 4 },
        unitAmount: { from: '45.00', to: '50.00' },
        clientIds: { from: line!.clientIds, to: [client] },
      },
    });
  });

  it('FIN-6: an accepted line item cannot be modified', async () => {
    const invoice = await enterInvoice(app, providerId, lineItems(1));
    const [line] = (await lineItemsOf(app, invoice.invoiceId)).items;
    await app.query(`update invoice_line_item set status = 'accepted' where line_item_id = $1`, [
      line!.lineItemId,
    ]);

    const reply = await app.request(
      'PATCH',
      `/invoices/${invoice.invoiceId}/line-items/${line!.lineItemId}`,
      { user: 'fin.fatima', body: { units: 9 } },
    );
    expectProblem(reply, 409, { rule: 'FIN-6' });
    const [stored] = await app.query<{ units: number }>(
      'select units from invoice_line_item where line_item_id = $1',
      [line!.lineItemId],
    );
    expect(stored?.units).toBe(1);
  });

  it('WF-4: a line item in exception may be corrected; an empty change is refused', async () => {
    const invoice = await enterInvoice(app, providerId, lineItems(1));
    const [line] = (await lineItemsOf(app, invoice.invoiceId)).items;
    await app.query(`update invoice_line_item set status = 'exception' where line_item_id = $1`, [
      line!.lineItemId,
    ]);
    const path = `/invoices/${invoice.invoiceId}/line-items/${line!.lineItemId}`;

    const corrected = await app.request('PATCH', path, {
      user: 'fin.fatima',
      body: { period: { from: '2026-03-02', to: '2026-03-30' } },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ period: { from: '2026-03-02', to: '2026-03-30' } });

    expectProblem(await app.request('PATCH', path, { user: 'fin.fatima', body: {} }), 400);
  });
});
