import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import { expectProblem, withoutEvents } from './support/expectations.js';
import {
  addMember,
  addProviderService,
  changeProviderLifecycle,
  createServiceProduct,
  enrolProvider,
  insertDemoProvider,
} from './support/fixtures.js';
import {
  startProvidersApp,
  type HttpMethod,
  type ProvidersApp,
  type RequestOptions,
} from './support/providers-app.js';
import type { Json, ProviderServiceBody, ServiceWarning } from './support/types.js';
import { ADMIN, RM } from './support/users.js';

/** Integration tests of provider services (PRV-6, PRV-7, SVC-7, SVC-10, PRV-1) over HTTP. */

let app: ProvidersApp;

beforeAll(async () => {
  app = await startProvidersApp();
});

afterAll(async () => {
  await app?.close();
});

/** Requests as the resource manager unless another user is named. */
const call = <T = Json>(method: HttpMethod, path: string, options: RequestOptions = {}) =>
  app.request<T>(method, path, { user: RM, ...options });

/** The payment options createServiceProduct gives every product. */
const productOptions = { fixed: 'pay-fixed', minimum: 'pay-billed', maximum: 'pay-maximum' };

/** A foster parent of the provider since 2020, before every service date of the suite. */
const FOSTER_PARENT = { role: 'foster-parent', from: '2020-01-01' };

/** CRD-4: the member completed the course in 2020; the row is written directly, with no event. */
async function completeCourse(memberId: string, courseCode: string): Promise<void> {
  await app.query(
    `insert into member_training (id, member_id, kind, course_code, course_name, status,
       completed_on, created_by, updated_by)
     values ($1, $2, 'unmanaged', $3, $3, 'completed', '2020-06-01', 'test', 'test')`,
    [randomUUID(), memberId, courseCode],
  );
}

const servicePath = (providerId: string, id: string, rest = '') =>
  `/providers/${providerId}/services/${id}${rest}`;

async function act(providerId: string, id: string, action: string, body?: Json) {
  return call<ProviderServiceBody & { approvalId?: string; rule?: string }>(
    'POST',
    servicePath(providerId, id, `/${action}`),
    body ? { body } : {},
  );
}

describe('adding and listing provider services (PRV-6)', () => {
  it('PRV-6: a service from the registry is added pending approval; provider-service.added is published once', async () => {
    const providerId = await enrolProvider(app, 'Harbour Respite', { approve: true });
    const productId = await createServiceProduct(app);
    const added = await addProviderService(app, providerId, {
      serviceProductId: productId,
      to: '2026-12-31',
      rate: { kind: 'fixed', amount: '95' },
    });
    expect(added).toMatchObject({
      providerId,
      serviceProductId: productId,
      status: 'pending',
      from: '2026-01-01',
      to: '2026-12-31',
      rate: { kind: 'fixed', amount: '95.00' },
      placeLimit: null,
      paymentOptions: null,
      unitOfMeasure: 'day',
      availableActions: ['approve', 'end'],
      warnings: [],
      createdBy: RM,
    });
    const events = await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider.approved',
      'provider-service.added',
    ]);
    expect(events[2]).toMatchObject({
      version: 1,
      aggregateType: 'provider',
      actor: { userId: RM },
      data: {
        providerId,
        providerServiceId: added.id,
        serviceProductId: productId,
        status: 'pending',
        rate: { kind: 'fixed', amount: '95.00' },
        warnings: [],
      },
    });
    const fetched = await call('GET', servicePath(providerId, added.id), { user: 'ops.omar' });
    expect(fetched).toMatchObject({ status: 200, body: { id: added.id, status: 'pending' } });
  });

  it('PRV-6: lists filter by status, product and date active, with pagination', async () => {
    const providerId = await enrolProvider(app, 'Filter Farm', { approve: true });
    const dayCare = await createServiceProduct(app);
    const respite = await createServiceProduct(app);
    const a = await addProviderService(app, providerId, {
      serviceProductId: dayCare,
      to: '2026-06-30',
    });
    const b = await addProviderService(app, providerId, {
      serviceProductId: respite,
      from: '2026-03-01',
    });
    expect((await act(providerId, b.id, 'approve')).status).toBe(200);
    const list = (query: string) =>
      call<{ items: { id: string }[]; total: number }>(
        'GET',
        `/providers/${providerId}/services${query}`,
        { user: 'cw.chen' },
      ).then((reply) => ({
        ids: reply.body.items.map((item) => item.id),
        total: reply.body.total,
      }));

    expect(await list('')).toEqual({ ids: [a.id, b.id], total: 2 });
    expect(await list('?limit=1&offset=1')).toEqual({ ids: [b.id], total: 2 });
    expect(await list('?status=approved')).toEqual({ ids: [b.id], total: 1 });
    expect(await list(`?serviceProductId=${dayCare}`)).toEqual({ ids: [a.id], total: 1 });
    expect(await list('?activeOn=2026-07-01')).toEqual({ ids: [b.id], total: 1 });
    expect(await list('?activeOn=2026-02-01')).toEqual({ ids: [a.id], total: 1 });
    const bad = await call<{ errors: { field: string }[] }>(
      'GET',
      `/providers/${providerId}/services?status=sleeping`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toEqual(['status']);
  });

  it('PRV-6: a provider offers a product at most once at any date (409, no event); after it ends it may be added again', async () => {
    const providerId = await enrolProvider(app, 'Overlap House', { approve: true });
    const productId = await createServiceProduct(app);
    const first = await addProviderService(app, providerId, {
      serviceProductId: productId,
      to: '2026-06-30',
    });
    const clash = await withoutEvents(app, () =>
      call<{ rule: string }>('POST', `/providers/${providerId}/services`, {
        body: { serviceProductId: productId, from: '2026-06-30' },
      }),
    );
    expect(clash).toMatchObject({ status: 409, body: { rule: 'PRV-6' } });
    expect(clash.contentType).toContain('application/problem+json');
    const later = await addProviderService(app, providerId, {
      serviceProductId: productId,
      from: '2026-07-01',
    });
    const moved = await withoutEvents(app, () =>
      call<{ rule: string }>('PATCH', servicePath(providerId, first.id), {
        body: { to: '2026-07-15' },
      }),
    );
    expect(moved).toMatchObject({ status: 409, body: { rule: 'PRV-6' } });

    expect(
      (await act(providerId, later.id, 'end', { reason: 'Entered twice', to: '2026-07-01' })).body,
    ).toMatchObject({ status: 'ended', statusReason: 'Entered twice', to: '2026-07-01' });
    const again = await addProviderService(app, providerId, {
      serviceProductId: productId,
      from: '2026-07-01',
    });
    expect(again.status).toBe('pending');
  });

  it('PRV-6: bad input names the field; an unknown product, provider or service is answered clearly', async () => {
    const providerId = await enrolProvider(app, 'Careful Care', { approve: true });
    const productId = await createServiceProduct(app);
    const attempts: [unknown, string, string?][] = [
      [{ serviceProductId: 'nope', from: '2026-01-01' }, 'serviceProductId'],
      [{ serviceProductId: productId, from: '2026-02-30' }, 'from'],
      [{ serviceProductId: productId, from: '2026-05-01', to: '2026-04-30' }, 'to'],
      [
        { serviceProductId: productId, from: '2026-01-01', rate: { kind: 'fixed', amount: 95 } },
        'rate.amount',
      ],
      [
        {
          serviceProductId: productId,
          from: '2026-01-01',
          rate: { kind: 'range', minimum: '120', maximum: '80' },
        },
        'rate.minimum',
      ],
      [{ serviceProductId: productId, from: '2026-01-01', placeLimit: 0 }, 'placeLimit'],
      // An unknown key is reported at the root, named in the message.
      [{ serviceProductId: productId, from: '2026-01-01', colour: 'blue' }, '(root)', 'colour'],
      [{ serviceProductId: randomUUID(), from: '2026-01-01' }, 'serviceProductId'],
    ];
    for (const [body, field, mentioned = field] of attempts) {
      const reply = await withoutEvents(app, () =>
        call<{ errors: { field: string; message: string }[] }>(
          'POST',
          `/providers/${providerId}/services`,
          { body },
        ),
      );
      expectProblem(reply, 400);
      expect(reply.body.errors).toContainEqual({
        field,
        message: expect.stringContaining(field === '(root)' ? mentioned : ''),
      });
    }
    expect(
      (
        await call('POST', `/providers/${randomUUID()}/services`, {
          body: { serviceProductId: productId, from: '2026-01-01' },
        })
      ).status,
    ).toBe(404);
    expect((await call('GET', servicePath(providerId, randomUUID()))).status).toBe(404);
    expect((await call('GET', servicePath(providerId, 'not-a-uuid'))).status).toBe(400);
    expect((await act(providerId, randomUUID(), 'approve')).status).toBe(404);
  });
});

describe('provider service lifecycle (PRV-6)', () => {
  it('PRV-6: approve, suspend with a reason, approve again, end — each announced once; illegal moves 409 with no event', async () => {
    const providerId = await enrolProvider(app, 'Lifecycle Lodge', { approve: true });
    const productId = await createServiceProduct(app);
    const { id } = await addProviderService(app, providerId, { serviceProductId: productId });

    const approved = await act(providerId, id, 'approve');
    expect(approved.body).toMatchObject({
      status: 'approved',
      availableActions: ['suspend', 'end'],
    });
    const twice = await withoutEvents(app, () => act(providerId, id, 'approve'));
    expect(twice).toMatchObject({ status: 409, body: { rule: 'PRV-6' } });

    const noReason = await withoutEvents(app, () =>
      call<{ errors: { field: string; message: string }[] }>(
        'POST',
        servicePath(providerId, id, '/suspend'),
        { body: { reason: '  ' } },
      ),
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e) => e.field)).toEqual(['reason']);

    expect(
      (await act(providerId, id, 'suspend', { reason: 'Staffing shortage' })).body,
    ).toMatchObject({
      status: 'suspended',
      statusReason: 'Staffing shortage',
    });
    expect((await act(providerId, id, 'approve')).body).toMatchObject({
      status: 'approved',
      statusReason: null,
    });
    const tooEarly = await withoutEvents(app, () =>
      act(providerId, id, 'end', { reason: 'Closing', to: '2025-12-31' }),
    );
    expect(tooEarly.status).toBe(400);
    expect((await act(providerId, id, 'end', { reason: 'Closing' })).body).toMatchObject({
      status: 'ended',
      to: null,
      availableActions: [],
    });
    const afterEnd = await withoutEvents(app, () =>
      act(providerId, id, 'suspend', { reason: 'Too late' }),
    );
    expect(afterEnd).toMatchObject({ status: 409, body: { rule: 'PRV-6' } });
    const frozen = await withoutEvents(app, () =>
      call<{ rule: string }>('PUT', servicePath(providerId, id, '/rate'), {
        body: { kind: 'fixed', amount: '10.00' },
      }),
    );
    expect(frozen).toMatchObject({ status: 409, body: { rule: 'PRV-6' } });

    const events = await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider.approved',
      'provider-service.added',
      'provider-service.approved',
      'provider-service.suspended',
      'provider-service.approved',
      'provider-service.ended',
    ]);
    expect(events.slice(3).map((event) => event.data)).toEqual([
      expect.objectContaining({ providerServiceId: id, previousStatus: 'pending', warnings: [] }),
      {
        providerId,
        providerServiceId: id,
        serviceProductId: productId,
        reason: 'Staffing shortage',
      },
      expect.objectContaining({ providerServiceId: id, previousStatus: 'suspended' }),
      {
        providerId,
        providerServiceId: id,
        serviceProductId: productId,
        previousStatus: 'approved',
        reason: 'Closing',
        to: null,
      },
    ]);
  });

  it('PRV-6: changing the period announces provider-service.updated with the changed fields; repeating it changes nothing', async () => {
    const providerId = await enrolProvider(app, 'Period Place', { approve: true });
    const productId = await createServiceProduct(app);
    const { id } = await addProviderService(app, providerId, { serviceProductId: productId });
    const changed = await call('PATCH', servicePath(providerId, id), {
      body: { to: '2026-12-31' },
    });
    expect(changed).toMatchObject({ status: 200, body: { to: '2026-12-31' } });
    const same = await withoutEvents(app, () =>
      call('PATCH', servicePath(providerId, id), { body: { to: '2026-12-31' } }),
    );
    expect(same.status).toBe(200);
    const backwards = await withoutEvents(app, () =>
      call<{ errors: { field: string; message: string }[] }>('PATCH', servicePath(providerId, id), {
        body: { from: '2027-01-01' },
      }),
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([
      { field: 'from', message: expect.stringContaining('PRV-6') },
    ]);
    const empty = await call('PATCH', servicePath(providerId, id), { body: {} });
    expect(empty.status).toBe(400);
    const events = await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider.approved',
      'provider-service.added',
      'provider-service.updated',
    ]);
    expect(events[3]!.data).toMatchObject({ to: '2026-12-31', changedFields: ['to'] });
  });
});

describe('provider-service rate and place limit (PRV-6)', () => {
  it("PRV-6: the provider-service rate overrides the product's rate; the effective rate says where it came from", async () => {
    const providerId = await enrolProvider(app, 'Rate Retreat', { approve: true });
    const productId = await createServiceProduct(app);
    const rate = await call<{ id: string }>('POST', `/service-products/${productId}/rates`, {
      user: ADMIN,
      body: {
        kind: 'fixed',
        amount: '100.00',
        effectiveFrom: '2026-01-01',
        effectiveTo: '2026-06-30',
      },
    });
    expect(rate.status).toBe(201);
    const { id } = await addProviderService(app, providerId, { serviceProductId: productId });
    const rateOn = (date: string, user = RM) =>
      call<Json>('GET', servicePath(providerId, id, `/rate?date=${date}`), { user });

    expect((await rateOn('2026-03-01', 'fin.fatima')).body).toEqual({
      providerServiceId: id,
      date: '2026-03-01',
      source: 'service-product',
      rate: { kind: 'fixed', amount: '100.00' },
      productRateId: rate.body.id,
    });
    expect((await rateOn('2026-07-01')).body).toMatchObject({ source: null, rate: null });

    const set = await call('PUT', servicePath(providerId, id, '/rate'), {
      body: { kind: 'range', minimum: '80', maximum: '120.5' },
    });
    expect(set).toMatchObject({
      status: 200,
      body: { rate: { kind: 'range', minimum: '80.00', maximum: '120.50' } },
    });
    for (const date of ['2026-03-01', '2026-07-01']) {
      expect((await rateOn(date)).body).toEqual({
        providerServiceId: id,
        date,
        source: 'provider-service',
        rate: { kind: 'range', minimum: '80.00', maximum: '120.50' },
        productRateId: null,
      });
    }
    // Setting the same rate again changes nothing and announces nothing.
    await withoutEvents(app, () =>
      call('PUT', servicePath(providerId, id, '/rate'), {
        body: { kind: 'range', minimum: '80.00', maximum: '120.50' },
      }),
    );
    const removed = await call('DELETE', servicePath(providerId, id, '/rate'));
    expect(removed).toMatchObject({ status: 200, body: { rate: null } });
    expect((await rateOn('2026-03-01')).body).toMatchObject({ source: 'service-product' });

    const before = await withoutEvents(app, () => rateOn('2025-12-31'));
    expect(before).toMatchObject({ status: 422, body: { rule: 'PRV-6' } });
    const badDate = await rateOn('tomorrow');
    expect(badDate.status).toBe(400);

    const events = await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider.approved',
      'provider-service.added',
      'provider-service.rate-changed',
      'provider-service.rate-changed',
    ]);
    expect(events.slice(3).map((event) => event.data)).toEqual([
      {
        providerId,
        providerServiceId: id,
        serviceProductId: productId,
        rate: { kind: 'range', minimum: '80.00', maximum: '120.50' },
        previousRate: null,
      },
      {
        providerId,
        providerServiceId: id,
        serviceProductId: productId,
        rate: null,
        previousRate: { kind: 'range', minimum: '80.00', maximum: '120.50' },
      },
    ]);
  });

  it('PRV-6: a place limit only for products measured in places (else 422 naming PRV-6, no event)', async () => {
    const providerId = await enrolProvider(app, 'Placement Home', { approve: true });
    const perDay = await createServiceProduct(app);
    const perPlace = await createServiceProduct(app, { unitOfMeasure: 'place' });
    const refused = await withoutEvents(app, () =>
      call<{ rule: string; detail: string }>('POST', `/providers/${providerId}/services`, {
        body: { serviceProductId: perDay, from: '2026-01-01', placeLimit: 3 },
      }),
    );
    expect(refused).toMatchObject({ status: 422, body: { rule: 'PRV-6' } });
    expect(refused.body.detail).toContain('placeLimit');

    const placed = await addProviderService(app, providerId, {
      serviceProductId: perPlace,
      placeLimit: 3,
    });
    expect(placed).toMatchObject({ placeLimit: 3, unitOfMeasure: 'place' });
    expect(
      (await call('PATCH', servicePath(providerId, placed.id), { body: { placeLimit: 5 } })).body,
    ).toMatchObject({ placeLimit: 5 });

    const daily = await addProviderService(app, providerId, { serviceProductId: perDay });
    const patch = await withoutEvents(app, () =>
      call<{ rule: string }>('PATCH', servicePath(providerId, daily.id), {
        body: { placeLimit: 2 },
      }),
    );
    expect(patch).toMatchObject({ status: 422, body: { rule: 'PRV-6' } });
    await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider.approved',
      'provider-service.added',
      'provider-service.updated',
      'provider-service.added',
    ]);
  });
});

describe('provider payment options (PRV-7)', () => {
  it("PRV-7: the provider's payment options override the product's; removing them restores the product's", async () => {
    const providerId = await enrolProvider(app, 'Options Inn', { approve: true });
    const productId = await createServiceProduct(app);
    const { id } = await addProviderService(app, providerId, { serviceProductId: productId });
    const path = servicePath(providerId, id, '/payment-options');

    expect((await call('GET', path, { user: 'fin.fatima' })).body).toEqual({
      providerServiceId: id,
      source: 'service-product',
      paymentOptions: productOptions,
      override: null,
      productPaymentOptions: productOptions,
    });
    const own = { fixed: 'pay-billed', minimum: 'pay-minimum', maximum: 'pay-nothing' };
    const set = await call('PUT', path, { body: own });
    expect(set).toMatchObject({
      status: 200,
      body: { source: 'provider-service', paymentOptions: own, override: own },
    });
    expect((await call('GET', path)).body).toMatchObject({
      source: 'provider-service',
      paymentOptions: own,
    });
    expect((await call('GET', servicePath(providerId, id))).body).toMatchObject({
      paymentOptions: own,
    });

    const invalid = await withoutEvents(app, () =>
      call<{ errors: { field: string }[] }>('PUT', path, {
        body: { fixed: 'pay-maximum', minimum: 'pay-billed', maximum: 'pay-maximum' },
      }),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e) => e.field)).toEqual(['fixed']);
    const partial = await withoutEvents(app, () =>
      call('PUT', path, { body: { fixed: 'pay-billed' } }),
    );
    expect(partial.status).toBe(400);
    await withoutEvents(app, () => call('PUT', path, { body: own }));

    const removed = await call('DELETE', path);
    expect(removed.body).toMatchObject({
      source: 'service-product',
      paymentOptions: productOptions,
      override: null,
    });

    const events = await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider.approved',
      'provider-service.added',
      'provider-service.payment-options-changed',
      'provider-service.payment-options-changed',
    ]);
    expect(events.slice(3).map((event) => event.data)).toEqual([
      {
        providerId,
        providerServiceId: id,
        serviceProductId: productId,
        paymentOptions: own,
        previousPaymentOptions: null,
      },
      {
        providerId,
        providerServiceId: id,
        serviceProductId: productId,
        paymentOptions: null,
        previousPaymentOptions: own,
      },
    ]);
  });

  it('PRV-7: payment options may be given when the service is added', async () => {
    const providerId = await enrolProvider(app, 'Options Upfront', { approve: true });
    const productId = await createServiceProduct(app);
    const own = { fixed: 'pay-nothing', minimum: 'pay-nothing', maximum: 'pay-nothing' };
    const { id } = await addProviderService(app, providerId, {
      serviceProductId: productId,
      paymentOptions: own,
    });
    expect((await call('GET', servicePath(providerId, id, '/payment-options'))).body).toMatchObject(
      {
        source: 'provider-service',
        paymentOptions: own,
      },
    );
  });
});

describe('approval warnings (SVC-7, SVC-10)', () => {
  it('SVC-10: adding a service warns of each active member missing a mandatory course; after the course is completed, none', async () => {
    const providerId = await enrolProvider(app, 'Training Terrace', { approve: true });
    const productId = await createServiceProduct(app, {
      mandatoryCourseCodes: ['FIRST-AID', 'CPR'],
    });
    const maria = await addMember(app, providerId, 'Maria Lopez', FOSTER_PARENT);
    const jamal = await addMember(app, providerId, 'Jamal Okafor', FOSTER_PARENT);
    await completeCourse(jamal, 'first-aid');
    await completeCourse(jamal, 'CPR');
    await completeCourse(maria, 'CPR');

    const added = await addProviderService(app, providerId, { serviceProductId: productId });
    expect(added.warnings).toEqual([
      {
        rule: 'SVC-10',
        memberId: maria,
        memberName: 'Maria Lopez',
        missingCourseCodes: ['FIRST-AID'],
        message: expect.stringContaining('FIRST-AID'),
      },
    ]);
    const approved = await act(providerId, added.id, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body.warnings).toEqual([
      expect.objectContaining({ rule: 'SVC-10', memberId: maria }),
    ]);

    await completeCourse(maria, 'FIRST-AID');
    const other = await createServiceProduct(app, { mandatoryCourseCodes: ['FIRST-AID', 'CPR'] });
    expect(
      (await addProviderService(app, providerId, { serviceProductId: other })).warnings,
    ).toEqual([]);

    const events = await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider.approved',
      'provider-member.added',
      'provider-member.added',
      'provider-service.added',
      'provider-service.approved',
      'provider-service.added',
    ]);
    expect(events[4]!.data['warnings']).toEqual(added.warnings);
    expect(events[5]!.data['warnings']).toEqual(approved.body.warnings);
    expect(events[6]!.data['warnings']).toEqual([]);
  });

  it('SVC-7: approval proceeds with a warning for an unmet criterion, recorded with the approval; once met, none', async () => {
    const providerId = await enrolProvider(app, 'Criteria Court', { approve: true });
    const productId = await createServiceProduct(app, { approvalCriteria: ['background-check'] });
    const maria = await addMember(app, providerId, 'Maria Lopez', FOSTER_PARENT);
    const { id } = await addProviderService(app, providerId, { serviceProductId: productId });

    const first = await act(providerId, id, 'approve');
    expect(first.body).toMatchObject({ status: 'approved' });
    expect(first.body.warnings).toEqual([
      {
        rule: 'SVC-7',
        criterion: 'background-check',
        message: expect.stringContaining('Maria Lopez'),
      },
    ]);

    const check = await call('POST', `/members/${maria}/background-checks`, {
      body: {
        checkType: 'criminal',
        result: 'passed',
        requestedOn: '2019-12-01',
        completedOn: '2019-12-15',
        validFrom: '2020-01-01',
      },
    });
    expect(check.status).toBe(201);
    await act(providerId, id, 'suspend', { reason: 'Review' });
    const second = await act(providerId, id, 'approve');
    expect(second.body.warnings).toEqual([]);

    const approvals = await call<{
      items: { id: string; warnings: ServiceWarning[]; approvedBy: string }[];
      total: number;
    }>('GET', servicePath(providerId, id, '/approvals'), { user: 'ops.omar' });
    expect(approvals.body.total).toBe(2);
    expect(approvals.body.items.map((a) => [a.id, a.warnings, a.approvedBy])).toEqual([
      [second.body.approvalId, [], RM],
      [first.body.approvalId, first.body.warnings, RM],
    ]);
    const events = await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider.approved',
      'provider-member.added',
      'provider-service.added',
      'provider-service.approved',
      'provider-service.suspended',
      'provider-service.approved',
    ]);
    expect(events[4]!.data).toMatchObject({
      approvalId: first.body.approvalId,
      previousStatus: 'pending',
      warnings: first.body.warnings,
    });
  });
});

describe('provider status and services (PRV-1)', () => {
  it('PRV-1: a suspended or closed provider cannot be given a new service (409, no event)', async () => {
    const productId = await createServiceProduct(app);
    const suspended = await enrolProvider(app, 'Suspended Suites', { approve: true });
    await changeProviderLifecycle(app, suspended, 'suspend', 'Investigation');
    const closed = await enrolProvider(app, 'Closed Cottage', { approve: true });
    await changeProviderLifecycle(app, closed, 'close', 'Retired');
    for (const providerId of [suspended, closed]) {
      const reply = await withoutEvents(app, () =>
        call<{ rule: string; detail: string }>('POST', `/providers/${providerId}/services`, {
          body: { serviceProductId: productId, from: '2026-01-01' },
        }),
      );
      expect(reply).toMatchObject({ status: 409, body: { rule: 'PRV-1' } });
      expect(reply.body.detail).toContain('cannot be authorised for new services');
    }
  });

  it('PRV-1: an enrolled provider may have a service added but approved only once the provider is; a suspended one not at all', async () => {
    const productId = await createServiceProduct(app);
    const providerId = await enrolProvider(app, 'Newcomer Nest');
    const { id } = await addProviderService(app, providerId, { serviceProductId: productId });
    const early = await withoutEvents(app, () => act(providerId, id, 'approve'));
    expect(early).toMatchObject({ status: 409, body: { rule: 'PRV-1' } });

    await changeProviderLifecycle(app, providerId, 'approve');
    await changeProviderLifecycle(app, providerId, 'suspend', 'Complaint');
    const whileSuspended = await withoutEvents(app, () => act(providerId, id, 'approve'));
    expect(whileSuspended).toMatchObject({ status: 409, body: { rule: 'PRV-1' } });

    await changeProviderLifecycle(app, providerId, 'reinstate');
    expect((await act(providerId, id, 'approve')).body).toMatchObject({ status: 'approved' });
    await app.expectEvents(providerId, [
      'provider.enrolled',
      'provider-service.added',
      'provider.approved',
      'provider.suspended',
      'provider.approved',
      'provider-service.approved',
    ]);
  });
});

describe('who may see and change provider services (ROLE, ROLE-2, SS-3)', () => {
  it("ROLE-2 / SS-3: a provider's token reads its own services and gets 404 for another provider's; it never writes", async () => {
    await insertDemoProvider(app);
    const productId = await createServiceProduct(app);
    const own = await addProviderService(app, DEMO_PROVIDER_ID, { serviceProductId: productId });
    const otherProvider = await enrolProvider(app, 'Someone Else', { approve: true });
    const foreign = await addProviderService(app, otherProvider, { serviceProductId: productId });
    const as = { user: 'provider.sunrise' };

    expect((await call('GET', servicePath(DEMO_PROVIDER_ID, own.id), as)).status).toBe(200);
    expect((await call('GET', `/providers/${DEMO_PROVIDER_ID}/services`, as)).status).toBe(200);
    expect(
      (await call('GET', servicePath(DEMO_PROVIDER_ID, own.id, '/rate?date=2026-03-01'), as))
        .status,
    ).toBe(200);
    expect(
      (await call('GET', servicePath(DEMO_PROVIDER_ID, own.id, '/payment-options'), as)).status,
    ).toBe(200);
    for (const path of [
      `/providers/${otherProvider}/services`,
      servicePath(otherProvider, foreign.id),
      servicePath(otherProvider, foreign.id, '/rate?date=2026-03-01'),
      servicePath(otherProvider, foreign.id, '/payment-options'),
      servicePath(otherProvider, foreign.id, '/approvals'),
    ]) {
      expect((await call('GET', path, as)).status).toBe(404);
    }
    // The service exists, but under another provider: 404, not someone else's record.
    expect((await call('GET', servicePath(DEMO_PROVIDER_ID, foreign.id))).status).toBe(404);
    const write = await withoutEvents(app, () =>
      call('POST', servicePath(DEMO_PROVIDER_ID, own.id, '/approve'), as),
    );
    expect(write.status).toBe(403);
  });

  it('ROLE: resource managers, supervisors and facility managers write; case workers, finance, operators and administrators get 403', async () => {
    const providerId = await enrolProvider(app, 'Roles Ranch', { approve: true });
    const productId = await createServiceProduct(app);
    const { id } = await addProviderService(app, providerId, { serviceProductId: productId });
    for (const user of ['cw.chen', 'fin.fatima', 'ops.omar', 'admin.ada', 'provider.sunrise']) {
      const attempts: [HttpMethod, string, unknown][] = [
        [
          'POST',
          `/providers/${providerId}/services`,
          { serviceProductId: productId, from: '2027-01-01' },
        ],
        ['PATCH', servicePath(providerId, id), { to: '2027-12-31' }],
        ['PUT', servicePath(providerId, id, '/rate'), { kind: 'fixed', amount: '1.00' }],
        ['PUT', servicePath(providerId, id, '/payment-options'), productOptions],
        ['POST', servicePath(providerId, id, '/approve'), undefined],
        ['POST', servicePath(providerId, id, '/end'), { reason: 'No' }],
      ];
      for (const [method, path, body] of attempts) {
        const reply = await withoutEvents(app, () => call(method, path, { user, body }));
        expect({ user, method, path, status: reply.status }).toEqual({
          user,
          method,
          path,
          status: 403,
        });
      }
    }
    expect((await call('GET', servicePath(providerId, id), { user: undefined })).status).toBe(401);
    expect((await act(providerId, id, 'approve')).status).toBe(200);
    const bySupervisor = await call('POST', servicePath(providerId, id, '/suspend'), {
      user: 'sup.sato',
      body: { reason: 'Supervisor review' },
    });
    expect(bySupervisor.status).toBe(200);
    const byFacilityManager = await call('PATCH', servicePath(providerId, id), {
      user: 'fm.fischer',
      body: { to: '2027-12-31' },
    });
    expect(byFacilityManager.status).toBe(200);
  });
});
