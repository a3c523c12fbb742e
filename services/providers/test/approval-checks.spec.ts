import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';

/** Integration tests of approval check percentages at every level (SVC-8, ROLE) over HTTP. */

const ADMIN = 'admin.ada';
const RM = 'rm.rivera';
const SUPERVISOR = 'sup.sato';
const CASE_WORKER = 'cw.chen';
const OPERATOR = 'ops.omar';
const PROVIDER_USER = 'provider.sunrise';
const UNKNOWN_ID = '6f1c1f43-0000-4000-8000-000000000000';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Json = Record<string, unknown>;
interface Reply<T = Json> {
  status: number;
  contentType: string;
  body: T;
}
interface Setting {
  id: string;
  scope: string;
  scopeId: string;
  serviceProductId: string | null;
  percentage: number | null;
  revision: number;
  updatedBy: string;
}
interface Problem {
  status?: number;
  rule?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}
interface Effective {
  serviceProductId: string;
  percentage: number;
  source: { scope: string; id: string; serviceProductId: string | null; settingId: string | null };
  considered: {
    rank: number;
    scope: string;
    id: string;
    serviceProductId: string | null;
    settingId: string | null;
    percentage: number | null;
  }[];
}

let app: ProvidersApp;
let db: pg.Client;

beforeAll(async () => {
  app = await startProvidersApp();
  db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await app?.close();
});

function call<T = Json>(
  method: Method,
  path: string,
  options: { user?: string; body?: unknown } = {},
): Promise<Reply<T>> {
  return app.request<T>(method, path, { user: RM, ...options });
}

async function outboxSize(): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from outbox_message');
  return rows[0]!.n;
}

/** Runs a request and proves it recorded no event. */
async function withoutEvents<T>(send: () => Promise<Reply<T>>): Promise<Reply<T>> {
  const before = await outboxSize();
  const reply = await send();
  expect(await outboxSize()).toBe(before);
  return reply;
}

function expectProblem(reply: Reply<unknown>, status: number, rule?: string, field?: string) {
  expect(reply.status).toBe(status);
  expect(reply.contentType).toContain('application/problem+json');
  const problem = reply.body as Problem;
  if (rule) expect(problem.rule).toBe(rule);
  if (field) expect(problem.errors?.map((error) => error.field)).toContain(field);
}

async function product(approvalCheckPercentage = 40): Promise<string> {
  const reply = await call<{ id: string }>('POST', '/service-products', {
    user: ADMIN,
    body: {
      name: `Counselling ${randomUUID().slice(0, 8)}`,
      unitOfMeasure: 'session',
      payBasedOnAttendance: false,
      payBasedOnPlacement: false,
      delivery: { type: 'service-delivery' },
      paymentOptions: { fixed: 'pay-fixed', minimum: 'pay-billed', maximum: 'pay-maximum' },
      approvalCheckPercentage,
    },
  });
  expect(reply.status).toBe(201);
  return reply.body.id;
}

async function approvedProvider(name: string): Promise<string> {
  const enrolled = await call<{ id: string }>('POST', '/providers', { body: { name } });
  expect(enrolled.status).toBe(201);
  const approved = await call('POST', `/providers/${enrolled.body.id}/lifecycle`, {
    body: { action: 'approve' },
  });
  expect(approved.status).toBe(200);
  return enrolled.body.id;
}

async function providerService(providerId: string, serviceProductId: string): Promise<string> {
  const reply = await call<{ id: string }>('POST', `/providers/${providerId}/services`, {
    body: { serviceProductId, from: '2026-01-01' },
  });
  expect(reply.status).toBe(201);
  return reply.body.id;
}

async function setCheck(body: Json, user: string): Promise<Setting> {
  const reply = await call<Setting>('PUT', '/approval-checks', { user, body });
  expect(reply).toMatchObject({ status: 200 });
  return reply.body;
}

const effectivePath = (query: Record<string, string>) =>
  `/approval-checks/effective?${new URLSearchParams(query).toString()}`;

describe('setting, replacing and removing an approval check (SVC-8)', () => {
  it('SVC-8: a provider setting is replaced in place, removed and set again, its history kept and each change announced once', async () => {
    const providerId = await approvedProvider('Harbour Counselling');
    const key = `provider:${providerId}:*`;

    const first = await setCheck({ scope: 'provider', scopeId: providerId, percentage: 30 }, RM);
    expect(first).toMatchObject({
      scope: 'provider',
      scopeId: providerId,
      serviceProductId: null,
      percentage: 30,
      revision: 1,
      updatedBy: RM,
    });

    const replaced = await setCheck(
      { scope: 'provider', scopeId: providerId, serviceProductId: null, percentage: 45 },
      SUPERVISOR,
    );
    expect(replaced).toMatchObject({ id: first.id, percentage: 45, revision: 2 });
    expect(replaced.updatedBy).toBe(SUPERVISOR);

    const listed = await call<{ items: Setting[]; total: number }>(
      'GET',
      `/approval-checks?scope=provider&scopeId=${providerId}`,
      { user: OPERATOR },
    );
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(1);
    expect(listed.body.items.map((setting) => [setting.id, setting.percentage])).toEqual([
      [first.id, 45],
    ]);

    const removed = await call<Setting>('DELETE', `/approval-checks/${first.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ id: first.id, percentage: null, revision: 3 });
    const afterRemoval = await call<{ total: number }>(
      'GET',
      `/approval-checks?scope=provider&scopeId=${providerId}`,
    );
    expect(afterRemoval.body.total).toBe(0);

    const again = await setCheck({ scope: 'provider', scopeId: providerId, percentage: 10 }, RM);
    expect(again).toMatchObject({ id: first.id, percentage: 10, revision: 4 });

    const history = await call<{ setting: Setting; changes: Json[] }>(
      'GET',
      `/approval-checks/${first.id}/history`,
      { user: CASE_WORKER },
    );
    expect(history.status).toBe(200);
    expect(history.body.setting).toMatchObject({ id: first.id, percentage: 10 });
    expect(
      history.body.changes.map((change) => [
        change['revision'],
        change['previousPercentage'],
        change['percentage'],
        change['changedBy'],
      ]),
    ).toEqual([
      [1, null, 30, RM],
      [2, 30, 45, SUPERVISOR],
      [3, 45, null, RM],
      [4, null, 10, RM],
    ]);
    for (const change of history.body.changes) {
      expect(Date.parse(change['changedAt'] as string)).not.toBeNaN();
    }

    const events = await app.expectEvents(key, [
      'approval-check.changed',
      'approval-check.changed',
      'approval-check.changed',
      'approval-check.changed',
    ]);
    expect(
      events.map((event) => [event.data['previousPercentage'], event.data['percentage']]),
    ).toEqual([
      [null, 30],
      [30, 45],
      [45, null],
      [null, 10],
    ]);
    expect(events[0]).toMatchObject({
      aggregateType: 'approval-check',
      aggregateId: key,
      version: 1,
      actor: { userId: RM },
      data: { settingId: first.id, scope: 'provider', scopeId: providerId, revision: 1 },
    });
  });

  it('SVC-8: setting the same percentage again changes nothing and announces nothing', async () => {
    const setting = await setCheck({ scope: 'user', scopeId: 'jdoe', percentage: 20 }, ADMIN);
    const same = await withoutEvents(() =>
      call<Setting>('PUT', '/approval-checks', {
        user: ADMIN,
        body: { scope: 'user', scopeId: 'jdoe', percentage: 20 },
      }),
    );
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ id: setting.id, revision: 1, percentage: 20 });
    await app.expectEvents('user:jdoe:*', ['approval-check.changed']);
  });

  it('SVC-8: one setting per level and product — settings for all services and for one product are separate', async () => {
    const productId = await product();
    const all = await setCheck(
      { scope: 'organisation-unit', scopeId: 'ou-west', percentage: 15 },
      ADMIN,
    );
    const forProduct = await setCheck(
      {
        scope: 'organisation-unit',
        scopeId: 'ou-west',
        serviceProductId: productId,
        percentage: 60,
      },
      ADMIN,
    );
    expect(forProduct.id).not.toBe(all.id);
    const byProduct = await call<{ items: Setting[] }>(
      'GET',
      `/approval-checks?serviceProductId=${productId}`,
      { user: ADMIN },
    );
    expect(byProduct.body.items.map((setting) => setting.id)).toEqual([forProduct.id]);
    const paged = await call<{ items: Setting[]; total: number; limit: number }>(
      'GET',
      '/approval-checks?scope=organisation-unit&scopeId=ou-west&limit=1',
      { user: ADMIN },
    );
    expect(paged.body).toMatchObject({ total: 2, limit: 1 });
    // Settings for all services are listed before those for one product.
    expect(paged.body.items.map((setting) => setting.id)).toEqual([all.id]);
    await app.expectEvents(`organisation-unit:ou-west:${productId}`, ['approval-check.changed']);
  });

  it('SVC-8: removing a setting already removed is refused with 409 naming SVC-8, announcing nothing', async () => {
    const setting = await setCheck({ scope: 'user', scopeId: 'twice', percentage: 5 }, ADMIN);
    const removed = await call('DELETE', `/approval-checks/${setting.id}`, { user: ADMIN });
    expect(removed.status).toBe(200);
    const again = await withoutEvents(() =>
      call('DELETE', `/approval-checks/${setting.id}`, { user: ADMIN }),
    );
    expectProblem(again, 409, 'SVC-8');
    await app.expectEvents('user:twice:*', ['approval-check.changed', 'approval-check.changed']);
  });
});

describe('the effective approval check across levels (SVC-8)', () => {
  it('SVC-8: the most specific setting applies — provider service > provider > user > organisation unit > product', async () => {
    const productId = await product(40);
    const providerId = await approvedProvider('Lakeside Family Services');
    const serviceId = await providerService(providerId, productId);
    const user = `cw-${randomUUID().slice(0, 8)}`;
    const unit = `ou-${randomUUID().slice(0, 8)}`;
    const query = {
      serviceProductId: productId,
      providerId,
      providerServiceId: serviceId,
      userId: user,
      organisationUnitId: unit,
    };
    const effective = async () => {
      const reply = await call<Effective>('GET', effectivePath(query), { user: CASE_WORKER });
      expect(reply.status).toBe(200);
      return reply.body;
    };

    const none = await effective();
    expect(none.percentage).toBe(40);
    expect(none.source).toEqual({
      scope: 'service-product',
      id: productId,
      serviceProductId: productId,
      settingId: null,
    });
    expect(none.considered.map((level) => level.scope)).toEqual([
      'provider-service',
      'provider',
      'provider',
      'user',
      'user',
      'organisation-unit',
      'organisation-unit',
      'service-product',
    ]);

    // From the least specific level to the most specific: each new setting takes over.
    const steps: [Json, string, number][] = [
      [{ scope: 'organisation-unit', scopeId: unit }, ADMIN, 5],
      [{ scope: 'organisation-unit', scopeId: unit, serviceProductId: productId }, ADMIN, 6],
      [{ scope: 'user', scopeId: user }, ADMIN, 7],
      [{ scope: 'user', scopeId: user, serviceProductId: productId }, ADMIN, 8],
      [{ scope: 'provider', scopeId: providerId }, RM, 9],
      [{ scope: 'provider', scopeId: providerId, serviceProductId: productId }, RM, 10],
      [{ scope: 'provider-service', scopeId: serviceId }, SUPERVISOR, 11],
    ];
    const settings: Setting[] = [];
    for (const [body, setter, percentage] of steps) {
      const setting = await setCheck({ ...body, percentage }, setter);
      settings.push(setting);
      const now = await effective();
      expect(now.percentage).toBe(percentage);
      expect(now.source).toMatchObject({ scope: body['scope'], settingId: setting.id });
    }
    // The provider service's setting is stored for its own product.
    expect(settings[6]!.serviceProductId).toBe(productId);

    const all = await effective();
    expect(all.considered.map((level) => level.percentage)).toEqual([11, 10, 9, 8, 7, 6, 5, 40]);

    // Removing the winning setting lets the next level apply again.
    const removed = await call('DELETE', `/approval-checks/${settings[6]!.id}`, {
      user: SUPERVISOR,
    });
    expect(removed.status).toBe(200);
    expect((await effective()).percentage).toBe(10);

    // A provider service alone implies its product and provider.
    const byService = await call<Effective>(
      'GET',
      effectivePath({ providerServiceId: serviceId }),
      { user: OPERATOR },
    );
    expect(byService.status).toBe(200);
    expect(byService.body).toMatchObject({
      serviceProductId: productId,
      percentage: 10,
      source: { scope: 'provider', id: providerId, serviceProductId: productId },
    });

    // Another provider of the same product is not affected by this provider's settings.
    const otherProvider = await approvedProvider('Hillside Services');
    const other = await call<Effective>(
      'GET',
      effectivePath({ serviceProductId: productId, providerId: otherProvider, userId: user }),
      { user: CASE_WORKER },
    );
    expect(other.body).toMatchObject({ percentage: 8, source: { scope: 'user', id: user } });
  });

  it('SVC-8: a provider service and a product or provider that do not belong together are refused with 422', async () => {
    const productId = await product();
    const otherProduct = await product();
    const providerId = await approvedProvider('Meadow Care');
    const otherProvider = await approvedProvider('Brook Care');
    const serviceId = await providerService(providerId, productId);
    const wrongProduct = await call(
      'GET',
      effectivePath({ providerServiceId: serviceId, serviceProductId: otherProduct }),
    );
    expectProblem(wrongProduct, 422, 'SVC-8', 'serviceProductId');
    const wrongProvider = await call(
      'GET',
      effectivePath({ providerServiceId: serviceId, providerId: otherProvider }),
    );
    expectProblem(wrongProvider, 422, 'SVC-8', 'providerId');
  });

  it('SVC-8: an unknown product, provider or provider service is answered 404', async () => {
    const productId = await product();
    const queries: Record<string, string>[] = [
      { serviceProductId: UNKNOWN_ID },
      { serviceProductId: productId, providerId: UNKNOWN_ID },
      { providerServiceId: UNKNOWN_ID },
    ];
    for (const query of queries) {
      const reply = await call('GET', effectivePath(query));
      expectProblem(reply, 404);
    }
  });
});

describe('who may set approval checks at which level (ROLE, SVC-8)', () => {
  it('ROLE: an administrator cannot set provider or provider-service checks — 403 naming ROLE, nothing announced', async () => {
    const productId = await product();
    const providerId = await approvedProvider('Orchard Home Care');
    const serviceId = await providerService(providerId, productId);
    for (const body of [
      { scope: 'provider', scopeId: providerId, percentage: 50 },
      { scope: 'provider-service', scopeId: serviceId, percentage: 50 },
    ]) {
      const refused = await withoutEvents(() =>
        call('PUT', '/approval-checks', { user: ADMIN, body }),
      );
      expectProblem(refused, 403, 'ROLE');
      expect((refused.body as Problem).detail).toMatch(/resource-manager/);
    }
  });

  it('ROLE: resource managers and supervisors cannot set organisation-unit or user checks — 403 naming ROLE', async () => {
    for (const [user, body] of [
      [RM, { scope: 'organisation-unit', scopeId: 'ou-east', percentage: 50 }],
      [SUPERVISOR, { scope: 'user', scopeId: 'jsmith', percentage: 50 }],
    ] as const) {
      const refused = await withoutEvents(() => call('PUT', '/approval-checks', { user, body }));
      expectProblem(refused, 403, 'ROLE');
      expect((refused.body as Problem).detail).toMatch(/administrator/);
    }
  });

  it("ROLE: removing a setting needs the role that sets its level — a resource manager cannot remove an administrator's", async () => {
    const setting = await setCheck(
      { scope: 'organisation-unit', scopeId: 'ou-north', percentage: 12 },
      ADMIN,
    );
    const refused = await withoutEvents(() => call('DELETE', `/approval-checks/${setting.id}`));
    expectProblem(refused, 403, 'ROLE');
    const unchanged = await call<Setting>('GET', `/approval-checks/${setting.id}`);
    expect(unchanged.body).toMatchObject({ percentage: 12, revision: 1 });
  });

  it('ROLE: case workers and operators read but do not set; a provider token neither', async () => {
    const body = { scope: 'user', scopeId: 'jdoe', percentage: 1 };
    for (const user of [CASE_WORKER, OPERATOR, PROVIDER_USER]) {
      expectProblem(await call('PUT', '/approval-checks', { user, body }), 403);
    }
    expect((await call('GET', '/approval-checks', { user: OPERATOR })).status).toBe(200);
    expectProblem(await call('GET', '/approval-checks', { user: PROVIDER_USER }), 403);
  });
});

describe('bad input (SVC-8)', () => {
  it('SVC-8: an unknown provider, provider service or product in the body is refused with 422 naming the field, nothing announced', async () => {
    const productId = await product();
    const providerId = await approvedProvider('Willow Care');
    const serviceId = await providerService(providerId, productId);
    const otherProduct = await product();
    const cases: [string, Json, string][] = [
      [RM, { scope: 'provider', scopeId: UNKNOWN_ID, percentage: 5 }, 'scopeId'],
      [RM, { scope: 'provider-service', scopeId: UNKNOWN_ID, percentage: 5 }, 'scopeId'],
      [
        ADMIN,
        { scope: 'user', scopeId: 'jdoe', serviceProductId: UNKNOWN_ID, percentage: 5 },
        'serviceProductId',
      ],
      [
        RM,
        {
          scope: 'provider-service',
          scopeId: serviceId,
          serviceProductId: otherProduct,
          percentage: 5,
        },
        'serviceProductId',
      ],
    ];
    for (const [user, body, field] of cases) {
      const refused = await withoutEvents(() => call('PUT', '/approval-checks', { user, body }));
      expectProblem(refused, 422, 'SVC-8', field);
    }
  });

  it('SVC-8: a malformed body is answered 400 naming each field', async () => {
    const cases: [Json, string[]][] = [
      [{ scope: 'provider', scopeId: randomUUID(), percentage: 101 }, ['percentage']],
      [{ scope: 'user', scopeId: 'jdoe', percentage: -1 }, ['percentage']],
      [{ scope: 'user', scopeId: 'jdoe', percentage: 12.5 }, ['percentage']],
      [{ scope: 'provider', scopeId: 'sunrise', percentage: 10 }, ['scopeId']],
      [{ scope: 'region', scopeId: 'x', percentage: 10 }, ['scope']],
      [
        { scope: 'user', percentage: 10, serviceProductId: 'counselling' },
        ['scopeId', 'serviceProductId'],
      ],
    ];
    for (const [body, fields] of cases) {
      const reply = await withoutEvents(() =>
        call('PUT', '/approval-checks', { user: ADMIN, body }),
      );
      expectProblem(reply, 400);
      expect((reply.body as Problem).errors?.map((error) => error.field).sort()).toEqual(fields);
    }
  });

  it('SVC-8: a bad query or id is answered 400, an unknown setting 404', async () => {
    expectProblem(
      await call('GET', effectivePath({ userId: 'jdoe' })),
      400,
      undefined,
      'serviceProductId',
    );
    expectProblem(await call('GET', '/approval-checks?scope=team'), 400, undefined, 'scope');
    expectProblem(await call('GET', '/approval-checks/not-a-uuid/history'), 400, undefined, 'id');
    expectProblem(await call('GET', `/approval-checks/${UNKNOWN_ID}/history`), 404);
    expectProblem(await call('GET', `/approval-checks/${UNKNOWN_ID}`), 404);
    expectProblem(await withoutEvents(() => call('DELETE', `/approval-checks/${UNKNOWN_ID}`)), 404);
  });
});
