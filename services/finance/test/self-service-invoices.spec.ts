import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DEMO_PROVIDER_ID, SECOND_DEMO_PROVIDER_ID } from '@platform/auth';
import { startFinanceApp, type FinanceApp } from './support/finance-app.js';
import {
  enterInvoice,
  expectProblem,
  knownProvider,
  lineItems,
  lineItemsOf,
  type InvoiceBody,
  type PageBody,
} from './support/invoice-fixtures.js';

/**
 * Issue 6 "Service invoices", self-service (SS-4, FIN-3, ROLE-2): a provider requests an invoice
 * for its own provider (provider.sunrise speaks for DEMO_PROVIDER_ID, provider.harbor for
 * SECOND_DEMO_PROVIDER_ID); a resource manager accepts it — it is then submitted and processed —
 * or rejects it. No provider sees another's invoices.
 */
let app: FinanceApp;

beforeAll(async () => {
  app = await startFinanceApp();
  await knownProvider(app, DEMO_PROVIDER_ID);
  await knownProvider(app, SECOND_DEMO_PROVIDER_ID);
});

afterAll(async () => {
  await app?.close();
});

async function requestInvoice(count = 2, user = 'provider.sunrise'): Promise<InvoiceBody> {
  const reply = await app.request<InvoiceBody>('POST', '/self-service/invoices', {
    user,
    body: { providerReference: 'SUN-APR', lineItems: lineItems(count) },
  });
  expect(reply.status).toBe(201);
  return reply.body;
}

describe('invoice requests through self-service (SS-4, ROLE-2)', () => {
  it("SS-4: a provider's invoice is a request from its own provider, origin self-service", async () => {
    const invoice = await requestInvoice(2);
    expect(invoice).toMatchObject({
      providerId: DEMO_PROVIDER_ID,
      submitterKind: 'provider',
      origin: 'self-service',
      status: 'requested',
      createdBy: 'provider.sunrise',
      request: null,
      lineItems: { total: 2, draft: 2 },
    });
    const lines = await lineItemsOf(app, invoice.invoiceId, '', 'rm.rivera');
    expect(lines.items.map((line) => [line.lineNumber, line.providerId])).toEqual([
      [1, DEMO_PROVIDER_ID],
      [2, DEMO_PROVIDER_ID],
    ]);
  });

  it('ROLE-2: the provider comes from the token — a body naming a provider is refused', async () => {
    const header = await app.request('POST', '/self-service/invoices', {
      user: 'provider.sunrise',
      body: { providerId: SECOND_DEMO_PROVIDER_ID, lineItems: lineItems(1) },
    });
    expectProblem(header, 400);
    const line = await app.request('POST', '/self-service/invoices', {
      user: 'provider.sunrise',
      body: { lineItems: lineItems(1, { providerId: SECOND_DEMO_PROVIDER_ID }) },
    });
    expectProblem(line, 422, { rule: 'ROLE-2', field: 'lineItems.0.providerId' });
  });

  it("ROLE-2: a provider sees its own invoices only; another's answers 404 like an unknown id", async () => {
    const sunrise = await requestInvoice(1);
    const harbor = await requestInvoice(1, 'provider.harbor');

    const own = await app.request<PageBody<InvoiceBody>>(
      'GET',
      '/self-service/invoices?limit=200',
      {
        user: 'provider.sunrise',
      },
    );
    expect(own.status).toBe(200);
    const ids = own.body.items.map((invoice) => invoice.invoiceId);
    expect(ids).toContain(sunrise.invoiceId);
    expect(ids).not.toContain(harbor.invoiceId);
    expect(own.body.items.every((invoice) => invoice.providerId === DEMO_PROVIDER_ID)).toBe(true);

    const mine = await app.request('GET', `/self-service/invoices/${sunrise.invoiceId}`, {
      user: 'provider.sunrise',
    });
    expect(mine.status).toBe(200);
    const mineLines = await app.request<PageBody<unknown>>(
      'GET',
      `/self-service/invoices/${sunrise.invoiceId}/line-items`,
      { user: 'provider.sunrise' },
    );
    expect(mineLines.body.total).toBe(1);

    for (const path of [
      `/self-service/invoices/${sunrise.invoiceId}`,
      `/self-service/invoices/${sunrise.invoiceId}/line-items`,
      `/self-service/invoices/${randomUUID()}`,
    ]) {
      const reply = await app.request('GET', path, { user: 'provider.harbor' });
      expectProblem(reply, 404);
      expect((reply.body as { title: string }).title).toBe('Invoice not found');
    }
  });

  it('ROLE-2: a provider cannot read the staff invoice list or a staff invoice route', async () => {
    const reply = await app.request('GET', '/invoices', { user: 'provider.sunrise' });
    expect(reply.status).toBe(403);
  });
});

describe('deciding a request (FIN-3)', () => {
  it('FIN-3: finance staff cannot add or change lines of a request not yet accepted', async () => {
    const invoice = await requestInvoice(1);
    const [line] = (await lineItemsOf(app, invoice.invoiceId)).items;

    const added = await app.request('POST', `/invoices/${invoice.invoiceId}/line-items`, {
      user: 'fin.fatima',
      body: { lineItems: lineItems(1) },
    });
    expectProblem(added, 409, { rule: 'FIN-3' });
    const changed = await app.request(
      'PATCH',
      `/invoices/${invoice.invoiceId}/line-items/${line!.lineItemId}`,
      { user: 'fin.fatima', body: { units: 7 } },
    );
    expectProblem(changed, 409, { rule: 'FIN-3' });
  });

  it('FIN-3: a resource manager rejects a request with a reason; it cannot be decided again', async () => {
    const invoice = await requestInvoice(1);

    const rejected = await app.request<InvoiceBody>(
      'POST',
      `/invoices/${invoice.invoiceId}/request/reject`,
      { user: 'rm.rivera', body: { reason: 'Sessions of April billed twice' } },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'request-rejected',
      request: { decidedBy: 'rm.rivera', rejectionReason: 'Sessions of April billed twice' },
    });

    const again = await app.request('POST', `/invoices/${invoice.invoiceId}/request/reject`, {
      user: 'rm.rivera',
      body: { reason: 'again' },
    });
    expectProblem(again, 409, { rule: 'FIN-3' });
    const accepted = await app.request('POST', `/invoices/${invoice.invoiceId}/request/accept`, {
      user: 'sup.sato',
    });
    expectProblem(accepted, 409, { rule: 'FIN-3' });
    const seen = await app.request<InvoiceBody>(
      'GET',
      `/self-service/invoices/${invoice.invoiceId}`,
      { user: 'provider.sunrise' },
    );
    expect(seen.body.status).toBe('request-rejected');
  });

  it('FIN-3: a rejection needs a reason; an invoice staff entered is no request to decide', async () => {
    const request = await requestInvoice(1);
    const noReason = await app.request('POST', `/invoices/${request.invoiceId}/request/reject`, {
      user: 'rm.rivera',
      body: { reason: ' ' },
    });
    expectProblem(noReason, 400, { field: 'reason' });

    const staff = await enterInvoice(app, await knownProvider(app), lineItems(1));
    const reply = await app.request('POST', `/invoices/${staff.invoiceId}/request/accept`, {
      user: 'rm.rivera',
    });
    expectProblem(reply, 409, { rule: 'FIN-3' });
    const unknown = await app.request('POST', `/invoices/${randomUUID()}/request/accept`, {
      user: 'rm.rivera',
    });
    expectProblem(unknown, 404);
  });

  it('ROLE: only resource managers decide requests — not finance users, not the provider', async () => {
    const invoice = await requestInvoice(1);
    for (const user of ['fin.fatima', 'provider.sunrise']) {
      const reply = await app.request('POST', `/invoices/${invoice.invoiceId}/request/accept`, {
        user,
      });
      expect({ user, status: reply.status }).toEqual({ user, status: 403 });
    }
  });

  it('FIN-3: an accepted request is submitted and every line item processed, in one transaction', async () => {
    const invoice = await requestInvoice(3);

    const reply = await app.request<{
      invoice: InvoiceBody;
      processing: { invoiceId: string; lines: { lineItemId: string; status: string }[] };
    }>('POST', `/invoices/${invoice.invoiceId}/request/accept`, { user: 'rm.rivera' });

    expect(reply.status).toBe(200);
    expect(reply.body.invoice).toMatchObject({
      invoiceId: invoice.invoiceId,
      status: 'submitted',
      request: { decidedBy: 'rm.rivera', rejectionReason: null },
    });
    expect(reply.body.invoice.lineItems.draft).toBe(0);
    expect(reply.body.processing.invoiceId).toBe(invoice.invoiceId);
    expect(reply.body.processing.lines).toHaveLength(3);
    // Nothing about these clients is registered: processing runs and fails each line (FIN-4).
    for (const line of reply.body.processing.lines) {
      expect(['accepted', 'exception', 'stopped']).toContain(line.status);
    }
    const lines = await lineItemsOf(app, invoice.invoiceId, '', 'sup.sato');
    expect(lines.items.every((line) => line.status !== 'draft' && line.attempt === 1)).toBe(true);
  });
});
