import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  CASE_WORKER,
  FINANCE_USER,
  openCase,
  registerParticipant,
} from './support/authorization-fixtures.js';
import { startFinanceApp, type FinanceApp } from './support/finance-app.js';

/**
 * Issue 6 "Participants and cases": the clients and nominees FIN-4 requires to be registered, and
 * the cases it requires to be valid for a line item's period (the rule itself is a pure function,
 * unit-tested in src/participants/case-validity.spec.ts).
 */
let app: FinanceApp;

beforeAll(async () => {
  app = await startFinanceApp();
});

afterAll(async () => {
  await app?.close();
});

interface Problem {
  rule?: string;
  errors?: { field: string; message: string }[];
}

const fields = (body: Problem) => (body.errors ?? []).map((error) => error.field);

describe('participants (FIN-4 "client and payee registered")', () => {
  it('FIN-4: registers a client with who and when, and reads it back', async () => {
    const created = await app.request<Record<string, unknown>>('POST', '/participants', {
      user: CASE_WORKER,
      body: { kind: 'client', name: 'Jamie Doe', dateOfBirth: '2019-04-12' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'client',
      name: 'Jamie Doe',
      dateOfBirth: '2019-04-12',
      registeredBy: 'cw.chen',
    });
    const read = await app.request(
      'GET',
      `/participants/${String(created.body['participantId'])}`,
      {
        user: FINANCE_USER,
      },
    );
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('400: names the fields of a bad registration', async () => {
    const reply = await app.request<Problem>('POST', '/participants', {
      user: CASE_WORKER,
      body: { kind: 'provider', name: ' ', dateOfBirth: '2019-02-30' },
    });
    expect(reply.status).toBe(400);
    expect(fields(reply.body).sort()).toEqual(['dateOfBirth', 'kind', 'name']);
  });

  it('404: an unknown participant; 400 naming `id` when it is not a UUID', async () => {
    expect(
      (await app.request('GET', `/participants/${randomUUID()}`, { user: CASE_WORKER })).status,
    ).toBe(404);
    const bad = await app.request<Problem>('GET', '/participants/nope', { user: CASE_WORKER });
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(['id']);
  });

  it('lists by kind and name (contains, case-insensitive), paged with the total', async () => {
    const tag = randomUUID().slice(0, 8);
    await registerParticipant(app, 'client', `Alex ${tag} One`);
    await registerParticipant(app, 'client', `Blair ${tag} Two`);
    await registerParticipant(app, 'client', `Casey ${tag} Three`);
    await registerParticipant(app, 'nominee', `Dana ${tag} Nominee`);
    const page = await app.request<{ items: { name: string }[]; total: number }>(
      'GET',
      `/participants?kind=client&name=${tag.toUpperCase()}&limit=2&offset=1`,
      { user: CASE_WORKER },
    );
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(3);
    expect(page.body.items.map((item) => item.name)).toEqual([
      `Blair ${tag} Two`,
      `Casey ${tag} Three`,
    ]);
    const nominees = await app.request<{ items: { name: string }[]; total: number }>(
      'GET',
      `/participants?kind=nominee&name=${tag}`,
      { user: CASE_WORKER },
    );
    expect(nominees.body.items.map((item) => item.name)).toEqual([`Dana ${tag} Nominee`]);
  });

  it('a name filter takes LIKE wildcards literally', async () => {
    const tag = randomUUID().slice(0, 8);
    await registerParticipant(app, 'client', `Percent ${tag} 100%`);
    await registerParticipant(app, 'client', `Percent ${tag} 1000`);
    const page = await app.request<{ items: { name: string }[] }>(
      'GET',
      `/participants?name=${encodeURIComponent(`${tag} 100%`)}`,
      { user: CASE_WORKER },
    );
    expect(page.body.items.map((item) => item.name)).toEqual([`Percent ${tag} 100%`]);
  });
});

describe('cases (FIN-4 "case valid")', () => {
  it('FIN-4: opens a case for registered clients, listing them', async () => {
    const first = await registerParticipant(app, 'client', 'Ari Case');
    const second = await registerParticipant(app, 'client', 'Bo Case');
    const reference = `CASE-${randomUUID().slice(0, 8)}`;
    const reply = await app.request<Record<string, unknown>>('POST', '/cases', {
      user: CASE_WORKER,
      body: { reference, clientIds: [second, first], openedOn: '2026-01-05' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      reference,
      status: 'open',
      openedOn: '2026-01-05',
      closedOn: null,
      clients: [
        { participantId: first, name: 'Ari Case' },
        { participantId: second, name: 'Bo Case' },
      ],
      createdBy: 'cw.chen',
      updatedBy: 'cw.chen',
    });
    const read = await app.request('GET', `/cases/${String(reply.body['caseId'])}`, {
      user: FINANCE_USER,
    });
    expect(read.body).toEqual(reply.body);
  });

  it('FIN-4: 422 naming `clientIds[i]` when a client is unknown or is a nominee', async () => {
    const client = await registerParticipant(app, 'client');
    const nominee = await registerParticipant(app, 'nominee');
    const reply = await app.request<Problem>('POST', '/cases', {
      user: CASE_WORKER,
      body: {
        reference: `CASE-${randomUUID().slice(0, 8)}`,
        clientIds: [client, randomUUID(), nominee],
        openedOn: '2026-01-01',
      },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.rule).toBe('FIN-4');
    expect(fields(reply.body)).toEqual(['clientIds[1]', 'clientIds[2]']);
  });

  it('400: no clients, a repeated client, or a bad date name the field', async () => {
    const client = await registerParticipant(app, 'client');
    const empty = await app.request<Problem>('POST', '/cases', {
      user: CASE_WORKER,
      body: { reference: 'X', clientIds: [], openedOn: '2026-13-01' },
    });
    expect(empty.status).toBe(400);
    expect(fields(empty.body).sort()).toEqual(['clientIds', 'openedOn']);
    const twice = await app.request<Problem>('POST', '/cases', {
      user: CASE_WORKER,
      body: { reference: 'X', clientIds: [client, client], openedOn: '2026-01-01' },
    });
    expect(twice.status).toBe(400);
    expect(fields(twice.body)).toEqual(['clientIds']);
  });

  it('409: a case reference is unique', async () => {
    const client = await registerParticipant(app, 'client');
    const reference = `CASE-${randomUUID().slice(0, 8)}`;
    const body = { reference, clientIds: [client], openedOn: '2026-01-01' };
    expect((await app.request('POST', '/cases', { user: CASE_WORKER, body })).status).toBe(201);
    const again = await app.request<Problem>('POST', '/cases', { user: CASE_WORKER, body });
    expect(again.status).toBe(409);
    expect(fields(again.body)).toEqual(['reference']);
  });

  it('FIN-4: closing a case records when and why; closing it again is 409', async () => {
    const caseId = await openCase(app, [await registerParticipant(app, 'client')], '2026-01-01');
    const closed = await app.request<Record<string, unknown>>('POST', `/cases/${caseId}/close`, {
      user: CASE_WORKER,
      body: { closedOn: '2026-06-30', reason: 'Client moved away' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      closedOn: '2026-06-30',
      closedReason: 'Client moved away',
      updatedBy: 'cw.chen',
    });
    const again = await app.request<Problem>('POST', `/cases/${caseId}/close`, {
      user: CASE_WORKER,
      body: { closedOn: '2026-07-01', reason: 'Twice' },
    });
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('FIN-4');
  });

  it('FIN-4: 422 naming `closedOn` when it is before the case opened; 404 for an unknown case', async () => {
    const caseId = await openCase(app, [await registerParticipant(app, 'client')], '2026-03-01');
    const early = await app.request<Problem>('POST', `/cases/${caseId}/close`, {
      user: CASE_WORKER,
      body: { closedOn: '2026-02-28', reason: 'Oops' },
    });
    expect(early.status).toBe(422);
    expect(fields(early.body)).toEqual(['closedOn']);
    const missing = await app.request('POST', `/cases/${randomUUID()}/close`, {
      user: CASE_WORKER,
      body: { closedOn: '2026-02-28', reason: 'Oops' },
    });
    expect(missing.status).toBe(404);
    const bad = await app.request<Problem>('POST', `/cases/${caseId}/close`, {
      user: CASE_WORKER,
      body: { closedOn: '2026-02-28' },
    });
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(['reason']);
    expect((await app.request('GET', `/cases/${randomUUID()}`, { user: CASE_WORKER })).status).toBe(
      404,
    );
  });

  it('lists by client, status and reference, paged with the total', async () => {
    const client = await registerParticipant(app, 'client');
    const other = await registerParticipant(app, 'client');
    const first = await openCase(app, [client], '2026-01-01');
    const second = await openCase(app, [client, other], '2026-02-01');
    const third = await openCase(app, [client], '2026-03-01');
    await openCase(app, [other], '2026-03-01');
    await app.request('POST', `/cases/${first}/close`, {
      user: CASE_WORKER,
      body: { closedOn: '2026-01-31', reason: 'Done' },
    });
    type CasePage = { items: { caseId: string; reference: string }[]; total: number };
    const all = await app.request<CasePage>('GET', `/cases?clientId=${client}&limit=2`, {
      user: CASE_WORKER,
    });
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((item) => item.caseId)).toEqual([third, second]);
    const rest = await app.request<CasePage>('GET', `/cases?clientId=${client}&limit=2&offset=2`, {
      user: CASE_WORKER,
    });
    expect(rest.body.items.map((item) => item.caseId)).toEqual([first]);
    const open = await app.request<CasePage>('GET', `/cases?clientId=${client}&status=open`, {
      user: CASE_WORKER,
    });
    expect(open.body.items.map((item) => item.caseId)).toEqual([third, second]);
    const secondReference = all.body.items[1]?.reference ?? '';
    const byReference = await app.request<CasePage>(
      'GET',
      `/cases?reference=${secondReference.toLowerCase()}`,
      { user: CASE_WORKER },
    );
    expect(byReference.body.items.map((item) => item.caseId)).toEqual([second]);
    const badFilter = await app.request<Problem>('GET', '/cases?status=pending', {
      user: CASE_WORKER,
    });
    expect(badFilter.status).toBe(400);
    expect(fields(badFilter.body)).toEqual(['status']);
  });
});
