import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import { expectProblem, withoutEvents } from './support/expectations.js';
import {
  createServiceProduct,
  enrolProvider,
  insertDemoProvider,
  listIds,
  uniqueName,
  UNKNOWN_ID,
} from './support/fixtures.js';
import {
  startProvidersApp,
  type HttpMethod,
  type ProvidersApp,
  type RequestOptions,
} from './support/providers-app.js';
import type { Json, Page, Problem } from './support/types.js';
import { ADMIN, CASE_WORKER, PROVIDER_USER, RM } from './support/users.js';

/** Integration tests of service enquiries (PRV-9) over HTTP, with ROLE and ROLE-2. */

interface Answer {
  response: string;
  availableUnits: number;
  comments: string | null;
  respondedBy: string;
  respondedAt: string;
  recordedBy: string;
  via: string;
}
interface Enquiry {
  id: string;
  providerId: string;
  serviceProductId: string;
  clientReference: string;
  clientName: string | null;
  from: string;
  to: string;
  units: number;
  contactMethod: string;
  contactMethodSource: string;
  caseWorker: string;
  status: string;
  answer: Answer | null;
  cancellation: { reason: string | null; cancelledBy: string } | null;
}

let app: ProvidersApp;
let productId: string;
let otherProductId: string;

beforeAll(async () => {
  app = await startProvidersApp();
  // ROLE-2: the demo provider answers by web
  await insertDemoProvider(app, { preferredCommunication: 'web' });
  productId = await createServiceProduct(app, {
    name: uniqueName('After-school care'),
    unitOfMeasure: 'session',
  });
  otherProductId = await createServiceProduct(app, {
    name: uniqueName('Respite care'),
    unitOfMeasure: 'session',
  });
});

afterAll(async () => {
  await app?.close();
});

/** Requests as the case worker unless another user is named. */
const call = <T = Json>(method: HttpMethod, path: string, options: RequestOptions = {}) =>
  app.request<T>(method, path, { user: CASE_WORKER, ...options });

/** A provider preferring `preferredCommunication` (email unless told): PRV-9 sends by it. */
const enrol = (name: string, preferredCommunication: string | null = 'email') =>
  enrolProvider(app, name, { details: { preferredCommunication } });

function enquiryBody(providerId: string, overrides: Json = {}): Json {
  return {
    providerId,
    serviceProductId: productId,
    clientReference: `CL-${randomUUID().slice(0, 8)}`,
    clientName: 'Jamie Doe',
    from: '2026-03-01',
    to: '2026-05-31',
    units: 2,
    ...overrides,
  };
}

async function send(
  providerId: string,
  overrides: Json = {},
  user = CASE_WORKER,
): Promise<Enquiry> {
  const reply = await call<Enquiry>('POST', '/service-enquiries', {
    user,
    body: enquiryBody(providerId, overrides),
  });
  expect(reply.status).toBe(201);
  return reply.body;
}

describe('asking a provider about a service (PRV-9)', () => {
  it("PRV-9: a case worker's enquiry goes by the provider's preferred communication and is announced once", async () => {
    const providerId = await enrol('Maple After-School Club', 'email');
    const sent = await send(providerId, { clientReference: 'CL-2026-0042' });
    expect(sent).toMatchObject({
      providerId,
      serviceProductId: productId,
      clientReference: 'CL-2026-0042',
      clientName: 'Jamie Doe',
      from: '2026-03-01',
      to: '2026-05-31',
      units: 2,
      contactMethod: 'email',
      contactMethodSource: 'provider-preference',
      caseWorker: CASE_WORKER,
      status: 'sent',
      answer: null,
    });

    const [event] = await app.expectEvents(sent.id, ['service-enquiry.sent']);
    expect(event).toMatchObject({
      version: 1,
      aggregateType: 'service-enquiry',
      aggregateId: sent.id,
      actor: { userId: CASE_WORKER },
      data: {
        enquiryId: sent.id,
        providerId,
        serviceProductId: productId,
        clientReference: 'CL-2026-0042',
        units: 2,
        contactMethod: 'email',
        contactMethodSource: 'provider-preference',
        caseWorker: CASE_WORKER,
      },
    });

    const one = await call<Enquiry>('GET', `/service-enquiries/${sent.id}`, { user: 'ops.omar' });
    expect(one).toMatchObject({ status: 200, body: { id: sent.id, status: 'sent' } });
    const listed = await call<Page<Enquiry>>('GET', `/providers/${providerId}/service-enquiries`, {
      user: 'fin.fatima',
    });
    expect(listed.body.items.map((enquiry) => enquiry.id)).toEqual([sent.id]);
  });

  it('PRV-9: the case worker may choose another contact method than the preferred one', async () => {
    const providerId = await enrol('Phone-first Home', 'email');
    const sent = await send(providerId, { contactMethod: 'phone' });
    expect(sent).toMatchObject({ contactMethod: 'phone', contactMethodSource: 'case-worker' });
    const [event] = await app.expectEvents(sent.id, ['service-enquiry.sent']);
    expect(event?.data).toMatchObject({
      contactMethod: 'phone',
      contactMethodSource: 'case-worker',
    });
  });

  it('PRV-9: with no preferred communication on record the method is required (400 naming contactMethod, no event)', async () => {
    const providerId = await enrol('No Preference Centre', null);
    const refused = await withoutEvents(app, () =>
      call<Problem>('POST', '/service-enquiries', { body: enquiryBody(providerId) }),
    );
    expectProblem(refused, 400);
    expect(refused.body.errors).toEqual([
      { field: 'contactMethod', message: expect.stringMatching(/^PRV-9: /) },
    ]);
    const sent = await send(providerId, { contactMethod: 'mail' });
    expect(sent).toMatchObject({ contactMethod: 'mail', contactMethodSource: 'case-worker' });
  });

  it('PRV-9: bad input is refused with problem+json naming the field, and records nothing', async () => {
    const providerId = await enrol('Strict Centre');
    const backwards = await withoutEvents(app, () =>
      call<Problem>('POST', '/service-enquiries', {
        body: enquiryBody(providerId, { from: '2026-05-01', to: '2026-04-30' }),
      }),
    );
    expectProblem(backwards, 400);
    expect(backwards.body.errors).toEqual([
      { field: 'to', message: expect.stringMatching(/^PRV-9: /) },
    ]);

    const noUnits = await withoutEvents(app, () =>
      call<Problem>('POST', '/service-enquiries', { body: enquiryBody(providerId, { units: 0 }) }),
    );
    expectProblem(noUnits, 400);
    expect(noUnits.body.errors?.map((error) => error.field)).toEqual(['units']);

    const noDay = await call<Problem>('POST', '/service-enquiries', {
      body: enquiryBody(providerId, { from: '2026-02-30' }),
    });
    expect(noDay.body.errors?.map((error) => error.field)).toEqual(['from']);

    const unknownField = await call<Problem>('POST', '/service-enquiries', {
      body: enquiryBody(providerId, { urgency: 'high' }),
    });
    expectProblem(unknownField, 400);

    const noProvider = await withoutEvents(app, () =>
      call<Problem>('POST', '/service-enquiries', { body: enquiryBody(UNKNOWN_ID) }),
    );
    expectProblem(noProvider, 404);
    const noProduct = await withoutEvents(app, () =>
      call<Problem>('POST', '/service-enquiries', {
        body: enquiryBody(providerId, { serviceProductId: UNKNOWN_ID }),
      }),
    );
    expectProblem(noProduct, 404);

    expectProblem(await call<Problem>('GET', `/service-enquiries/${UNKNOWN_ID}`), 404);
    expectProblem(await call<Problem>('GET', '/service-enquiries/not-a-uuid'), 400);
    expectProblem(await call<Problem>('GET', `/providers/${UNKNOWN_ID}/service-enquiries`), 404);
  });

  it('PRV-9: a closed provider is not asked (409 naming PRV-9, no event)', async () => {
    const providerId = await enrol('Closed Centre');
    const closed = await call('POST', `/providers/${providerId}/lifecycle`, {
      user: RM,
      body: { action: 'close', reason: 'Retired' },
    });
    expect(closed.status).toBe(200);
    const refused = await withoutEvents(app, () =>
      call<Problem>('POST', '/service-enquiries', { body: enquiryBody(providerId) }),
    );
    expectProblem(refused, 409);
    expect(refused.body.rule).toBe('PRV-9');
  });
});

describe("recording the provider's response (PRV-9)", () => {
  it('PRV-9: the provider answers its own enquiry through self-service; the response is recorded and announced once', async () => {
    const sent = await send(DEMO_PROVIDER_ID, { units: 3 });
    expect(sent).toMatchObject({
      contactMethod: 'web',
      contactMethodSource: 'provider-preference',
    });

    const seen = await call<Enquiry>('GET', `/service-enquiries/${sent.id}`, {
      user: PROVIDER_USER,
    });
    expect(seen).toMatchObject({ status: 200, body: { id: sent.id } });
    const own = await call<Page<Enquiry>>(
      'GET',
      `/providers/${DEMO_PROVIDER_ID}/service-enquiries`,
      {
        user: PROVIDER_USER,
      },
    );
    expect(own.body.items.map((enquiry) => enquiry.id)).toContain(sent.id);

    const answered = await call<Enquiry>('POST', `/service-enquiries/${sent.id}/response`, {
      user: PROVIDER_USER,
      body: {
        response: 'partially-available',
        availableUnits: 2,
        comments: 'Two places from March; a third from mid-April',
        respondedBy: 'Dana Sunrise (manager)',
      },
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      status: 'responded',
      answer: {
        response: 'partially-available',
        availableUnits: 2,
        comments: 'Two places from March; a third from mid-April',
        respondedBy: 'Dana Sunrise (manager)',
        recordedBy: PROVIDER_USER,
        via: 'self-service',
      },
    });
    expect(Date.parse(answered.body.answer!.respondedAt)).not.toBeNaN();

    const [, responded] = await app.expectEvents(sent.id, [
      'service-enquiry.sent',
      'service-enquiry.responded',
    ]);
    expect(responded).toMatchObject({
      aggregateType: 'service-enquiry',
      actor: { userId: PROVIDER_USER },
      data: {
        enquiryId: sent.id,
        providerId: DEMO_PROVIDER_ID,
        response: 'partially-available',
        availableUnits: 2,
        units: 3,
        respondedBy: 'Dana Sunrise (manager)',
        respondedAt: answered.body.answer!.respondedAt,
        recordedBy: PROVIDER_USER,
        via: 'self-service',
        caseWorker: CASE_WORKER,
      },
    });
  });

  it('PRV-9: staff record an answer given by phone; a second answer is refused (409 naming PRV-9, no event)', async () => {
    const providerId = await enrol('Phone Answers Home', 'phone');
    const sent = await send(providerId);
    const answered = await call<Enquiry>('POST', `/service-enquiries/${sent.id}/response`, {
      body: { response: 'available', comments: 'Both places free' },
    });
    expect(answered.body).toMatchObject({
      status: 'responded',
      answer: {
        response: 'available',
        availableUnits: 2,
        respondedBy: 'Chris Chen',
        recordedBy: CASE_WORKER,
        via: 'staff',
      },
    });
    const again = await withoutEvents(app, () =>
      call<Problem>('POST', `/service-enquiries/${sent.id}/response`, {
        body: { response: 'unavailable' },
      }),
    );
    expectProblem(again, 409);
    expect(again.body.rule).toBe('PRV-9');
    const cancel = await withoutEvents(app, () =>
      call<Problem>('POST', `/service-enquiries/${sent.id}/cancel`, { body: {} }),
    );
    expectProblem(cancel, 409);
    expect(cancel.body.rule).toBe('PRV-9');
    await app.expectEvents(sent.id, ['service-enquiry.sent', 'service-enquiry.responded']);
  });

  it('PRV-9: partially-available names how many units, some but not all (400 naming availableUnits)', async () => {
    const providerId = await enrol('Partial Home');
    const sent = await send(providerId, { units: 2 });
    for (const body of [
      { response: 'partially-available' },
      { response: 'partially-available', availableUnits: 2 },
      { response: 'available', availableUnits: 1 },
    ]) {
      const refused = await withoutEvents(app, () =>
        call<Problem>('POST', `/service-enquiries/${sent.id}/response`, { body }),
      );
      expectProblem(refused, 400);
      expect(refused.body.errors).toEqual([
        { field: 'availableUnits', message: expect.stringMatching(/^PRV-9: /) },
      ]);
    }
    const badResponse = await call<Problem>('POST', `/service-enquiries/${sent.id}/response`, {
      body: { response: 'maybe' },
    });
    expect(badResponse.body.errors?.map((error) => error.field)).toEqual(['response']);
    const still = await call<Enquiry>('GET', `/service-enquiries/${sent.id}`);
    expect(still.body.status).toBe('sent');
    expectProblem(
      await call<Problem>('POST', `/service-enquiries/${UNKNOWN_ID}/response`, {
        body: { response: 'available' },
      }),
      404,
    );
  });

  it('PRV-9: a sent enquiry can be cancelled once; a cancelled one cannot be answered', async () => {
    const providerId = await enrol('Cancelled Enquiry Home');
    const sent = await send(providerId);
    const cancelled = await call<Enquiry>('POST', `/service-enquiries/${sent.id}/cancel`, {
      body: { reason: 'Client placed elsewhere' },
    });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'Client placed elsewhere', cancelledBy: CASE_WORKER },
      answer: null,
    });
    const [, event] = await app.expectEvents(sent.id, [
      'service-enquiry.sent',
      'service-enquiry.cancelled',
    ]);
    expect(event?.data).toEqual({
      enquiryId: sent.id,
      providerId,
      reason: 'Client placed elsewhere',
      cancelledBy: CASE_WORKER,
    });
    const late = await withoutEvents(app, () =>
      call<Problem>('POST', `/service-enquiries/${sent.id}/response`, {
        body: { response: 'available' },
      }),
    );
    expectProblem(late, 409);
    expect(late.body.rule).toBe('PRV-9');
  });
});

describe('finding enquiries (PRV-9)', () => {
  it('PRV-9: filters by provider, service product, status, case worker, client and period, with pagination', async () => {
    const providerId = await enrol('Busy Centre');
    const client = `CL-${randomUUID().slice(0, 8)}`;
    const spring = await send(providerId, {
      clientReference: client,
      from: '2026-03-01',
      to: '2026-05-31',
    });
    const summer = await send(providerId, {
      serviceProductId: otherProductId,
      from: '2026-07-01',
      to: '2026-08-31',
      clientName: 'Robin Roe',
    });
    const byManager = await send(providerId, { from: '2026-09-01', to: '2026-09-30' }, RM);
    await call('POST', `/service-enquiries/${summer.id}/response`, {
      body: { response: 'unavailable' },
    });

    const ids = (query: string) =>
      listIds(app, `/service-enquiries?providerId=${providerId}&${query}`, CASE_WORKER);
    // newest first
    expect(await ids('')).toEqual([byManager.id, summer.id, spring.id]);
    expect(await ids(`serviceProductId=${otherProductId}`)).toEqual([summer.id]);
    expect(await ids('status=responded')).toEqual([summer.id]);
    expect(await ids('status=sent')).toEqual([byManager.id, spring.id]);
    expect(await ids(`caseWorker=${RM}`)).toEqual([byManager.id]);
    expect(await ids(`clientReference=${client}`)).toEqual([spring.id]);
    expect(await ids('clientName=robin')).toEqual([summer.id]);
    // periods sharing a day with 31 May – 1 July: spring (ends 31 May) and summer (starts 1 July)
    expect(await ids('from=2026-05-31&to=2026-07-01')).toEqual([summer.id, spring.id]);
    expect(await ids('from=2026-06-01&to=2026-06-30')).toEqual([]);

    const page = await call<Page<Enquiry>>(
      'GET',
      `/providers/${providerId}/service-enquiries?limit=2&offset=1`,
    );
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.body.items.map((enquiry) => enquiry.id)).toEqual([summer.id, spring.id]);

    const backwards = await call<Problem>(
      'GET',
      '/service-enquiries?from=2026-06-02&to=2026-06-01',
    );
    expectProblem(backwards, 400);
    expect(backwards.body.errors?.map((error) => error.field)).toEqual(['to']);
    const badStatus = await call<Problem>('GET', '/service-enquiries?status=pending');
    expect(badStatus.body.errors?.map((error) => error.field)).toEqual(['status']);
  });
});

describe('who may ask, answer and read (ROLE, ROLE-2)', () => {
  it("ROLE-2: a provider's token sees and answers only the enquiries addressed to it (404 for another's)", async () => {
    const providerId = await enrol('Someone Else Centre');
    const foreign = await send(providerId);
    const mine = await send(DEMO_PROVIDER_ID);

    expectProblem(
      await call<Problem>('GET', `/service-enquiries/${foreign.id}`, { user: PROVIDER_USER }),
      404,
    );
    const answer = await withoutEvents(app, () =>
      call<Problem>('POST', `/service-enquiries/${foreign.id}/response`, {
        user: PROVIDER_USER,
        body: { response: 'available' },
      }),
    );
    expectProblem(answer, 404);
    expectProblem(
      await call<Problem>('GET', `/providers/${providerId}/service-enquiries`, {
        user: PROVIDER_USER,
      }),
      404,
    );
    expectProblem(
      await call<Problem>('GET', `/service-enquiries?providerId=${providerId}`, {
        user: PROVIDER_USER,
      }),
      404,
    );
    const listed = await call<Page<Enquiry>>('GET', '/service-enquiries?limit=200', {
      user: PROVIDER_USER,
    });
    const providers = new Set(listed.body.items.map((enquiry) => enquiry.providerId));
    expect([...providers]).toEqual([DEMO_PROVIDER_ID]);
    expect(listed.body.items.map((enquiry) => enquiry.id)).toContain(mine.id);
  });

  it('ROLE: operators, finance users, administrators and providers cannot ask; providers cannot cancel (403)', async () => {
    const providerId = await enrol('Guarded Centre');
    for (const user of ['ops.omar', 'fin.fatima', ADMIN, PROVIDER_USER]) {
      const refused = await withoutEvents(app, () =>
        call<Problem>('POST', '/service-enquiries', { user, body: enquiryBody(providerId) }),
      );
      expectProblem(refused, 403);
    }
    const mine = await send(DEMO_PROVIDER_ID);
    expectProblem(
      await call<Problem>('POST', `/service-enquiries/${mine.id}/cancel`, {
        user: PROVIDER_USER,
        body: {},
      }),
      403,
    );
    expectProblem(
      await call<Problem>('POST', `/service-enquiries/${mine.id}/response`, {
        user: 'ops.omar',
        body: { response: 'available' },
      }),
      403,
    );
    // resource managers, supervisors and facility managers may ask, like case workers
    for (const user of [RM, 'sup.sato', 'fm.fischer']) {
      expect((await send(providerId, {}, user)).caseWorker).toBe(user);
    }
  });
});
