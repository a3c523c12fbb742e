import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  acceptedInvoiceLine,
  CASE_WORKER,
  createAuthorization,
  FINANCE_USER,
  knownFacts,
  openCase,
  registerParticipant,
  type AuthorizationReply,
  type KnownFacts,
} from './support/authorization-fixtures.js';
import { startFinanceApp, type FinanceApp } from './support/finance-app.js';

/**
 * Issue 6 "Service authorizations" (FIN-1, FIN-2): what a case worker authorises for one or more
 * clients, the units invoices have used of it — shared by its clients — and statuses derived from
 * use and time, never stored. Invoice lines matched to an authorization are written here with SQL
 * as invoice processing writes them.
 */
let app: FinanceApp;
let facts: KnownFacts;

beforeAll(async () => {
  app = await startFinanceApp();
  facts = await knownFacts(app);
});

afterAll(async () => {
  await app?.close();
});

interface Problem {
  rule?: string;
  errors?: { field: string; message: string }[];
}

const fields = (body: Problem) => (body.errors ?? []).map((error) => error.field);

async function read(id: string, asOf: string): Promise<AuthorizationReply> {
  const reply = await app.request<AuthorizationReply>(
    'GET',
    `/service-authorizations/${id}?asOf=${asOf}`,
    { user: FINANCE_USER },
  );
  expect(reply.status).toBe(200);
  return reply.body;
}

function lineItem(changes: Record<string, unknown> = {}) {
  return { serviceProductId: facts.productId, units: 10, ...changes };
}

async function use(
  authorization: AuthorizationReply,
  lineIndex: number,
  units: number,
  clientIds = authorization.clients.map((client) => client.participantId),
): Promise<void> {
  const line = authorization.lineItems[lineIndex];
  if (!line) throw new Error(`no line item ${lineIndex}`);
  await acceptedInvoiceLine(app, {
    authorizationLineItemId: line.lineItemId,
    providerId: facts.providerId,
    serviceProductId: line.serviceProductId,
    clientIds,
    units,
  });
}

async function cancelLine(authorization: AuthorizationReply, lineIndex: number) {
  return app.request<Problem & AuthorizationReply>(
    'POST',
    `/service-authorizations/${authorization.authorizationId}/line-items/${authorization.lineItems[lineIndex]?.lineItemId}/cancel`,
    { user: CASE_WORKER, body: { reason: 'Service no longer needed' } },
  );
}

describe('creating a service authorization (FIN-1)', () => {
  it('FIN-1: numbers it SA-<year>-<6 digits>, keeps clients, case and line items, and records who', async () => {
    const first = await registerParticipant(app, 'client', 'Ana Auth');
    const second = await registerParticipant(app, 'client', 'Ben Auth');
    const nominee = await registerParticipant(app, 'nominee', 'Nia Nominee');
    const caseId = await openCase(app, [first, second]);
    const created = await createAuthorization(app, {
      caseId,
      clientIds: [first, second],
      lineItems: [
        lineItem({ providerId: facts.providerId, rate: '12.5', nomineeId: nominee }),
        {
          serviceProductId: facts.otherProductId,
          period: { from: '2026-02-01', to: '2026-03-31' },
        },
      ],
    });
    expect(created.reference).toMatch(new RegExp(`^SA-${new Date().getUTCFullYear()}-\\d{6}$`));
    expect(created).toMatchObject({
      case: { caseId },
      clients: [
        { participantId: first, name: 'Ana Auth' },
        { participantId: second, name: 'Ben Auth' },
      ],
      period: { from: '2026-01-01', to: '2026-06-30' },
      createdBy: 'cw.chen',
      cancellation: null,
    });
    expect(created.lineItems).toEqual([
      expect.objectContaining({
        lineNumber: 1,
        serviceProductId: facts.productId,
        providerId: facts.providerId,
        units: 10,
        unitsUsed: 0,
        unitsLeft: 10,
        rate: '12.50',
        nomineeId: nominee,
        period: { from: '2026-01-01', to: '2026-06-30' },
      }),
      expect.objectContaining({
        lineNumber: 2,
        serviceProductId: facts.otherProductId,
        providerId: null,
        units: null,
        unitsLeft: null,
        rate: null,
        nomineeId: null,
        period: { from: '2026-02-01', to: '2026-03-31' },
      }),
    ]);
    expect(await read(created.authorizationId, '2026-01-15')).toMatchObject({
      reference: created.reference,
      status: 'open',
    });
  });

  it('FIN-1: records service-authorization.created in the outbox with the authorization', async () => {
    const client = await registerParticipant(app, 'client');
    const created = await createAuthorization(app, {
      clientIds: [client],
      lineItems: [lineItem({ rate: '40.00' })],
    });
    const [message] = await app.query<{ eventType: string; envelope: Record<string, unknown> }>(
      `select event_type as "eventType", envelope from outbox_message
       where message_key = $1`,
      [created.authorizationId],
    );
    expect(message?.eventType).toBe('service-authorization.created');
    expect(message?.envelope).toMatchObject({
      aggregateId: created.authorizationId,
      actor: { userId: 'cw.chen' },
      data: {
        authorizationId: created.authorizationId,
        reference: created.reference,
        caseId: null,
        clientIds: [client],
        period: { from: '2026-01-01', to: '2026-06-30' },
        lineItems: [
          {
            lineItemId: created.lineItems[0]?.lineItemId,
            serviceProductId: facts.productId,
            providerId: null,
            units: 10,
            rate: '40.00',
            nomineeId: null,
            period: { from: '2026-01-01', to: '2026-06-30' },
          },
        ],
      },
    });
  });

  it('400: the shape of the request, each field named', async () => {
    const reply = await app.request<Problem>('POST', '/service-authorizations', {
      user: CASE_WORKER,
      body: {
        clientIds: [],
        period: { from: '2026-06-30', to: '2026-01-01' },
        lineItems: [{ serviceProductId: 'x', units: 2.5, rate: '12.555', providerId: 'nope' }],
      },
    });
    expect(reply.status).toBe(400);
    expect(fields(reply.body).sort()).toEqual([
      'clientIds',
      'lineItems.0.providerId',
      'lineItems.0.rate',
      'lineItems.0.serviceProductId',
      'lineItems.0.units',
      'period.to',
    ]);
    const noLines = await app.request<Problem>('POST', '/service-authorizations', {
      user: CASE_WORKER,
      body: {
        clientIds: [randomUUID()],
        period: { from: '2026-01-01', to: '2026-01-31' },
        lineItems: [],
      },
    });
    expect(noLines.status).toBe(400);
    expect(fields(noLines.body)).toEqual(['lineItems']);
    const negative = await app.request<Problem>('POST', '/service-authorizations', {
      user: CASE_WORKER,
      body: {
        clientIds: [randomUUID()],
        period: { from: '2026-01-01', to: '2026-01-31' },
        lineItems: [lineItem({ units: -1 })],
      },
    });
    expect(negative.status).toBe(400);
    expect(fields(negative.body)).toEqual(['lineItems.0.units']);
  });

  it('FIN-1 / FIN-4: 422 naming every field that breaks a rule, nothing created', async () => {
    const client = await registerParticipant(app, 'client');
    const nominee = await registerParticipant(app, 'nominee');
    const reply = await app.request<Problem>('POST', '/service-authorizations', {
      user: CASE_WORKER,
      body: {
        clientIds: [client, randomUUID(), nominee],
        period: { from: '2026-01-01', to: '2026-06-30' },
        lineItems: [
          lineItem(),
          lineItem({ serviceProductId: randomUUID(), providerId: randomUUID() }),
          lineItem({ nomineeId: client, period: { from: '2025-12-31', to: '2026-01-31' } }),
          lineItem({ nomineeId: randomUUID() }),
        ],
      },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.rule).toBe('FIN-4');
    expect(fields(reply.body)).toEqual([
      'clientIds[1]',
      'clientIds[2]',
      'lineItems[1].serviceProductId',
      'lineItems[1].providerId',
      'lineItems[2].period',
      'lineItems[2].nomineeId',
      'lineItems[3].nomineeId',
    ]);
    const [count] = await app.query<{ n: string }>(
      `select count(*)::text as n from authorization_client where client_id = $1`,
      [client],
    );
    expect(count?.n).toBe('0');
  });

  it('FIN-1: with a case, every client must be a client of it; an unknown case is named', async () => {
    const onCase = await registerParticipant(app, 'client');
    const offCase = await registerParticipant(app, 'client');
    const caseId = await openCase(app, [onCase]);
    const notOnCase = await app.request<Problem>('POST', '/service-authorizations', {
      user: CASE_WORKER,
      body: {
        caseId,
        clientIds: [onCase, offCase],
        period: { from: '2026-01-01', to: '2026-06-30' },
        lineItems: [lineItem()],
      },
    });
    expect(notOnCase.status).toBe(422);
    expect(notOnCase.body.rule).toBe('FIN-1');
    expect(fields(notOnCase.body)).toEqual(['clientIds[1]']);
    const unknownCase = await app.request<Problem>('POST', '/service-authorizations', {
      user: CASE_WORKER,
      body: {
        caseId: randomUUID(),
        clientIds: [onCase],
        period: { from: '2026-01-01', to: '2026-06-30' },
        lineItems: [lineItem()],
      },
    });
    expect(unknownCase.status).toBe(422);
    expect(fields(unknownCase.body)).toEqual(['caseId']);
  });
});

describe('units shared by the clients of an authorization (FIN-1)', () => {
  it('FIN-1: two clients sharing 10 sessions — a 6-unit line for both uses 6, leaves 4, not 12', async () => {
    const first = await registerParticipant(app, 'client');
    const second = await registerParticipant(app, 'client');
    const created = await createAuthorization(app, {
      clientIds: [first, second],
      lineItems: [lineItem({ units: 10 })],
    });
    await use(created, 0, 6, [first, second]);
    // A line still in the exception queue uses nothing yet.
    await acceptedInvoiceLine(app, {
      authorizationLineItemId: created.lineItems[0]?.lineItemId ?? '',
      providerId: facts.providerId,
      serviceProductId: facts.productId,
      clientIds: [first],
      units: 3,
      status: 'exception',
    });
    const [line] = (await read(created.authorizationId, '2026-03-01')).lineItems;
    expect(line).toMatchObject({ units: 10, unitsUsed: 6, unitsLeft: 4, status: 'in-progress' });
  });
});

describe('derived statuses (FIN-2)', () => {
  it('FIN-2: open while nothing is matched and the period has not ended', async () => {
    const created = await createAuthorization(app, {
      clientIds: [await registerParticipant(app, 'client')],
      lineItems: [lineItem()],
    });
    const view = await read(created.authorizationId, '2026-03-01');
    expect(view.asOf).toBe('2026-03-01');
    expect(view.lineItems.map((line) => line.status)).toEqual(['open']);
    expect(view.status).toBe('open');
  });

  it('FIN-2: in progress with a match and units left; complete when all units are used', async () => {
    const created = await createAuthorization(app, {
      clientIds: [await registerParticipant(app, 'client')],
      lineItems: [lineItem({ units: 10 })],
    });
    await use(created, 0, 4);
    expect((await read(created.authorizationId, '2026-03-01')).status).toBe('in-progress');
    await use(created, 0, 6);
    const view = await read(created.authorizationId, '2026-03-01');
    expect(view.lineItems[0]).toMatchObject({ unitsUsed: 10, unitsLeft: 0, status: 'complete' });
    expect(view.status).toBe('complete');
  });

  it('FIN-2: complete once the period has ended, even with units left (asOf after its end)', async () => {
    const created = await createAuthorization(app, {
      clientIds: [await registerParticipant(app, 'client')],
      lineItems: [lineItem({ units: 10, period: { from: '2026-01-01', to: '2026-03-31' } })],
    });
    await use(created, 0, 2);
    expect((await read(created.authorizationId, '2026-03-31')).lineItems[0]?.status).toBe(
      'in-progress',
    );
    const after = await read(created.authorizationId, '2026-04-01');
    expect(after.lineItems[0]).toMatchObject({ unitsLeft: 8, status: 'complete' });
    expect(after.status).toBe('complete');
  });

  it('FIN-2: a line item with no unit limit stays in progress until it ends', async () => {
    const created = await createAuthorization(app, {
      clientIds: [await registerParticipant(app, 'client')],
      lineItems: [lineItem({ units: null })],
    });
    await use(created, 0, 500);
    expect((await read(created.authorizationId, '2026-06-30')).lineItems[0]).toMatchObject({
      unitsUsed: 500,
      unitsLeft: null,
      status: 'in-progress',
    });
  });

  it('FIN-2: the authorization is in progress when some line items are complete and others open', async () => {
    const created = await createAuthorization(app, {
      clientIds: [await registerParticipant(app, 'client')],
      lineItems: [lineItem({ units: 2 }), lineItem({ units: 5 })],
    });
    await use(created, 0, 2);
    const view = await read(created.authorizationId, '2026-03-01');
    expect(view.lineItems.map((line) => line.status)).toEqual(['complete', 'open']);
    expect(view.status).toBe('in-progress');
  });

  it('FIN-2: a cancelled line item is cancelled, takes no part in the status, and records why and who', async () => {
    const client = await registerParticipant(app, 'client');
    const created = await createAuthorization(app, {
      clientIds: [client],
      lineItems: [lineItem({ units: 2 }), lineItem({ units: 5 })],
    });
    await use(created, 0, 2);
    const cancelled = await cancelLine(created, 1);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.lineItems[1]).toMatchObject({
      status: 'cancelled',
      cancellation: { cancelledBy: 'cw.chen', reason: 'Service no longer needed' },
    });
    const view = await read(created.authorizationId, '2026-03-01');
    expect(view.lineItems.map((line) => line.status)).toEqual(['complete', 'cancelled']);
    expect(view.status).toBe('complete');
    const events = await app.query<{ data: Record<string, unknown> }>(
      `select envelope->'data' as data from outbox_message
       where message_key = $1 and event_type = 'service-authorization.cancelled'`,
      [created.authorizationId],
    );
    expect(events.map((event) => event.data)).toEqual([
      {
        authorizationId: created.authorizationId,
        lineItemId: created.lineItems[1]?.lineItemId,
        reason: 'Service no longer needed',
      },
    ]);
  });

  it('FIN-2: an authorization whose line items are all cancelled is cancelled', async () => {
    const created = await createAuthorization(app, {
      clientIds: [await registerParticipant(app, 'client')],
      lineItems: [lineItem()],
    });
    expect((await cancelLine(created, 0)).status).toBe(200);
    expect((await read(created.authorizationId, '2026-03-01')).status).toBe('cancelled');
  });

  it('FIN-2: a cancelled (deleted) authorization is cancelled, with its event; again is 409 naming FIN-2', async () => {
    const created = await createAuthorization(app, {
      clientIds: [await registerParticipant(app, 'client')],
      lineItems: [lineItem()],
    });
    const path = `/service-authorizations/${created.authorizationId}/cancel`;
    const cancelled = await app.request<AuthorizationReply>('POST', path, {
      user: CASE_WORKER,
      body: { reason: 'Client moved away' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancellation: { cancelledBy: 'cw.chen', reason: 'Client moved away' },
    });
    expect((await read(created.authorizationId, '2026-03-01')).status).toBe('cancelled');
    const [event] = await app.query<{ data: Record<string, unknown> }>(
      `select envelope->'data' as data from outbox_message
       where message_key = $1 and event_type = 'service-authorization.cancelled'`,
      [created.authorizationId],
    );
    expect(event?.data).toEqual({
      authorizationId: created.authorizationId,
      lineItemId: null,
      reason: 'Client moved away',
    });
    const again = await app.request<Problem>('POST', path, {
      user: CASE_WORKER,
      body: { reason: 'Twice' },
    });
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('FIN-2');
    const lineOfCancelled = await cancelLine(created, 0);
    expect(lineOfCancelled.status).toBe(409);
    expect(lineOfCancelled.body.rule).toBe('FIN-2');
  });

  it('FIN-2: cancelling a cancelled line item again is 409 naming FIN-2', async () => {
    const created = await createAuthorization(app, {
      clientIds: [await registerParticipant(app, 'client')],
      lineItems: [lineItem(), lineItem()],
    });
    expect((await cancelLine(created, 0)).status).toBe(200);
    const again = await cancelLine(created, 0);
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('FIN-2');
    expect(fields(again.body)).toEqual(['lineItemId']);
  });
});

describe('unknown ids and bad parameters', () => {
  it('404 for an unknown authorization or line item; 400 naming the parameter otherwise', async () => {
    const unknown = randomUUID();
    const reason = { reason: 'x' };
    expect(
      (await app.request('GET', `/service-authorizations/${unknown}`, { user: FINANCE_USER }))
        .status,
    ).toBe(404);
    expect(
      (
        await app.request('POST', `/service-authorizations/${unknown}/cancel`, {
          user: CASE_WORKER,
          body: reason,
        })
      ).status,
    ).toBe(404);
    const created = await createAuthorization(app, {
      clientIds: [await registerParticipant(app, 'client')],
      lineItems: [lineItem()],
    });
    const unknownLine = await app.request(
      'POST',
      `/service-authorizations/${created.authorizationId}/line-items/${unknown}/cancel`,
      { user: CASE_WORKER, body: reason },
    );
    expect(unknownLine.status).toBe(404);
    const badAsOf = await app.request<Problem>(
      'GET',
      `/service-authorizations/${created.authorizationId}?asOf=2026-02-30`,
      { user: FINANCE_USER },
    );
    expect(badAsOf.status).toBe(400);
    expect(fields(badAsOf.body)).toEqual(['asOf']);
    const badLineId = await app.request<Problem>(
      'POST',
      `/service-authorizations/${created.authorizationId}/line-items/nope/cancel`,
      { user: CASE_WORKER, body: reason },
    );
    expect(badLineId.status).toBe(400);
    expect(fields(badLineId.body)).toEqual(['lineItemId']);
    const noReason = await app.request<Problem>(
      'POST',
      `/service-authorizations/${created.authorizationId}/cancel`,
      { user: CASE_WORKER, body: {} },
    );
    expect(noReason.status).toBe(400);
    expect(fields(noReason.body)).toEqual(['reason']);
    const badFilter = await app.request<Problem>(
      'GET',
      '/service-authorizations?status=done&activeOn=2026-1-1',
      { user: FINANCE_USER },
    );
    expect(badFilter.status).toBe(400);
    expect(fields(badFilter.body).sort()).toEqual(['activeOn', 'status']);
  });
});

describe('finding authorizations', () => {
  type ListReply = {
    items: {
      authorizationId: string;
      status: string;
      clientIds: string[];
      lineItemCount: number;
    }[];
    total: number;
  };

  async function list(query: string): Promise<ListReply> {
    const reply = await app.request<ListReply>('GET', `/service-authorizations?${query}`, {
      user: FINANCE_USER,
    });
    expect(reply.status).toBe(200);
    return reply.body;
  }

  const ids = (page: ListReply) => page.items.map((item) => item.authorizationId);

  it('filters by client, case, provider (naming it or any), service product and active day, paged with the total', async () => {
    const client = await registerParticipant(app, 'client');
    const other = await registerParticipant(app, 'client');
    const caseId = await openCase(app, [client, other]);
    const otherProvider = randomUUID();
    const a = await createAuthorization(app, {
      caseId,
      clientIds: [client, other],
      lineItems: [lineItem({ providerId: facts.providerId })],
    });
    const b = await createAuthorization(app, {
      clientIds: [client],
      period: { from: '2026-07-01', to: '2026-12-31' },
      lineItems: [lineItem({ serviceProductId: facts.otherProductId })],
    });
    const c = await createAuthorization(app, {
      clientIds: [client],
      lineItems: [lineItem(), lineItem({ serviceProductId: facts.otherProductId })],
    });
    const d = await createAuthorization(app, { clientIds: [other], lineItems: [lineItem()] });
    // Newest first.
    const all = await list(`clientId=${client}`);
    expect(ids(all)).toEqual([c, b, a].map((x) => x.authorizationId));
    expect(all.total).toBe(3);
    expect(all.items[0]?.lineItemCount).toBe(2);
    expect(all.items[2]?.clientIds).toEqual([client, other].sort());
    const page = await list(`clientId=${client}&limit=2&offset=1`);
    expect(ids(page)).toEqual([b, a].map((x) => x.authorizationId));
    expect(page.total).toBe(3);
    expect(ids(await list(`caseId=${caseId}`))).toEqual([a.authorizationId]);
    expect(ids(await list(`clientId=${client}&serviceProductId=${facts.otherProductId}`))).toEqual(
      [c, b].map((x) => x.authorizationId),
    );
    expect(ids(await list(`clientId=${client}&activeOn=2026-07-01`))).toEqual([b.authorizationId]);
    expect(ids(await list(`clientId=${client}&activeOn=2026-06-30`))).toEqual(
      [c, a].map((x) => x.authorizationId),
    );
    // FIN-1: a line item without a provider may be delivered by any provider.
    expect(ids(await list(`clientId=${other}&providerId=${facts.providerId}`))).toEqual(
      [d, a].map((x) => x.authorizationId),
    );
    await createAuthorization(app, {
      clientIds: [other],
      lineItems: [lineItem({ providerId: facts.providerId })],
    });
    const named = await list(`clientId=${other}&providerId=${otherProvider}`);
    expect(ids(named)).toEqual([d.authorizationId]);
  });

  it('FIN-2: filters by derived status with the right total, agreeing with the pure rules of GET', async () => {
    const client = await registerParticipant(app, 'client');
    const make = (lineItems: Record<string, unknown>[]) =>
      createAuthorization(app, { clientIds: [client], lineItems });
    const open = await make([lineItem()]);
    const inProgress = await make([lineItem({ units: 10 })]);
    await use(inProgress, 0, 3);
    const completeByUnits = await make([lineItem({ units: 3 })]);
    await use(completeByUnits, 0, 3);
    const completeByEnd = await make([
      lineItem({ period: { from: '2026-01-01', to: '2026-02-28' } }),
    ]);
    const mixed = await make([lineItem({ units: 1 }), lineItem()]);
    await use(mixed, 0, 1);
    const allLinesCancelled = await make([lineItem()]);
    await cancelLine(allLinesCancelled, 0);
    const completeAndCancelled = await make([lineItem({ units: 1 }), lineItem()]);
    await use(completeAndCancelled, 0, 1);
    await cancelLine(completeAndCancelled, 1);
    const deleted = await make([lineItem()]);
    await app.request('POST', `/service-authorizations/${deleted.authorizationId}/cancel`, {
      user: CASE_WORKER,
      body: { reason: 'Entered twice' },
    });
    const asOf = '2026-03-01';
    const expected: Record<string, AuthorizationReply[]> = {
      open: [open],
      'in-progress': [inProgress, mixed],
      complete: [completeByUnits, completeByEnd, completeAndCancelled],
      cancelled: [allLinesCancelled, deleted],
    };
    const everything = [
      open,
      inProgress,
      completeByUnits,
      completeByEnd,
      mixed,
      allLinesCancelled,
      completeAndCancelled,
      deleted,
    ];
    // The pure rules (GET) give each authorization its status…
    const pure = new Map<string, string>();
    for (const authorization of everything) {
      pure.set(
        authorization.authorizationId,
        (await read(authorization.authorizationId, asOf)).status,
      );
    }
    // …and the SQL of the list agrees with them on every one, filtered or not.
    const unfiltered = await list(`clientId=${client}&asOf=${asOf}&limit=50`);
    expect(unfiltered.total).toBe(everything.length);
    for (const item of unfiltered.items) {
      expect(item.status).toBe(pure.get(item.authorizationId));
    }
    for (const [status, authorizations] of Object.entries(expected)) {
      const wanted = authorizations.map((x) => x.authorizationId);
      expect(wanted.map((id) => pure.get(id))).toEqual(wanted.map(() => status));
      const filtered = await list(`clientId=${client}&asOf=${asOf}&status=${status}`);
      expect(filtered.total).toBe(wanted.length);
      expect(new Set(ids(filtered))).toEqual(new Set(wanted));
    }
    // Paging applies after the status filter: the total stays right past the first page.
    const secondPage = await list(
      `clientId=${client}&asOf=${asOf}&status=complete&limit=2&offset=2`,
    );
    expect(secondPage.total).toBe(3);
    expect(secondPage.items).toHaveLength(1);
    // A later day completes what has ended: everything not cancelled is complete in 2027.
    const later = await list(`clientId=${client}&asOf=2027-01-01&status=complete`);
    expect(later.total).toBe(6);
  });
});
