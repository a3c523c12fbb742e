import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import { expectForbiddenFor, expectProblem, outboxTypes } from './support/expectations.js';
import { enrolProvider, insertDemoProvider, UNKNOWN_ID } from './support/fixtures.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';
import type { Problem } from './support/types.js';
import { RM, SUPERVISOR } from './support/users.js';

let app: ProvidersApp;

beforeAll(async () => {
  app = await startProvidersApp();
  await insertDemoProvider(app);
});
afterAll(async () => {
  await app?.close();
});

type HomeStudyBody = {
  id: string;
  providerId: string;
  type: string;
  status: string;
  availableActions: string[];
  previousHomeStudyId: string | null;
  submission: number;
  recommendation: string | null;
  failureReason: string | null;
  returnComments: string | null;
  reStudyDueOn: string | null;
  decidedOn: string | null;
  assessments: {
    id: string;
    result: string;
    correctiveActions: { id: string; completedOn: string | null }[];
  }[];
  visits: { id: string; attendees: string[] }[];
  statusHistory: {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    reason: string | null;
    actor: string;
    at: string;
  }[];
};
type AssessmentBody = {
  id: string;
  result: string;
  correctiveActions: { id: string; description: string; completedOn: string | null }[];
};
type DecisionBody = {
  decisionId: string;
  status: string;
  outcome: string;
  reStudyDueOn: string | null;
  submission: number;
};

const base = (providerId: string) => `/providers/${providerId}/home-studies`;

function createStudy(providerId: string, body: Record<string, unknown> = {}, user = RM) {
  return app.request<HomeStudyBody & Problem>('POST', base(providerId), {
    user,
    body: { type: 'initial', ...body },
  });
}

const conditionalPass = {
  assessmentType: 'Provider safety',
  result: 'conditional-pass',
  assessedOn: '2026-02-10',
  notes: 'The second-floor balcony deck is damaged',
  correctiveActions: [{ description: 'Repair the balcony deck', dueOn: '2026-03-10' }],
};

function assess(providerId: string, id: string, body: Record<string, unknown>, user = RM) {
  return app.request<AssessmentBody & Problem>('POST', `${base(providerId)}/${id}/assessments`, {
    user,
    body,
  });
}

function visit(providerId: string, id: string, body: Record<string, unknown>, user = RM) {
  return app.request<{ id: string } & Problem>('POST', `${base(providerId)}/${id}/visits`, {
    user,
    body,
  });
}

function submit(providerId: string, id: string, text = 'Safe home', user = RM) {
  return app.request<HomeStudyBody & Problem>('POST', `${base(providerId)}/${id}/submit`, {
    user,
    body: { recommendation: 'approve', recommendationText: text },
  });
}

function decide(providerId: string, id: string, body: Record<string, unknown>, user = SUPERVISOR) {
  return app.request<DecisionBody & Problem>('POST', `${base(providerId)}/${id}/decision`, {
    user,
    body,
  });
}

/** A home study with one conditional pass, submitted: awaiting the supervisor. */
async function submittedStudy(name: string) {
  const providerId = await enrolProvider(app, name);
  const created = await createStudy(providerId);
  expect(created.status).toBe(201);
  expect((await assess(providerId, created.body.id, conditionalPass)).status).toBe(201);
  expect((await submit(providerId, created.body.id)).status).toBe(200);
  return { providerId, id: created.body.id };
}

describe('carrying out a home study (CRD-7)', () => {
  it('CRD-7/WF-1: a home study is assessed, visited, submitted and approved; submitted and decided are published once each', async () => {
    const providerId = await enrolProvider(app, 'Hilltop Foster Home');
    const created = await createStudy(providerId, { dueOn: '2026-03-31', notes: 'Applying' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      providerId,
      type: 'initial',
      status: 'in-progress',
      availableActions: ['submit'],
      submission: 0,
      statusHistory: [{ action: 'create', fromStatus: null, toStatus: 'in-progress', actor: RM }],
    });
    const id = created.body.id;

    const assessment = await assess(providerId, id, conditionalPass);
    expect(assessment.status).toBe(201);
    expect(assessment.body).toMatchObject({
      result: 'conditional-pass',
      correctiveActions: [{ description: 'Repair the balcony deck', completedOn: null }],
    });
    const visited = await visit(providerId, id, {
      visitedOn: '2026-02-10',
      attendees: ['Maria Lopez', 'Tom Lopez'],
      narrative: 'Walked through every room with both foster parents.',
    });
    expect(visited.status).toBe(201);

    const submitted = await submit(providerId, id, 'Safe home; the balcony is the only open item');
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      submission: 1,
      recommendation: 'approve',
      availableActions: ['approve', 'reject', 'return'],
    });
    const [submittedEvent] = await app.expectEvents(id, ['home-study.submitted']);
    expect(submittedEvent).toMatchObject({
      version: 1,
      aggregateType: 'home-study',
      aggregateId: id,
      actor: { userId: RM },
      data: {
        homeStudyId: id,
        providerId,
        type: 'initial',
        previousHomeStudyId: null,
        submission: 1,
        recommendation: 'approve',
        recommendationText: 'Safe home; the balcony is the only open item',
        submittedBy: RM,
        dueOn: '2026-03-31',
      },
    });

    const approved = await decide(providerId, id, { outcome: 'approve', decisionId: 'task-1' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      homeStudyId: id,
      decisionId: 'task-1',
      outcome: 'approve',
      status: 'approved',
      reason: null,
      decidedBy: SUPERVISOR,
      submission: 1,
    });
    expect(approved.body.reStudyDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // the same decision again (a retried request) answers the same and records nothing
    const retried = await decide(providerId, id, { outcome: 'approve', decisionId: 'task-1' });
    expect(retried).toMatchObject({ status: 200, body: approved.body });

    const [, decidedEvent] = await app.expectEvents(id, [
      'home-study.submitted',
      'home-study.decided',
    ]);
    expect(decidedEvent).toMatchObject({
      aggregateType: 'home-study',
      actor: { userId: SUPERVISOR },
      data: {
        homeStudyId: id,
        providerId,
        decisionId: 'task-1',
        outcome: 'approved',
        reason: null,
        decidedBy: SUPERVISOR,
        reStudyDueOn: approved.body.reStudyDueOn,
      },
    });
    expect(await outboxTypes(app, id)).toEqual(['home-study.submitted', 'home-study.decided']);

    const read = await app.request<HomeStudyBody>('GET', `${base(providerId)}/${id}`, {
      user: 'cw.chen',
    });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      status: 'approved',
      availableActions: [],
      reStudyDueOn: approved.body.reStudyDueOn,
      assessments: [{ result: 'conditional-pass' }],
      visits: [{ attendees: ['Maria Lopez', 'Tom Lopez'] }],
    });
    expect(
      read.body.statusHistory.map((h) => [h.action, h.fromStatus, h.toStatus, h.actor]),
    ).toEqual([
      ['create', null, 'in-progress', RM],
      ['submit', 'in-progress', 'submitted', RM],
      ['approve', 'submitted', 'approved', SUPERVISOR],
    ]);
    expect(read.body.statusHistory.every((h) => !Number.isNaN(Date.parse(h.at)))).toBe(true);

    const list = await app.request<{ items: { id: string }[]; total: number }>(
      'GET',
      `${base(providerId)}?status=approved&type=initial`,
      { user: 'ops.omar' },
    );
    expect(list.body.items.map((s) => s.id)).toEqual([id]);
    const none = await app.request<{ total: number }>(
      'GET',
      `${base(providerId)}?status=submitted`,
      { user: RM },
    );
    expect(none.body.total).toBe(0);
  });

  it('WF-1: a returned home study goes back to the resource manager, is revised and submitted again', async () => {
    const { providerId, id } = await submittedStudy('Returned Home');
    const returned = await decide(providerId, id, {
      outcome: 'return',
      reason: 'Add the fire safety assessment',
    });
    expect(returned).toMatchObject({ status: 200, body: { status: 'returned', submission: 1 } });
    const read = await app.request<HomeStudyBody>('GET', `${base(providerId)}/${id}`, {
      user: RM,
    });
    expect(read.body).toMatchObject({
      status: 'returned',
      returnComments: 'Add the fire safety assessment',
      availableActions: ['submit'],
    });
    // the revision: a further assessment, then the second submission
    expect(
      (
        await assess(providerId, id, {
          assessmentType: 'Fire safety',
          result: 'pass',
          assessedOn: '2026-03-01',
        })
      ).status,
    ).toBe(201);
    const again = await submit(providerId, id, 'Fire safety assessed too');
    expect(again.body).toMatchObject({ status: 'submitted', submission: 2 });
    const events = await app.expectEvents(id, [
      'home-study.submitted',
      'home-study.decided',
      'home-study.submitted',
    ]);
    expect(events[1]?.data).toMatchObject({
      outcome: 'returned',
      reason: 'Add the fire safety assessment',
      reStudyDueOn: null,
    });
    expect(events[2]?.data).toMatchObject({ submission: 2 });
  });

  it('CRD-7: a rejection on non-compliance records the failure reason', async () => {
    const { providerId, id } = await submittedStudy('Rejected Home');
    const rejected = await decide(providerId, id, {
      outcome: 'reject',
      reason: 'No working smoke detector upstairs',
    });
    expect(rejected).toMatchObject({
      status: 200,
      body: { status: 'rejected', reStudyDueOn: null },
    });
    const read = await app.request<HomeStudyBody>('GET', `${base(providerId)}/${id}`, {
      user: 'fin.fatima',
    });
    expect(read.body).toMatchObject({
      status: 'rejected',
      failureReason: 'No working smoke detector upstairs',
      statusHistory: expect.arrayContaining([
        expect.objectContaining({ action: 'reject', reason: 'No working smoke detector upstairs' }),
      ]),
    });
    const [, decided] = await app.expectEvents(id, ['home-study.submitted', 'home-study.decided']);
    expect(decided?.data).toMatchObject({
      outcome: 'rejected',
      reason: 'No working smoke detector upstairs',
    });
  });

  it('CRD-7: a re-study is a new home study linked to the approved one; there is one per approval', async () => {
    const providerId = await enrolProvider(app, 'Re-study Home');
    const tooEarly = await createStudy(providerId, { type: 're-study' });
    expectProblem(tooEarly, 409);
    expect(tooEarly.body.rule).toBe('CRD-7');

    const first = await createStudy(providerId);
    await assess(providerId, first.body.id, conditionalPass);
    await submit(providerId, first.body.id);
    await decide(providerId, first.body.id, { outcome: 'approve' });

    const reStudy = await createStudy(providerId, { type: 're-study', dueOn: '2027-03-01' });
    expect(reStudy).toMatchObject({
      status: 201,
      body: { type: 're-study', status: 'in-progress', previousHomeStudyId: first.body.id },
    });
    const second = await createStudy(providerId, { type: 're-study' });
    expectProblem(second, 409);
    expect(second.body).toMatchObject({
      rule: 'CRD-7',
      detail: expect.stringContaining(reStudy.body.id),
    });
    // the approved one stays approved: the re-study is a separate record
    const list = await app.request<{ items: { id: string; status: string }[] }>(
      'GET',
      base(providerId),
      { user: RM },
    );
    expect(list.body.items.map((s) => [s.id, s.status])).toEqual([
      [reStudy.body.id, 'in-progress'],
      [first.body.id, 'approved'],
    ]);
  });

  it('CRD-7: a corrective action of a conditional pass is completed, even after approval', async () => {
    const { providerId, id } = await submittedStudy('Corrective Home');
    await decide(providerId, id, { outcome: 'approve' });
    const read = await app.request<HomeStudyBody>('GET', `${base(providerId)}/${id}`, {
      user: RM,
    });
    const assessment = read.body.assessments[0]!;
    const action = assessment.correctiveActions[0]!;
    const path = `${base(providerId)}/${id}/assessments/${assessment.id}/corrective-actions/${action.id}/complete`;

    const future = await app.request<Problem>('POST', path, {
      user: RM,
      body: { completedOn: '2999-01-01' },
    });
    expectProblem(future, 400);
    expect(future.body.errors).toEqual([
      { field: 'completedOn', message: expect.stringMatching(/^CRD-7: .*future/) },
    ]);
    const done = await app.request<AssessmentBody>('POST', path, {
      user: RM,
      body: { completedOn: '2026-03-05' },
    });
    expect(done).toMatchObject({
      status: 200,
      body: { correctiveActions: [{ id: action.id, completedOn: '2026-03-05' }] },
    });
    const same = await app.request('POST', path, { user: RM, body: { completedOn: '2026-03-05' } });
    expect(same.status).toBe(200);
    const other = await app.request<Problem>('POST', path, {
      user: RM,
      body: { completedOn: '2026-03-06' },
    });
    expectProblem(other, 409);
    expect(other.body.rule).toBe('CRD-7');
    const unknown = await app.request(
      'POST',
      `${base(providerId)}/${id}/assessments/${assessment.id}/corrective-actions/${UNKNOWN_ID}/complete`,
      { user: RM, body: { completedOn: '2026-03-05' } },
    );
    expect(unknown.status).toBe(404);
  });
});

describe('supporting documents from templates (CRD-7)', () => {
  it('CRD-7: documents are generated from templates, stored with template id and time, listed and read', async () => {
    const providerId = await enrolProvider(app, 'Documented Home');
    const created = await createStudy(providerId);
    const id = created.body.id;
    await assess(providerId, id, conditionalPass);
    const visited = await visit(providerId, id, {
      visitedOn: '2026-02-10',
      attendees: ['Maria Lopez'],
      narrative: 'All rooms seen.',
    });

    const templates = await app.request<{ id: string; needsVisit: boolean }[]>(
      'GET',
      '/home-study-templates',
      { user: 'cw.chen' },
    );
    expect(templates.body.map((t) => [t.id, t.needsVisit])).toEqual([
      ['home-study-report', false],
      ['visit-summary', true],
      ['corrective-action-plan', false],
    ]);

    const report = await app.request<{
      id: string;
      templateId: string;
      title: string;
      mediaType: string;
      content: string;
      generatedBy: string;
      generatedAt: string;
    }>('POST', `${base(providerId)}/${id}/documents`, {
      user: RM,
      body: { templateId: 'home-study-report' },
    });
    expect(report.status).toBe(201);
    expect(report.body).toMatchObject({
      templateId: 'home-study-report',
      title: 'Home study report — Documented Home',
      mediaType: 'text/markdown',
      generatedBy: RM,
    });
    expect(report.body.content).toContain(
      '| Provider safety | Repair the balcony deck | 2026-03-10 | open |',
    );
    expect(Number.isNaN(Date.parse(report.body.generatedAt))).toBe(false);

    const noVisit = await app.request<Problem>('POST', `${base(providerId)}/${id}/documents`, {
      user: RM,
      body: { templateId: 'visit-summary' },
    });
    expectProblem(noVisit, 400);
    expect(noVisit.body.errors).toEqual([
      { field: 'visitId', message: expect.stringContaining('CRD-7') },
    ]);
    const unknownVisit = await app.request('POST', `${base(providerId)}/${id}/documents`, {
      user: RM,
      body: { templateId: 'visit-summary', visitId: UNKNOWN_ID },
    });
    expect(unknownVisit.status).toBe(404);
    const unknownTemplate = await app.request<Problem>(
      'POST',
      `${base(providerId)}/${id}/documents`,
      { user: RM, body: { templateId: 'tax-return' } },
    );
    expect(unknownTemplate.body.errors?.map((e) => e.field)).toEqual(['templateId']);
    const summary = await app.request<{ id: string; content: string }>(
      'POST',
      `${base(providerId)}/${id}/documents`,
      { user: SUPERVISOR, body: { templateId: 'visit-summary', visitId: visited.body.id } },
    );
    expect(summary.status).toBe(201);
    expect(summary.body.content).toContain('All rooms seen.');

    const list = await app.request<{ items: { id: string; content?: string }[]; total: number }>(
      'GET',
      `${base(providerId)}/${id}/documents?templateId=visit-summary`,
      { user: 'ops.omar' },
    );
    expect(list.body.items.map((doc) => doc.id)).toEqual([summary.body.id]);
    expect(list.body.items[0]).not.toHaveProperty('content');
    const one = await app.request<{ content: string }>(
      'GET',
      `${base(providerId)}/${id}/documents/${report.body.id}`,
      { user: RM },
    );
    expect(one.body.content).toBe(report.body.content);
    expect(
      (await app.request('GET', `${base(providerId)}/${id}/documents/${UNKNOWN_ID}`, { user: RM }))
        .status,
    ).toBe(404);
    // documents are not state changes another context needs: no event
    expect(await outboxTypes(app, id)).toEqual([]);
  });
});

describe('refused requests (CRD-7, WF-1): problem+json, nothing published', () => {
  it('CRD-7: a conditional pass without corrective actions, and other invalid bodies, are 400s naming the field', async () => {
    const providerId = await enrolProvider(app, 'Validation Home');
    const created = await createStudy(providerId);
    const id = created.body.id;

    const noActions = await assess(providerId, id, { ...conditionalPass, correctiveActions: [] });
    expectProblem(noActions, 400);
    expect(noActions.body.errors).toEqual([
      { field: 'correctiveActions', message: expect.stringMatching(/^CRD-7: /) },
    ]);
    const passWithActions = await assess(providerId, id, { ...conditionalPass, result: 'pass' });
    expect(passWithActions.body.errors?.map((e) => e.field)).toEqual(['correctiveActions']);
    const badResult = await assess(providerId, id, { ...conditionalPass, result: 'maybe' });
    expect(badResult.body.errors?.map((e) => e.field)).toEqual(['result']);
    const futureAssessment = await assess(providerId, id, {
      ...conditionalPass,
      assessedOn: '2999-01-01',
      correctiveActions: [{ description: 'x', dueOn: '2999-02-01' }],
    });
    expectProblem(futureAssessment, 400);
    expect(futureAssessment.body.errors?.map((e) => e.field)).toEqual(['assessedOn']);
    const noAttendee = await visit(providerId, id, {
      visitedOn: '2026-02-10',
      attendees: [],
      narrative: 'x',
    });
    expect(noAttendee.body.errors?.map((e) => e.field)).toEqual(['attendees']);
    const futureVisit = await visit(providerId, id, {
      visitedOn: '2999-01-01',
      attendees: ['Ann'],
      narrative: 'x',
    });
    expect(futureVisit.body.errors).toEqual([
      { field: 'visitedOn', message: expect.stringMatching(/^CRD-7: /) },
    ]);
    const badType = await createStudy(providerId, { type: 'annual-party' });
    expect(badType.body.errors?.map((e) => e.field)).toEqual(['type']);
    const badDate = await createStudy(providerId, { dueOn: '2026-02-30' });
    expect(badDate.body.errors?.map((e) => e.field)).toEqual(['dueOn']);
    const noRecommendation = await app.request<Problem>(
      'POST',
      `${base(providerId)}/${id}/submit`,
      {
        user: RM,
        body: { recommendation: 'approve' },
      },
    );
    expect(noRecommendation.body.errors?.map((e) => e.field)).toEqual(['recommendationText']);
    const badId = await app.request<Problem>('GET', `${base(providerId)}/42`, { user: RM });
    expectProblem(badId, 400);
    expect(badId.body.errors?.map((e) => e.field)).toEqual(['homeStudyId']);

    await assess(providerId, id, conditionalPass);
    await submit(providerId, id);
    for (const outcome of ['reject', 'return']) {
      const noReason = await decide(providerId, id, { outcome });
      expectProblem(noReason, 400);
      expect(noReason.body.errors).toEqual([
        { field: 'reason', message: expect.stringMatching(/^CRD-7: /) },
      ]);
    }
    const badOutcome = await decide(providerId, id, { outcome: 'shrug' });
    expect(badOutcome.body.errors?.map((e) => e.field)).toEqual(['outcome']);
    await app.expectEvents(id, ['home-study.submitted']);
    expect(await outboxTypes(app, id)).toEqual(['home-study.submitted']);
  });

  it('CRD-7: illegal transitions are 409s naming CRD-7, and publish nothing', async () => {
    const providerId = await enrolProvider(app, 'Transition Home');
    const created = await createStudy(providerId);
    const id = created.body.id;

    const empty = await submit(providerId, id);
    expectProblem(empty, 409);
    expect(empty.body).toMatchObject({
      rule: 'CRD-7',
      detail: expect.stringContaining('assessment'),
    });
    const early = await decide(providerId, id, { outcome: 'approve' });
    expectProblem(early, 409);
    expect(early.body.rule).toBe('CRD-7');

    await assess(providerId, id, conditionalPass);
    await submit(providerId, id);
    const twice = await submit(providerId, id);
    expectProblem(twice, 409);
    expect(twice.body.rule).toBe('CRD-7');
    const whileDeciding = await assess(providerId, id, conditionalPass);
    expectProblem(whileDeciding, 409);
    expect(whileDeciding.body.rule).toBe('CRD-7');

    expect((await decide(providerId, id, { outcome: 'approve', decisionId: 'd-1' })).status).toBe(
      200,
    );
    // approved is final: no other decision, no resubmission, no new visit
    const conflicting = await decide(providerId, id, {
      outcome: 'reject',
      reason: 'Changed my mind',
    });
    expectProblem(conflicting, 409);
    expect(conflicting.body.rule).toBe('CRD-7');
    const sameIdOtherOutcome = await decide(providerId, id, {
      outcome: 'return',
      reason: 'More',
      decisionId: 'd-1',
    });
    expectProblem(sameIdOtherOutcome, 409);
    expect(sameIdOtherOutcome.body.rule).toBe('CRD-7');
    const resubmitted = await submit(providerId, id);
    expectProblem(resubmitted, 409);
    const lateVisit = await visit(providerId, id, {
      visitedOn: '2026-02-10',
      attendees: ['Ann'],
      narrative: 'x',
    });
    expectProblem(lateVisit, 409);
    expect(lateVisit.body.rule).toBe('CRD-7');

    await app.expectEvents(id, ['home-study.submitted', 'home-study.decided']);
    expect(await outboxTypes(app, id)).toEqual(['home-study.submitted', 'home-study.decided']);
  });

  it('unknown providers and home studies, or a home study under another provider, get 404', async () => {
    expect((await createStudy(UNKNOWN_ID)).status).toBe(404);
    expect((await app.request('GET', base(UNKNOWN_ID), { user: RM })).status).toBe(404);
    const { providerId, id } = await submittedStudy('Owner Home');
    const otherProvider = await enrolProvider(app, 'Not The Owner');
    for (const [pid, sid] of [
      [providerId, UNKNOWN_ID],
      [otherProvider, id],
    ] as const) {
      const read = await app.request<Problem>('GET', `${base(pid)}/${sid}`, { user: RM });
      expectProblem(read, 404);
      expect((await decide(pid, sid, { outcome: 'approve' })).status).toBe(404);
      expect((await assess(pid, sid, conditionalPass)).status).toBe(404);
      expect((await submit(pid, sid)).status).toBe(404);
      expect((await app.request('GET', `${base(pid)}/${sid}/documents`, { user: RM })).status).toBe(
        404,
      );
    }
    await app.expectEvents(id, ['home-study.submitted']);
    expect(await outboxTypes(app, id)).toEqual(['home-study.submitted']);
    expect(app.eventsOf(UNKNOWN_ID)).toEqual([]);
  });
});

describe('who may see and change home studies (ROLE, ROLE-2, SS-3)', () => {
  it('ROLE/WF-1: only a resource manager supervisor decides; a resource manager gets 403 and nothing is recorded', async () => {
    const { providerId, id } = await submittedStudy('Supervised Home');
    const byManager = await decide(providerId, id, { outcome: 'approve' }, RM);
    expectProblem(byManager, 403);
    await expectForbiddenFor(
      ['fm.fischer', 'cw.chen', 'ops.omar', 'provider.sunrise', 'admin.ada'],
      (user) => decide(providerId, id, { outcome: 'approve' }, user),
    );
    const read = await app.request<HomeStudyBody>('GET', `${base(providerId)}/${id}`, {
      user: RM,
    });
    expect(read.body.status).toBe('submitted');
    expect(await outboxTypes(app, id)).toEqual(['home-study.submitted']);
  });

  it('ROLE: case workers, finance users, operators, administrators and providers may not write home studies', async () => {
    const providerId = await enrolProvider(app, 'Role Check Home');
    const created = await createStudy(providerId);
    const id = created.body.id;
    for (const user of ['cw.chen', 'fin.fatima', 'ops.omar', 'admin.ada', 'provider.sunrise']) {
      const writes = await Promise.all([
        createStudy(providerId, {}, user),
        assess(providerId, id, conditionalPass, user),
        visit(providerId, id, { visitedOn: '2026-02-10', attendees: ['A'], narrative: 'x' }, user),
        submit(providerId, id, 'x', user),
        app.request('POST', `${base(providerId)}/${id}/documents`, {
          user,
          body: { templateId: 'home-study-report' },
        }),
      ]);
      expect(writes.map((w) => w.status)).toEqual([403, 403, 403, 403, 403]);
    }
    const read = await app.request<HomeStudyBody>('GET', `${base(providerId)}/${id}`, {
      user: RM,
    });
    expect(read.body.assessments).toEqual([]);
    expect(await outboxTypes(app, id)).toEqual([]);
  });

  it("ROLE-2/SS-3: a provider's token reads its own home studies and documents, and gets 404 for another provider's", async () => {
    const own = await createStudy(DEMO_PROVIDER_ID);
    expect(own.status).toBe(201);
    await app.request('POST', `${base(DEMO_PROVIDER_ID)}/${own.body.id}/documents`, {
      user: RM,
      body: { templateId: 'home-study-report' },
    });
    const list = await app.request<{ items: { id: string }[] }>('GET', base(DEMO_PROVIDER_ID), {
      user: 'provider.sunrise',
    });
    expect(list.status).toBe(200);
    expect(list.body.items.map((s) => s.id)).toEqual([own.body.id]);
    const one = await app.request('GET', `${base(DEMO_PROVIDER_ID)}/${own.body.id}`, {
      user: 'provider.sunrise',
    });
    expect(one.status).toBe(200);
    const documents = await app.request<{ total: number }>(
      'GET',
      `${base(DEMO_PROVIDER_ID)}/${own.body.id}/documents`,
      { user: 'provider.sunrise' },
    );
    expect(documents).toMatchObject({ status: 200, body: { total: 1 } });

    const { providerId: other, id: foreign } = await submittedStudy('Foreign Home');
    for (const path of [
      base(other),
      `${base(other)}/${foreign}`,
      `${base(other)}/${foreign}/documents`,
    ]) {
      const response = await app.request<Problem>('GET', path, { user: 'provider.sunrise' });
      expectProblem(response, 404);
    }
    // the templates are agency configuration, not the provider's records
    expect(
      (await app.request('GET', '/home-study-templates', { user: 'provider.sunrise' })).status,
    ).toBe(403);
  });
});
