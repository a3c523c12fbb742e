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
  LICENCE_RENEWAL_WORKFLOW,
  licenceRenewalStateQuery,
  licenceRenewalWorkflowId,
  reinstateLicenceSignal,
  SearchAttributes,
  suspendLicenceSignal,
  taskAssignedSignal,
  TaskQueues,
  type LicenceRenewalInput,
  type LicenceRenewalResult,
  type LicenceRenewalState,
  type LicenceStatusSignal,
  type Role,
  type TaskDecision,
} from '@platform/contracts';
import { addDays, periodEndAfterMonths, type CalendarDate } from '@platform/kernel';
import { DAY_MS, HOUR_MS } from '../src/shared/clock.js';
import { eventually } from '@platform/testing';
import { InMemoryLicences } from './support/in-memory-licences.js';
import {
  WorkflowTestbed,
  workflowsPath,
  type WorkflowTestbedOptions,
} from './support/workflow-testbed.js';

/**
 * WF-2 on Temporal's time-skipping test server, with in-memory stand-ins for the tasks and
 * providers services (the end-to-end suite runs the real ones): a licence period a year out, its
 * reminders and its expiry pass in seconds.
 */
const historiesDir = new URL('../histories/', import.meta.url);

type LicenceRenewalFn = (input: LicenceRenewalInput) => Promise<LicenceRenewalResult>;
type RenewalHandle = WorkflowHandle<LicenceRenewalFn>;

const licences = new InMemoryLicences();
/** The test server of the running `describe` (the helpers below use it). */
let testbed: WorkflowTestbed;

/**
 * Each `describe` runs on a test server of its own: with a workflow cache, as production runs, or
 * without one, which the worker-kill test needs (see WorkflowTestbedOptions).
 */
function onTestbed(options: WorkflowTestbedOptions): void {
  beforeAll(async () => {
    testbed = await WorkflowTestbed.start(licences, options);
  });
  afterAll(async () => {
    await testbed?.shutdown();
  });
}

const resourceManager = { userId: 'rm.rivera', roles: ['resource-manager'] as Role[] };
const caseWorker = { userId: 'cw.chen', roles: ['case-worker'] as Role[] };
const TRAINING_WARNING = 'Jo Bloggs has not completed "First aid" (mandatory)';

const startOfDay = (day: string) => Date.parse(`${day}T00:00:00Z`);
const calendarDate = (ms: number) => new Date(ms).toISOString().slice(0, 10) as CalendarDate;
/** What the providers service does on `licence.approved`: a licence valid for about a year. */
async function startRenewal(reminderOffsetsDays: number[] = [90, 60, 30], daysLeft = 365) {
  const now = await testbed.env.currentTimeMs();
  const periodTo = calendarDate(now + daysLeft * DAY_MS);
  const licenceId = randomUUID();
  const number = `LIC-${licenceId.slice(0, 6)}`;
  const providerId = randomUUID();
  licences.add({
    licenceId,
    providerId,
    number,
    periods: [{ from: calendarDate(now), to: periodTo }],
    trainingWarnings: [TRAINING_WARNING],
    defaultValidityMonths: 12,
  });
  const workflowId = licenceRenewalWorkflowId(licenceId);
  const handle: RenewalHandle = await testbed.client.workflow.start<LicenceRenewalFn>(
    LICENCE_RENEWAL_WORKFLOW,
    {
      workflowId,
      taskQueue: TaskQueues.workflows,
      args: [{ licenceId, providerId, periodTo, reminderOffsetsDays, cycle: 1 }],
    },
  );
  return { handle, workflowId, licenceId, providerId, number, periodTo };
}

/** Moves the test server's clock to `hours` after the start of the reminder day `offset` before `periodTo`. */
async function advanceTo(periodTo: CalendarDate, offsetDays: number, hours = 1): Promise<void> {
  const target = startOfDay(addDays(periodTo, -offsetDays)) + hours * HOUR_MS;
  const now = await testbed.env.currentTimeMs();
  expect(target).toBeGreaterThan(now);
  await testbed.env.sleep(target - now);
}

/** The latest run of a process (a renewal continues as new under the same workflow id). */
function latestRun(workflowId: string): RenewalHandle {
  return testbed.client.workflow.getHandle<LicenceRenewalFn>(workflowId);
}

async function stateWhen(
  workflowId: string,
  expected: Partial<LicenceRenewalState>,
): Promise<LicenceRenewalState> {
  return eventually(async () => {
    const state = await latestRun(workflowId).query(licenceRenewalStateQuery);
    expect(state).toMatchObject(expected);
    return state;
  });
}

/** Opens the renewal task (at the 90-day reminder) and returns its id. */
async function renewalTaskOpen(workflowId: string, periodTo: CalendarDate): Promise<string> {
  await advanceTo(periodTo, 90);
  const state = await stateWhen(workflowId, { status: 'renewal-due', remindersSent: [90] });
  return state.taskId as string;
}

function decide(workflowId: string, decision: TaskDecision) {
  return latestRun(workflowId).executeUpdate(decideUpdate, { args: [decision] });
}

/** The ApplicationFailure type a refused decision came back with. */
async function refusal(workflowId: string, decision: TaskDecision): Promise<string> {
  const error = await decide(workflowId, decision).then(
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

function statusSignal(requestId: string, extra: Partial<LicenceStatusSignal> = {}) {
  return {
    requestId,
    reason: 'Safety inspection pending',
    decidedBy: resourceManager.userId,
    decidedByRoles: resourceManager.roles,
    ...extra,
  } satisfies LicenceStatusSignal;
}

const remindersOf = (taskId: string) =>
  testbed.tasks.reminders.filter((reminder) => reminder.taskId === taskId);

describe('licence renewal process (WF-2)', () => {
  onTestbed({ workflowCache: true });

  it('WF-2: the 90-day reminder opens one renewal task with the CRD-3 warnings; reminders at 90, 60 and 30 days rise in priority', async () => {
    const { handle, workflowId, licenceId, providerId, number, periodTo } = await startRenewal();
    const expiry = addDays(periodTo, 1);

    const taskId = await renewalTaskOpen(workflowId, periodTo);
    const [task, ...others] = testbed.tasks.of(workflowId);
    expect(others).toEqual([]);
    expect(task).toMatchObject({
      taskId,
      status: 'open',
      queue: 'licence-renewals',
      subject: { type: 'licence', id: licenceId },
      requestKey: `${workflowId}/cycle/1/renewal`,
      dueAt: `${expiry}T00:00:00.000Z`,
      allowedOutcomes: ['renew', 'record-non-compliance'],
      outcomesRequiringReason: ['record-non-compliance'],
      requiredFields: { 'record-non-compliance': ['reason'] },
      deciderRoles: ['resource-manager', 'resource-manager-supervisor', 'facility-manager'],
    });
    expect(task?.details).toEqual(
      expect.arrayContaining([
        `Current period ends on ${periodTo}; without renewal the licence expires on ${expiry}`,
        `Training warning (CRD-3): ${TRAINING_WARNING}`,
      ]),
    );
    // CRD-3: the training requirement is checked as of the reminder's day.
    expect(licences.lookups.filter((l) => l.licenceId === licenceId)).toEqual([
      { licenceId, onDate: addDays(periodTo, -90) },
    ]);
    const opened = await handle.query(licenceRenewalStateQuery);
    expect(opened.trainingWarnings).toEqual([TRAINING_WARNING]);
    const { searchAttributes, memo } = await handle.describe();
    expect(searchAttributes).toMatchObject({
      ProviderId: [providerId],
      LicenceId: [licenceId],
      BusinessStatus: ['renewal-due'],
      WorkQueue: ['licence-renewals'],
    });
    expect(memo?.['summary']).toBe(
      `Licence ${number} (cycle 1): expires ${periodTo}; renewal task open; reminders sent at 90 days`,
    );

    await advanceTo(periodTo, 60);
    await stateWhen(workflowId, { remindersSent: [90, 60] });
    await advanceTo(periodTo, 30);
    await stateWhen(workflowId, { remindersSent: [90, 60, 30] });

    expect(remindersOf(taskId)).toEqual(
      [
        [90, 'normal'],
        [60, 'high'],
        [30, 'urgent'],
      ].map(([offset, priority]) => ({
        taskId,
        requestKey: `${workflowId}/cycle/1/reminder/${offset}`,
        message: `Licence ${number} expires on ${periodTo} (in ${offset} days)`,
        priority,
      })),
    );
    expect(testbed.tasks.of(workflowId)).toHaveLength(1);
    await handle.terminate('test finished');
  });

  it('WF-2: the reminder offsets are configurable ([45, 10]): the task opens on the 45-day reminder', async () => {
    const { handle, workflowId, periodTo } = await startRenewal([10, 45]);
    await advanceTo(periodTo, 45, -1);
    await stateWhen(workflowId, { status: 'active', taskId: null, remindersSent: [] });
    expect(testbed.tasks.of(workflowId)).toEqual([]);

    await advanceTo(periodTo, 45, 1);
    const { taskId } = await stateWhen(workflowId, { status: 'renewal-due', remindersSent: [45] });
    await advanceTo(periodTo, 10);
    await stateWhen(workflowId, { remindersSent: [45, 10] });
    expect(
      remindersOf(taskId as string).map(({ requestKey, priority }) => [requestKey, priority]),
    ).toEqual([
      [`${workflowId}/cycle/1/reminder/45`, 'normal'],
      [`${workflowId}/cycle/1/reminder/10`, 'urgent'],
    ]);
    await handle.terminate('test finished');
  });

  it('WF-2: a process started 45 days before expiry opens the task at once with the 60-day reminder (the latest passed), then reminds at 30', async () => {
    const { handle, workflowId, periodTo } = await startRenewal([90, 60, 30], 45);
    const { taskId } = await stateWhen(workflowId, {
      status: 'renewal-due',
      remindersSent: [60],
    });
    expect(testbed.tasks.of(workflowId)).toHaveLength(1);
    const [first] = remindersOf(taskId as string);
    expect(first).toMatchObject({
      requestKey: `${workflowId}/cycle/1/reminder/60`,
      priority: 'high',
    });
    // The message counts the days actually left, not the offset the reminder stands for.
    expect(first?.message).toMatch(/\(in 4[45] days\)$/);

    await advanceTo(periodTo, 30);
    await stateWhen(workflowId, { remindersSent: [60, 30] });
    expect(remindersOf(taskId as string).map((r) => r.priority)).toEqual(['high', 'urgent']);
    await handle.terminate('test finished');
  });

  it('CRD-2: renewing records the default validity from the day after the period, closes the task and continues as new in cycle 2', async () => {
    const { handle, workflowId, licenceId, periodTo } = await startRenewal();
    const taskId = await renewalTaskOpen(workflowId, periodTo);
    const firstRunId = (await handle.describe()).runId;

    await decide(workflowId, { taskId, outcome: 'renew', decidedBy: resourceManager });

    // A 12-month default validity from the day after the period: the same day a year on.
    // CRD-2: the new period starts the day after the old one and lasts the type's 12 months.
    const newTo = periodEndAfterMonths(addDays(periodTo, 1), 12);
    const next = await stateWhen(workflowId, { cycle: 2 });
    expect(next).toEqual({
      status: 'active',
      cycle: 2,
      periodTo: newTo,
      taskId: null,
      assignee: null,
      remindersSent: [],
      trainingWarnings: [],
    });
    expect(licences.renewals.filter((r) => r.licenceId === licenceId)).toEqual([
      {
        licenceId,
        requestId: taskId,
        newTo,
        decidedBy: resourceManager.userId,
        decidedByRoles: resourceManager.roles,
        workflowId,
        onDate: addDays(periodTo, -90),
      },
    ]);
    expect(testbed.tasks.task(taskId)).toMatchObject({
      status: 'completed',
      completion: { taskId, outcome: 'renew', decidedBy: resourceManager.userId, reason: null },
    });

    // The same workflow id, a new run; the first one closed as continued-as-new.
    const latest = await latestRun(workflowId).describe();
    expect(latest.runId).not.toBe(firstRunId);
    expect(latest.status.name).toBe('RUNNING');
    expect(latest.searchAttributes).toMatchObject({
      BusinessStatus: ['active'],
      LicenceId: [licenceId],
    });
    expect(latest.typedSearchAttributes.get(SearchAttributes.workQueue)).toBeUndefined();
    const first = await testbed.client.workflow.getHandle(workflowId, firstRunId).describe();
    expect(first.status.name).toBe('CONTINUED_AS_NEW');
    expect(first.searchAttributes['BusinessStatus']).toEqual(['renewed']);

    // Cycle 2 reminds before the new period's end, with a task of its own.
    await advanceTo(newTo, 90);
    const cycle2 = await stateWhen(workflowId, {
      cycle: 2,
      status: 'renewal-due',
      remindersSent: [90],
    });
    expect(testbed.tasks.task(cycle2.taskId as string).requestKey).toBe(
      `${workflowId}/cycle/2/renewal`,
    );
    // ARCHITECTURE rule 6: cycle 1's task, decided already, is not decided again.
    expect(
      await refusal(workflowId, { taskId, outcome: 'renew', decidedBy: resourceManager }),
    ).toBe(DecisionRejection.wrongTask);
    await latestRun(workflowId).terminate('test finished');
  });

  it('CRD-2: non-compliance is refused without a reason, then recorded with one and the process ends', async () => {
    const { handle, workflowId, licenceId, periodTo } = await startRenewal();
    const taskId = await renewalTaskOpen(workflowId, periodTo);

    expect(
      await refusal(workflowId, {
        taskId,
        outcome: 'record-non-compliance',
        decidedBy: resourceManager,
      }),
    ).toBe(DecisionRejection.reasonRequired);
    expect(await handle.query(licenceRenewalStateQuery)).toMatchObject({
      status: 'renewal-due',
      taskId,
    });

    await decide(workflowId, {
      taskId,
      outcome: 'record-non-compliance',
      reason: 'Background check failed',
      decidedBy: resourceManager,
    });
    await expect(handle.result()).resolves.toEqual({
      licenceId,
      status: 'non-compliant',
      cycle: 1,
    });
    expect(licences.nonCompliance.filter((n) => n.licenceId === licenceId)).toEqual([
      {
        licenceId,
        requestId: taskId,
        reason: 'Background check failed',
        decidedBy: resourceManager.userId,
        decidedByRoles: resourceManager.roles,
        workflowId,
      },
    ]);
    expect(testbed.tasks.task(taskId).completion).toMatchObject({
      outcome: 'record-non-compliance',
      reason: 'Background check failed',
    });
    expect(licences.licence(licenceId).status).toBe('non-compliant');
    expect((await handle.describe()).searchAttributes['BusinessStatus']).toEqual(['non-compliant']);
  });

  it('CRD-2: suspend and reinstate signals are recorded once each; a renewal is refused while suspended', async () => {
    const { handle, workflowId, licenceId, periodTo } = await startRenewal();
    const taskId = await renewalTaskOpen(workflowId, periodTo);

    await handle.signal(suspendLicenceSignal, statusSignal('suspend-1'));
    await stateWhen(workflowId, { status: 'suspended', taskId });
    expect(licences.licence(licenceId).status).toBe('suspended');
    expect((await handle.describe()).searchAttributes['BusinessStatus']).toEqual(['suspended']);

    // CRD-2: reinstate first. The validator refuses; nothing changes.
    expect(
      await refusal(workflowId, { taskId, outcome: 'renew', decidedBy: resourceManager }),
    ).toBe(DecisionRejection.notDecidableNow);
    expect(await handle.query(licenceRenewalStateQuery)).toMatchObject({
      status: 'suspended',
      taskId,
    });

    // A redelivered suspension (same request id) is ignored; the reinstatement after it applies.
    await handle.signal(suspendLicenceSignal, statusSignal('suspend-1'));
    await handle.signal(reinstateLicenceSignal, statusSignal('reinstate-1', { reason: null }));
    await stateWhen(workflowId, { status: 'renewal-due', taskId });
    expect(licences.suspensions.filter((s) => s.licenceId === licenceId)).toEqual([
      {
        licenceId,
        requestId: 'suspend-1',
        reason: 'Safety inspection pending',
        decidedBy: resourceManager.userId,
        decidedByRoles: resourceManager.roles,
        workflowId,
      },
    ]);
    expect(licences.reinstatements.filter((r) => r.licenceId === licenceId)).toHaveLength(1);
    expect(licences.licence(licenceId).status).toBe('approved');

    // Recorded over the providers API already: the process only follows.
    await handle.signal(suspendLicenceSignal, statusSignal('suspend-2', { alreadyRecorded: true }));
    await stateWhen(workflowId, { status: 'suspended' });
    await handle.signal(
      reinstateLicenceSignal,
      statusSignal('reinstate-2', { alreadyRecorded: true }),
    );
    await stateWhen(workflowId, { status: 'renewal-due' });
    expect(licences.suspensions.filter((s) => s.licenceId === licenceId)).toHaveLength(1);
    expect(licences.reinstatements.filter((r) => r.licenceId === licenceId)).toHaveLength(1);
    await handle.terminate('test finished');
  });

  it('WF-2: without a decision the licence expires the day after its period; the task closes as expired', async () => {
    const { handle, workflowId, licenceId, periodTo } = await startRenewal();
    const expiry = addDays(periodTo, 1);

    await expect(handle.result()).resolves.toEqual({ licenceId, status: 'expired', cycle: 1 });

    expect(licences.expiries.filter((e) => e.licenceId === licenceId)).toEqual([
      { licenceId, onDate: expiry, workflowId },
    ]);
    expect(licences.licence(licenceId).status).toBe('expired');
    const [task] = testbed.tasks.of(workflowId);
    expect(task).toMatchObject({
      status: 'completed',
      completion: { outcome: 'expired', decidedBy: 'system' },
    });
    expect(remindersOf(task?.taskId as string)).toHaveLength(3);
    const { searchAttributes, typedSearchAttributes } = await handle.describe();
    expect(searchAttributes['BusinessStatus']).toEqual(['expired']);
    expect(typedSearchAttributes.get(SearchAttributes.workQueue)).toBeUndefined();

    // RECORD_HISTORIES=1 refreshes the replay fixture after an intended workflow change.
    if (process.env['RECORD_HISTORIES'] === '1') {
      const history = await handle.fetchHistory();
      writeFileSync(new URL('licence-renewal-expiry.json', historiesDir), historyToJSON(history));
    }
  });

  it('ROLE: a case worker may not decide the renewal task; the task stays open', async () => {
    const { handle, workflowId, periodTo } = await startRenewal();
    const taskId = await renewalTaskOpen(workflowId, periodTo);

    expect(await refusal(workflowId, { taskId, outcome: 'renew', decidedBy: caseWorker })).toBe(
      DecisionRejection.roleNotAllowed,
    );
    expect(await handle.query(licenceRenewalStateQuery)).toMatchObject({
      status: 'renewal-due',
      taskId,
    });
    const history = await handle.fetchHistory();
    expect(history.events?.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(
      false,
    );
    await handle.terminate('test finished');
  });

  it('WF-2: the process follows who works its renewal task (Assignee search attribute)', async () => {
    const { handle, workflowId, periodTo } = await startRenewal();
    const taskId = await renewalTaskOpen(workflowId, periodTo);

    await handle.signal(taskAssignedSignal, {
      taskId,
      assignee: resourceManager.userId,
      queue: 'licence-renewals',
    });
    await stateWhen(workflowId, { assignee: resourceManager.userId });
    expect((await handle.describe()).searchAttributes['Assignee']).toEqual([
      resourceManager.userId,
    ]);

    // Closing the task clears it.
    await decide(workflowId, { taskId, outcome: 'renew', decidedBy: resourceManager });
    await stateWhen(workflowId, { cycle: 2, assignee: null });
    const latest = await latestRun(workflowId).describe();
    expect(latest.typedSearchAttributes.get(SearchAttributes.assignee)).toBeUndefined();
    await latestRun(workflowId).terminate('test finished');
  });

  it('WF-2: a licence renewed over the providers API meanwhile is not expired; the process follows into cycle 2', async () => {
    const { workflowId, licenceId, periodTo } = await startRenewal();
    const taskId = await renewalTaskOpen(workflowId, periodTo);
    const newTo = addDays(periodTo, 180);
    licences.renewOverHttp(licenceId, newTo);

    await advanceTo(addDays(periodTo, 1), 0);
    await stateWhen(workflowId, { cycle: 2, periodTo: newTo, status: 'active' });
    expect(licences.expiries.filter((e) => e.licenceId === licenceId)).toEqual([]);
    expect(testbed.tasks.task(taskId).completion).toMatchObject({
      outcome: 'renewed-elsewhere',
      decidedBy: 'system',
    });
    // ARCHITECTURE rule 6: its task, closed by the process, can no longer be decided.
    expect(
      await refusal(workflowId, { taskId, outcome: 'renew', decidedBy: resourceManager }),
    ).toBe(DecisionRejection.alreadyDecided);
    await latestRun(workflowId).terminate('test finished');
  });
});

describe('licence renewal process across a worker crash (WF-2)', () => {
  onTestbed({ workflowCache: false });

  it('WF-2: a workflow worker killed between reminders loses nothing; the process still expires the licence once', async () => {
    const { handle, workflowId, licenceId, periodTo } = await startRenewal();
    const taskId = await renewalTaskOpen(workflowId, periodTo);

    // Killed after the 90-day reminder: the 60-day timer fires with no worker to run the process;
    // a fresh worker replays the history and carries on, repeating nothing.
    await testbed.stopWorkflowWorker();
    const sleeping = advanceTo(periodTo, 60);
    try {
      await eventually(async () => {
        expect(await testbed.env.currentTimeMs()).toBeGreaterThanOrEqual(
          startOfDay(addDays(periodTo, -60)),
        );
      });
      expect(remindersOf(taskId)).toHaveLength(1);
    } finally {
      await testbed.startWorkflowWorker();
    }
    await sleeping;

    await expect(handle.result()).resolves.toEqual({ licenceId, status: 'expired', cycle: 1 });
    expect(testbed.tasks.of(workflowId)).toHaveLength(1);
    expect(remindersOf(taskId).map((r) => r.requestKey)).toEqual(
      [90, 60, 30].map((offset) => `${workflowId}/cycle/1/reminder/${offset}`),
    );
    expect(licences.expiries.filter((e) => e.licenceId === licenceId)).toHaveLength(1);
    expect(testbed.tasks.task(taskId).completion?.outcome).toBe('expired');
  });
});

describe('replay (ARCHITECTURE rule 5)', () => {
  it('replays the recorded history of an expired licence without non-determinism', async () => {
    const file = new URL('licence-renewal-expiry.json', historiesDir);
    expect(existsSync(file)).toBe(true);
    const history: unknown = JSON.parse(readFileSync(file, 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowsPath }, history, 'recorded-expiry'),
    ).resolves.toBeUndefined();
  });
});
