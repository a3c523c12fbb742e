import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import { serviceProductExample } from '../src/service-registry/service-products/service-product.schemas.js';
import { expectForbiddenFor, expectProblem } from './support/expectations.js';
import {
  addMember,
  createServiceProduct,
  enrolProvider,
  insertDemoProvider,
  postCreated,
  UNKNOWN_ID,
} from './support/fixtures.js';
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
type Course = { id: string; code: string; name: string; serviceProductId: string | null };
type Training = {
  id: string;
  memberId: string;
  kind: string;
  courseCode: string | null;
  courseName: string;
  status: string;
  providerId: string | null;
  requirement: string | null;
  requiredBy: string | null;
  approvedBy: string | null;
  completedOn: string | null;
  units: number | null;
  waiverReason: string | null;
};

beforeAll(async () => {
  app = await startProvidersApp();
  await insertDemoProvider(app);
});
afterAll(async () => {
  await app?.close();
});

/** The registry's example product, without mandatory courses of its own. */
const serviceProduct = (name: string) =>
  createServiceProduct(app, { ...serviceProductExample, name, mandatoryCourseCodes: [] });

const course = (body: Record<string, unknown>) =>
  postCreated<Course>(app, '/training-courses', body, ADMIN);

function record(memberId: string, body: Record<string, unknown>, user = RM) {
  return app.request<Training & Problem>('POST', `/members/${memberId}/trainings`, { user, body });
}

const uniqueCode = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`.toUpperCase();

describe('training course registry (CRD-4)', () => {
  it('CRD-4: an administrator registers a course with a unique code, stored upper-case', async () => {
    const code = uniqueCode('first-aid').toLowerCase();
    const created = await app.request<Course & Problem>('POST', '/training-courses', {
      user: ADMIN,
      body: {
        code,
        name: 'First aid for carers',
        defaultCredits: 2,
        creditVariations: [{ categoryCode: 'FOSTER-CARE', credits: 3 }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: code.toUpperCase(),
      name: 'First aid for carers',
      defaultCredits: 2,
      creditVariations: [{ categoryCode: 'FOSTER-CARE', typeCode: null, credits: 3 }],
      serviceProductId: null,
      active: true,
    });

    const again = await app.request<Problem>('POST', '/training-courses', {
      user: ADMIN,
      body: { code: code.toUpperCase(), name: 'Another', defaultCredits: 1 },
    });
    expectProblem(again, 409);
    expect(again.body.errors).toEqual([{ field: 'code', message: 'already in use' }]);
  });

  it('CRD-4: courses are searched by code or name, paginated; staff and operators read', async () => {
    const marker = randomUUID().slice(0, 8);
    await course({ code: uniqueCode('SRCH'), name: `Safeguarding ${marker}`, defaultCredits: 1 });
    const coded = await course({
      code: `CODE-${marker}`,
      name: 'Medication handling',
      defaultCredits: 1,
    });
    const byName = await app.request<Page<Course>>(
      'GET',
      `/training-courses?search=${marker}&limit=1`,
      { user: CASE_WORKER },
    );
    expect(byName.status).toBe(200);
    expect(byName.body.total).toBe(2);
    expect(byName.body.items).toHaveLength(1);
    const byCode = await app.request<Page<Course>>(
      'GET',
      `/training-courses?search=code-${marker}`,
      { user: OPERATOR },
    );
    expect(byCode.body.items.map((c) => c.id)).toEqual([coded.id]);

    const one = await app.request<Course>('GET', `/training-courses/${coded.id}`, {
      user: FACILITY_MANAGER,
    });
    expect(one.body).toMatchObject({ id: coded.id, name: 'Medication handling' });
    expect((await app.request('GET', `/training-courses/${UNKNOWN_ID}`, { user: RM })).status).toBe(
      404,
    );
  });

  it('CRD-4: an administrator changes credits and links a training service product; the code stays', async () => {
    const created = await course({
      code: uniqueCode('UPD'),
      name: 'Fire safety',
      defaultCredits: 1,
    });
    const productId = await serviceProduct(`Fire safety training ${randomUUID()}`);
    const changed = await app.request<Course & { defaultCredits: number }>(
      'PATCH',
      `/training-courses/${created.id}`,
      { user: ADMIN, body: { defaultCredits: 1.5, serviceProductId: productId } },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ defaultCredits: 1.5, serviceProductId: productId });

    const code = await app.request<Problem>('PATCH', `/training-courses/${created.id}`, {
      user: ADMIN,
      body: { code: 'OTHER' },
    });
    expect(code.status).toBe(400);
    // an unknown key is reported with its name
    expect(code.body.errors?.[0]?.message).toContain('"code"');

    // CRD-4: a training service product delivers one course
    const second = await app.request<Problem>('POST', '/training-courses', {
      user: ADMIN,
      body: {
        code: uniqueCode('DUP'),
        name: 'Same product',
        defaultCredits: 1,
        serviceProductId: productId,
      },
    });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ rule: 'CRD-4' });
  });

  it('CRD-4: bad course bodies answer 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ code: 'X', name: 'Bad credits', defaultCredits: 1.234 }, 'defaultCredits'],
      [{ code: 'has space', name: 'Bad code', defaultCredits: 1 }, 'code'],
      [
        {
          code: 'X',
          name: 'No classification',
          defaultCredits: 1,
          creditVariations: [{ credits: 2 }],
        },
        'creditVariations.0',
      ],
      [
        { code: 'X', name: 'Unknown product', defaultCredits: 1, serviceProductId: UNKNOWN_ID },
        'serviceProductId',
      ],
    ];
    for (const [body, field] of cases) {
      const reply = await app.request<Problem>('POST', '/training-courses', { user: ADMIN, body });
      expect(reply.status).toBe(400);
      expect(reply.body.errors?.map((error) => error.field)).toContain(field);
    }
  });

  it('ROLE: only administrators configure courses; provider users do not read the registry', async () => {
    const body = { code: uniqueCode('ROLE'), name: 'Not allowed', defaultCredits: 1 };
    await expectForbiddenFor([RM, CASE_WORKER, OPERATOR, PROVIDER_USER], (user) =>
      app.request('POST', '/training-courses', { user, body }),
    );
    expect((await app.request('GET', '/training-courses', { user: PROVIDER_USER })).status).toBe(
      403,
    );
    expect((await app.request('GET', '/training-courses')).status).toBe(401);
  });
});

describe('unmanaged trainings (CRD-4)', () => {
  it('CRD-4: a free-text course with its training provider is recorded completed and announced once', async () => {
    const providerId = await enrolProvider(app, 'Maple Foster Home');
    const memberId = await addMember(app, providerId, 'Ana Park');
    const recorded = await record(memberId, {
      kind: 'unmanaged',
      courseName: 'Trauma-informed care',
      trainingProviderName: 'Springfield Community College',
      units: 4,
      completedOn: '2025-02-20',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      memberId,
      kind: 'unmanaged',
      courseCode: null,
      courseName: 'Trauma-informed care',
      status: 'completed',
      completedOn: '2025-02-20',
      units: 4,
    });
    const [event] = await app.expectEvents(memberId, ['member-training.completed']);
    expect(event).toMatchObject({
      aggregateType: 'member',
      aggregateId: memberId,
      actor: { userId: RM },
      data: {
        memberId,
        trainingId: recorded.body.id,
        kind: 'unmanaged',
        courseCode: null,
        courseName: 'Trauma-informed care',
        trainingProviderName: 'Springfield Community College',
        providerId: null,
        completedOn: '2025-02-20',
        units: 4,
      },
    });
  });

  it('CRD-4: a registered course takes its name from the registry; units are optional', async () => {
    const providerId = await enrolProvider(app, 'Birch Foster Home');
    const memberId = await addMember(app, providerId, 'Ben Ortiz');
    const registered = await course({
      code: uniqueCode('CPR'),
      name: 'CPR basics',
      defaultCredits: 1,
    });
    const recorded = await record(memberId, {
      kind: 'unmanaged',
      courseCode: registered.code.toLowerCase(),
      completedOn: '2025-03-01',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      courseCode: registered.code,
      courseName: 'CPR basics',
      units: null,
      status: 'completed',
    });
    const list = await app.request<Page<Training>>(
      'GET',
      `/members/${memberId}/trainings?kind=unmanaged&courseCode=${registered.code}`,
      { user: OPERATOR },
    );
    expect(list.body.items.map((t) => t.id)).toEqual([recorded.body.id]);
  });

  it('CRD-4: refused unmanaged trainings answer 400 naming the field and publish nothing', async () => {
    const providerId = await enrolProvider(app, 'Cedar Foster Home');
    const memberId = await addMember(app, providerId, 'Cy Lee');
    const cases: [Record<string, unknown>, string][] = [
      [
        { kind: 'unmanaged', courseName: 'Free text', completedOn: '2025-01-01' },
        'trainingProviderName',
      ],
      [
        { kind: 'unmanaged', trainingProviderName: 'College', completedOn: '2025-01-01' },
        'courseCode',
      ],
      [
        { kind: 'unmanaged', courseCode: 'NO-SUCH-COURSE', completedOn: '2025-01-01' },
        'courseCode',
      ],
      [
        {
          kind: 'unmanaged',
          courseName: 'Later',
          trainingProviderName: 'College',
          completedOn: '2099-01-01',
        },
        'completedOn',
      ],
      [
        {
          kind: 'unmanaged',
          courseName: 'Odd',
          trainingProviderName: 'College',
          completedOn: '2025-01-01',
          units: -1,
        },
        'units',
      ],
      [{ kind: 'self-taught', completedOn: '2025-01-01' }, 'kind'],
    ];
    for (const [body, field] of cases) {
      const reply = await record(memberId, body);
      expectProblem(reply, 400, { field: field });
    }
    expect(
      (
        await record(UNKNOWN_ID, {
          kind: 'unmanaged',
          courseName: 'x',
          trainingProviderName: 'y',
          completedOn: '2025-01-01',
        })
      ).status,
    ).toBe(404);
    // none of the refused requests published anything: the first event is the next success
    await record(memberId, {
      kind: 'unmanaged',
      courseName: 'Valid at last',
      trainingProviderName: 'College',
      completedOn: '2025-01-01',
    });
    await app.expectEvents(memberId, ['member-training.completed']);
  });
});

describe('managed trainings (CRD-4)', () => {
  async function trainingProduct(): Promise<{ productId: string; course: Course }> {
    const productId = await serviceProduct(`Paediatric first aid ${randomUUID()}`);
    const created = await course({
      code: uniqueCode('PFA'),
      name: 'Paediatric first aid',
      defaultCredits: 2,
      serviceProductId: productId,
    });
    return { productId, course: created };
  }

  it('CRD-4: a provider training for participants: assigned, approved, completed with date and units', async () => {
    const providerId = await enrolProvider(app, 'Oak Foster Home');
    const first = await addMember(app, providerId, 'Dee Ray');
    const second = await addMember(app, providerId, 'Eve Sun');
    const { productId, course: pfa } = await trainingProduct();

    const assigned = await app.request<{ items: Training[] } & Problem>(
      'POST',
      `/providers/${providerId}/trainings`,
      {
        user: RM,
        body: {
          serviceProductId: productId,
          requirement: 'mandatory',
          requiredBy: '2025-06-30',
          participantIds: [first, second],
        },
      },
    );
    expect(assigned.status).toBe(201);
    expect(assigned.body.items).toHaveLength(2);
    expect(assigned.body.items[0]).toMatchObject({
      memberId: first,
      kind: 'managed',
      courseCode: pfa.code,
      courseName: 'Paediatric first aid',
      providerId,
      serviceProductId: productId,
      requirement: 'mandatory',
      requiredBy: '2025-06-30',
      status: 'assigned',
    });
    const trainingId = assigned.body.items[0]!.id;
    const base = `/members/${first}/trainings/${trainingId}`;

    // CRD-4: approved before completion is recorded
    const early = await app.request<Problem>('POST', `${base}/complete`, {
      user: RM,
      body: { completedOn: '2025-05-01', units: 6 },
    });
    expect(early.status).toBe(409);
    expect(early.body.rule).toBe('CRD-4');

    const approved = await app.request<Training>('POST', `${base}/approve`, { user: SUPERVISOR });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: SUPERVISOR });

    const completed = await app.request<Training>('POST', `${base}/complete`, {
      user: FACILITY_MANAGER,
      body: { completedOn: '2025-05-01', units: 6 },
    });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({
      status: 'completed',
      completedOn: '2025-05-01',
      units: 6,
    });
    const [event] = await app.expectEvents(first, ['member-training.completed']);
    expect(event).toMatchObject({
      aggregateType: 'member',
      actor: { userId: FACILITY_MANAGER },
      data: {
        memberId: first,
        trainingId,
        kind: 'managed',
        courseCode: pfa.code,
        providerId,
        serviceProductId: productId,
        completedOn: '2025-05-01',
        units: 6,
      },
    });

    // CRD-4: a completed training is not waived; nothing more is published
    const waived = await app.request<Problem>('POST', `${base}/waive`, {
      user: RM,
      body: { reason: 'Too late' },
    });
    expect(waived.status).toBe(409);
    expect(waived.body.rule).toBe('CRD-4');

    const list = await app.request<Page<Training>>(
      'GET',
      `/providers/${providerId}/trainings?status=assigned&requirement=mandatory`,
      { user: CASE_WORKER },
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((t) => t.memberId)).toEqual([second]);
    await app.expectEvents(first, ['member-training.completed']);
  });

  it('CRD-4: waiving needs a reason and is announced once', async () => {
    const providerId = await enrolProvider(app, 'Pine Foster Home');
    const memberId = await addMember(app, providerId, 'Fay Grant');
    const { productId, course: pfa } = await trainingProduct();
    const assigned = await record(memberId, {
      kind: 'managed',
      providerId,
      serviceProductId: productId,
      requirement: 'recommended',
      requiredBy: '2025-09-30',
    });
    expect(assigned.status).toBe(201);
    const base = `/members/${memberId}/trainings/${assigned.body.id}`;

    const noReason = await app.request<Problem>('POST', `${base}/waive`, {
      user: RM,
      body: { reason: ' ' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors?.[0]?.field).toBe('reason');

    const waived = await app.request<Training>('POST', `${base}/waive`, {
      user: RM,
      body: { reason: 'Registered nurse', waivedOn: '2025-04-01' },
    });
    expect(waived.status).toBe(200);
    expect(waived.body).toMatchObject({ status: 'waived', waiverReason: 'Registered nurse' });
    const [event] = await app.expectEvents(memberId, ['member-training.waived']);
    expect(event).toMatchObject({
      data: {
        memberId,
        trainingId: assigned.body.id,
        courseCode: pfa.code,
        providerId,
        serviceProductId: productId,
        requirement: 'recommended',
        reason: 'Registered nurse',
        waivedOn: '2025-04-01',
      },
    });
    const again = await app.request<Problem>('POST', `${base}/approve`, { user: RM });
    expect(again.status).toBe(409);
    await app.expectEvents(memberId, ['member-training.waived']);
  });

  it('CRD-4: managed trainings are for current members of the provider, once per open course', async () => {
    const providerId = await enrolProvider(app, 'Elm Foster Home');
    const otherProviderId = await enrolProvider(app, 'Ash Foster Home');
    const memberId = await addMember(app, providerId, 'Gus Hale');
    const outsider = await addMember(app, otherProviderId, 'Hal Ives');
    const { productId } = await trainingProduct();
    const body = {
      serviceProductId: productId,
      requirement: 'mandatory',
      requiredBy: '2025-06-30',
    };

    const notMember = await app.request<Problem>('POST', `/providers/${providerId}/trainings`, {
      user: RM,
      body: { ...body, participantIds: [memberId, outsider] },
    });
    expect(notMember.status).toBe(409);
    expect(notMember.body.rule).toBe('CRD-4');

    expect(
      (
        await app.request('POST', `/providers/${providerId}/trainings`, {
          user: RM,
          body: { ...body, participantIds: [memberId] },
        })
      ).status,
    ).toBe(201);
    const twice = await app.request<Problem>('POST', `/providers/${providerId}/trainings`, {
      user: RM,
      body: { ...body, participantIds: [memberId] },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.rule).toBe('CRD-4');

    const plainProduct = await serviceProduct(`Not a training ${randomUUID()}`);
    const notTraining = await app.request<Problem>('POST', `/providers/${providerId}/trainings`, {
      user: RM,
      body: { ...body, serviceProductId: plainProduct, participantIds: [memberId] },
    });
    expect(notTraining.status).toBe(400);
    expect(notTraining.body.errors?.[0]?.field).toBe('serviceProductId');

    const unknownMember = await app.request<Problem>('POST', `/providers/${providerId}/trainings`, {
      user: RM,
      body: { ...body, participantIds: [UNKNOWN_ID] },
    });
    expect(unknownMember.status).toBe(400);
    expect(unknownMember.body.errors?.[0]?.field).toBe('participantIds.0');

    expect(
      (
        await app.request('POST', `/providers/${UNKNOWN_ID}/trainings`, {
          user: RM,
          body: { ...body, participantIds: [memberId] },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await app.request('POST', `/members/${memberId}/trainings/${UNKNOWN_ID}/approve`, {
          user: RM,
        })
      ).status,
    ).toBe(404);
    await record(memberId, {
      kind: 'unmanaged',
      courseName: 'Marker',
      trainingProviderName: 'College',
      completedOn: '2025-01-01',
    });
    await app.expectEvents(memberId, ['member-training.completed']);
  });
});

describe('training credits (CRD-4)', () => {
  it('CRD-4: credits weight courses and vary by the provider category and type', async () => {
    const providerId = await enrolProvider(app, 'Willow Foster Home');
    await app.query(
      "update provider set category_code = 'FOSTER-CARE', type_code = 'THERAPEUTIC' where id = $1",
      [providerId],
    );
    const memberId = await addMember(app, providerId, 'Ivy Jones');
    const weighted = await course({
      code: uniqueCode('WEIGHT'),
      name: 'Therapeutic parenting',
      defaultCredits: 2,
      creditVariations: [
        { categoryCode: 'FOSTER-CARE', credits: 3 },
        { categoryCode: 'FOSTER-CARE', typeCode: 'THERAPEUTIC', credits: 5 },
      ],
    });
    await record(memberId, {
      kind: 'unmanaged',
      courseCode: weighted.code,
      completedOn: '2025-03-01',
    });
    await record(memberId, {
      kind: 'unmanaged',
      courseName: 'Attachment theory',
      trainingProviderName: 'Open University',
      units: 1.5,
      completedOn: '2025-04-01',
    });

    type Credits = { total: number; categoryCode: string | null; trainings: { credits: number }[] };
    const plain = await app.request<Credits>(
      'GET',
      `/members/${memberId}/training-credits?onDate=2025-12-31`,
      { user: CASE_WORKER },
    );
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ total: 3.5, categoryCode: null });
    expect(plain.body.trainings.map((t) => t.credits)).toEqual([2, 1.5]);

    const atProvider = await app.request<Credits>(
      'GET',
      `/members/${memberId}/training-credits?onDate=2025-12-31&providerId=${providerId}`,
      { user: RM },
    );
    expect(atProvider.body).toMatchObject({
      total: 6.5,
      categoryCode: 'FOSTER-CARE',
      typeCode: 'THERAPEUTIC',
    });

    const before = await app.request<Credits>(
      'GET',
      `/members/${memberId}/training-credits?onDate=2025-03-15`,
      { user: RM },
    );
    expect(before.body.total).toBe(2);
    const since = await app.request<Credits>(
      'GET',
      `/members/${memberId}/training-credits?onDate=2025-12-31&since=2025-03-02`,
      { user: RM },
    );
    expect(since.body.total).toBe(1.5);
  });
});

describe('who may see and change trainings (ROLE, SS-3)', () => {
  it('SS-3: a provider user reads the trainings of its own members only, and changes none', async () => {
    const own = await addMember(app, DEMO_PROVIDER_ID, 'Jo Sunrise');
    const otherProviderId = await enrolProvider(app, 'Hazel Foster Home');
    const stranger = await addMember(app, otherProviderId, 'Kim Hazel');
    for (const memberId of [own, stranger]) {
      await record(memberId, {
        kind: 'unmanaged',
        courseName: 'Food hygiene',
        trainingProviderName: 'City Council',
        completedOn: '2025-01-15',
      });
    }

    const mine = await app.request<Page<Training>>('GET', `/members/${own}/trainings`, {
      user: PROVIDER_USER,
    });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((t) => t.courseName)).toEqual(['Food hygiene']);
    const credits = await app.request('GET', `/members/${own}/training-credits`, {
      user: PROVIDER_USER,
    });
    expect(credits.status).toBe(200);

    const theirs = await app.request<Page<Training>>('GET', `/members/${stranger}/trainings`, {
      user: PROVIDER_USER,
    });
    expect(theirs.status).toBe(404);
    const theirTraining = (
      await app.request<Page<Training>>('GET', `/members/${stranger}/trainings`, { user: RM })
    ).body.items[0]!;
    expect(
      (
        await app.request('GET', `/members/${stranger}/trainings/${theirTraining.id}`, {
          user: PROVIDER_USER,
        })
      ).status,
    ).toBe(404);
    expect(
      (await app.request('GET', `/providers/${otherProviderId}/trainings`, { user: PROVIDER_USER }))
        .status,
    ).toBe(404);
    expect(
      (
        await app.request('GET', `/providers/${DEMO_PROVIDER_ID}/trainings`, {
          user: PROVIDER_USER,
        })
      ).status,
    ).toBe(200);

    const body = {
      kind: 'unmanaged',
      courseName: 'Self-reported',
      trainingProviderName: 'Somewhere',
      completedOn: '2025-01-15',
    };
    await expectForbiddenFor([PROVIDER_USER, CASE_WORKER, OPERATOR, ADMIN], (user) =>
      record(own, body, user),
    );
    expect(
      (
        await app.request('POST', `/members/${own}/trainings/${UNKNOWN_ID}/waive`, {
          user: OPERATOR,
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(403);
  });
});
