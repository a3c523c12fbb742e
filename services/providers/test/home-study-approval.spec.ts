import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Actor, RecordHomeStudyDecisionInput } from '@platform/contracts';
import { parseCalendarDate } from '@platform/kernel';
import { OutboxMessage } from '@platform/messaging';
import {
  getHomeStudyForApproval,
  recordHomeStudyDecision,
  scheduleReStudy,
} from '../src/activities/home-study-approval.js';
import { createProvidersActivities } from '../src/activities/providers.activities.js';
import { HomeStudiesService } from '../src/home-studies/home-studies.service.js';
import { homeStudyCriterion } from '../src/home-studies/home-study.criterion.js';
import { HomeStudy, HomeStudyStatusChange } from '../src/home-studies/home-study.entities.js';
import { Provider } from '../src/providers/provider.entity.js';
import { startProvidersDatabase, type ProvidersDatabase } from './support/providers-database.js';

let database: ProvidersDatabase;
let orm: MikroORM;
let homeStudies: HomeStudiesService;
const d = parseCalendarDate;
const RM: Actor = { userId: 'rm.rivera', roles: ['resource-manager'] };
const TODAY = d('2026-03-15');

beforeAll(async () => {
  database = await startProvidersDatabase('providers_home_study');
  orm = database.orm;
  homeStudies = new HomeStudiesService(orm);
});

afterAll(async () => {
  await database?.close();
});

async function newProvider(name: string): Promise<string> {
  const em = orm.em.fork();
  const provider = em.create(Provider, { id: randomUUID(), name, enrolledBy: 'seed' });
  await em.flush();
  return provider.id;
}

/** A home study of a new provider, submitted with one conditional pass whose action is open. */
async function submittedHomeStudy(name = 'Hilltop Foster Home') {
  const providerId = await newProvider(name);
  const study = await homeStudies.create(
    providerId,
    { type: 'initial', dueOn: null, notes: null },
    RM,
  );
  await homeStudies.recordAssessment(
    providerId,
    study.id,
    {
      assessmentType: 'Provider safety',
      result: 'conditional-pass',
      assessedOn: d('2026-02-10'),
      notes: null,
      correctiveActions: [
        { description: 'Repair the balcony deck', dueOn: d('2026-03-10'), completedOn: null },
      ],
    },
    RM,
    TODAY,
  );
  await homeStudies.submit(
    providerId,
    study.id,
    { recommendation: 'approve', recommendationText: 'Safe home' },
    RM,
  );
  return { providerId, homeStudyId: study.id };
}

function decision(
  homeStudyId: string,
  overrides: Partial<RecordHomeStudyDecisionInput> = {},
): RecordHomeStudyDecisionInput {
  return {
    homeStudyId,
    decisionId: randomUUID(),
    outcome: 'approve',
    reason: null,
    decidedBy: 'sup.sato',
    decidedByRoles: ['resource-manager-supervisor'],
    workflowId: `home-study-approval/${homeStudyId}`,
    ...overrides,
  };
}

async function eventsOf(aggregateId: string) {
  const rows = await orm.em
    .fork()
    .find(OutboxMessage, { messageKey: aggregateId }, { orderBy: { seq: 'asc' } });
  return rows.map((row) => ({
    type: row.eventType,
    data: (row.envelope as { data: Record<string, unknown> }).data,
    correlationId: (row.envelope as { correlationId: string }).correlationId,
  }));
}

function historyOf(homeStudyId: string) {
  return orm.em.fork().find(HomeStudyStatusChange, { homeStudyId }, { orderBy: { id: 'asc' } });
}

describe('recording the supervisor’s home study decision (WF-1, CRD-7)', () => {
  it('WF-1: approving records the decision once; a retried activity returns the same result and records nothing twice', async () => {
    const { providerId, homeStudyId } = await submittedHomeStudy();
    const input = decision(homeStudyId);
    const first = await recordHomeStudyDecision(orm, input, TODAY);
    const retried = await recordHomeStudyDecision(orm, input, d('2026-03-16'));

    expect(retried).toEqual(first);
    expect(first).toEqual({
      homeStudyId,
      providerId,
      decisionId: input.decisionId,
      outcome: 'approve',
      status: 'approved',
      reason: null,
      decidedBy: 'sup.sato',
      decidedOn: '2026-03-15',
      reStudyDueOn: '2027-03-15',
      submission: 1,
    });
    expect(await orm.em.fork().findOneOrFail(HomeStudy, { id: homeStudyId })).toMatchObject({
      status: 'approved',
      decidedBy: 'sup.sato',
      decidedOn: '2026-03-15',
      reStudyDueOn: '2027-03-15',
    });
    expect((await historyOf(homeStudyId)).map((h) => h.action)).toEqual([
      'create',
      'submit',
      'approve',
    ]);
    const events = await eventsOf(homeStudyId);
    expect(events.map((e) => e.type)).toEqual(['home-study.submitted', 'home-study.decided']);
    expect(events[1]).toMatchObject({
      correlationId: input.workflowId,
      data: { outcome: 'approved', decisionId: input.decisionId, reStudyDueOn: '2027-03-15' },
    });
  });

  it('CRD-7: a conflicting decision after a final one is refused non-retryably, and nothing is recorded', async () => {
    const { homeStudyId } = await submittedHomeStudy();
    const approval = decision(homeStudyId);
    await recordHomeStudyDecision(orm, approval, TODAY);

    await expect(
      recordHomeStudyDecision(orm, decision(homeStudyId, { outcome: 'reject', reason: 'Unsafe' })),
    ).rejects.toMatchObject({ type: 'CRD-7', nonRetryable: true });
    // the same decision id cannot turn into another outcome either
    await expect(
      recordHomeStudyDecision(orm, { ...approval, outcome: 'return', reason: 'More please' }),
    ).rejects.toMatchObject({ type: 'CRD-7', nonRetryable: true });
    // nor be reused for another home study
    const other = await submittedHomeStudy('Other Home');
    await expect(
      recordHomeStudyDecision(orm, { ...approval, homeStudyId: other.homeStudyId }),
    ).rejects.toMatchObject({ type: 'CRD-7', nonRetryable: true });

    expect((await historyOf(homeStudyId)).map((h) => h.action)).toEqual([
      'create',
      'submit',
      'approve',
    ]);
    expect((await eventsOf(homeStudyId)).map((e) => e.type)).toEqual([
      'home-study.submitted',
      'home-study.decided',
    ]);
    expect(await orm.em.fork().findOneOrFail(HomeStudy, { id: other.homeStudyId })).toMatchObject({
      status: 'submitted',
    });
  });

  it('WF-1: only a resource manager supervisor may decide; anyone else is refused non-retryably', async () => {
    const { homeStudyId } = await submittedHomeStudy();
    for (const roles of [['resource-manager'], ['operator'], []] as const) {
      await expect(
        recordHomeStudyDecision(
          orm,
          decision(homeStudyId, { decidedBy: 'rm.rivera', decidedByRoles: roles }),
        ),
      ).rejects.toMatchObject({ type: 'WF-1', nonRetryable: true });
    }
    expect(await orm.em.fork().findOneOrFail(HomeStudy, { id: homeStudyId })).toMatchObject({
      status: 'submitted',
    });
    expect((await eventsOf(homeStudyId)).map((e) => e.type)).toEqual(['home-study.submitted']);
  });

  it('CRD-7: a rejection needs the failure reason and records it; a return needs comments', async () => {
    const { homeStudyId } = await submittedHomeStudy();
    await expect(
      recordHomeStudyDecision(orm, decision(homeStudyId, { outcome: 'reject', reason: ' ' })),
    ).rejects.toMatchObject({ type: 'CRD-7', nonRetryable: true });
    await expect(
      recordHomeStudyDecision(orm, decision(homeStudyId, { outcome: 'return', reason: null })),
    ).rejects.toMatchObject({ type: 'CRD-7', nonRetryable: true });

    const rejected = await recordHomeStudyDecision(
      orm,
      decision(homeStudyId, { outcome: 'reject', reason: 'No smoke detector upstairs' }),
      TODAY,
    );
    expect(rejected).toMatchObject({ status: 'rejected', reStudyDueOn: null });
    expect(await orm.em.fork().findOneOrFail(HomeStudy, { id: homeStudyId })).toMatchObject({
      status: 'rejected',
      failureReason: 'No smoke detector upstairs',
      reStudyDueOn: null,
    });
  });

  it('WF-1: return → revise → resubmit loops, and every step is in the status history', async () => {
    const { providerId, homeStudyId } = await submittedHomeStudy();
    const returned = await recordHomeStudyDecision(
      orm,
      decision(homeStudyId, { outcome: 'return', reason: 'Add the fire safety assessment' }),
      TODAY,
    );
    expect(returned).toMatchObject({ status: 'returned', submission: 1 });
    // a returned home study awaits the resource manager, not another decision
    await expect(recordHomeStudyDecision(orm, decision(homeStudyId))).rejects.toMatchObject({
      type: 'CRD-7',
    });
    await homeStudies.recordAssessment(
      providerId,
      homeStudyId,
      {
        assessmentType: 'Fire safety',
        result: 'pass',
        assessedOn: d('2026-03-14'),
        notes: null,
        correctiveActions: [],
      },
      RM,
      TODAY,
    );
    await homeStudies.submit(
      providerId,
      homeStudyId,
      { recommendation: 'approve', recommendationText: 'Fire safety now assessed' },
      RM,
    );
    const approved = await recordHomeStudyDecision(orm, decision(homeStudyId), TODAY);
    expect(approved).toMatchObject({ status: 'approved', submission: 2 });

    const history = await historyOf(homeStudyId);
    expect(
      history.map((h) => [h.action, h.fromStatus ?? null, h.toStatus, h.reason ?? null, h.actor]),
    ).toEqual([
      ['create', null, 'in-progress', null, 'rm.rivera'],
      ['submit', 'in-progress', 'submitted', 'Safe home', 'rm.rivera'],
      ['return', 'submitted', 'returned', 'Add the fire safety assessment', 'sup.sato'],
      ['submit', 'returned', 'submitted', 'Fire safety now assessed', 'rm.rivera'],
      ['approve', 'submitted', 'approved', null, 'sup.sato'],
    ]);
    const events = await eventsOf(homeStudyId);
    expect(events.map((e) => [e.type, e.data['submission'], e.data['outcome'] ?? null])).toEqual([
      ['home-study.submitted', 1, null],
      ['home-study.decided', 1, 'returned'],
      ['home-study.submitted', 2, null],
      ['home-study.decided', 2, 'approved'],
    ]);
  });

  it('CRD-7: a home study still in progress awaits no decision', async () => {
    const providerId = await newProvider('Unsubmitted Home');
    const study = await homeStudies.create(
      providerId,
      { type: 'initial', dueOn: null, notes: null },
      RM,
    );
    await expect(recordHomeStudyDecision(orm, decision(study.id))).rejects.toMatchObject({
      type: 'CRD-7',
      nonRetryable: true,
    });
    await expect(recordHomeStudyDecision(orm, decision(randomUUID()))).rejects.toMatchObject({
      type: 'HomeStudyNotFound',
      nonRetryable: true,
    });
  });
});

describe('what the decision task shows (WF-1)', () => {
  it('WF-1: the provider, the recommendation, an assessment summary and warnings such as unresolved corrective actions', async () => {
    const { providerId, homeStudyId } = await submittedHomeStudy('Task Home');
    const shown = await getHomeStudyForApproval(orm, homeStudyId, TODAY);
    expect(shown).toMatchObject({
      homeStudyId,
      providerId,
      providerName: 'Task Home',
      providerStatus: 'enrolled',
      type: 'initial',
      status: 'submitted',
      submission: 1,
      recommendation: 'approve',
      recommendationText: 'Safe home',
      submittedBy: 'rm.rivera',
      assessments: {
        total: 1,
        passed: 0,
        failed: 0,
        conditionallyPassed: 1,
        openCorrectiveActions: 1,
      },
      visits: { total: 0, lastVisitedOn: null },
      documents: 0,
    });
    expect(shown.warnings).toEqual([
      'No home visit has been recorded',
      'Corrective action not completed (Provider safety assessment): Repair the balcony deck — due 2026-03-10, overdue',
    ]);
    await expect(getHomeStudyForApproval(orm, randomUUID())).rejects.toMatchObject({
      type: 'HomeStudyNotFound',
      nonRetryable: true,
    });
  });

  it('the activities are wired on the providers task queue implementation', async () => {
    const { homeStudyId } = await submittedHomeStudy('Wired Home');
    const activities = createProvidersActivities(orm);
    expect(await activities.getHomeStudyForApproval(homeStudyId)).toMatchObject({
      status: 'submitted',
    });
  });
});

describe('the re-study after approval (CRD-7)', () => {
  it('CRD-7: scheduling the re-study creates one new home study linked to the approved one, however often it is asked', async () => {
    const { providerId, homeStudyId } = await submittedHomeStudy('Repeat Home');
    const approved = await recordHomeStudyDecision(orm, decision(homeStudyId), TODAY);
    const dueOn = approved.reStudyDueOn as string;

    const first = await scheduleReStudy(orm, { homeStudyId, dueOn });
    const again = await scheduleReStudy(orm, { homeStudyId, dueOn });
    expect(again).toEqual(first);
    expect(first).toEqual({
      homeStudyId: expect.any(String),
      previousHomeStudyId: homeStudyId,
      providerId,
      dueOn: '2027-03-15',
    });
    expect(first.homeStudyId).not.toBe(homeStudyId);
    expect(await orm.em.fork().find(HomeStudy, { previousHomeStudyId: homeStudyId })).toEqual([
      expect.objectContaining({ type: 're-study', status: 'in-progress', dueOn: '2027-03-15' }),
    ]);
    expect((await historyOf(first.homeStudyId)).map((h) => [h.action, h.actor])).toEqual([
      ['schedule', 'system'],
    ]);
  });

  it('CRD-7: only an approved home study is repeated', async () => {
    const { homeStudyId } = await submittedHomeStudy('Pending Home');
    await expect(scheduleReStudy(orm, { homeStudyId, dueOn: '2027-03-15' })).rejects.toMatchObject({
      type: 'CRD-7',
      nonRetryable: true,
    });
    await expect(scheduleReStudy(orm, { homeStudyId, dueOn: '2027-02-30' })).rejects.toMatchObject({
      type: 'CRD-7',
      nonRetryable: true,
    });
    expect(await orm.em.fork().count(HomeStudy, { previousHomeStudyId: homeStudyId })).toBe(0);
  });

  it("SVC-7/CRD-7: the 'home-study' approval criterion holds while the approved study's re-study is not overdue", async () => {
    const { providerId, homeStudyId } = await submittedHomeStudy('Criterion Home');
    const subject = (onDate: string) => ({
      providerId,
      providerServiceId: randomUUID(),
      serviceProductId: randomUUID(),
      onDate,
    });
    expect(await homeStudyCriterion(orm.em.fork(), subject('2026-03-15'))).toEqual([
      'Home study: the provider has no approved home study on 2026-03-15',
    ]);
    await recordHomeStudyDecision(orm, decision(homeStudyId), TODAY);
    expect(await homeStudyCriterion(orm.em.fork(), subject('2026-03-15'))).toEqual([]);
    expect(await homeStudyCriterion(orm.em.fork(), subject('2027-03-15'))).toEqual([]);
    expect(await homeStudyCriterion(orm.em.fork(), subject('2027-03-16'))).toEqual([
      `Home study: the re-study of home study ${homeStudyId} (approved 2026-03-15) was due on 2027-03-15 and is overdue on 2027-03-16`,
    ]);
  });
});
