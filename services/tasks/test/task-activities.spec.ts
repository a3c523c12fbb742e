import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { CreateTaskInput } from '@platform/contracts';
import { createTestDatabase, type TestDatabase } from '@platform/testing';
import { openTasksDatabase } from '../src/database.js';
import { completeTask, createTask } from '../src/tasks/task-activities.js';
import { TaskHistory } from '../src/tasks/task-history.entity.js';
import { Task } from '../src/tasks/task.entity.js';

let database: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  database = await createTestDatabase('tasks_activities');
  orm = await openTasksDatabase(database.url);
});

afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

function taskInput(): CreateTaskInput {
  const workflowId = `inquiry-triage/${randomUUID()}`;
  return {
    requestKey: `${workflowId}/decision`,
    workflowId,
    queue: 'provider-inquiries',
    title: 'Provider inquiry: Sunrise',
    subject: { type: 'provider-inquiry', id: randomUUID() },
    priority: 'normal',
    dueAt: '2026-12-01T09:00:00.000Z',
    allowedOutcomes: ['convert', 'close'],
    outcomesRequiringReason: ['close'],
    deciderRoles: ['resource-manager'],
  };
}

describe('task activities are idempotent (ARCHITECTURE rule 5)', () => {
  it('a retried createTask returns the task the first attempt made', async () => {
    const input = taskInput();
    const first = await createTask(orm, input);
    const retried = await createTask(orm, input);
    const racing = await Promise.all([createTask(orm, input), createTask(orm, input)]);

    expect(retried.taskId).toBe(first.taskId);
    expect(racing.map((r) => r.taskId)).toEqual([first.taskId, first.taskId]);
    const em = orm.em.fork();
    expect(await em.count(Task, { requestKey: input.requestKey })).toBe(1);
    expect(await em.count(TaskHistory, { taskId: first.taskId, action: 'created' })).toBe(1);
    expect(await em.findOneOrFail(Task, { id: first.taskId })).toMatchObject({
      status: 'open',
      queue: 'provider-inquiries',
      dueAt: new Date('2026-12-01T09:00:00.000Z'),
      deciderRoles: ['resource-manager'],
    });
  });

  it('WF-1: a task gets the id its process chose, so a decision on it cannot outrun the activity result', async () => {
    const chosen = randomUUID();
    const input = { ...taskInput(), taskId: chosen };
    expect(await createTask(orm, input)).toEqual({ taskId: chosen });
    expect(await createTask(orm, input)).toEqual({ taskId: chosen });
    expect(await orm.em.fork().count(Task, { id: chosen })).toBe(1);
  });

  it('a retried completeTask closes the task once, recording who decided', async () => {
    const { taskId } = await createTask(orm, taskInput());
    const decision = { taskId, outcome: 'close', decidedBy: 'rm.rivera', reason: 'Duplicate' };
    await completeTask(orm, decision);
    await completeTask(orm, decision);

    const em = orm.em.fork();
    expect(await em.findOneOrFail(Task, { id: taskId })).toMatchObject({
      status: 'completed',
      outcome: 'close',
      decidedBy: 'rm.rivera',
      reason: 'Duplicate',
    });
    expect(await em.count(TaskHistory, { taskId, action: 'completed' })).toBe(1);
  });

  it('a task names one of the work queues; an unknown queue is a non-retryable failure', async () => {
    await expect(createTask(orm, { ...taskInput(), queue: 'no-such-queue' })).rejects.toMatchObject(
      {
        type: 'UnknownWorkQueue',
        nonRetryable: true,
      },
    );
  });

  it('priority (default normal) and required fields per outcome are stored with the task', async () => {
    const plain = await createTask(orm, { ...taskInput(), priority: undefined });
    const urgent = await createTask(orm, {
      ...taskInput(),
      queue: 'supervisor-approvals',
      priority: 'urgent',
      requiredFields: { approve: [], reject: ['reason'], return: ['comment'] },
    });
    const em = orm.em.fork();
    expect(await em.findOneOrFail(Task, { id: plain.taskId })).toMatchObject({
      priority: 'normal',
      requiredFields: null,
    });
    expect(await em.findOneOrFail(Task, { id: urgent.taskId })).toMatchObject({
      priority: 'urgent',
      requiredFields: { approve: [], reject: ['reason'], return: ['comment'] },
    });
  });

  it('WF-1: a retried createTask for a named assignee assigns it once, by the system', async () => {
    const input = { ...taskInput(), assignee: 'rm.rivera', details: ['Returned: see comments'] };
    const first = await createTask(orm, input);
    await createTask(orm, input);
    const em = orm.em.fork();
    expect(await em.findOneOrFail(Task, { id: first.taskId })).toMatchObject({
      assignee: 'rm.rivera',
      details: ['Returned: see comments'],
    });
    expect(await em.find(TaskHistory, { taskId: first.taskId, action: 'assigned' })).toMatchObject([
      { actor: 'system', fromUser: null, toUser: 'rm.rivera' },
    ]);
  });

  it('completing an unknown task is a non-retryable failure', async () => {
    await expect(
      completeTask(orm, { taskId: randomUUID(), outcome: 'close', decidedBy: 'x', reason: null }),
    ).rejects.toMatchObject({ type: 'TaskNotFound', nonRetryable: true });
  });
});
