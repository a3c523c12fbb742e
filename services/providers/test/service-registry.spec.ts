import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { expectProblem, withoutEvents } from './support/expectations.js';
import { postCreated } from './support/fixtures.js';
import { startProvidersApp, type HttpMethod, type ProvidersApp } from './support/providers-app.js';
import type { Json } from './support/types.js';
import { ADMIN } from './support/users.js';

/** Integration tests of the service registry (DOMAIN.md SVC) over HTTP, real Postgres and Kafka. */

const NON_ADMINS = ['rm.rivera', 'cw.chen', 'ops.omar', 'provider.sunrise'];
const READERS = [
  'admin.ada',
  'rm.rivera',
  'sup.sato',
  'fm.fischer',
  'cw.chen',
  'fin.fatima',
  'ops.omar',
];

/** A registry record as the API answers it. */
type Resource = Json & { id: string };

let app: ProvidersApp;

beforeAll(async () => {
  app = await startProvidersApp();
});

afterAll(async () => {
  await app?.close();
});

const CREATED = 'service-product.created';
const UPDATED = 'service-product.updated';
const RATE_CHANGED = 'service-product-rate.changed';
const OPTIONS_CHANGED = 'service-product.payment-options-changed';

const paymentOptions = { fixed: 'pay-fixed', minimum: 'pay-billed', maximum: 'pay-maximum' };

/** A day-care product paid by roster with weekly utilization rosters. */
function productBody(overrides: Json = {}): Json {
  return {
    name: 'Early childhood day care',
    unitOfMeasure: 'day',
    payBasedOnAttendance: true,
    payBasedOnPlacement: false,
    attendanceTracking: {
      rostersEnabled: true,
      rosterGenerationFrequency: { every: 'week', on: 'monday' },
      dailyAttendance: true,
      reportingMethod: 'utilization',
    },
    delivery: { type: 'service-delivery' },
    paymentOptions,
    ...overrides,
  };
}

/** A product paid by invoice, tracking no attendance. */
const byInvoice = { payBasedOnAttendance: false, attendanceTracking: {} };

const createProduct = (overrides: Json = {}) =>
  postCreated<Resource>(app, '/service-products', productBody(overrides), ADMIN);

const addRate = (productId: string, body: Json) =>
  postCreated<Resource>(app, `/service-products/${productId}/rates`, body, ADMIN);

const create = (path: string, body: Json) => postCreated<Resource>(app, path, body, ADMIN);

const namesOf = (page: Json) => (page['items'] as Json[]).map((item) => item['name']);

describe('service products (SVC-1, SVC-3 … SVC-10)', () => {
  it('SVC-1: an administrator registers a product in a group; service-product.created is published once', async () => {
    const group = await create('/service-groups', { name: 'Child care' });
    const product = await createProduct({
      serviceGroupIds: [group.id],
      preventAuthorizationFromPlacement: true,
      approvalCriteria: ['licence', 'background-check'],
      approvalCheckPercentage: 40,
      mandatoryCourseCodes: ['FIRST-AID'],
    });
    expect(product).toMatchObject({
      name: 'Early childhood day care',
      unitOfMeasure: 'day',
      serviceGroupIds: [group.id],
      payBasedOnAttendance: true,
      paymentChannels: ['roster'],
      preventAuthorizationFromPlacement: true,
      attendanceTracking: { rostersEnabled: true, hoursReportingEnabled: false },
      delivery: { type: 'service-delivery', clients: 'single', providerSelection: 'required' },
      approvalCheckPercentage: 40,
      createdBy: ADMIN,
      updatedBy: ADMIN,
    });
    expect(
      (await app.request('GET', `/service-products/${product.id}`, { user: 'cw.chen' })).body,
    ).toEqual(product);

    const [created] = await app.expectEvents(product.id, [CREATED]);
    const {
      id,
      createdBy: _c,
      createdAt: _ca,
      updatedBy: _u,
      updatedAt: _ua,
      ...configuration
    } = product;
    expect(created).toMatchObject({
      version: 1,
      aggregateType: 'service-product',
      aggregateId: id,
      actor: { userId: ADMIN, roles: ['administrator'] },
    });
    expect(created!.data).toEqual({ productId: id, ...configuration });
  });

  it('SVC-1: products are found by name substring in any case, by unit of measure and by group, a page at a time', async () => {
    const group = await create('/service-groups', { name: 'Foster care' });
    const placement = {
      unitOfMeasure: 'place',
      payBasedOnAttendance: false,
      payBasedOnPlacement: true,
      attendanceTracking: {},
      serviceGroupIds: [group.id],
    };
    const traditional = await createProduct({ name: 'Traditional Foster Care', ...placement });
    await createProduct({ name: 'Special-needs foster care', ...placement });
    await createProduct({ name: 'Foster family therapy', unitOfMeasure: 'session', ...byInvoice });
    expect(traditional['paymentChannels']).toEqual(['placement']);

    const search = async (query: string) =>
      (await app.request('GET', `/service-products?${query}`, { user: 'rm.rivera' })).body;
    expect(namesOf(await search('name=FOSTER%20CARE'))).toEqual([
      'Special-needs foster care',
      'Traditional Foster Care',
    ]);
    expect(namesOf(await search('name=foster&unitOfMeasure=session'))).toEqual([
      'Foster family therapy',
    ]);
    expect(namesOf(await search(`serviceGroupId=${group.id}`))).toEqual([
      'Special-needs foster care',
      'Traditional Foster Care',
    ]);
    expect(await search('name=foster&limit=1&offset=1')).toMatchObject({
      total: 3,
      limit: 1,
      offset: 1,
      items: [{ name: 'Special-needs foster care' }],
    });
    expect(namesOf(await search('name=100%25'))).toEqual([]);
  });

  it('SVC-6: a configuration that breaks attendance rules is refused with 400 naming each field and rule; nothing is stored or announced', async () => {
    const reply = await withoutEvents(app, () =>
      app.request('POST', '/service-products', {
        user: ADMIN,
        body: productBody({
          name: 'Broken roster product',
          attendanceTracking: {
            rostersEnabled: true,
            rosterGenerationFrequency: { every: 'month', day: 1 },
            reportingMethod: 'attendance',
          },
        }),
      }),
    );
    expectProblem(reply, 400);
    expect(reply.body['errors']).toEqual([
      {
        field: 'attendanceTracking.dailyAttendance',
        message: 'SVC-6: attendance reporting needs daily attendance',
      },
      {
        field: 'attendanceTracking.reportingMethod',
        message: expect.stringMatching(/^SVC-6: attendance reporting cannot pay by roster/),
      },
    ]);
    expect(
      (await app.request('GET', '/service-products?name=broken', { user: ADMIN })).body,
    ).toMatchObject({ total: 0 });
  });

  it('SVC-4: a product cannot be paid both by attendance and by placement (400 naming SVC-4)', async () => {
    const reply = await withoutEvents(app, () =>
      app.request('POST', '/service-products', {
        user: ADMIN,
        body: productBody({ name: 'Both ways', payBasedOnPlacement: true }),
      }),
    );
    expect(reply).toMatchObject({
      status: 400,
      body: {
        errors: [{ field: 'payBasedOnPlacement', message: expect.stringMatching(/^SVC-4: /) }],
      },
    });
  });

  it('SVC-4: the pay-by flags cannot change after creation (409 naming SVC-4); nothing changes and nothing is announced', async () => {
    const product = await createProduct({ name: 'Respite care' });
    const path = `/service-products/${product.id}`;
    for (const change of [
      { payBasedOnAttendance: false, approvalCheckPercentage: 10 },
      { payBasedOnPlacement: true },
    ]) {
      const reply = await withoutEvents(app, () =>
        app.request('PATCH', path, { user: ADMIN, body: change }),
      );
      expect(reply).toMatchObject({
        status: 409,
        contentType: expect.stringContaining('application/problem+json'),
        body: { rule: 'SVC-4', detail: expect.stringContaining(Object.keys(change)[0]!) },
      });
    }
    expect((await app.request('GET', path, { user: ADMIN })).body).toEqual(product);

    const repeated = await app.request('PATCH', path, {
      user: ADMIN,
      body: { payBasedOnAttendance: true, payBasedOnPlacement: false, approvalCheckPercentage: 10 },
    });
    expect(repeated).toMatchObject({ status: 200, body: { approvalCheckPercentage: 10 } });
    const [, updated] = await app.expectEvents(product.id, [CREATED, UPDATED]);
    expect(updated!.data['changedFields']).toEqual(['approvalCheckPercentage']);
  });

  it('SVC-5 … SVC-10: a change merges attendance and delivery settings and announces exactly the fields that changed', async () => {
    const product = await createProduct({ name: 'Home visiting', ...byInvoice });
    const change = {
      name: 'Home visiting',
      preventAuthorizationFromPlacement: true,
      attendanceTracking: {
        rostersEnabled: true,
        rosterGenerationFrequency: { every: 'month', day: 1 },
        reportingMethod: 'attendance',
        dailyAttendance: true,
        hoursReportingEnabled: true,
        attendanceRequiredBeforeInvoicePayment: true,
      },
      delivery: {
        clients: 'multiple',
        multipleDeliveries: true,
        frequency: { every: 'week', on: ['saturday', 'sunday'] },
      },
      approvalCriteria: ['home-study'],
      approvalCheckPercentage: 100,
      mandatoryCourseCodes: ['CPR', 'FIRST-AID'],
    };
    const path = `/service-products/${product.id}`;
    const reply = await app.request('PATCH', path, { user: ADMIN, body: change });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      ...change,
      attendanceTracking: { ...change.attendanceTracking, attendancePaymentFrequency: null },
      delivery: { ...change.delivery, type: 'service-delivery', unitsRequired: true },
      createdAt: product['createdAt'],
      updatedBy: ADMIN,
    });

    const [, updated] = await app.expectEvents(product.id, [CREATED, UPDATED]);
    expect(updated!.data['changedFields']).toEqual([
      'preventAuthorizationFromPlacement',
      'attendanceTracking',
      'approvalCriteria',
      'approvalCheckPercentage',
      'delivery',
      'mandatoryCourseCodes',
    ]);

    const again = await withoutEvents(app, () =>
      app.request('PATCH', path, { user: ADMIN, body: change }),
    );
    expect(again).toMatchObject({ status: 200, body: { updatedAt: reply.body['updatedAt'] } });
  });

  it('SVC-6: a change is judged with the stored pay-by flags: a roster-paid product cannot switch to attendance reporting', async () => {
    const product = await createProduct({ name: 'After-school club' });
    const path = `/service-products/${product.id}`;
    const reply = await withoutEvents(app, () =>
      app.request('PATCH', path, {
        user: ADMIN,
        body: { attendanceTracking: { reportingMethod: 'attendance' }, approvalCheckPercentage: 5 },
      }),
    );
    expect(reply).toMatchObject({
      status: 400,
      body: {
        errors: [
          {
            field: 'attendanceTracking.reportingMethod',
            message: expect.stringMatching(/^SVC-6: attendance reporting cannot pay by roster/),
          },
        ],
      },
    });
    expect((await app.request('GET', path, { user: ADMIN })).body).toEqual(product);
  });

  it('SVC-9: one delivery per client needs a service for multiple clients (400 naming SVC-9)', async () => {
    const reply = await withoutEvents(app, () =>
      app.request('POST', '/service-products', {
        user: ADMIN,
        body: productBody({ delivery: { type: 'service-delivery', multipleDeliveries: true } }),
      }),
    );
    expect(reply).toMatchObject({
      status: 400,
      body: {
        errors: [
          { field: 'delivery.multipleDeliveries', message: expect.stringMatching(/^SVC-9: /) },
        ],
      },
    });
  });

  it('SVC-3: payment options are replaced and announced with the previous ones; repeating them announces nothing', async () => {
    const product = await createProduct({
      name: 'Speech therapy',
      unitOfMeasure: 'session',
      ...byInvoice,
    });
    const path = `/service-products/${product.id}/payment-options`;
    const options = { fixed: 'pay-billed', minimum: 'pay-nothing', maximum: 'pay-nothing' };

    const reply = await app.request('PUT', path, { user: ADMIN, body: options });
    expect(reply).toMatchObject({ status: 200, body: { id: product.id, paymentOptions: options } });
    expect(
      await withoutEvents(app, () => app.request('PUT', path, { user: ADMIN, body: options })),
    ).toMatchObject({
      status: 200,
    });
    const invalid = await withoutEvents(app, () =>
      app.request('PUT', path, { user: ADMIN, body: { ...options, maximum: 'pay-billed' } }),
    );
    expect(invalid).toMatchObject({ status: 400, body: { errors: [{ field: 'maximum' }] } });

    const [, changed] = await app.expectEvents(product.id, [CREATED, OPTIONS_CHANGED]);
    expect(changed!.data).toEqual({
      productId: product.id,
      paymentOptions: options,
      previousPaymentOptions: paymentOptions,
    });
  });

  it('SVC-1: a service group that does not exist is a 400 naming the list entry', async () => {
    const group = await create('/service-groups', { name: 'Therapies' });
    const reply = await withoutEvents(app, () =>
      app.request('POST', '/service-products', {
        user: ADMIN,
        body: productBody({ name: 'Orphan', serviceGroupIds: [group.id, randomUUID()] }),
      }),
    );
    expect(reply).toMatchObject({
      status: 400,
      body: {
        errors: [
          { field: 'serviceGroupIds.1', message: expect.stringContaining('no service group') },
        ],
      },
    });
  });
});

describe('rates (SVC-2)', () => {
  const ratesOf = (product: Resource) => `/service-products/${product.id}/rates`;

  it('SVC-2: fixed and range rates are kept to the cent, shown as decimal strings, and each is announced once', async () => {
    const product = await createProduct({ name: 'Rated day care' });
    const fixed = await addRate(product.id, {
      kind: 'fixed',
      amount: '100',
      effectiveFrom: '2026-01-01',
      effectiveTo: '2026-06-30',
    });
    const range = await addRate(product.id, {
      kind: 'range',
      minimum: '80.5',
      effectiveFrom: '2026-07-01',
    });
    expect(fixed).toMatchObject({
      productId: product.id,
      kind: 'fixed',
      amount: '100.00',
      effectiveFrom: '2026-01-01',
      effectiveTo: '2026-06-30',
      createdBy: ADMIN,
    });
    expect(range).toMatchObject({
      kind: 'range',
      minimum: '80.50',
      maximum: null,
      effectiveTo: null,
    });

    const rows = await app.query(
      'select fixed_cents, minimum_cents from service_product_rate where service_product_id = $1 order by effective_from',
      [product.id],
    );
    expect(rows).toEqual([
      { fixed_cents: '10000', minimum_cents: null },
      { fixed_cents: null, minimum_cents: '8050' },
    ]);

    const listed = (await app.request('GET', ratesOf(product), { user: 'fin.fatima' })).body;
    expect(listed).toMatchObject({ total: 2, items: [fixed, range] });

    const [, added] = await app.expectEvents(product.id, [CREATED, RATE_CHANGED, RATE_CHANGED]);
    expect(added!.data).toEqual({
      productId: product.id,
      change: 'added',
      rate: {
        rateId: fixed.id,
        kind: 'fixed',
        amount: '100.00',
        effectiveFrom: '2026-01-01',
        effectiveTo: '2026-06-30',
      },
    });
  });

  it('SVC-2: a rate overlapping another of the product is refused with 409 naming SVC-2; nothing is stored or announced', async () => {
    const product = await createProduct({ name: 'Overlapping rates' });
    const first = await addRate(product.id, {
      kind: 'fixed',
      amount: '100.00',
      effectiveFrom: '2026-01-01',
      effectiveTo: '2026-06-30',
    });
    for (const period of [
      { effectiveFrom: '2026-06-30' },
      { effectiveFrom: '2025-12-01', effectiveTo: '2026-01-01' },
      { effectiveFrom: '2025-01-01' },
    ]) {
      const reply = await withoutEvents(app, () =>
        app.request('POST', ratesOf(product), {
          user: ADMIN,
          body: { kind: 'range', maximum: '120.00', ...period },
        }),
      );
      expect(reply).toMatchObject({
        status: 409,
        contentType: expect.stringContaining('application/problem+json'),
        body: { rule: 'SVC-2', detail: expect.stringContaining(first.id) },
      });
    }
    expect((await app.request('GET', ratesOf(product), { user: ADMIN })).body).toMatchObject({
      total: 1,
    });

    await addRate(product.id, { kind: 'fixed', amount: '105.00', effectiveFrom: '2026-07-01' });
    await app.expectEvents(product.id, [CREATED, RATE_CHANGED, RATE_CHANGED]);
  });

  it('SVC-2: of several overlapping rates added at the same moment exactly one is stored', async () => {
    const product = await createProduct({ name: 'Contended rates' });
    const replies = await Promise.all(
      [100, 101, 102, 103, 104].map((amount) =>
        app.request('POST', ratesOf(product), {
          user: ADMIN,
          body: { kind: 'fixed', amount: `${amount}.00`, effectiveFrom: '2026-01-01' },
        }),
      ),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect((await app.request('GET', ratesOf(product), { user: ADMIN })).body).toMatchObject({
      total: 1,
    });
    await app.expectEvents(product.id, [CREATED, RATE_CHANGED]);
  });

  it('SVC-2: the rate in effect on a date, period ends included; none before the first rate', async () => {
    const product = await createProduct({ name: 'Dated rates' });
    const first = await addRate(product.id, {
      kind: 'fixed',
      amount: '100.00',
      effectiveFrom: '2026-01-01',
      effectiveTo: '2026-06-30',
    });
    const second = await addRate(product.id, {
      kind: 'range',
      maximum: '120.00',
      effectiveFrom: '2026-07-01',
    });
    const onDate = async (date: string) =>
      (await app.request('GET', `${ratesOf(product)}/in-effect?date=${date}`, { user: 'cw.chen' }))
        .body;

    expect(await onDate('2026-06-30')).toEqual({ date: '2026-06-30', rate: first });
    expect(await onDate('2026-07-01')).toEqual({ date: '2026-07-01', rate: second });
    expect(await onDate('2040-02-29')).toEqual({ date: '2040-02-29', rate: second });
    expect(await onDate('2025-12-31')).toEqual({ date: '2025-12-31', rate: null });
    expect(
      await app.request('GET', `${ratesOf(product)}/in-effect?date=2026-02-30`, {
        user: 'cw.chen',
      }),
    ).toMatchObject({ status: 400, body: { errors: [{ field: 'date', message: 'no such day' }] } });
  });

  it('SVC-2: ending a rate announces the new and the previous end; an end overlapping the next rate is refused', async () => {
    const product = await createProduct({ name: 'Ending rates' });
    const first = await addRate(product.id, {
      kind: 'fixed',
      amount: '100.00',
      effectiveFrom: '2026-01-01',
    });
    const endFirst = (effectiveTo: string) =>
      app.request('POST', `${ratesOf(product)}/${first.id}/end`, {
        user: ADMIN,
        body: { effectiveTo },
      });

    const ended = await endFirst('2026-06-30');
    expect(ended).toMatchObject({ status: 200, body: { id: first.id, effectiveTo: '2026-06-30' } });
    await addRate(product.id, { kind: 'fixed', amount: '110.00', effectiveFrom: '2026-07-01' });

    expect(await withoutEvents(app, () => endFirst('2026-07-15'))).toMatchObject({
      status: 409,
      body: { rule: 'SVC-2' },
    });
    expect(await withoutEvents(app, () => endFirst('2025-12-31'))).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'effectiveTo', message: expect.stringMatching(/^SVC-2: /) }] },
    });
    expect(await withoutEvents(app, () => endFirst('2026-06-30'))).toMatchObject({ status: 200 });

    const [, , endedEvent] = await app.expectEvents(product.id, [
      CREATED,
      RATE_CHANGED,
      RATE_CHANGED,
      RATE_CHANGED,
    ]);
    expect(endedEvent!.data).toMatchObject({
      change: 'ended',
      rate: { rateId: first.id, effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' },
      previousEffectiveTo: null,
    });
  });

  it('SVC-2: removing a rate announces it and frees its period', async () => {
    const product = await createProduct({ name: 'Removed rates' });
    const rate = await addRate(product.id, {
      kind: 'range',
      minimum: '10.00',
      maximum: '20.00',
      effectiveFrom: '2026-01-01',
    });
    const removed = await app.request('DELETE', `${ratesOf(product)}/${rate.id}`, { user: ADMIN });
    expect(removed.status).toBe(204);
    expect((await app.request('GET', ratesOf(product), { user: ADMIN })).body).toMatchObject({
      total: 0,
    });
    await addRate(product.id, { kind: 'fixed', amount: '15.00', effectiveFrom: '2026-01-01' });

    const [, , removedEvent] = await app.expectEvents(product.id, [
      CREATED,
      RATE_CHANGED,
      RATE_CHANGED,
      RATE_CHANGED,
    ]);
    expect(removedEvent!.data).toEqual({
      productId: product.id,
      change: 'removed',
      rate: {
        rateId: rate.id,
        kind: 'range',
        minimum: '10.00',
        maximum: '20.00',
        effectiveFrom: '2026-01-01',
        effectiveTo: null,
      },
    });
  });

  it('a rate is found only under its own product (404 otherwise)', async () => {
    const product = await createProduct({ name: 'Own rates' });
    const other = await createProduct({ name: 'Other rates' });
    const rate = await addRate(product.id, {
      kind: 'fixed',
      amount: '1.00',
      effectiveFrom: '2026-01-01',
    });
    const reply = await withoutEvents(app, () =>
      app.request('DELETE', `${ratesOf(other)}/${rate.id}`, { user: ADMIN }),
    );
    expect(reply).toMatchObject({ status: 404, body: { title: 'Rate not found' } });
  });
});

describe('service groups and absence reasons (SVC-1, SVC-11)', () => {
  it('SVC-11: absence reasons are configured payable and/or deductible and filtered by either', async () => {
    await create('/absence-reasons', {
      name: 'Family bereavement',
      payable: true,
      deductible: false,
    });
    await create('/absence-reasons', {
      name: 'Pre-arranged absence',
      payable: false,
      deductible: true,
    });
    const noShow = await create('/absence-reasons', {
      name: 'No show',
      payable: false,
      deductible: false,
    });
    expect(noShow).toMatchObject({ payable: false, deductible: false, createdBy: ADMIN });

    const list = async (query: string) =>
      namesOf((await app.request('GET', `/absence-reasons?${query}`, { user: 'rm.rivera' })).body);
    expect(await list('payable=true')).toEqual(['Family bereavement']);
    expect(await list('deductible=true')).toEqual(['Pre-arranged absence']);
    expect(await list('payable=false&deductible=false')).toEqual(['No show']);

    const changed = await app.request('PATCH', `/absence-reasons/${noShow.id}`, {
      user: ADMIN,
      body: { deductible: true },
    });
    expect(changed).toMatchObject({ status: 200, body: { name: 'No show', deductible: true } });
    expect(await list('deductible=true')).toEqual(['No show', 'Pre-arranged absence']);
  });

  it('names of absence reasons and service groups are unique whatever their case (409 naming the field)', async () => {
    await create('/absence-reasons', { name: 'Illness', payable: true, deductible: false });
    expect(
      await app.request('POST', '/absence-reasons', {
        user: ADMIN,
        body: { name: 'ILLNESS', payable: false, deductible: false },
      }),
    ).toMatchObject({ status: 409, body: { errors: [{ field: 'name' }] } });

    await create('/service-groups', { name: 'Counselling' });
    const other = await create('/service-groups', { name: 'Mentoring' });
    expect(
      await app.request('PATCH', `/service-groups/${other.id}`, {
        user: ADMIN,
        body: { name: 'counselling' },
      }),
    ).toMatchObject({ status: 409, body: { detail: expect.stringContaining('counselling') } });
  });

  it('SVC-1: service groups are searched by name, described and renamed', async () => {
    const group = await create('/service-groups', { name: 'Youth services' });
    expect(group).toMatchObject({ description: null, createdBy: ADMIN });
    const renamed = await app.request('PATCH', `/service-groups/${group.id}`, {
      user: ADMIN,
      body: { name: 'Youth programmes', description: 'Mentoring and after-school programmes' },
    });
    expect(renamed).toMatchObject({
      status: 200,
      body: { name: 'Youth programmes', updatedBy: ADMIN },
    });
    const found = (await app.request('GET', '/service-groups?name=YOUTH', { user: 'ops.omar' }))
      .body;
    expect(namesOf(found)).toEqual(['Youth programmes']);
  });
});

describe('who may do what (ROLE) and bad input (ARCHITECTURE rule 9)', () => {
  let product: Resource;
  let rate: Resource;
  let group: Resource;
  let reason: Resource;

  beforeAll(async () => {
    group = await create('/service-groups', { name: 'Access checks' });
    product = await createProduct({ name: 'Access-checked product', serviceGroupIds: [group.id] });
    rate = await addRate(product.id, {
      kind: 'fixed',
      amount: '50.00',
      effectiveFrom: '2026-01-01',
    });
    reason = await create('/absence-reasons', {
      name: 'Access checks',
      payable: true,
      deductible: true,
    });
  });

  const writes = (): [HttpMethod, string, Json | undefined][] => [
    ['POST', '/service-products', productBody({ name: 'Not by you' })],
    ['PATCH', `/service-products/${product.id}`, { approvalCheckPercentage: 5 }],
    [
      'PUT',
      `/service-products/${product.id}/payment-options`,
      { ...paymentOptions, maximum: 'pay-nothing' },
    ],
    [
      'POST',
      `/service-products/${product.id}/rates`,
      { kind: 'fixed', amount: '1.00', effectiveFrom: '2030-01-01' },
    ],
    ['POST', `/service-products/${product.id}/rates/${rate.id}/end`, { effectiveTo: '2026-12-31' }],
    ['DELETE', `/service-products/${product.id}/rates/${rate.id}`, undefined],
    ['POST', '/service-groups', { name: 'Not by you' }],
    ['PATCH', `/service-groups/${group.id}`, { name: 'Not by you' }],
    ['POST', '/absence-reasons', { name: 'Not by you', payable: true, deductible: false }],
    ['PATCH', `/absence-reasons/${reason.id}`, { payable: false }],
  ];

  const reads = () => [
    '/service-products',
    `/service-products/${product.id}`,
    `/service-products/${product.id}/rates`,
    `/service-products/${product.id}/rates/in-effect?date=2026-01-01`,
    '/service-groups',
    `/service-groups/${group.id}`,
    '/absence-reasons',
    `/absence-reasons/${reason.id}`,
  ];

  it('ROLE: only administrators change the registry; everyone else gets 403 problem+json and nothing changes', async () => {
    for (const user of NON_ADMINS) {
      for (const [method, path, body] of writes()) {
        const reply = await withoutEvents(app, () => app.request(method, path, { user, body }));
        expect({ user, method, path, status: reply.status }).toEqual({
          user,
          method,
          path,
          status: 403,
        });
        expect(reply.contentType).toContain('application/problem+json');
        expect(reply.body['detail']).toContain('administrator');
      }
    }
    for (const [method, path, body] of writes()) {
      expect((await app.request(method, path, { body })).status).toBe(401);
    }
    expect(
      (await app.request('GET', `/service-products/${product.id}`, { user: ADMIN })).body,
    ).toEqual(product);
    expect(
      (await app.request('GET', `/service-products/${product.id}/rates`, { user: ADMIN })).body,
    ).toMatchObject({
      items: [rate],
    });
    expect((await app.request('GET', `/service-groups/${group.id}`, { user: ADMIN })).body).toEqual(
      group,
    );
    expect(
      (await app.request('GET', `/absence-reasons/${reason.id}`, { user: ADMIN })).body,
    ).toEqual(reason);
  });

  it('ROLE: agency staff and operators read the registry; provider self-service users do not', async () => {
    for (const path of reads()) {
      for (const user of READERS) {
        expect({ user, path, status: (await app.request('GET', path, { user })).status }).toEqual({
          user,
          path,
          status: 200,
        });
      }
      expect((await app.request('GET', path, { user: 'provider.sunrise' })).status).toBe(403);
    }
  });

  it('unknown ids are 404 naming what was not found; malformed ids are 400', async () => {
    const unknown = randomUUID();
    const notFound: [HttpMethod, string, Json | undefined, string][] = [
      ['GET', `/service-products/${unknown}`, undefined, 'Service product'],
      ['PATCH', `/service-products/${unknown}`, { approvalCheckPercentage: 1 }, 'Service product'],
      ['PUT', `/service-products/${unknown}/payment-options`, paymentOptions, 'Service product'],
      ['GET', `/service-products/${unknown}/rates`, undefined, 'Service product'],
      [
        'GET',
        `/service-products/${unknown}/rates/in-effect?date=2026-01-01`,
        undefined,
        'Service product',
      ],
      [
        'POST',
        `/service-products/${unknown}/rates`,
        { kind: 'fixed', amount: '1', effectiveFrom: '2026-01-01' },
        'Service product',
      ],
      [
        'POST',
        `/service-products/${product.id}/rates/${unknown}/end`,
        { effectiveTo: '2027-01-01' },
        'Rate',
      ],
      ['DELETE', `/service-products/${product.id}/rates/${unknown}`, undefined, 'Rate'],
      ['GET', `/service-groups/${unknown}`, undefined, 'Service group'],
      ['PATCH', `/service-groups/${unknown}`, { name: 'Nobody' }, 'Service group'],
      ['GET', `/absence-reasons/${unknown}`, undefined, 'Absence reason'],
      ['PATCH', `/absence-reasons/${unknown}`, { payable: true }, 'Absence reason'],
    ];
    for (const [method, path, body, what] of notFound) {
      const reply = await withoutEvents(app, () =>
        app.request(method, path, { user: ADMIN, body }),
      );
      expect({ method, path, status: reply.status, title: reply.body['title'] }).toEqual({
        method,
        path,
        status: 404,
        title: `${what} not found`,
      });
    }
    for (const path of [
      '/service-products/42',
      '/service-groups/x',
      `/service-products/${product.id}/rates/nope/end`,
    ]) {
      const reply = path.endsWith('/end')
        ? await app.request('POST', path, { user: ADMIN, body: { effectiveTo: '2027-01-01' } })
        : await app.request('GET', path, { user: ADMIN });
      expect(reply).toMatchObject({
        status: 400,
        body: { errors: [{ message: 'must be a UUID' }] },
      });
    }
  });

  it('bad bodies are 400 problem+json naming each field, and change nothing', async () => {
    const cases: [HttpMethod, string, unknown, string[]][] = [
      [
        'POST',
        '/service-products',
        {
          name: ' ',
          unitOfMeasure: 'litre',
          payBasedOnAttendance: 'yes',
          payBasedOnPlacement: false,
        },
        ['name', 'unitOfMeasure', 'payBasedOnAttendance', 'delivery', 'paymentOptions'],
      ],
      ['PATCH', `/service-products/${product.id}`, {}, ['(root)']],
      ['PATCH', `/service-products/${product.id}`, { paymentOptions }, ['(root)']],
      [
        'PATCH',
        `/service-products/${product.id}`,
        { approvalCriteria: ['licence', 'licence'] },
        ['approvalCriteria'],
      ],
      [
        'POST',
        `/service-products/${product.id}/rates`,
        { kind: 'fixed', amount: 100.5, effectiveFrom: '2030-01-01' },
        ['amount'],
      ],
      ['POST', `/service-products/${product.id}/rates`, { kind: 'hourly', amount: '1' }, ['kind']],
      ['POST', '/absence-reasons', { name: 'Half' }, ['payable', 'deductible']],
      ['POST', '/service-groups', { name: 'Extra', colour: 'red' }, ['(root)']],
    ];
    for (const [method, path, body, fields] of cases) {
      const reply = await withoutEvents(app, () =>
        app.request(method, path, { user: ADMIN, body }),
      );
      expectProblem(reply, 400);
      const named = (reply.body['errors'] as { field: string }[]).map((error) => error.field);
      expect({ path, named: named.sort() }).toEqual({ path, named: [...fields].sort() });
    }
    expect(
      (await app.request('GET', `/service-products/${product.id}`, { user: ADMIN })).body,
    ).toEqual(product);
  });
});

describe('API documentation', () => {
  it('SVC-2: the OpenAPI document says amounts are decimal strings, never JSON numbers', async () => {
    const reply = await app.request('GET', '/docs-json');
    const paths = reply.body['paths'] as Record<string, Record<string, Json>>;
    const addRate = paths['/service-products/{productId}/rates']?.['post'];
    const schema = JSON.stringify(addRate?.['requestBody']);
    expect(schema).toContain('never a JSON number');
    expect(schema).toContain('"example":{"kind":"fixed","amount":"100.00"');
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/service-products',
        '/service-products/{id}',
        '/service-products/{id}/payment-options',
        '/service-products/{productId}/rates/in-effect',
        '/service-products/{productId}/rates/{rateId}/end',
        '/service-groups/{id}',
        '/absence-reasons/{id}',
      ]),
    );
  });
});
