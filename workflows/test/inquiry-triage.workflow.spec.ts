import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import {
  connectTemporalClient,
  startActivityWorker,
  startWorkflowWorker,
  type RunningWorker,
} from '@platform/temporal';
import {
  decideUpdate,
  DecisionRejection,
  INQUIRY_TRIAGE_WORKFLOW,
  inquiryTriageStateQuery,
  inquiryTriageWorkflowId,
  TaskQueues,
  type CompleteTaskInput,
  type CreateTaskInput,
  type ProvidersActivities,
  type RecordInquiryOutcomeInput,
  type TasksActivities,
} from '@platform/contracts';
import {
  createTestNamespace,
  eventually,
  infraEndpoints,
  type TestNamespace,
} from '@platform/testing';

/**
 * The workflow on the real Temporal dev server, with in-memory activity implementations standing
 * in for the services (the end-to-end suite runs it with the real ones).
 */
const workflowsPath = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const historiesDir = new URL('../histories/', import.meta.url);

const createdTasks: CreateTaskInput[] = [];
const completedTasks: CompleteTaskInput[] = [];
const recordedOutcomes: RecordInquiryOutcomeInput[] = [];

/** Stand-ins for the tasks activities this workflow calls (it sends no reminders). */
const tasksActivities: Pick<TasksActivities, 'createTask' | 'completeTask'> = {
  async createTask(input) {
    createdTasks.push(input);
    // Like the tasks service: the id the process chose, when it chose one.
    return { taskId: input.taskId ?? `task-for-${input.requestKey}` };
  },
  async completeTask(input) {
    completedTasks.push(input);
  },
};

/** Stand-ins for the activities this workflow calls; the others are other processes'. */
const providersActivities: Pick<ProvidersActivities, 'recordInquiryOutcome'> = {
  async recordInquiryOutcome(input) {
    recordedOutcomes.push(input);
    return {
      inquiryId: input.inquiryId,
      status: input.outcome === 'convert' ? 'converted' : 'closed',
      providerId: input.outcome === 'convert' ? 'provider-1' : null,
    };
  },
};

let client: Client;
let workers: RunningWorker[];
let namespace: TestNamespace;

beforeAll(async () => {
  const { address } = infraEndpoints().temporal;
  // A namespace of its own: these stand-in activities are the only pollers of the activity task
  // queues the workflow names, whatever else runs on the same server.
  namespace = await createTestNamespace(address, 'workflows');
  const target = { address, namespace: namespace.name };
  client = await connectTemporalClient(target);
  workers = await Promise.all([
    startWorkflowWorker(target, TaskQueues.workflows, workflowsPath),
    startActivityWorker(target, TaskQueues.tasksActivities, tasksActivities),
    startActivityWorker(target, TaskQueues.providersActivities, providersActivities),
  ]);
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.shutdown()));
  await client.connection.close();
  await namespace.drop();
});

async function startTriage() {
  const inquiryId = randomUUID();
  const handle = await client.workflow.start(INQUIRY_TRIAGE_WORKFLOW, {
    taskQueue: TaskQueues.workflows,
    workflowId: inquiryTriageWorkflowId(inquiryId),
    args: [{ inquiryId, name: 'Sunrise Day Care', source: 'staff', decisionDays: 5 }],
  });
  // The process names its task before the tasks service has it: wait for both.
  const taskId = await eventually(async () => {
    const state = await handle.query(inquiryTriageStateQuery);
    expect(state.taskId).not.toBeNull();
    expect(createdTasks.map((task) => task.taskId)).toContain(state.taskId);
    return state.taskId as string;
  });
  return { inquiryId, handle, taskId };
}

const resourceManager = { userId: 'rm.rivera', roles: ['resource-manager' as const] };

describe('inquiry triage workflow (PRV-2)', () => {
  it('PRV-2: creates a task in the inquiry work queue due after the decision period', async () => {
    const { handle, inquiryId, taskId } = await startTriage();
    const task = createdTasks.find((t) => t.subject.id === inquiryId);
    expect(task).toMatchObject({
      queue: 'provider-inquiries',
      workflowId: handle.workflowId,
      requestKey: `${handle.workflowId}/decision`,
      allowedOutcomes: ['convert', 'close'],
    });
    const started = (await handle.describe()).startTime.getTime();
    expect(new Date(task?.dueAt ?? 0).getTime() - started).toBe(5 * 86_400_000);
    // The process named its task before asking for it, so a decision can never outrun the answer.
    expect(task?.taskId).toMatch(/^[0-9a-f-]{36}$/);
    expect(taskId).toBe(task?.taskId);
    await handle.terminate('test finished');
  });

  it('PRV-2: a resource manager converts the inquiry; the outcome is recorded and the task closed', async () => {
    const { handle, inquiryId, taskId } = await startTriage();
    await handle.executeUpdate(decideUpdate, {
      args: [{ taskId, outcome: 'convert', decidedBy: resourceManager }],
    });
    await expect(handle.result()).resolves.toEqual({
      inquiryId,
      status: 'converted',
      providerId: 'provider-1',
    });
    expect(recordedOutcomes.filter((o) => o.inquiryId === inquiryId)).toEqual([
      {
        inquiryId,
        outcome: 'convert',
        reason: null,
        decidedBy: 'rm.rivera',
        decidedByRoles: ['resource-manager'],
        workflowId: handle.workflowId,
      },
    ]);
    expect(completedTasks.filter((t) => t.taskId === taskId)).toHaveLength(1);
    const description = await handle.describe();
    expect(description.searchAttributes['BusinessStatus']).toEqual(['converted']);
    expect(description.searchAttributes['InquiryId']).toEqual([inquiryId]);

    // RECORD_HISTORIES=1 refreshes the replay fixture after an intended workflow change.
    if (process.env['RECORD_HISTORIES'] === '1') {
      const history = await handle.fetchHistory();
      writeFileSync(new URL('inquiry-triage-convert.json', historiesDir), historyToJSON(history));
    }
  });

  it('ROLE: a decision from a role that may not decide is rejected by the validator and the workflow keeps waiting', async () => {
    const { handle, taskId } = await startTriage();
    const rejected = await handle
      .executeUpdate(decideUpdate, {
        args: [
          { taskId, outcome: 'convert', decidedBy: { userId: 'cw.chen', roles: ['case-worker'] } },
        ],
      })
      .catch((error: unknown) => error);
    expect(rejected).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (rejected as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe(DecisionRejection.roleNotAllowed);

    // Nothing was recorded: the update never reached the workflow's history.
    const state = await handle.query(inquiryTriageStateQuery);
    expect(state).toEqual({ status: 'awaiting-decision', taskId, outcome: null });
    const history = await handle.fetchHistory();
    expect(history.events?.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(
      false,
    );

    // The right person can still decide afterwards.
    await handle.executeUpdate(decideUpdate, {
      args: [{ taskId, outcome: 'close', reason: 'Outside our area', decidedBy: resourceManager }],
    });
    await expect(handle.result()).resolves.toMatchObject({ status: 'closed' });
  });

  it('PRV-2: closing without a reason is rejected before anything is recorded', async () => {
    const { handle, taskId } = await startTriage();
    const rejected = await handle
      .executeUpdate(decideUpdate, {
        args: [{ taskId, outcome: 'close', decidedBy: resourceManager }],
      })
      .then(
        () => undefined,
        (error: WorkflowUpdateFailedError) => error.cause as ApplicationFailure,
      );
    expect(rejected?.type).toBe(DecisionRejection.reasonRequired);
    expect((await handle.query(inquiryTriageStateQuery)).status).toBe('awaiting-decision');
    await handle.terminate('test finished');
  });

  it('a second start for the same inquiry is refused by its deterministic id (ARCHITECTURE rule 4)', async () => {
    const { handle, inquiryId } = await startTriage();
    await expect(
      client.workflow.start(INQUIRY_TRIAGE_WORKFLOW, {
        taskQueue: TaskQueues.workflows,
        workflowId: inquiryTriageWorkflowId(inquiryId),
        args: [{ inquiryId, name: 'again', source: 'staff', decisionDays: 5 }],
      }),
    ).rejects.toThrow(/already started/i);
    await handle.terminate('test finished');
  });
});

describe('replay (ARCHITECTURE rule 5)', () => {
  it('replays the recorded history of a converted inquiry without non-determinism', async () => {
    const file = new URL('inquiry-triage-convert.json', historiesDir);
    expect(existsSync(file)).toBe(true);
    const history: unknown = JSON.parse(readFileSync(file, 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowsPath }, history, 'recorded-convert'),
    ).resolves.toBeUndefined();
  });
});
