import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type {
  CompleteTaskInput,
  CreatedTask,
  CreateTaskInput,
  TasksActivities,
} from '@platform/contracts';
import { businessRejection } from '@platform/temporal';
import { WorkQueue } from '../queues/work-queue.entity.js';
import { TaskHistory } from './task-history.entity.js';
import { Task } from './task.entity.js';

/**
 * Creates the task for a workflow step. Idempotent by `requestKey` (workflow id + step): a retried
 * activity gets the task the first attempt made, never a second one.
 */
export async function createTask(orm: MikroORM, input: CreateTaskInput): Promise<CreatedTask> {
  const em = orm.em.fork();
  const existing = await em.findOne(Task, { requestKey: input.requestKey });
  if (existing) return { taskId: existing.id };
  if (!(await em.findOne(WorkQueue, { code: input.queue }))) {
    throw businessRejection('UnknownWorkQueue', `No work queue ${input.queue}`);
  }
  return em.transactional(async (tx) => {
    const id = randomUUID();
    const inserted = await tx.execute<{ id: string }[]>(
      `insert into task (id, request_key, workflow_id, queue, title, subject_type, subject_id,
                         priority, due_at, allowed_outcomes, outcomes_requiring_reason, decider_roles,
                         required_fields)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (request_key) do nothing returning id`,
      [
        id,
        input.requestKey,
        input.workflowId,
        input.queue,
        input.title,
        input.subject.type,
        input.subject.id,
        input.priority ?? 'normal',
        input.dueAt,
        JSON.stringify(input.allowedOutcomes),
        JSON.stringify(input.outcomesRequiringReason),
        JSON.stringify(input.deciderRoles),
        input.requiredFields ? JSON.stringify(input.requiredFields) : null,
      ],
    );
    if (inserted.length === 0) {
      // A concurrent attempt won the race; return its task.
      const winner = await tx.findOneOrFail(Task, { requestKey: input.requestKey });
      return { taskId: winner.id };
    }
    tx.create(TaskHistory, {
      taskId: id,
      action: 'created',
      actor: 'system',
      details: { workflowId: input.workflowId, queue: input.queue, dueAt: input.dueAt },
    });
    return { taskId: id };
  });
}

/** Closes the task once its workflow has applied the decision. Idempotent. */
export async function completeTask(orm: MikroORM, input: CompleteTaskInput): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    const task = await em.findOne(Task, { id: input.taskId });
    if (!task) throw businessRejection('TaskNotFound', `No task with id ${input.taskId}`);
    if (task.status === 'completed') return;
    Object.assign(task, {
      status: 'completed',
      completedAt: new Date(),
      outcome: input.outcome,
      decidedBy: input.decidedBy,
      reason: input.reason,
    });
    em.create(TaskHistory, {
      taskId: task.id,
      action: 'completed',
      actor: input.decidedBy,
      details: { outcome: input.outcome, reason: input.reason },
    });
  });
}

export function createTasksActivities(orm: MikroORM): TasksActivities {
  return {
    createTask: (input) => createTask(orm, input),
    completeTask: (input) => completeTask(orm, input),
  };
}
