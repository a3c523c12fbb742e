import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import {
  decideUpdate,
  DecisionRejection,
  HOME_STUDY_APPROVAL_WORKFLOW,
  homeStudyApprovalStateQuery,
  homeStudyApprovalWorkflowId,
  homeStudyDecidedElsewhereSignal,
  homeStudySubmittedSignal,
  taskAssignedSignal,
  TaskQueues,
  type HomeStudyApprovalInput,
  type HomeStudyApprovalResult,
  type HomeStudyApprovalState,
  type HomeStudySubmission,
  type Role,
  type TaskDecision,
} from '@platform/contracts';
import { DAY_MS, HOUR_MS } from '../src/shared/clock.js';
import { eventually } from '@platform/testing';
import { InMemoryHomeStudies, RE_STUDY_DUE_ON } from './support/in-memory-home-studies.js';
import { WorkflowTestbed, workflowsPath } from './support/workflow-testbed.js';

/**
 * WF-1 on Temporal's time-skipping test server, with in-memory stand-ins for the tasks and
 * providers services (the end-to-end suite runs the real ones): days-long decision periods,
 * reminders and escalations pass in about a second.
 */
const historiesDir = new URL('../histories/', import.meta.url);

type HomeStudyApprovalFn = (input: HomeStudyApprovalInput) => Promise<HomeStudyApprovalResult>;
type ApprovalHandle = WorkflowHandle<HomeStudyApprovalFn>;

const homeStudies = new InMemoryHomeStudies();
let testbed: WorkflowTestbed;

beforeAll(async () => {
  testbed = await WorkflowTestbed.start(homeStudies);
});

afterAll(async () => {
  await testbed?.shutdown();
});

const supervisor = { userId: 'sup.lee', roles: ['resource-manager-supervisor'] as Role[] };
const resourceManager = { userId: 'rm.rivera', roles: ['resource-manager'] as Role[] };
const PROVIDER_NAME = 'Sunrise Foster Home';

function submission(number: number): HomeStudySubmission {
  return {
    submission: number,
    recommendation: 'approve',
    recommendationText: `Safe and suitable home (submission ${number})`,
    submittedBy: resourceManager.userId,
  };
}

/** What the providers service does on each `home-study.submitted` event. */
async function submit(
  input: HomeStudyApprovalInput,
  submitted: HomeStudySubmission,
): Promise<ApprovalHandle> {
  return testbed.client.workflow.signalWithStart<HomeStudyApprovalFn, [HomeStudySubmission]>(
    HOME_STUDY_APPROVAL_WORKFLOW,
    {
      workflowId: homeStudyApprovalWorkflowId(input.homeStudyId),
      taskQueue: TaskQueues.workflows,
      args: [input],
      signal: homeStudySubmittedSignal,
      signalArgs: [submitted],
    },
  );
}

/** A home study submitted for the first time: the process starts with it. */
async function startApproval(overrides: Partial<HomeStudyApprovalInput> = {}) {
  const input: HomeStudyApprovalInput = {
    homeStudyId: randomUUID(),
    providerId: randomUUID(),
    decisionDays: 5,
    reminderDaysBeforeDue: 2,
    revisionDays: 10,
    ...overrides,
  };
  homeStudies.add(input.homeStudyId, {
    providerId: input.providerId,
    providerName: PROVIDER_NAME,
    warnings: ['1 corrective action without a completion date'],
  });
  const handle = await submit(input, submission(1));
  const state = await stateOnceIn(handle, 'awaiting-decision', 1);
  return { input, handle, workflowId: handle.workflowId, taskId: state.taskId as string };
}

/** Polls the process's state until it reaches `status` for the given submission. */
async function stateOnceIn(
  handle: ApprovalHandle,
  status: HomeStudyApprovalState['status'],
  submissionNumber: number,
): Promise<HomeStudyApprovalState> {
  return eventually(async () => {
    const state = await handle.query(homeStudyApprovalStateQuery);
    expect(state).toMatchObject({ status, submission: submissionNumber });
    return state;
  });
}

function decide(handle: ApprovalHandle, decision: TaskDecision) {
  return handle.executeUpdate(decideUpdate, { args: [decision] });
}

/** The ApplicationFailure type a refused decision came back with. */
async function refusal(handle: ApprovalHandle, decision: TaskDecision): Promise<string> {
  const error = await decide(handle, decision).then(
    (accepted) => {
      throw new Error(`the decision was accepted: ${JSON.stringify(accepted)}`);
    },
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return (cause as ApplicationFailure).type as string;
}

async function acceptedUpdates(handle: ApprovalHandle): Promise<number> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)
    .length;
}

/**
 * The history without its workflow tasks: what the process recorded. (The time-skipping test
 * server keeps the workflow task that ran a refused update's validator in the history; the real
 * server drops it. Either way no event of the process's own is added.)
 */
async function recordedEvents(handle: ApprovalHandle): Promise<unknown[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? [])
    .filter(
      (e) =>
        !e.workflowTaskScheduledEventAttributes &&
        !e.workflowTaskStartedEventAttributes &&
        !e.workflowTaskCompletedEventAttributes,
    )
    .map((e) => e.eventType);
}

async function searchAttributes(handle: ApprovalHandle) {
  const description = await handle.describe();
  return { attributes: description.searchAttributes, memo: description.memo };
}

describe('home study approval workflow (WF-1, CRD-7)', () => {
  it('WF-1: a submitted home study waits for the supervisor and approval records the decision, closes the task and schedules the re-study (CRD-7)', async () => {
    const { input, handle, workflowId, taskId } = await startApproval();
    const started = (await handle.describe()).startTime.getTime();

    const [task, ...others] = testbed.tasks.of(workflowId);
    expect(others).toEqual([]);
    expect(task).toMatchObject({
      taskId,
      requestKey: `${workflowId}/decision/1`,
      queue: 'supervisor-approvals',
      subject: { type: 'home-study', id: input.homeStudyId },
      allowedOutcomes: ['approve', 'reject', 'return'],
      outcomesRequiringReason: ['reject'],
      deciderRoles: ['resource-manager-supervisor'],
      requiredFields: { reject: ['reason'], return: ['comment'] },
      status: 'open',
    });
    expect(task?.title).toContain(PROVIDER_NAME);
    expect(task?.details).toEqual(
      expect.arrayContaining([
        'Recommendation of rm.rivera: approve — Safe and suitable home (submission 1)',
        'Warning: 1 corrective action without a completion date',
      ]),
    );
    const dueAt = new Date(task?.dueAt ?? 0).getTime();
    expect(dueAt - started).toBeGreaterThanOrEqual(5 * DAY_MS);
    expect(dueAt - started).toBeLessThan(5 * DAY_MS + 60_000);
    const dueOn = task?.dueAt.slice(0, 10);

    // ARCHITECTURE rule 7: an operator finds the process by provider, home study, status, queue.
    const waiting = await searchAttributes(handle);
    expect(waiting.attributes).toMatchObject({
      ProviderId: [input.providerId],
      HomeStudyId: [input.homeStudyId],
      BusinessStatus: ['awaiting-decision'],
      WorkQueue: ['supervisor-approvals'],
    });
    expect(waiting.memo?.['summary']).toBe(
      `Home study of ${PROVIDER_NAME} (submission 1): awaiting the supervisor's decision, due ${dueOn}`,
    );

    // The tasks service tells the process who claimed its task.
    await handle.signal(taskAssignedSignal, {
      taskId,
      assignee: supervisor.userId,
      queue: 'supervisor-approvals',
    });
    await eventually(async () => {
      expect((await handle.query(homeStudyApprovalStateQuery)).assignee).toBe(supervisor.userId);
      expect((await searchAttributes(handle)).attributes['Assignee']).toEqual([supervisor.userId]);
    });

    await expect(
      decide(handle, { taskId, outcome: 'approve', decidedBy: supervisor }),
    ).resolves.toEqual({ taskId, outcome: 'approve' });
    await expect(handle.result()).resolves.toEqual({
      homeStudyId: input.homeStudyId,
      status: 'approved',
      submissions: 1,
      reStudy: {
        homeStudyId: `re-study-of-${input.homeStudyId}`,
        previousHomeStudyId: input.homeStudyId,
        providerId: input.providerId,
        dueOn: RE_STUDY_DUE_ON,
      },
    });

    expect(homeStudies.decisionsOf(input.homeStudyId)).toEqual([
      {
        homeStudyId: input.homeStudyId,
        decisionId: taskId,
        outcome: 'approve',
        reason: null,
        decidedBy: supervisor.userId,
        decidedByRoles: supervisor.roles,
        workflowId,
      },
    ]);
    expect(testbed.tasks.task(taskId)).toMatchObject({
      status: 'completed',
      completion: { taskId, outcome: 'approve', decidedBy: supervisor.userId, reason: null },
    });
    expect(
      homeStudies.reStudies.filter((reStudy) => reStudy.homeStudyId === input.homeStudyId),
    ).toEqual([{ homeStudyId: input.homeStudyId, dueOn: RE_STUDY_DUE_ON }]);

    const approved = await searchAttributes(handle);
    expect(approved.attributes['BusinessStatus']).toEqual(['approved']);
    // No open task any more: queue and assignee removed (the test server shows a removed
    // attribute as [null]; the real server leaves it out).
    expect(approved.attributes['WorkQueue'] ?? [null]).toEqual([null]);
    expect(approved.attributes['Assignee'] ?? [null]).toEqual([null]);
    expect(approved.memo?.['summary']).toBe(
      `Home study of ${PROVIDER_NAME} (submission 1): approved by sup.lee; re-study due ${RE_STUDY_DUE_ON}`,
    );
    expect((await handle.query(homeStudyApprovalStateQuery)).decisions).toEqual([
      { submission: 1, outcome: 'approve', reason: null, decidedBy: supervisor.userId },
    ]);

    // Decided in time: no reminder, no escalation, and the reminder timer was cancelled.
    expect(testbed.tasks.reminders.filter((r) => r.taskId === taskId)).toEqual([]);
    expect(testbed.tasks.escalations.filter((e) => e.taskId === taskId)).toEqual([]);
    const history = await handle.fetchHistory();
    expect(history.events?.some((e) => e.timerCanceledEventAttributes)).toBe(true);
  });

  it('WF-1: a supervisor rejects a home study with the failure reason, and no re-study follows (CRD-7)', async () => {
    const { input, handle, taskId } = await startApproval();
    await decide(handle, {
      taskId,
      outcome: 'reject',
      reason: 'Background check failed',
      decidedBy: supervisor,
    });
    await expect(handle.result()).resolves.toEqual({
      homeStudyId: input.homeStudyId,
      status: 'rejected',
      submissions: 1,
      reStudy: null,
    });
    expect(homeStudies.decisionsOf(input.homeStudyId)).toMatchObject([
      { outcome: 'reject', reason: 'Background check failed', decidedBy: supervisor.userId },
    ]);
    expect(testbed.tasks.task(taskId).completion).toMatchObject({
      outcome: 'reject',
      reason: 'Background check failed',
    });
    expect(homeStudies.reStudies.some((r) => r.homeStudyId === input.homeStudyId)).toBe(false);
    const { attributes, memo } = await searchAttributes(handle);
    expect(attributes['BusinessStatus']).toEqual(['rejected']);
    expect(memo?.['summary']).toBe(
      `Home study of ${PROVIDER_NAME} (submission 1): rejected by sup.lee: Background check failed`,
    );
  });

  it('WF-1: a home study returned for further review goes back to its submitter and each resubmission loops back to the supervisor until approved', async () => {
    const { input, handle, workflowId, taskId: firstTaskId } = await startApproval();

    await decide(handle, {
      taskId: firstTaskId,
      outcome: 'return',
      comment: 'Add the second home visit',
      decidedBy: supervisor,
    });
    const returned = await stateOnceIn(handle, 'returned', 1);
    const firstRevision = testbed.tasks.task(returned.taskId as string);
    expect(firstRevision).toMatchObject({
      requestKey: `${workflowId}/revision/1`,
      queue: 'home-study-revisions',
      subject: { type: 'home-study', id: input.homeStudyId },
      assignee: resourceManager.userId,
      allowedOutcomes: [],
      deciderRoles: ['resource-manager', 'resource-manager-supervisor'],
      status: 'open',
    });
    expect(firstRevision.details).toEqual([
      'Returned by sup.lee: Add the second home visit',
      'Revise the home study and submit it again in the providers service; this task closes itself on resubmission',
    ]);
    // Revision due 10 days after the return, which came at once: 5 days after the decision's due.
    const firstDecisionDue = new Date(testbed.tasks.task(firstTaskId).dueAt).getTime();
    const revisionAfterDecision = new Date(firstRevision.dueAt).getTime() - firstDecisionDue;
    expect(revisionAfterDecision).toBeGreaterThanOrEqual(5 * DAY_MS);
    expect(revisionAfterDecision).toBeLessThan(5 * DAY_MS + 60_000);
    expect(returned.assignee).toBe(resourceManager.userId);
    expect((await searchAttributes(handle)).attributes).toMatchObject({
      BusinessStatus: ['returned'],
      WorkQueue: ['home-study-revisions'],
      Assignee: [resourceManager.userId],
    });

    await submit(input, submission(2));
    const second = await stateOnceIn(handle, 'awaiting-decision', 2);
    expect(testbed.tasks.task(firstRevision.taskId)).toMatchObject({
      status: 'completed',
      completion: { outcome: 'resubmitted', decidedBy: resourceManager.userId, reason: null },
    });
    await decide(handle, {
      taskId: second.taskId as string,
      outcome: 'return',
      comment: 'Correct the income figures',
      decidedBy: supervisor,
    });
    await stateOnceIn(handle, 'returned', 2);

    await submit(input, submission(3));
    const third = await stateOnceIn(handle, 'awaiting-decision', 3);
    // The supervisor sees what earlier submissions were returned for.
    expect(testbed.tasks.task(third.taskId as string).details).toEqual(
      expect.arrayContaining([
        'Submission 1: return by sup.lee — Add the second home visit',
        'Submission 2: return by sup.lee — Correct the income figures',
      ]),
    );
    await decide(handle, {
      taskId: third.taskId as string,
      outcome: 'approve',
      decidedBy: supervisor,
    });
    await expect(handle.result()).resolves.toMatchObject({ status: 'approved', submissions: 3 });

    const opened = testbed.tasks.of(workflowId);
    expect(opened.map((task) => [task.requestKey, task.completion?.outcome])).toEqual([
      [`${workflowId}/decision/1`, 'return'],
      [`${workflowId}/revision/1`, 'resubmitted'],
      [`${workflowId}/decision/2`, 'return'],
      [`${workflowId}/revision/2`, 'resubmitted'],
      [`${workflowId}/decision/3`, 'approve'],
    ]);
    expect(
      homeStudies.decisionsOf(input.homeStudyId).map((d) => [d.decisionId, d.outcome, d.reason]),
    ).toEqual([
      [firstTaskId, 'return', 'Add the second home visit'],
      [second.taskId, 'return', 'Correct the income figures'],
      [third.taskId, 'approve', null],
    ]);
    expect((await handle.query(homeStudyApprovalStateQuery)).decisions).toEqual([
      {
        submission: 1,
        outcome: 'return',
        reason: 'Add the second home visit',
        decidedBy: 'sup.lee',
      },
      {
        submission: 2,
        outcome: 'return',
        reason: 'Correct the income figures',
        decidedBy: 'sup.lee',
      },
      { submission: 3, outcome: 'approve', reason: null, decidedBy: 'sup.lee' },
    ]);

    // RECORD_HISTORIES=1 refreshes the replay fixture after an intended workflow change.
    if (process.env['RECORD_HISTORIES'] === '1') {
      const history = await handle.fetchHistory();
      writeFileSync(
        new URL('home-study-approval-return-approve.json', historiesDir),
        historyToJSON(history),
      );
    }
  });

  it('WF-1: an undecided home study reminds before the due date, escalates to the supervisors once overdue, and still takes the decision', async () => {
    const { handle, taskId } = await startApproval();
    const remindersOf = () => testbed.tasks.reminders.filter((r) => r.taskId === taskId);
    const escalationsOf = () => testbed.tasks.escalations.filter((e) => e.taskId === taskId);
    const dueOn = testbed.tasks.task(taskId).dueAt.slice(0, 10);

    // Decision due in 5 days, reminder 2 days before: nothing yet an hour before the reminder.
    await testbed.env.sleep(3 * DAY_MS - HOUR_MS);
    expect((await handle.query(homeStudyApprovalStateQuery)).status).toBe('awaiting-decision');
    expect(remindersOf()).toEqual([]);

    await testbed.env.sleep(2 * HOUR_MS);
    await eventually(() =>
      expect(remindersOf()).toEqual([
        {
          taskId,
          requestKey: `${handle.workflowId}/reminder/1`,
          message: `Home study of ${PROVIDER_NAME}: decision due on ${dueOn}`,
          priority: 'high',
        },
      ]),
    );
    expect(escalationsOf()).toEqual([]);
    expect((await handle.query(homeStudyApprovalStateQuery)).status).toBe('awaiting-decision');

    await testbed.env.sleep(2 * DAY_MS);
    await eventually(() =>
      expect(escalationsOf()).toEqual([
        {
          taskId,
          requestKey: `${handle.workflowId}/escalation/1`,
          message: `Home study of ${PROVIDER_NAME}: decision overdue since ${dueOn}`,
          toRoles: ['resource-manager-supervisor'],
        },
      ]),
    );
    await stateOnceIn(handle, 'escalated', 1);
    expect((await searchAttributes(handle)).attributes['BusinessStatus']).toEqual(['escalated']);

    // Overdue, the process keeps waiting, without reminding or escalating again.
    await testbed.env.sleep(10 * DAY_MS);
    expect(remindersOf()).toHaveLength(1);
    expect(escalationsOf()).toHaveLength(1);
    await decide(handle, { taskId, outcome: 'approve', decidedBy: supervisor });
    await expect(handle.result()).resolves.toMatchObject({ status: 'approved' });
  });

  it('WF-1: an overdue decision escalates to the named escalation role when one is configured', async () => {
    const { handle, taskId } = await startApproval({ escalateToRoles: ['administrator'] });
    await testbed.env.sleep(5 * DAY_MS + HOUR_MS);
    await eventually(() =>
      expect(testbed.tasks.escalations.filter((e) => e.taskId === taskId)).toEqual([
        expect.objectContaining({ toRoles: ['administrator'] }),
      ]),
    );
    await stateOnceIn(handle, 'escalated', 1);
    await handle.terminate('test finished');
  });

  it('WF-1: a decision recorded outside the process closes the supervisor task and the process follows it', async () => {
    const { input, handle, taskId } = await startApproval();
    await handle.signal(homeStudyDecidedElsewhereSignal, {
      homeStudyId: input.homeStudyId,
      providerId: input.providerId,
      decisionId: 'paper-decision-1',
      outcome: 'approve',
      status: 'approved',
      reason: null,
      decidedBy: supervisor.userId,
      decidedOn: '2026-11-01',
      reStudyDueOn: RE_STUDY_DUE_ON,
      submission: 1,
    });
    await expect(handle.result()).resolves.toMatchObject({ status: 'approved', submissions: 1 });
    // Recorded already: the process records nothing, closes its task and schedules the re-study.
    expect(homeStudies.decisionsOf(input.homeStudyId)).toEqual([]);
    expect(testbed.tasks.task(taskId)).toMatchObject({
      status: 'completed',
      completion: { outcome: 'decided-elsewhere', decidedBy: supervisor.userId },
    });
    expect(homeStudies.reStudies).toContainEqual({
      homeStudyId: input.homeStudyId,
      dueOn: RE_STUDY_DUE_ON,
    });
  });

  it('WF-1: a redelivered submission is ignored: each submission number reaches the supervisor once', async () => {
    const { input, handle, workflowId, taskId } = await startApproval();
    await submit(input, submission(1));
    await handle.signal(homeStudySubmittedSignal, submission(1));
    await decide(handle, {
      taskId,
      outcome: 'return',
      comment: 'Add a visit',
      decidedBy: supervisor,
    });
    await stateOnceIn(handle, 'returned', 1);

    await submit(input, submission(1));
    await submit(input, submission(2));
    const second = await stateOnceIn(handle, 'awaiting-decision', 2);
    await submit(input, submission(2));
    await decide(handle, {
      taskId: second.taskId as string,
      outcome: 'approve',
      decidedBy: supervisor,
    });
    await expect(handle.result()).resolves.toMatchObject({ status: 'approved', submissions: 2 });

    expect(testbed.tasks.of(workflowId).map((task) => task.requestKey)).toEqual([
      `${workflowId}/decision/1`,
      `${workflowId}/revision/1`,
      `${workflowId}/decision/2`,
    ]);
    expect(homeStudies.lookups.filter((id) => id === input.homeStudyId)).toHaveLength(2);
    expect(homeStudies.decisionsOf(input.homeStudyId)).toHaveLength(2);
  });

  it('ROLE / WF-1: the decide validator refuses what the rules forbid before anything is recorded, and the process is unchanged', async () => {
    const { input, handle, taskId } = await startApproval();
    const before = await handle.query(homeStudyApprovalStateQuery);
    const recordedBefore = await recordedEvents(handle);

    // ROLE: only a resource manager supervisor approves, rejects or returns a home study.
    expect(await refusal(handle, { taskId, outcome: 'approve', decidedBy: resourceManager })).toBe(
      DecisionRejection.roleNotAllowed,
    );
    // CRD-7: a rejection records the failure reason; a return, the comments for the review.
    expect(await refusal(handle, { taskId, outcome: 'reject', decidedBy: supervisor })).toBe(
      DecisionRejection.reasonRequired,
    );
    expect(
      await refusal(handle, { taskId, outcome: 'reject', reason: '  ', decidedBy: supervisor }),
    ).toBe(DecisionRejection.reasonRequired);
    expect(
      await refusal(handle, {
        taskId,
        outcome: 'return',
        reason: 'a reason',
        decidedBy: supervisor,
      }),
    ).toBe(DecisionRejection.commentRequired);
    expect(await refusal(handle, { taskId, outcome: 'withdraw', decidedBy: supervisor })).toBe(
      DecisionRejection.invalidOutcome,
    );
    expect(
      await refusal(handle, { taskId: 'another-task', outcome: 'approve', decidedBy: supervisor }),
    ).toBe(DecisionRejection.wrongTask);

    expect(await handle.query(homeStudyApprovalStateQuery)).toEqual(before);
    expect(await recordedEvents(handle)).toEqual(recordedBefore);
    expect(await acceptedUpdates(handle)).toBe(0);
    expect(homeStudies.decisionsOf(input.homeStudyId)).toEqual([]);

    await decide(handle, {
      taskId,
      outcome: 'return',
      comment: 'Add a visit',
      decidedBy: supervisor,
    });
    const returned = await stateOnceIn(handle, 'returned', 1);
    // The returned submission's task is decided; its revision task closes only on resubmission.
    expect(await refusal(handle, { taskId, outcome: 'approve', decidedBy: supervisor })).toBe(
      DecisionRejection.alreadyDecided,
    );
    expect(
      await refusal(handle, {
        taskId: returned.taskId as string,
        outcome: 'approve',
        decidedBy: supervisor,
      }),
    ).toBe(DecisionRejection.notDecidableNow);
    expect(await handle.query(homeStudyApprovalStateQuery)).toEqual(returned);
    expect(await acceptedUpdates(handle)).toBe(1);

    await submit(input, submission(2));
    const second = await stateOnceIn(handle, 'awaiting-decision', 2);
    // A later submission's task is open: the first one's still counts as decided.
    expect(await refusal(handle, { taskId, outcome: 'approve', decidedBy: supervisor })).toBe(
      DecisionRejection.alreadyDecided,
    );
    await decide(handle, {
      taskId: second.taskId as string,
      outcome: 'approve',
      decidedBy: supervisor,
    });
    await expect(handle.result()).resolves.toMatchObject({ status: 'approved', submissions: 2 });
    expect(homeStudies.decisionsOf(input.homeStudyId).map((d) => d.outcome)).toEqual([
      'return',
      'approve',
    ]);
    expect(await acceptedUpdates(handle)).toBe(2);
  });

  it('WF-1: a workflow worker killed while the supervisor decides is replaced and the process carries on from its history', async () => {
    const { input, handle, workflowId, taskId } = await startApproval();

    // The worker dies; the tasks service tells the process who claimed its task meanwhile.
    await testbed.stopWorkflowWorker();
    await handle.signal(taskAssignedSignal, {
      taskId,
      assignee: supervisor.userId,
      queue: 'supervisor-approvals',
    });
    await testbed.startWorkflowWorker();
    await eventually(async () =>
      expect((await handle.query(homeStudyApprovalStateQuery)).assignee).toBe(supervisor.userId),
    );

    // The fresh worker rebuilds the process from its history: its timers still run…
    await testbed.env.sleep(3 * DAY_MS + HOUR_MS);
    await eventually(() =>
      expect(testbed.tasks.reminders.filter((r) => r.taskId === taskId)).toHaveLength(1),
    );
    // …and it takes the decision, without repeating what it had done.
    await decide(handle, { taskId, outcome: 'approve', decidedBy: supervisor });
    await expect(handle.result()).resolves.toMatchObject({ status: 'approved', submissions: 1 });
    expect(testbed.tasks.of(workflowId)).toHaveLength(1);
    expect(homeStudies.lookups.filter((id) => id === input.homeStudyId)).toHaveLength(1);
    expect(homeStudies.decisionsOf(input.homeStudyId)).toHaveLength(1);
    expect(homeStudies.reStudies.filter((r) => r.homeStudyId === input.homeStudyId)).toHaveLength(
      1,
    );
  });
});

describe('replay (ARCHITECTURE rule 5)', () => {
  it('WF-1: replays the recorded history of a home study returned twice and then approved without non-determinism', async () => {
    const file = new URL('home-study-approval-return-approve.json', historiesDir);
    expect(existsSync(file)).toBe(true);
    const history: unknown = JSON.parse(readFileSync(file, 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowsPath }, history, 'recorded-return-approve'),
    ).resolves.toBeUndefined();
  });
});
