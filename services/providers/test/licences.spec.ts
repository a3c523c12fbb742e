import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import { expectForbiddenFor, expectProblem, withoutEvents } from './support/expectations.js';
import {
  addMember,
  addProviderService,
  createServiceProduct,
  enrolProvider,
  insertDemoProvider,
  recordCompletedTraining,
  UNKNOWN_ID,
} from './support/fixtures.js';
import {
  startProvidersApp,
  type HttpMethod,
  type ProvidersApp,
  type Reply,
  type RequestOptions,
} from './support/providers-app.js';
import type { Json, Problem } from './support/types.js';
import { ADMIN, FACILITY_MANAGER, PROVIDER_USER, RM, SUPERVISOR } from './support/users.js';

/** Integration tests of licence types and licences (CRD-2, CRD-3, SVC-7, ROLE) over HTTP. */

/** A period that covers whatever day the suite runs on: approval checks today's date. */
const ALWAYS = { from: '2000-01-01', to: '2099-12-31' };

interface LicenceBody {
  id: string;
  providerId: string;
  licenceTypeCode: string;
  status: string;
  statusReason: string | null;
  period: { from: string; to: string };
  periods: { sequence: number; from: string; to: string; recordedBy: string }[];
  providerServiceIds: string[];
  validToday: boolean;
  trainingWarnings: string[];
  availableActions: string[];
}
type LicenceReply = Reply<LicenceBody & Problem>;

let app: ProvidersApp;
let fosterCare: string;
const COURSE = `FA-${randomUUID().slice(0, 6).toUpperCase()}`;

beforeAll(async () => {
  app = await startProvidersApp();
  await insertDemoProvider(app);
  const course = await call('POST', '/training-courses', {
    user: ADMIN,
    body: { code: COURSE, name: 'First aid for carers', defaultCredits: 1 },
  });
  expect(course.status).toBe(201);
  const type = await call<{ id: string }>('POST', '/licence-types', {
    user: ADMIN,
    body: {
      code: 'foster-care',
      name: 'Foster care licence',
      mandatoryCourseCodes: [COURSE.toLowerCase()],
      defaultValidityMonths: 12,
    },
  });
  expect(type.status).toBe(201);
  fosterCare = type.body.id;
});

afterAll(async () => {
  await app?.close();
});

/** Requests as the resource manager unless another user is named. */
const call = <T = Json>(method: HttpMethod, path: string, options: RequestOptions = {}) =>
  app.request<T>(method, path, { user: RM, ...options });

/** PRV-6: a provider service since 2000 (inside ALWAYS), of a new product unless one is given. */
async function addService(providerId: string, productId?: string): Promise<string> {
  const serviceProductId = productId ?? (await createServiceProduct(app));
  return (await addProviderService(app, providerId, { serviceProductId, from: '2000-01-01' })).id;
}

/** A foster parent of the provider since 2000, so a member on every date the suite uses. */
const FOSTER_PARENT = { role: 'foster-parent', from: '2000-01-01' };

/** CRD-4 via the trainings API: the member completed the course (long ago). */
const completeCourse = (memberId: string, courseCode = COURSE) =>
  recordCompletedTraining(app, memberId, { courseCode, completedOn: '2001-06-01' });

/** CRD-4: a waived managed training of the member at the provider; inserted directly. */
async function waiveCourse(
  providerId: string,
  memberId: string,
  courseCode = COURSE,
): Promise<void> {
  await app.query(
    `insert into member_training (id, member_id, kind, course_code, course_name, provider_id,
       service_product_id, requirement, required_by, status, waiver_reason, waived_by, waived_on,
       created_by, updated_by)
     values ($1, $2, 'managed', $3, $3, $4, $5, 'mandatory', '2001-12-31', 'waived',
       'Registered nurse', 'rm.rivera', '2001-06-01', 'test', 'test')`,
    [randomUUID(), memberId, courseCode, providerId, await createServiceProduct(app)],
  );
}

const licencesPath = (providerId: string) => `/providers/${providerId}/licences`;
const licencePath = (providerId: string, id: string, rest = '') =>
  `${licencesPath(providerId)}/${id}${rest}`;

async function record(
  providerId: string,
  serviceIds: string[],
  overrides: Json = {},
  user = RM,
): Promise<LicenceReply> {
  return call<LicenceBody & Problem>('POST', licencesPath(providerId), {
    user,
    body: {
      licenceTypeId: fosterCare,
      number: `FC-${randomUUID().slice(0, 6)}`,
      issuingAuthority: 'State Department of Children and Families',
      ...ALWAYS,
      providerServiceIds: serviceIds,
      ...overrides,
    },
  });
}

async function act(
  providerId: string,
  id: string,
  action: string,
  body: Json = {},
  user = RM,
): Promise<LicenceReply> {
  return call<LicenceBody & Problem>('POST', licencePath(providerId, id, `/${action}`), {
    user,
    body,
  });
}

/** A provider with one service and a pending licence covering it. */
async function pendingLicence(name = 'Hilltop Foster Home', overrides: Json = {}) {
  const providerId = await enrolProvider(app, `${name} ${randomUUID().slice(0, 6)}`, {
    approve: true,
  });
  const serviceId = await addService(providerId);
  const recorded = await record(providerId, [serviceId], overrides);
  expect(recorded.status).toBe(201);
  return { providerId, serviceId, licenceId: recorded.body.id, licence: recorded.body };
}

async function approvedLicence(overrides: Json = {}) {
  const made = await pendingLicence('Approved Home', overrides);
  expect((await act(made.providerId, made.licenceId, 'approve')).status).toBe(200);
  return made;
}

describe('licence types (CRD-2, CRD-3)', () => {
  it('CRD-3: an administrator registers a licence type with its mandatory courses; codes are upper-case and unique', async () => {
    const created = await call<Json & Problem>('POST', '/licence-types', {
      user: ADMIN,
      body: {
        code: 'day-care',
        name: 'Day care licence',
        mandatoryCourseCodes: ['cpr', 'first-aid'],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'DAY-CARE',
      name: 'Day care licence',
      description: null,
      mandatoryCourseCodes: ['CPR', 'FIRST-AID'],
      defaultValidityMonths: 12,
      createdBy: ADMIN,
    });
    const again = await call<Problem>('POST', '/licence-types', {
      user: ADMIN,
      body: { code: 'DAY-CARE', name: 'Another' },
    });
    expectProblem(again, 409);
    expect(again.body.errors).toEqual([{ field: 'code', message: 'already in use' }]);

    const changed = await call('PATCH', `/licence-types/${created.body['id'] as string}`, {
      user: ADMIN,
      body: { mandatoryCourseCodes: ['cpr'], defaultValidityMonths: 24 },
    });
    expect(changed).toMatchObject({
      status: 200,
      body: { code: 'DAY-CARE', mandatoryCourseCodes: ['CPR'], defaultValidityMonths: 24 },
    });

    const requiring = await call<{ items: { code: string }[] }>(
      'GET',
      '/licence-types?courseCode=cpr',
      { user: 'cw.chen' },
    );
    expect(requiring.status).toBe(200);
    expect(requiring.body.items.map((type) => type.code)).toEqual(['DAY-CARE']);
    const byName = await call<{ items: { code: string }[]; total: number }>(
      'GET',
      '/licence-types?name=FOSTER',
      { user: 'ops.omar' },
    );
    expect(byName.body.items.map((type) => type.code)).toEqual(['FOSTER-CARE']);
  });

  it('bad licence-type bodies are 400 naming the field; an unknown type is 404', async () => {
    const bad = await call<Problem>('POST', '/licence-types', {
      user: ADMIN,
      body: {
        code: 'bad code!',
        name: '',
        mandatoryCourseCodes: ['A', 'A'],
        defaultValidityMonths: 0,
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field).sort()).toEqual([
      'code',
      'defaultValidityMonths',
      'mandatoryCourseCodes',
      'name',
    ]);
    expect((await call('GET', `/licence-types/${UNKNOWN_ID}`, { user: ADMIN })).status).toBe(404);
    expect(
      (await call('PATCH', `/licence-types/${UNKNOWN_ID}`, { user: ADMIN, body: { name: 'X' } }))
        .status,
    ).toBe(404);
    expect((await call('GET', '/licence-types/not-a-uuid', { user: ADMIN })).status).toBe(400);
  });
});

describe('recording licences (CRD-2)', () => {
  it('CRD-2: a licence covering provider services is recorded pending; licence.recorded is published once', async () => {
    const providerId = await enrolProvider(app, 'Maple Foster Home', { approve: true });
    const first = await addService(providerId);
    const second = await addService(providerId);
    const recorded = await record(providerId, [first, second], {
      number: 'FC-2026-0042',
      from: '2026-03-01',
      to: undefined,
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      providerId,
      licenceTypeCode: 'FOSTER-CARE',
      number: 'FC-2026-0042',
      status: 'pending',
      // no end given: the licence type's 12 months
      period: { from: '2026-03-01', to: '2027-02-28' },
      periods: [{ sequence: 1, from: '2026-03-01', to: '2027-02-28', recordedBy: RM }],
      validToday: false,
      trainingWarnings: [],
      availableActions: ['approve', 'reject'],
    });
    expect([...recorded.body.providerServiceIds].sort()).toEqual([first, second].sort());

    const [event] = await app.expectEvents(recorded.body.id, ['licence.recorded']);
    expect(event).toMatchObject({
      version: 1,
      aggregateType: 'licence',
      aggregateId: recorded.body.id,
      actor: { userId: RM },
      data: {
        licenceId: recorded.body.id,
        providerId,
        licenceTypeId: fosterCare,
        licenceTypeCode: 'FOSTER-CARE',
        number: 'FC-2026-0042',
        from: '2026-03-01',
        to: '2027-02-28',
      },
    });
    expect(
      [...((event?.data as { providerServiceIds: string[] }).providerServiceIds ?? [])].sort(),
    ).toEqual([first, second].sort());
  });

  it("CRD-2: a licence covers only its own provider's services — another provider's is 422 naming CRD-2, and nothing is recorded", async () => {
    const providerId = await enrolProvider(app, 'Own Services Home', { approve: true });
    const own = await addService(providerId);
    const otherProvider = await enrolProvider(app, 'Other Home', { approve: true });
    const foreign = await addService(otherProvider);
    for (const ids of [[own, foreign], [UNKNOWN_ID]]) {
      const refused = await withoutEvents(app, () => record(providerId, ids));
      expectProblem(refused, 422, { rule: 'CRD-2' });
      expect(refused.body.detail).toContain(ids[ids.length - 1]);
    }
    const list = await call<{ total: number }>('GET', licencesPath(providerId));
    expect(list.body.total).toBe(0);
  });

  it('bad licence bodies are 400 naming each field; an unknown type 422; an unknown provider 404', async () => {
    const providerId = await enrolProvider(app, 'Bad Input Home', { approve: true });
    const serviceId = await addService(providerId);
    const bad = await withoutEvents(app, () =>
      record(providerId, [], { number: '', from: '2026-02-30', licenceTypeId: 'x' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field).sort()).toEqual([
      'from',
      'licenceTypeId',
      'number',
      'providerServiceIds',
    ]);
    const backwards = await record(providerId, [serviceId], {
      from: '2026-05-01',
      to: '2026-04-30',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([
      { field: 'to', message: 'CRD-2: a licence period cannot end before it starts' },
    ]);
    const unknownType = await withoutEvents(app, () =>
      record(providerId, [serviceId], { licenceTypeId: UNKNOWN_ID }),
    );
    expect(unknownType).toMatchObject({ status: 422, body: { rule: 'CRD-2' } });
    expect((await record(UNKNOWN_ID, [serviceId])).status).toBe(404);
    expect((await call('GET', licencesPath(UNKNOWN_ID))).status).toBe(404);
    expect((await call('GET', licencePath(providerId, UNKNOWN_ID))).status).toBe(404);
    expect((await act(providerId, UNKNOWN_ID, 'approve')).status).toBe(404);
  });
});

describe('the licence lifecycle (CRD-2)', () => {
  it('CRD-2: approval makes the licence valid in its period; licence.approved carries the period', async () => {
    const { providerId, serviceId, licenceId } = await pendingLicence();
    const approved = await act(providerId, licenceId, 'approve', {}, FACILITY_MANAGER);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      validToday: true,
      availableActions: ['suspend', 'renew', 'record-non-compliance', 'expire'],
    });
    const [, event] = await app.expectEvents(licenceId, ['licence.recorded', 'licence.approved']);
    expect(event).toMatchObject({
      actor: { userId: FACILITY_MANAGER },
      data: {
        licenceId,
        providerId,
        previousStatus: 'pending',
        ...ALWAYS,
        providerServiceIds: [serviceId],
        trainingWarnings: [],
      },
    });
    const valid = await call<{ items: { id: string }[] }>(
      'GET',
      `${licencesPath(providerId)}?validOn=2050-06-01&providerServiceId=${serviceId}`,
      { user: 'cw.chen' },
    );
    expect(valid.body.items.map((item) => item.id)).toEqual([licenceId]);
  });

  it('CRD-2: a rejected licence can be approved later', async () => {
    const { providerId, licenceId } = await pendingLicence('Rejected Then Approved');
    const noReason = await withoutEvents(app, () => act(providerId, licenceId, 'reject', {}));
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors?.[0]?.field).toBe('reason');
    const rejected = await act(providerId, licenceId, 'reject', {
      reason: 'The number does not match the certificate',
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      statusReason: 'The number does not match the certificate',
      validToday: false,
    });
    const approved = await act(providerId, licenceId, 'approve', { reason: 'Corrected copy' });
    expect(approved.body).toMatchObject({ status: 'approved', statusReason: null });
    const events = await app.expectEvents(licenceId, [
      'licence.recorded',
      'licence.rejected',
      'licence.approved',
    ]);
    expect(events[1]?.data).toMatchObject({ reason: 'The number does not match the certificate' });
    expect(events[2]?.data).toMatchObject({ previousStatus: 'rejected' });
  });

  it('CRD-2: an illegal move is 409 naming CRD-2, changes nothing and publishes nothing', async () => {
    const { providerId, licenceId } = await pendingLicence('Illegal Moves');
    for (const [action, body] of [
      ['suspend', { reason: 'x' }],
      ['reinstate', {}],
      ['renew', {}],
      ['non-compliance', { reason: 'Safety issue found' }],
    ] as const) {
      const refused = await withoutEvents(app, () => act(providerId, licenceId, action, body));
      expectProblem(refused, 409, { rule: 'CRD-2' });
    }
    await act(providerId, licenceId, 'approve');
    for (const [action, body] of [
      ['approve', {}],
      ['reject', { reason: 'x' }],
      ['reinstate', {}],
    ] as const) {
      const refused = await withoutEvents(app, () => act(providerId, licenceId, action, body));
      expect(refused).toMatchObject({ status: 409, body: { rule: 'CRD-2' } });
      expect(refused.body.detail).toContain('an approved licence cannot be');
    }
    const current = await call<LicenceBody>('GET', licencePath(providerId, licenceId));
    expect(current.body.status).toBe('approved');
    await app.expectEvents(licenceId, ['licence.recorded', 'licence.approved']);
  });

  it('CRD-2: a suspended licence is not valid; reinstating makes it valid again; the status history says who, when, from, to and why', async () => {
    const { providerId, licenceId } = await approvedLicence();
    const suspended = await act(
      providerId,
      licenceId,
      'suspend',
      { reason: 'Complaint: safety rules broken' },
      SUPERVISOR,
    );
    expect(suspended.body).toMatchObject({ status: 'suspended', validToday: false });
    const notValid = await call<{ total: number }>(
      'GET',
      `${licencesPath(providerId)}?validOn=2050-06-01`,
    );
    expect(notValid.body.total).toBe(0);
    const reinstated = await act(providerId, licenceId, 'reinstate', {
      reason: 'Complaint unsubstantiated',
    });
    expect(reinstated.body).toMatchObject({
      status: 'approved',
      validToday: true,
      statusReason: null,
    });

    const history = await call<Json[]>(
      'GET',
      licencePath(providerId, licenceId, '/status-history'),
      {
        user: 'ops.omar',
      },
    );
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject([
      { action: 'record', fromStatus: null, toStatus: 'pending', actor: RM },
      { action: 'approve', fromStatus: 'pending', toStatus: 'approved', actor: RM },
      {
        action: 'suspend',
        fromStatus: 'approved',
        toStatus: 'suspended',
        reason: 'Complaint: safety rules broken',
        actor: SUPERVISOR,
      },
      {
        action: 'reinstate',
        fromStatus: 'suspended',
        toStatus: 'approved',
        reason: 'Complaint unsubstantiated',
        actor: RM,
      },
    ]);
    expect(Date.parse(history.body[2]!['at'] as string)).not.toBeNaN();
    const events = await app.expectEvents(licenceId, [
      'licence.recorded',
      'licence.approved',
      'licence.suspended',
      'licence.reinstated',
    ]);
    expect(events[2]?.data).toMatchObject({ reason: 'Complaint: safety rules broken' });
    expect(events[3]?.data).toMatchObject({ ...ALWAYS, reason: 'Complaint unsubstantiated' });
  });

  it('CRD-2: renewal gives a new period right after the current one and keeps the period history', async () => {
    const { providerId, licenceId } = await approvedLicence({
      from: '2000-01-01',
      to: '2098-12-31',
    });
    const tooShort = await withoutEvents(app, () =>
      act(providerId, licenceId, 'renew', { to: '2098-12-31' }),
    );
    expect(tooShort).toMatchObject({ status: 422, body: { rule: 'CRD-2' } });
    expect(tooShort.body.detail).toContain('starts on 2099-01-01');

    const renewed = await act(providerId, licenceId, 'renew', {}, SUPERVISOR);
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({
      status: 'approved',
      // no end given: the licence type's 12 months
      period: { from: '2099-01-01', to: '2099-12-31' },
      periods: [
        { sequence: 1, from: '2000-01-01', to: '2098-12-31', recordedBy: RM },
        { sequence: 2, from: '2099-01-01', to: '2099-12-31', recordedBy: SUPERVISOR },
      ],
      validToday: true,
    });
    const again = await act(providerId, licenceId, 'renew', { to: '2101-06-30' });
    expect(again.body.periods.map((period) => period.to)).toEqual([
      '2098-12-31',
      '2099-12-31',
      '2101-06-30',
    ]);
    const events = await app.expectEvents(licenceId, [
      'licence.recorded',
      'licence.approved',
      'licence.renewed',
      'licence.renewed',
    ]);
    expect(events[2]?.data).toMatchObject({
      previousTo: '2098-12-31',
      from: '2099-01-01',
      to: '2099-12-31',
    });
    // still valid in the first period, and in the renewed ones
    for (const day of ['2050-01-01', '2099-06-01', '2101-06-30']) {
      const valid = await call<{ total: number }>(
        'GET',
        `${licencesPath(providerId)}?validOn=${day}`,
      );
      expect(valid.body.total).toBe(1);
    }
  });

  it('CRD-2: instead of renewing, non-compliance is recorded with a reason; the licence is no longer valid and final', async () => {
    const { providerId, licenceId } = await approvedLicence();
    const noReason = await withoutEvents(app, () =>
      act(providerId, licenceId, 'non-compliance', { reason: ' ' }),
    );
    expect(noReason.status).toBe(400);
    const recorded = await act(providerId, licenceId, 'non-compliance', {
      reason: 'Safety issue found',
    });
    expect(recorded.body).toMatchObject({
      status: 'non-compliant',
      statusReason: 'Safety issue found',
      validToday: false,
      availableActions: [],
    });
    const renew = await withoutEvents(app, () => act(providerId, licenceId, 'renew', {}));
    expect(renew).toMatchObject({ status: 409, body: { rule: 'CRD-2' } });
    const [, , event] = await app.expectEvents(licenceId, [
      'licence.recorded',
      'licence.approved',
      'licence.non-compliance-recorded',
    ]);
    expect(event?.data).toMatchObject({ previousStatus: 'approved', reason: 'Safety issue found' });
    const list = await call<{ items: { id: string }[] }>(
      'GET',
      `${licencesPath(providerId)}?status=non-compliant`,
    );
    expect(list.body.items.map((item) => item.id)).toEqual([licenceId]);
  });
});

describe('the licence training requirement (CRD-3)', () => {
  it('CRD-3: an active member missing a mandatory course is a warning at approval; the approval proceeds and keeps the warning', async () => {
    const { providerId, licenceId } = await pendingLicence('Training Gap Home');
    const maria = await addMember(app, providerId, 'Maria Lopez', FOSTER_PARENT);
    const jamal = await addMember(app, providerId, 'Jamal Okafor', FOSTER_PARENT);
    await completeCourse(jamal);

    const check = await call<Json>(
      'GET',
      licencePath(providerId, licenceId, '/training-check?date=2026-06-01'),
      { user: 'cw.chen' },
    );
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({
      licenceId,
      licenceTypeCode: 'FOSTER-CARE',
      mandatoryCourseCodes: [COURSE],
      checkedOn: '2026-06-01',
      membersMissingCourses: [
        { memberId: maria, memberName: 'Maria Lopez', missingCourseCodes: [COURSE] },
      ],
    });
    const warning = `CRD-3: Maria Lopez (member ${maria}) has neither completed nor waived mandatory course ${COURSE} of licence type FOSTER-CARE`;
    expect(check.body['warnings']).toEqual([warning]);

    const approved = await act(providerId, licenceId, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', trainingWarnings: [warning] });
    const history = await call<{ action: string; trainingWarnings: string[] }[]>(
      'GET',
      licencePath(providerId, licenceId, '/status-history'),
    );
    expect(history.body.find((change) => change.action === 'approve')?.trainingWarnings).toEqual([
      warning,
    ]);
    const [, event] = await app.expectEvents(licenceId, ['licence.recorded', 'licence.approved']);
    expect(event?.data).toMatchObject({ trainingWarnings: [warning] });
    // before the course was completed (2001-06-01) both members miss it
    const earlier = await call<{ warnings: string[] }>(
      'GET',
      licencePath(providerId, licenceId, '/training-check?date=2001-01-01'),
    );
    expect(earlier.body.warnings).toHaveLength(2);
  });

  it('CRD-3: members who completed or were waived from every mandatory course give no warning, at approval or renewal', async () => {
    const { providerId, licenceId } = await pendingLicence('Fully Trained Home', {
      from: '2000-01-01',
      to: '2098-12-31',
    });
    await completeCourse(await addMember(app, providerId, 'Ana Silva', FOSTER_PARENT));
    await waiveCourse(providerId, await addMember(app, providerId, 'Ben Okoro', FOSTER_PARENT));
    const check = await call<{ warnings: string[] }>(
      'GET',
      licencePath(providerId, licenceId, '/training-check'),
    );
    expect(check.body.warnings).toEqual([]);
    const approved = await act(providerId, licenceId, 'approve');
    expect(approved.body.trainingWarnings).toEqual([]);

    // a new member without the course: the renewal warns about them (and still renews)
    const carl = await addMember(app, providerId, 'Carl Berg', FOSTER_PARENT);
    const renewed = await act(providerId, licenceId, 'renew', { to: '2099-12-31' });
    expect(renewed.status).toBe(200);
    expect(renewed.body.trainingWarnings).toEqual([expect.stringContaining(`member ${carl}`)]);
    const events = await app.expectEvents(licenceId, [
      'licence.recorded',
      'licence.approved',
      'licence.renewed',
    ]);
    expect(events[2]?.data).toMatchObject({
      trainingWarnings: [expect.stringContaining('Carl Berg')],
    });
  });

  it('CRD-3: a training-check date that is not a date is 400 naming it', async () => {
    const { providerId, licenceId } = await pendingLicence('Bad Date Home');
    const bad = await call<Problem>(
      'GET',
      licencePath(providerId, licenceId, '/training-check?date=2026-13-01'),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.field).toBe('date');
  });
});

describe('the licence approval criterion of provider services (SVC-7, CRD-2)', () => {
  it('SVC-7: approving a provider service warns unless a licence valid today covers it', async () => {
    const providerId = await enrolProvider(app, 'Criterion Home', { approve: true });
    const covered = await addService(
      providerId,
      await createServiceProduct(app, { approvalCriteria: ['licence'] }),
    );
    const uncovered = await addService(
      providerId,
      await createServiceProduct(app, { approvalCriteria: ['licence'] }),
    );
    const recorded = await record(providerId, [covered]);
    // pending: not valid yet
    const early = await call<{ warnings: { criterion?: string; message: string }[] }>(
      'POST',
      `/providers/${providerId}/services/${covered}/approve`,
    );
    expect(early.status).toBe(200);
    expect(early.body.warnings.filter((w) => w.criterion === 'licence')).toHaveLength(1);
    await call('POST', `/providers/${providerId}/services/${covered}/suspend`, {
      body: { reason: 'Re-check licence' },
    });
    expect((await act(providerId, recorded.body.id, 'approve')).status).toBe(200);

    const approved = await call<{ warnings: { criterion?: string; message: string }[] }>(
      'POST',
      `/providers/${providerId}/services/${covered}/approve`,
    );
    expect(approved.status).toBe(200);
    expect(approved.body.warnings.filter((w) => w.criterion === 'licence')).toEqual([]);
    const other = await call<{ warnings: { criterion?: string; message: string }[] }>(
      'POST',
      `/providers/${providerId}/services/${uncovered}/approve`,
    );
    expect(other.body.warnings.filter((w) => w.criterion === 'licence')).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(`provider service ${uncovered}`),
      }),
    ]);
  });
});

describe('who may see and change licences (ROLE, ROLE-2, SS-3)', () => {
  it('ROLE-2: a provider reads its own licences and gets 404 for another provider’s; it never writes', async () => {
    const serviceId = await addService(DEMO_PROVIDER_ID);
    const own = await record(DEMO_PROVIDER_ID, [serviceId]);
    expect(own.status).toBe(201);
    const other = await pendingLicence('Not Sunrise');

    const list = await call<{ items: { id: string }[] }>('GET', licencesPath(DEMO_PROVIDER_ID), {
      user: PROVIDER_USER,
    });
    expect(list.status).toBe(200);
    expect(list.body.items.map((item) => item.id)).toEqual([own.body.id]);
    expect(
      (await call('GET', licencePath(DEMO_PROVIDER_ID, own.body.id), { user: PROVIDER_USER }))
        .status,
    ).toBe(200);
    expect(
      (
        await call('GET', licencePath(DEMO_PROVIDER_ID, own.body.id, '/status-history'), {
          user: PROVIDER_USER,
        })
      ).status,
    ).toBe(200);

    for (const path of [
      licencesPath(other.providerId),
      licencePath(other.providerId, other.licenceId),
      licencePath(other.providerId, other.licenceId, '/status-history'),
      licencePath(other.providerId, other.licenceId, '/training-check'),
      // another provider's licence under the provider's own path
      licencePath(DEMO_PROVIDER_ID, other.licenceId),
    ]) {
      const reply = await call<Problem>('GET', path, { user: PROVIDER_USER });
      expectProblem(reply, 404);
    }
    const write = await withoutEvents(app, () =>
      act(DEMO_PROVIDER_ID, own.body.id, 'approve', {}, PROVIDER_USER),
    );
    expect(write.status).toBe(403);
    expect((await record(DEMO_PROVIDER_ID, [serviceId], {}, PROVIDER_USER)).status).toBe(403);
    expect((await call('GET', '/licence-types', { user: PROVIDER_USER })).status).toBe(403);
  });

  it('ROLE: only resource managers, supervisors and facility managers write licences; only administrators licence types; operators read', async () => {
    const { providerId, serviceId, licenceId } = await pendingLicence('Role Home');
    for (const user of ['cw.chen', 'fin.fatima', 'ops.omar', ADMIN]) {
      const recordReply = await withoutEvents(app, () => record(providerId, [serviceId], {}, user));
      expectProblem(recordReply, 403);
      expect((await act(providerId, licenceId, 'approve', {}, user)).status).toBe(403);
      expect((await act(providerId, licenceId, 'reject', { reason: 'x' }, user)).status).toBe(403);
    }
    await expectForbiddenFor(
      [RM, SUPERVISOR, FACILITY_MANAGER, 'ops.omar', PROVIDER_USER],
      (user) =>
        call('POST', '/licence-types', {
          user,
          body: { code: `T-${randomUUID().slice(0, 4)}`, name: 'Type' },
        }),
    );
    expect((await call('GET', licencesPath(providerId), { user: 'ops.omar' })).status).toBe(200);
    expect((await call('GET', licencesPath(providerId), { user: 'fin.fatima' })).status).toBe(200);
    expect((await call('GET', licencesPath(providerId), {})).status).toBe(200);
    const anonymous = await app.request('GET', licencesPath(providerId));
    expect(anonymous.status).toBe(401);
    await app.expectEvents(licenceId, ['licence.recorded']);
  });
});
