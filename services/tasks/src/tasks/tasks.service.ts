import { Inject, Injectable } from '@nestjs/common';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor, TaskDecisionAccepted } from '@platform/contracts';
import {
  NotFoundProblem,
  ProblemException,
  RuleViolation,
  ValidationProblem,
  type Page,
} from '@platform/http';
import { QueuesService } from '../queues/queues.service.js';
import { findPage } from '@platform/persistence';
import {
  claimRefusal,
  decideRefusal,
  delegateRefusal,
  missingDecisionFields,
  reassignRefusal,
  releaseRefusal,
  type Refusal,
} from './assignment-rules.js';
import { AssignmentNotifier } from './assignment-signal.js';
import { DecisionSender } from './decision-sender.js';
import { TaskHistory, type TaskAction, type TaskHistoryRecord } from './task-history.entity.js';
import type {
  DecisionBody,
  DelegateBody,
  ListTasksQuery,
  MyTasksQuery,
  ReassignBody,
  ReleaseBody,
} from './task.schemas.js';
import { Task, type TaskRecord } from './task.entity.js';

/** A refusal of the assignment rules as problem+json. */
function problemFor(refusal: Refusal): ProblemException {
  if (refusal.status === 403) {
    return new ProblemException({
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      detail: refusal.detail,
      rule: refusal.rule,
    });
  }
  return new RuleViolation(
    refusal.rule,
    refusal.detail,
    refusal.status,
    refusal.field ? [{ field: refusal.field, message: refusal.detail }] : undefined,
  );
}

function refuseIf(refusal: Refusal | null): void {
  if (refusal) throw problemFor(refusal);
}

const taskView = (task: TaskRecord): TaskRecord => task;

interface AssignmentChange {
  action: TaskAction;
  to: string | null;
  reason: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class TasksService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(DecisionSender) private readonly decisions: DecisionSender,
    @Inject(QueuesService) private readonly queues: QueuesService,
    @Inject(AssignmentNotifier) private readonly assignments: AssignmentNotifier,
  ) {}

  async get(id: string): Promise<TaskRecord> {
    const task = await this.orm.em.fork().findOne(Task, { id });
    if (!task) throw new NotFoundProblem('Task', id);
    return task;
  }

  list(query: ListTasksQuery): Promise<Page<TaskRecord>> {
    // Overdue: due before now; with dueBefore too, before the earlier of the two.
    const bounds = [
      ...(query.overdue === true ? [Date.now()] : []),
      ...(query.dueBefore ? [new Date(query.dueBefore).getTime()] : []),
    ];
    const where: FilterQuery<TaskRecord> = {
      ...(query.queue ? { queue: query.queue } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.assignee ? { assignee: query.assignee } : {}),
      ...(query.unassigned === true ? { assignee: null } : {}),
      ...(query.priority ? { priority: query.priority } : {}),
      ...(query.subjectType ? { subjectType: query.subjectType } : {}),
      ...(query.subjectId ? { subjectId: query.subjectId } : {}),
      ...(bounds.length > 0 ? { dueAt: { $lt: new Date(Math.min(...bounds)) } } : {}),
      ...(query.overdue === true ? { status: 'open' as const } : {}),
      ...(query.escalated === true ? { escalatedAt: { $ne: null } } : {}),
      ...(query.escalated === false ? { escalatedAt: null } : {}),
    };
    return findPage(this.orm.em.fork(), Task, where, query, { dueAt: 'asc', id: 'asc' }, taskView);
  }

  /** "My tasks": open tasks assigned to the caller, soonest due first. */
  mine(actor: Actor, query: MyTasksQuery): Promise<Page<TaskRecord>> {
    const where: FilterQuery<TaskRecord> = {
      assignee: actor.userId,
      status: 'open',
      ...(query.overdue === true ? { dueAt: { $lt: new Date() } } : {}),
    };
    return findPage(this.orm.em.fork(), Task, where, query, { dueAt: 'asc', id: 'asc' }, taskView);
  }

  async history(id: string): Promise<TaskHistoryRecord[]> {
    await this.get(id);
    return this.orm.em.fork().find(TaskHistory, { taskId: id }, { orderBy: { id: 'asc' } });
  }

  /** ROLE: a member of the task's queue takes it; claiming one's own task again changes nothing. */
  claim(id: string, actor: Actor): Promise<TaskRecord> {
    return this.changeAssignment(id, actor, async (task, queue) => {
      refuseIf(claimRefusal(task, queue, actor));
      if (task.assignee === actor.userId) return null;
      return { action: 'claimed', to: actor.userId, reason: null };
    });
  }

  /** The assignee (or a supervisor of the queue) puts the task back in the queue. */
  release(id: string, body: ReleaseBody, actor: Actor): Promise<TaskRecord> {
    return this.changeAssignment(id, actor, async (task, queue) => {
      refuseIf(releaseRefusal(task, queue, actor));
      return { action: 'released', to: null, reason: body.reason ?? null };
    });
  }

  /** ROLE: a supervisor of the queue gives the task to someone else, saying why. */
  reassign(id: string, body: ReassignBody, actor: Actor): Promise<TaskRecord> {
    return this.changeAssignment(id, actor, async (task, queue) => {
      refuseIf(reassignRefusal(task, queue, actor, body.userId));
      return { action: 'reassigned', to: body.userId, reason: body.reason };
    });
  }

  /** ROLE: the assignee hands the task to another user with the same role of the queue. */
  delegate(id: string, body: DelegateBody, actor: Actor): Promise<TaskRecord> {
    return this.changeAssignment(id, actor, async (task, queue) => {
      refuseIf(delegateRefusal(task, queue, actor, body));
      return {
        action: 'delegated',
        to: body.userId,
        reason: body.reason,
        details: { delegateRoles: body.roles },
      };
    });
  }

  /**
   * Forwards the decision to the owning workflow. The task itself closes when the workflow has
   * applied the decision (completeTask activity), not here. Before sending, the task's own rules:
   * a claimed task is decided by its assignee, and the outcome's required fields are given.
   */
  async decide(id: string, body: DecisionBody, actor: Actor): Promise<TaskDecisionAccepted> {
    const task = await this.get(id);
    if (task.status !== 'open') {
      throw new RuleViolation('WF', `Task ${id} is already ${task.status} (${task.outcome ?? ''})`);
    }
    try {
      refuseIf(decideRefusal(task, actor));
      const missing = missingDecisionFields(task.requiredFields, body.outcome, body);
      if (missing.length > 0) {
        throw new ValidationProblem(
          missing.map((field) => ({
            field,
            message: `${field} is required for the outcome ${body.outcome}`,
          })),
        );
      }
      const accepted = await this.decisions.send(task.workflowId, task.id, body, actor);
      await this.audit(task.id, 'decision-accepted', actor, { ...body });
      return accepted;
    } catch (error) {
      if (error instanceof ProblemException) {
        await this.audit(task.id, 'decision-rejected', actor, {
          ...body,
          problem: error.problem.detail ?? error.problem.title,
        });
      }
      throw error;
    }
  }

  /**
   * One assignment change under a row lock, so two people claiming at once cannot both win: the
   * rules see the task as it is now; the change and its history row are written together, and the
   * owning workflow is told last, inside the transaction, so a failure to tell it rolls back.
   */
  private async changeAssignment(
    id: string,
    actor: Actor,
    decide: (
      task: TaskRecord,
      queue: Awaited<ReturnType<QueuesService['get']>>,
    ) => Promise<AssignmentChange | null>,
  ): Promise<TaskRecord> {
    return this.orm.em.fork().transactional(async (em: EntityManager) => {
      const task = await em.findOne(Task, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!task) throw new NotFoundProblem('Task', id);
      const queue = await this.queues.get(task.queue);
      const change = await decide(task, queue);
      if (!change) return task;
      const from = task.assignee ?? null;
      task.assignee = change.to;
      task.assignedAt = change.to ? new Date() : null;
      em.create(TaskHistory, {
        taskId: task.id,
        action: change.action,
        actor: actor.userId,
        fromUser: from,
        toUser: change.to,
        reason: change.reason,
        details: change.details ?? {},
      });
      await em.flush();
      await this.assignments.notify(task.workflowId, {
        taskId: task.id,
        assignee: change.to,
        queue: task.queue,
      });
      return task;
    });
  }

  private async audit(
    taskId: string,
    action: TaskAction,
    actor: Actor,
    details: Record<string, unknown>,
  ): Promise<void> {
    const em = this.orm.em.fork();
    em.create(TaskHistory, { taskId, action, actor: actor.userId, details });
    await em.flush();
  }
}
