import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import type { TaskAssignment } from '@platform/contracts';
import { startTasksApp, type TasksApp } from './support/tasks-app.js';

/**
 * Every assignment change is told to the workflow that owns the task (ARCHITECTURE rule 7), on the
 * real Temporal server. The owning workflow here is a running execution no worker picks up: the
 * server records the signals in its history, which is what a worker would be handed.
 */
let app: TasksApp;

beforeAll(async () => {
  app = await startTasksApp();
});

afterAll(async () => {
  await app?.close();
});

async function runningWorkflow(): Promise<string> {
  const workflowId = `assignment-probe/${randomUUID()}`;
  await app.temporal.workflow.start('assignmentProbe', {
    taskQueue: `no-worker-${randomUUID()}`,
    workflowId,
    args: [],
  });
  return workflowId;
}

async function assignmentSignals(workflowId: string): Promise<TaskAssignment[]> {
  const history = await app.temporal.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).flatMap((event) => {
    const signal = event.workflowExecutionSignaledEventAttributes;
    if (signal?.signalName !== 'taskAssigned') return [];
    const [payload] = signal.input?.payloads ?? [];
    return payload ? [defaultPayloadConverter.fromPayload<TaskAssignment>(payload)] : [];
  });
}

const post = (path: string, user: string, body?: Record<string, unknown>) =>
  app.request<{ assignee: string | null }>('POST', path, { user, ...(body ? { body } : {}) });

describe('assignment changes reach the owning workflow (ROLE, ARCHITECTURE rule 7)', () => {
  it('ROLE: claim, delegate, reassign and release each signal the workflow with the new assignee', async () => {
    const workflowId = await runningWorkflow();
    const taskId = await app.createTask({ workflowId, requestKey: `${workflowId}/decision` });
    const queue = 'provider-inquiries';

    expect((await post(`/tasks/${taskId}/claim`, 'rm.rivera')).status).toBe(200);
    // Claiming one's own task again changes nothing, so tells the workflow nothing.
    expect((await post(`/tasks/${taskId}/claim`, 'rm.rivera')).status).toBe(200);
    expect(
      (
        await post(`/tasks/${taskId}/reassign`, 'sup.sato', {
          userId: 'sup.sato',
          reason: 'Balancing the workload',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post(`/tasks/${taskId}/delegate`, 'sup.sato', {
          userId: 'rm.rivera',
          roles: ['resource-manager-supervisor'],
          reason: 'Knows this provider',
        })
      ).status,
    ).toBe(200);
    expect((await post(`/tasks/${taskId}/release`, 'rm.rivera', {})).status).toBe(200);

    expect(await assignmentSignals(workflowId)).toEqual([
      { taskId, assignee: 'rm.rivera', queue },
      { taskId, assignee: 'sup.sato', queue },
      { taskId, assignee: 'rm.rivera', queue },
      { taskId, assignee: null, queue },
    ]);
    await app.temporal.workflow.getHandle(workflowId).terminate('test done');
  });

  it('a task whose process has ended is still claimed (nobody to tell)', async () => {
    const claimed = await post(`/tasks/${await app.createTask()}/claim`, 'rm.rivera');
    expect(claimed.status).toBe(200);
    expect(claimed.body.assignee).toBe('rm.rivera');
  });

  it('when the workflow cannot be told, the request fails (503) and the assignment is rolled back', async () => {
    // Temporal refuses a signal without a workflow id: a failure other than "not found".
    const workflowId = '';
    const taskId = await app.createTask({ workflowId, requestKey: `${randomUUID()}/decision` });

    await expect(post(`/tasks/${taskId}/claim`, 'rm.rivera')).rejects.toThrow(
      /answered 503.*could not be told/,
    );
    const task = await app.request<{ assignee: string | null }>('GET', `/tasks/${taskId}`, {
      user: 'rm.rivera',
    });
    expect(task.body.assignee).toBeNull();
    const history = await app.request<{ action: string }[]>('GET', `/tasks/${taskId}/history`, {
      user: 'rm.rivera',
    });
    expect(history.body.map((row) => row.action)).toEqual(['created']);
  });
});
