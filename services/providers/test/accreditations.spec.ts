import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import { accreditationCriterion } from '../src/accreditations/accreditation.criterion.js';
import { openProvidersDatabase } from '../src/database.js';
import { APPROVAL_CRITERION_CHECKS } from '../src/provider-services/approval-criteria.js';
import { expectForbiddenFor, expectProblem } from './support/expectations.js';
import { enrolProvider, insertDemoProvider, UNKNOWN_ID } from './support/fixtures.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';
import type { Page, Problem } from './support/types.js';
import {
  ADMIN,
  CASE_WORKER,
  FACILITY_MANAGER,
  OPERATOR,
  PROVIDER_USER,
  RM,
  SUPERVISOR,
} from './support/users.js';

let app: ProvidersApp;
let orm: MikroORM;

type Accreditation = {
  id: string;
  providerId: string;
  accreditingBody: string;
  accreditationType: string;
  reference: string | null;
  startDate: string;
  expiryDate: string;
  endDate: string | null;
  endReason: string | null;
  onDate: string;
  status: string;
};

beforeAll(async () => {
  app = await startProvidersApp();
  await insertDemoProvider(app);
  orm = await openProvidersDatabase(app.databaseUrl);
});
afterAll(async () => {
  await orm?.close();
  await app?.close();
});

function accredit(providerId: string, body: Record<string, unknown> = {}, user = RM) {
  return app.request<Accreditation & Problem>('POST', `/providers/${providerId}/accreditations`, {
    user,
    body: {
      accreditingBody: 'Council on Accreditation',
      accreditationType: 'Foster care services',
      startDate: '2024-01-01',
      expiryDate: '2024-12-31',
      ...body,
    },
  });
}

describe('accreditations (CRD-1)', () => {
  it('CRD-1: an accreditation with start and expiry dates is recorded and announced once', async () => {
    const providerId = await enrolProvider(app, `Summit Foster Home ${randomUUID()}`);
    const recorded = await accredit(providerId, { reference: 'COA-2024-117' });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      providerId,
      accreditingBody: 'Council on Accreditation',
      accreditationType: 'Foster care services',
      reference: 'COA-2024-117',
      startDate: '2024-01-01',
      expiryDate: '2024-12-31',
      endDate: null,
      status: 'expired',
    });
    const [, event] = await app.expectEvents(providerId, [
      'provider.enrolled',
      'accreditation.recorded',
    ]);
    expect(event).toMatchObject({
      aggregateType: 'provider',
      aggregateId: providerId,
      actor: { userId: RM },
      data: {
        providerId,
        accreditationId: recorded.body.id,
        accreditingBody: 'Council on Accreditation',
        accreditationType: 'Foster care services',
        reference: 'COA-2024-117',
        startDate: '2024-01-01',
        expiryDate: '2024-12-31',
      },
    });
  });

  it('CRD-1: status is current within start and expiry (inclusive) and expired after, on a date', async () => {
    const providerId = await enrolProvider(app, `Crest Foster Home ${randomUUID()}`);
    const old = await accredit(providerId, { startDate: '2020-01-01', expiryDate: '2022-12-31' });
    const later = await accredit(providerId, { startDate: '2023-01-01', expiryDate: '2099-12-31' });
    const path = `/providers/${providerId}/accreditations`;

    const on = async (query: string) =>
      (await app.request<Page<Accreditation>>('GET', `${path}?${query}`, { user: CASE_WORKER }))
        .body;
    expect((await on('status=current&onDate=2022-12-31')).items.map((a) => a.id)).toEqual([
      old.body.id,
    ]);
    expect((await on('status=current&onDate=2023-01-01')).items.map((a) => a.id)).toEqual([
      later.body.id,
    ]);
    expect((await on('status=expired&onDate=2023-01-01')).items.map((a) => a.id)).toEqual([
      old.body.id,
    ]);
    expect((await on('status=not-yet-current&onDate=2019-12-31')).total).toBe(2);
    const all = await on('onDate=2021-06-01');
    expect(all.items.map((a) => [a.id, a.status])).toEqual([
      [later.body.id, 'not-yet-current'],
      [old.body.id, 'current'],
    ]);
    const one = await app.request<Accreditation>(
      'GET',
      `${path}/${old.body.id}?onDate=2023-01-01`,
      { user: OPERATOR },
    );
    expect(one.body).toMatchObject({ status: 'expired', onDate: '2023-01-01' });
  });

  it('CRD-1: an expiry before the start is refused with 400 naming expiryDate, publishing nothing', async () => {
    const providerId = await enrolProvider(app, `Ridge Foster Home ${randomUUID()}`);
    const refused = await accredit(providerId, {
      startDate: '2024-02-01',
      expiryDate: '2024-01-31',
    });
    expectProblem(refused, 400);
    expect(refused.body.errors).toEqual([
      { field: 'expiryDate', message: expect.stringContaining('CRD-1') },
    ]);
    const blank = await accredit(providerId, { accreditingBody: ' ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors?.[0]?.field).toBe('accreditingBody');
    expect((await accredit(UNKNOWN_ID)).status).toBe(404);
    expect(
      (
        await app.request('GET', `/providers/${providerId}/accreditations/${UNKNOWN_ID}`, {
          user: RM,
        })
      ).status,
    ).toBe(404);

    await accredit(providerId);
    await app.expectEvents(providerId, ['provider.enrolled', 'accreditation.recorded']);
  });

  it('CRD-1: an accreditation is corrected; the period stays valid; a change is announced once', async () => {
    const providerId = await enrolProvider(app, `Brook Foster Home ${randomUUID()}`);
    const recorded = await accredit(providerId);
    const path = `/providers/${providerId}/accreditations/${recorded.body.id}`;

    const extended = await app.request<Accreditation>('PATCH', path, {
      user: SUPERVISOR,
      body: { expiryDate: '2025-06-30' },
    });
    expect(extended.status).toBe(200);
    expect(extended.body.expiryDate).toBe('2025-06-30');

    const unchanged = await app.request<Accreditation>('PATCH', path, {
      user: RM,
      body: { expiryDate: '2025-06-30' },
    });
    expect(unchanged.status).toBe(200);

    const inverted = await app.request<Problem>('PATCH', path, {
      user: RM,
      body: { startDate: '2025-07-01' },
    });
    expect(inverted.status).toBe(400);
    expect(inverted.body.errors?.[0]?.field).toBe('startDate');

    const [, , event] = await app.expectEvents(providerId, [
      'provider.enrolled',
      'accreditation.recorded',
      'accreditation.updated',
    ]);
    expect(event).toMatchObject({
      data: {
        accreditationId: recorded.body.id,
        expiryDate: '2025-06-30',
        changedFields: ['expiryDate'],
      },
    });
  });

  it('CRD-1: an accreditation is ended once, within its period, and then changes no more', async () => {
    const providerId = await enrolProvider(app, `Fern Foster Home ${randomUUID()}`);
    const recorded = await accredit(providerId, {
      startDate: '2024-01-01',
      expiryDate: '2026-12-31',
    });
    const path = `/providers/${providerId}/accreditations/${recorded.body.id}`;

    const outside = await app.request<Problem>('POST', `${path}/end`, {
      user: RM,
      body: { endDate: '2027-01-01', reason: 'Withdrawn' },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors?.[0]?.field).toBe('endDate');
    const noReason = await app.request<Problem>('POST', `${path}/end`, {
      user: RM,
      body: { endDate: '2025-03-31' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors?.[0]?.field).toBe('reason');

    const ended = await app.request<Accreditation>('POST', `${path}/end`, {
      user: FACILITY_MANAGER,
      body: { endDate: '2025-03-31', reason: 'Withdrawn after a review' },
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      endDate: '2025-03-31',
      endReason: 'Withdrawn after a review',
      status: 'ended',
    });
    const onLastDay = await app.request<Accreditation>('GET', `${path}?onDate=2025-03-31`, {
      user: RM,
    });
    expect(onLastDay.body.status).toBe('current');

    const twice = await app.request<Problem>('POST', `${path}/end`, {
      user: RM,
      body: { endDate: '2025-04-30', reason: 'Again' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.rule).toBe('CRD-1');
    const changed = await app.request<Problem>('PATCH', path, {
      user: RM,
      body: { expiryDate: '2027-12-31' },
    });
    expect(changed.status).toBe(409);
    expect(changed.body.rule).toBe('CRD-1');

    const [, , event] = await app.expectEvents(providerId, [
      'provider.enrolled',
      'accreditation.recorded',
      'accreditation.ended',
    ]);
    expect(event).toMatchObject({
      actor: { userId: FACILITY_MANAGER },
      data: {
        accreditationId: recorded.body.id,
        endDate: '2025-03-31',
        expiryDate: '2026-12-31',
        reason: 'Withdrawn after a review',
      },
    });
  });
});

describe('accreditation approval criterion (SVC-7, CRD-1)', () => {
  it('CRD-1: a provider service approval warns unless an accreditation is current on the date', async () => {
    expect(APPROVAL_CRITERION_CHECKS.accreditation).toBe(accreditationCriterion);
    const providerId = await enrolProvider(app, `Orchard Foster Home ${randomUUID()}`);
    const subject = (onDate: string) => ({
      providerId,
      providerServiceId: randomUUID(),
      serviceProductId: randomUUID(),
      onDate,
    });
    const check = (onDate: string) => accreditationCriterion(orm.em.fork(), subject(onDate));

    expect(await check('2024-06-01')).toEqual([
      expect.stringMatching(/no accreditation current on 2024-06-01/),
    ]);
    const recorded = await accredit(providerId, {
      startDate: '2024-01-01',
      expiryDate: '2024-12-31',
    });
    expect(await check('2024-01-01')).toEqual([]);
    expect(await check('2024-12-31')).toEqual([]);
    expect(await check('2025-01-01')).toHaveLength(1);
    expect(await check('2023-12-31')).toHaveLength(1);

    await app.request('POST', `/providers/${providerId}/accreditations/${recorded.body.id}/end`, {
      user: RM,
      body: { endDate: '2024-06-30', reason: 'Withdrawn' },
    });
    expect(await check('2024-06-30')).toEqual([]);
    expect(await check('2024-07-01')).toHaveLength(1);
  });
});

describe('who may see and change accreditations (ROLE, SS-3)', () => {
  it("SS-3: a provider user reads its own accreditations, gets 404 for another's, and writes none", async () => {
    const own = await accredit(DEMO_PROVIDER_ID);
    expect(own.status).toBe(201);
    const otherProviderId = await enrolProvider(app, `Aspen Foster Home ${randomUUID()}`);
    const theirs = await accredit(otherProviderId);

    const mine = await app.request<Page<Accreditation>>(
      'GET',
      `/providers/${DEMO_PROVIDER_ID}/accreditations`,
      { user: PROVIDER_USER },
    );
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((a) => a.id)).toEqual([own.body.id]);
    expect(
      (
        await app.request('GET', `/providers/${otherProviderId}/accreditations`, {
          user: PROVIDER_USER,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await app.request('GET', `/providers/${otherProviderId}/accreditations/${theirs.body.id}`, {
          user: PROVIDER_USER,
        })
      ).status,
    ).toBe(404);

    await expectForbiddenFor([PROVIDER_USER, CASE_WORKER, OPERATOR, ADMIN], (user) =>
      accredit(DEMO_PROVIDER_ID, {}, user),
    );
    expect(
      (
        await app.request(
          'POST',
          `/providers/${DEMO_PROVIDER_ID}/accreditations/${own.body.id}/end`,
          {
            user: PROVIDER_USER,
            body: { endDate: '2024-06-30', reason: 'Mine' },
          },
        )
      ).status,
    ).toBe(403);
  });
});
