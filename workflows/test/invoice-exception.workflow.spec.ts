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
  INVOICE_EXCEPTION_WORKFLOW,
  invoiceExceptionStateQuery,
  invoiceExceptionWorkflowId,
  taskAssignedSignal,
  TaskQueues,
  type InvoiceExceptionInput,
  type InvoiceExceptionResult,
  type InvoiceExceptionState,
  type InvoiceLineFailure,
  type Role,
  type TaskDecision,
} from '@platform/contracts';
import { eventually } from '@platform/testing';
import { DAY_MS, HOUR_MS } from '../src/shared/clock.js';
import {
  InMemoryInvoiceLines,
  type ScriptedProcessing,
} from './support/in-memory-invoice-lines.js';
import { WorkflowTestbed, workflowsPath } from './support/workflow-testbed.js';

/**
 * WF-4 (FIN-6) on Temporal's time-skipping test server, with in-memory stand-ins for the tasks and
 * finance services (the finance service's own suites run the real activities): a failed invoice
 * line waits in the finance exception queue until resubmitted or denied; days-long deadlines,
 * reminders and escalations pass in about a second.
 */
const historiesDir = new URL('../histories/', import.meta.url);

type InvoiceExceptionFn = (input: InvoiceExceptionInput) => Promise<InvoiceExceptionResult>;
type ExceptionHandle = WorkflowHandle<InvoiceExceptionFn>;

const lines = new InMemoryInvoiceLines();
let testbed: WorkflowTestbed;

beforeAll(async () => {
  testbed = await WorkflowTestbed.start({}, { finance: lines });
});

afterAll(async () => {
  await testbed?.shutdown();
});

const financeUser = { userId: 'fu.fong', roles: ['finance-user'] as Role[] };
const otherFinanceUser = { userId: 'fu.ortiz', roles: ['finance-user'] as Role[] };
const supervisor = { userId: 'sup.lee', roles: ['resource-manager-supervisor'] as Role[] };

const NOT_ENOUGH_UNITS: InvoiceLineFailure = {
  code: 'not-enough-unbilled-units',
  rule: 'FIN-4',
  message: '12 units billed, 10 unbilled on authorization A-7',
};
const OUTSIDE_AUTHORIZATION: InvoiceLineFailure = {
  code: 'service-outside-authorization',
  rule: 'FIN-4',
  message: 'Service on 2026-03-02 is after the authorization ended on 2026-02-28',
};
const NO_CLIENT: InvoiceLineFailure = {
  code: 'client-not-authorized',
  rule: 'FIN-4',
  message: 'Client C-19 is not on the authorization',
};
const FIXED_FEE: InvoiceLineFailure = {
  code: 'fixed-fee-contract',
  rule: 'FIN-5',
  message: 'A fixed-fee contract covers this service; the fixed-fee run pays it',
};

const PATCH_LINE = (input: InvoiceExceptionInput) =>
  `Modify the line item (PATCH /invoices/${input.invoiceId}/line-items/${input.lineItemId}), ` +
  'then resubmit it; or deny it with a reason';

interface StartOptions {
  failures?: InvoiceLineFailure[];
  script?: ScriptedProcessing[];
  escalateToRoles?: Role[];
}

/** What finance's processing does when a line item fails: the line's exception process starts. */
async function startException(options: StartOptions = {}) {
  const lineItemId = randomUUID();
  const failures = options.failures ?? [NOT_ENOUGH_UNITS, OUTSIDE_AUTHORIZATION];
  lines.addFailedLine(lineItemId, failures, options.script ?? []);
  const input: InvoiceExceptionInput = {
    invoiceId: randomUUID(),
    invoiceReference: `INV-2026-${lineItemId.slice(0, 4)}`,
    lineItemId,
    lineNumber: 3,
    providerId: randomUUID(),
    attempt: 1,
    failures,
    resolutionDays: 10,
    reminderDaysBeforeDue: 3,
    ...(options.escalateToRoles ? { escalateToRoles: options.escalateToRoles } : {}),
  };
  const handle = await testbed.client.workflow.start<InvoiceExceptionFn>(
    INVOICE_EXCEPTION_WORKFLOW,
    {
      workflowId: invoiceExceptionWorkflowId(lineItemId),
      taskQueue: TaskQueues.workflows,
      args: [input],
    },
  );
  const state = await stateWhen(handle, { status: 'awaiting-resolution' });
  // Published once the tasks service has the task: from then on it can be decided in an inbox.
  await eventually(async () => {
    expect(testbed.tasks.of(handle.workflowId)).toHaveLength(1);
    expect((await described(handle)).attributes['BusinessStatus']).toEqual(['awaiting-resolution']);
  });
  return { input, handle, workflowId: handle.workflowId, taskId: state.taskId as string };
}

async function stateWhen(
  handle: ExceptionHandle,
  expected: Partial<InvoiceExceptionState>,
): Promise<InvoiceExceptionState> {
  return eventually(async () => {
    const state = await handle.query(invoiceExceptionStateQuery);
    expect(state).toMatchObject(expected);
    return state;
  });
}

function decide(handle: ExceptionHandle, decision: TaskDecision) {
  return handle.executeUpdate(decideUpdate, { args: [decision] });
}

const resubmit = (handle: ExceptionHandle, taskId: string, decidedBy = financeUser) =>
  decide(handle, { taskId, outcome: 'resubmit', decidedBy });

/** The ApplicationFailure type a refused decision came back with. */
async function refusal(handle: ExceptionHandle, decision: TaskDecision): Promise<string> {
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

/** Updates the process accepted: a refused one never reaches its history. */
async function acceptedUpdates(handle: ExceptionHandle): Promise<number> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)
    .length;
}

async function described(handle: ExceptionHandle) {
  const description = await handle.describe();
  return { attributes: description.searchAttributes, summary: description.memo?.['summary'] };
}

const resubmissionsOf = (lineItemId: string) =>
  lines.resubmissions.filter((call) => call.lineItemId === lineItemId);

/** RECORD_HISTORIES=1 refreshes a replay fixture after an intended workflow change. */
async function recordHistory(handle: ExceptionHandle, file: string): Promise<void> {
  if (process.env['RECORD_HISTORIES'] !== '1') return;
  const history = await handle.fetchHistory();
  writeFileSync(new URL(file, historiesDir), historyToJSON(history));
}

describe('invoice exception workflow (WF-4, FIN-6)', () => {
  it('FIN-6: a failed line opens a finance exception task listing every reason; modified and resubmitted, it passes, the task closes as resubmitted and the line is resolved with its payment', async () => {
    const { input, handle, workflowId, taskId } = await startException({
      script: [{ outcome: 'accepted', paymentId: 'payment-1' }],
    });
    const started = (await handle.describe()).startTime.getTime();

    const [task] = testbed.tasks.of(workflowId);
    expect(task).toMatchObject({
      taskId,
      requestKey: `${workflowId}/task`,
      queue: 'finance-exceptions',
      subject: { type: 'invoice-line-item', id: input.lineItemId },
      allowedOutcomes: ['resubmit', 'deny'],
      outcomesRequiringReason: ['deny'],
      deciderRoles: ['finance-user'],
      requiredFields: { deny: ['reason'] },
      status: 'open',
    });
    expect(task?.title).toBe(
      `Invoice ${input.invoiceReference} line 3: failed processing (attempt 1, 2 reasons)`,
    );
    expect(task?.details).toEqual([
      'FIN-4 · not-enough-unbilled-units: 12 units billed, 10 unbilled on authorization A-7',
      'FIN-4 · service-outside-authorization: Service on 2026-03-02 is after the authorization ended on 2026-02-28',
      PATCH_LINE(input),
    ]);
    const dueAt = new Date(task?.dueAt ?? 0).getTime();
    expect(dueAt - started).toBeGreaterThanOrEqual(10 * DAY_MS);
    expect(dueAt - started).toBeLessThan(10 * DAY_MS + 60_000);
    const dueOn = task?.dueAt.slice(0, 10);

    // ARCHITECTURE rule 7: an operator finds the exception by provider, invoice, status, queue.
    const waiting = await described(handle);
    expect(waiting.attributes).toMatchObject({
      ProviderId: [input.providerId],
      InvoiceId: [input.invoiceId],
      BusinessStatus: ['awaiting-resolution'],
      WorkQueue: ['finance-exceptions'],
    });
    expect(waiting.summary).toBe(
      `Invoice ${input.invoiceReference} line 3: 2 reasons — awaiting resolution, due ${dueOn}`,
    );

    // The tasks service tells the process who claimed its task.
    await handle.signal(taskAssignedSignal, {
      taskId,
      assignee: financeUser.userId,
      queue: 'finance-exceptions',
    });
    await eventually(async () => {
      expect((await handle.query(invoiceExceptionStateQuery)).assignee).toBe(financeUser.userId);
      expect((await described(handle)).attributes['Assignee']).toEqual([financeUser.userId]);
    });

    await expect(resubmit(handle, taskId)).resolves.toEqual({ taskId, outcome: 'resubmit' });
    await expect(handle.result()).resolves.toEqual({
      lineItemId: input.lineItemId,
      status: 'resolved',
      attempts: 2,
      paymentId: 'payment-1',
    });

    expect(resubmissionsOf(input.lineItemId)).toEqual([
      {
        lineItemId: input.lineItemId,
        requestKey: `${workflowId}/resubmit/1`,
        resubmittedBy: financeUser.userId,
      },
    ]);
    expect(lines.status(input.lineItemId)).toBe('resolved');
    expect(testbed.tasks.task(taskId)).toMatchObject({
      status: 'completed',
      completion: { taskId, outcome: 'resubmitted', decidedBy: financeUser.userId, reason: null },
    });
    expect(await handle.query(invoiceExceptionStateQuery)).toEqual({
      status: 'resolved',
      taskId: null,
      assignee: null,
      attempt: 2,
      failures: input.failures,
      attempts: [
        { attempt: 1, failures: input.failures, decidedBy: 'fu.fong', outcome: 'resubmitted' },
      ],
      escalated: false,
    });
    const resolved = await described(handle);
    expect(resolved.attributes['BusinessStatus']).toEqual(['resolved']);
    // No open task any more (the test server shows a removed attribute as [null]).
    expect(resolved.attributes['WorkQueue'] ?? [null]).toEqual([null]);
    expect(resolved.attributes['Assignee'] ?? [null]).toEqual([null]);
    expect(resolved.summary).toBe(
      `Invoice ${input.invoiceReference} line 3: resolved after attempt 2 (resubmitted by fu.fong), payment payment-1`,
    );
    // Resolved in time: no reminder, no escalation.
    expect(testbed.tasks.reminders.filter((r) => r.taskId === taskId)).toEqual([]);
    expect(testbed.tasks.escalations.filter((e) => e.taskId === taskId)).toEqual([]);
  });

  it('FIN-6: a resubmitted line that still fails updates the same task with the new reasons and waits on; the next resubmission passes and closes it', async () => {
    const { input, handle, workflowId, taskId } = await startException({
      script: [
        { outcome: 'failed', failures: [NO_CLIENT] },
        { outcome: 'accepted', paymentId: 'payment-2' },
      ],
    });

    await resubmit(handle, taskId);
    const stillFailing = await stateWhen(handle, {
      status: 'awaiting-resolution',
      attempt: 2,
      failures: [NO_CLIENT],
    });
    expect(stillFailing.taskId).toBe(taskId);
    expect(stillFailing.attempts).toEqual([
      { attempt: 1, failures: input.failures, decidedBy: 'fu.fong', outcome: 'resubmitted' },
    ]);
    const newDetails = [
      'FIN-4 · client-not-authorized: Client C-19 is not on the authorization',
      PATCH_LINE(input),
    ];
    const newTitle = `Invoice ${input.invoiceReference} line 3: failed processing (attempt 2, 1 reason)`;
    expect(testbed.tasks.detailUpdates.filter((u) => u.taskId === taskId)).toEqual([
      {
        taskId,
        requestKey: `${workflowId}/details/1`,
        title: newTitle,
        details: newDetails,
        note: 'Resubmitted by fu.fong; still failing (attempt 2)',
      },
    ]);
    // The same task, still open, now says what fails now; no second task was opened.
    expect(testbed.tasks.of(workflowId)).toHaveLength(1);
    expect(testbed.tasks.task(taskId)).toMatchObject({
      status: 'open',
      title: newTitle,
      details: newDetails,
    });
    expect((await described(handle)).summary).toMatch(
      new RegExp(`^Invoice ${input.invoiceReference} line 3: 1 reason — awaiting resolution, due `),
    );

    // The task takes a new decision: another finance user resubmits once more, and it passes.
    await resubmit(handle, taskId, otherFinanceUser);
    await expect(handle.result()).resolves.toEqual({
      lineItemId: input.lineItemId,
      status: 'resolved',
      attempts: 3,
      paymentId: 'payment-2',
    });
    expect(
      resubmissionsOf(input.lineItemId).map((call) => [call.requestKey, call.resubmittedBy]),
    ).toEqual([
      [`${workflowId}/resubmit/1`, 'fu.fong'],
      [`${workflowId}/resubmit/2`, 'fu.ortiz'],
    ]);
    expect(testbed.tasks.task(taskId).completion).toMatchObject({
      outcome: 'resubmitted',
      decidedBy: 'fu.ortiz',
    });
    expect((await handle.query(invoiceExceptionStateQuery)).attempts).toEqual([
      { attempt: 1, failures: input.failures, decidedBy: 'fu.fong', outcome: 'resubmitted' },
      { attempt: 2, failures: [NO_CLIENT], decidedBy: 'fu.ortiz', outcome: 'resubmitted' },
    ]);

    await recordHistory(handle, 'invoice-exception-still-failing-resubmit.json');
  });

  it('FIN-6: a denial needs a reason — without one the decision is refused and nothing changes; with one the line is denied and its task closes', async () => {
    const { input, handle, taskId } = await startException();

    expect(await refusal(handle, { taskId, outcome: 'deny', decidedBy: financeUser })).toBe(
      DecisionRejection.reasonRequired,
    );
    expect(
      await refusal(handle, { taskId, outcome: 'deny', reason: '   ', decidedBy: financeUser }),
    ).toBe(DecisionRejection.reasonRequired);
    expect(await acceptedUpdates(handle)).toBe(0);
    expect(lines.denials.filter((d) => d.lineItemId === input.lineItemId)).toEqual([]);
    expect(await handle.query(invoiceExceptionStateQuery)).toMatchObject({
      status: 'awaiting-resolution',
      taskId,
      attempts: [],
    });
    expect(testbed.tasks.task(taskId).status).toBe('open');

    await decide(handle, {
      taskId,
      outcome: 'deny',
      reason: ' Service not provided on that date ',
      decidedBy: financeUser,
    });
    await expect(handle.result()).resolves.toEqual({
      lineItemId: input.lineItemId,
      status: 'denied',
      attempts: 1,
      paymentId: null,
    });
    expect(lines.denials.filter((d) => d.lineItemId === input.lineItemId)).toEqual([
      {
        lineItemId: input.lineItemId,
        reason: 'Service not provided on that date',
        deniedBy: 'fu.fong',
      },
    ]);
    expect(lines.status(input.lineItemId)).toBe('denied');
    expect(resubmissionsOf(input.lineItemId)).toEqual([]);
    expect(testbed.tasks.task(taskId)).toMatchObject({
      status: 'completed',
      completion: {
        outcome: 'deny',
        decidedBy: 'fu.fong',
        reason: 'Service not provided on that date',
      },
    });
    const denied = await described(handle);
    expect(denied.attributes['BusinessStatus']).toEqual(['denied']);
    expect(denied.summary).toBe(
      `Invoice ${input.invoiceReference} line 3: denied by fu.fong: Service not provided on that date`,
    );
  });

  it('WF-4: an unresolved line is reminded before it is due, escalated once overdue to the configured roles and still waits; a resubmission still failing keeps it escalated, then a denial ends it', async () => {
    const { input, handle, workflowId, taskId } = await startException({
      escalateToRoles: ['administrator'],
      script: [{ outcome: 'failed', failures: [NO_CLIENT] }],
    });
    const remindersOf = () => testbed.tasks.reminders.filter((r) => r.taskId === taskId);
    const escalationsOf = () => testbed.tasks.escalations.filter((e) => e.taskId === taskId);
    const dueOn = testbed.tasks.task(taskId).dueAt.slice(0, 10);
    const label = `Invoice ${input.invoiceReference} line 3`;

    // Due in 10 days, reminded 3 days before: nothing yet an hour before the reminder.
    await testbed.env.sleep(7 * DAY_MS - HOUR_MS);
    expect(remindersOf()).toEqual([]);
    await testbed.env.sleep(2 * HOUR_MS);
    await eventually(() =>
      expect(remindersOf()).toEqual([
        {
          taskId,
          requestKey: `${workflowId}/reminder`,
          message: `${label}: resolution due on ${dueOn}`,
          priority: 'high',
        },
      ]),
    );
    expect(escalationsOf()).toEqual([]);
    expect((await handle.query(invoiceExceptionStateQuery)).status).toBe('awaiting-resolution');

    await testbed.env.sleep(3 * DAY_MS);
    await eventually(() =>
      expect(escalationsOf()).toEqual([
        {
          taskId,
          requestKey: `${workflowId}/escalation`,
          message: `${label}: resolution overdue since ${dueOn}`,
          toRoles: ['administrator'],
        },
      ]),
    );
    await stateWhen(handle, { status: 'escalated', escalated: true, taskId });
    const escalated = await described(handle);
    expect(escalated.attributes['BusinessStatus']).toEqual(['escalated']);
    expect(escalated.summary).toBe(
      `${label}: 2 reasons — resolution overdue since ${dueOn}, escalated`,
    );

    // Overdue, the line stays open: the process waits on without reminding or escalating again,
    // also after a resubmission that still fails.
    await testbed.env.sleep(10 * DAY_MS);
    await resubmit(handle, taskId);
    await stateWhen(handle, { status: 'escalated', attempt: 2, failures: [NO_CLIENT] });
    await testbed.env.sleep(10 * DAY_MS);
    expect(remindersOf()).toHaveLength(1);
    expect(escalationsOf()).toHaveLength(1);
    expect(testbed.tasks.task(taskId).status).toBe('open');

    await decide(handle, {
      taskId,
      outcome: 'deny',
      reason: 'Duplicate of line 2',
      decidedBy: financeUser,
    });
    await expect(handle.result()).resolves.toMatchObject({ status: 'denied', attempts: 2 });
    expect(testbed.tasks.task(taskId).completion).toMatchObject({
      outcome: 'deny',
      reason: 'Duplicate of line 2',
    });
    expect((await handle.query(invoiceExceptionStateQuery)).attempts).toEqual([
      { attempt: 1, failures: input.failures, decidedBy: 'fu.fong', outcome: 'resubmitted' },
      { attempt: 2, failures: [NO_CLIENT], decidedBy: 'fu.fong', outcome: 'denied' },
    ]);

    await recordHistory(handle, 'invoice-exception-escalation-deny.json');
  });

  it('WF-4: without configured roles the escalation leaves them to the tasks service (the queue’s own), and the escalated line is still resolved by a resubmission', async () => {
    const { handle, taskId } = await startException({
      script: [{ outcome: 'accepted', paymentId: 'payment-3' }],
    });
    await testbed.env.sleep(10 * DAY_MS + HOUR_MS);
    await eventually(() =>
      expect(testbed.tasks.escalations.filter((e) => e.taskId === taskId)).toEqual([
        expect.not.objectContaining({ toRoles: expect.anything() }),
      ]),
    );
    await stateWhen(handle, { status: 'escalated' });
    await resubmit(handle, taskId);
    await expect(handle.result()).resolves.toMatchObject({
      status: 'resolved',
      paymentId: 'payment-3',
    });
    expect(testbed.tasks.task(taskId).completion?.outcome).toBe('resubmitted');
  });

  it('FIN-5: a resubmitted line a fixed-fee contract covers stops processing for good; the task closes as stopped', async () => {
    const { input, handle, taskId } = await startException({
      script: [{ outcome: 'stopped', failures: [FIXED_FEE] }],
    });
    await resubmit(handle, taskId);
    await expect(handle.result()).resolves.toEqual({
      lineItemId: input.lineItemId,
      status: 'stopped',
      attempts: 2,
      paymentId: null,
    });
    expect(testbed.tasks.task(taskId)).toMatchObject({
      status: 'completed',
      completion: { outcome: 'stopped', decidedBy: 'fu.fong', reason: FIXED_FEE.message },
    });
    expect(testbed.tasks.detailUpdates.filter((u) => u.taskId === taskId)).toEqual([]);
    const stopped = await described(handle);
    expect(stopped.attributes['BusinessStatus']).toEqual(['stopped']);
    expect(stopped.summary).toBe(
      `Invoice ${input.invoiceReference} line 3: processing stopped: ${FIXED_FEE.message}`,
    );
  });

  it('WF-4: a resubmission of a line denied already (a denial that reached the finance service first) processes nothing and ends the process as denied', async () => {
    const { input, handle, taskId } = await startException();
    lines.markDenied(input.lineItemId, {
      lineItemId: input.lineItemId,
      reason: 'Denied on the earlier attempt',
      deniedBy: 'fu.ortiz',
    });
    await resubmit(handle, taskId);
    await expect(handle.result()).resolves.toEqual({
      lineItemId: input.lineItemId,
      status: 'denied',
      attempts: 1,
      paymentId: null,
    });
    expect(testbed.tasks.task(taskId).completion).toMatchObject({
      outcome: 'denied',
      decidedBy: 'fu.fong',
    });
  });

  it('ROLE / WF-4: the decision validator refuses another role, another task and an unknown outcome, and records nothing', async () => {
    const { input, handle, taskId } = await startException({
      script: [{ outcome: 'accepted', paymentId: 'payment-4' }],
    });

    expect(await refusal(handle, { taskId, outcome: 'resubmit', decidedBy: supervisor })).toBe(
      DecisionRejection.roleNotAllowed,
    );
    expect(
      await refusal(handle, {
        taskId,
        outcome: 'resubmit',
        decidedBy: { userId: 'pat', roles: ['provider'] },
      }),
    ).toBe(DecisionRejection.roleNotAllowed);
    expect(
      await refusal(handle, { taskId: randomUUID(), outcome: 'resubmit', decidedBy: financeUser }),
    ).toBe(DecisionRejection.wrongTask);
    expect(await refusal(handle, { taskId, outcome: 'approve', decidedBy: financeUser })).toBe(
      DecisionRejection.invalidOutcome,
    );
    expect(await acceptedUpdates(handle)).toBe(0);
    expect(resubmissionsOf(input.lineItemId)).toEqual([]);
    expect(await handle.query(invoiceExceptionStateQuery)).toMatchObject({
      status: 'awaiting-resolution',
      taskId,
      attempts: [],
    });

    await resubmit(handle, taskId);
    await expect(handle.result()).resolves.toMatchObject({ status: 'resolved' });
  });

  it('WF-4: one decision at a time — while a resubmission is processed again, another decision on the task is refused', async () => {
    const { input, handle, taskId } = await startException({
      script: [{ outcome: 'failed', failures: [NO_CLIENT] }],
    });
    const release = lines.holdNextResubmission();

    await resubmit(handle, taskId);
    await stateWhen(handle, { status: 'revalidating' });
    await eventually(() => expect(resubmissionsOf(input.lineItemId)).toHaveLength(1));
    expect((await described(handle)).summary).toBe(
      `Invoice ${input.invoiceReference} line 3: resubmitted by fu.fong, being processed again`,
    );
    expect(
      await refusal(handle, { taskId, outcome: 'resubmit', decidedBy: otherFinanceUser }),
    ).toBe(DecisionRejection.notDecidableNow);
    expect(
      await refusal(handle, {
        taskId,
        outcome: 'deny',
        reason: 'Not needed',
        decidedBy: otherFinanceUser,
      }),
    ).toBe(DecisionRejection.notDecidableNow);
    expect(await acceptedUpdates(handle)).toBe(1);

    release();
    await stateWhen(handle, { status: 'awaiting-resolution', attempt: 2 });
    // Back to waiting: the same task takes the next decision.
    await decide(handle, {
      taskId,
      outcome: 'deny',
      reason: 'Client never authorized',
      decidedBy: otherFinanceUser,
    });
    await expect(handle.result()).resolves.toMatchObject({ status: 'denied' });
    expect(resubmissionsOf(input.lineItemId)).toHaveLength(1);
    expect(lines.denialOf(input.lineItemId)).toMatchObject({ deniedBy: 'fu.ortiz' });
  });
});

describe('replay (ARCHITECTURE rule 5)', () => {
  it.each([
    [
      'invoice-exception-still-failing-resubmit.json',
      'resubmitted still failing, then resubmitted and accepted',
    ],
    ['invoice-exception-escalation-deny.json', 'reminded, escalated, still failing, then denied'],
  ])('WF-4: replays the recorded history %s (%s) without non-determinism', async (file) => {
    const url = new URL(file, historiesDir);
    expect(existsSync(url)).toBe(true);
    const history: unknown = JSON.parse(readFileSync(url, 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowsPath }, history, `recorded-${file}`),
    ).resolves.toBeUndefined();
  });
});
