import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type {
  CompleteTaskInput,
  CreatedTask,
  CreateTaskInput,
  TasksActivities,
  UpdateTaskDetailsInput,
} from '@platform/contracts';
import { businessRejection } from '@platform/temporal';
import type { TaskMailer } from '../notifications/task-mailer.js';
import { WorkQueue } from '../queues/work-queue.entity.js';
import { escalateTask, remindTask } from './task-notices.js';
import { TaskHistory } from './task-history.entity.js';
import { Task } from './task.entity.js';

/**
 * Creates the task for a workflow step. Idempotent by `requestKey` (workflow id + step): a retried
 * activity gets the task the first attempt made, never a second one. A task may come assigned (the
 * workflow knows who works it, e.g. a returned home study goes back to its submitter) and may have
 * no outcomes at all: a to-do the workflow closes itself when the work is done (WF-1 revisions).
 */
export async function createTask(orm: MikroORM, input: CreateTaskInput): Promise<CreatedTask> {
  const em = orm.em.fork();
  const existing = await em.findOne(Task, { requestKey: input.requestKey });
  if (existing) return { taskId: existing.id };
  if (!(await em.findOne(WorkQueue, { code: input.queue }))) {
    throw businessRejection('UnknownWorkQueue', `No work queue ${input.queue}`);
  }
  const assignee = input.assignee?.trim() || null;
  return em.transactional(async (tx) => {
    const id = input.taskId ?? randomUUID();
    const inserted = await tx.execute<{ id: string }[]>(
      `insert into task (id, request_key, workflow_id, queue, title, subject_type, subject_id,
                         priority, due_at, allowed_outcomes, outcomes_requiring_reason, decider_roles,
                         required_fields, assignee, assigned_at, details)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
        assignee,
        assignee ? new Date() : null,
        JSON.stringify(input.details ?? []),
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
    if (assignee) {
      tx.create(TaskHistory, {
        taskId: id,
        action: 'assigned',
        actor: 'system',
        fromUser: null,
        toUser: assignee,
        details: {},
      });
    }
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

/**
 * Replaces an open task's details (and title) with what its process now knows — WF-4 lists the
 * reasons a resubmitted line item still fails for. Idempotent by `requestKey`: the history row
 * carries it (unique), so a retried activity changes and records nothing twice. A closed task is
 * left as it was: its process has moved on.
 */
export async function updateTaskDetails(
  orm: MikroORM,
  input: UpdateTaskDetailsInput,
): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    const task = await em.findOne(
      Task,
      { id: input.taskId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!task) throw businessRejection('TaskNotFound', `No task with id ${input.taskId}`);
    if (task.status === 'completed') return;
    if (await em.findOne(TaskHistory, { requestKey: input.requestKey })) return;
    task.details = [...input.details];
    if (input.title) task.title = input.title;
    em.create(TaskHistory, {
      taskId: task.id,
      action: 'details-updated',
      actor: 'system',
      reason: input.note,
      requestKey: input.requestKey,
      details: { title: task.title, details: input.details },
    });
  });
}

/** The activities on TaskQueues.tasksActivities; `mailer` null: reminders reach the in-app feed only. */
export function createTasksActivities(
  orm: MikroORM,
  mailer: TaskMailer | null = null,
): TasksActivities {
  return {
    createTask: (input) => createTask(orm, input),
    completeTask: (input) => completeTask(orm, input),
    remindTask: (input) => remindTask(orm, mailer, input),
    escalateTask: (input) => escalateTask(orm, mailer, input),
    updateTaskDetails: (input) => updateTaskDetails(orm, input),
  };
}
