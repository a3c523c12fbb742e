import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor, TaskDecisionAccepted } from '@platform/contracts';
import { NotFoundProblem, ProblemException, RuleViolation, type Page } from '@platform/http';
import { DecisionSender } from './decision-sender.js';
import { TaskHistory, type TaskAction, type TaskHistoryRecord } from './task-history.entity.js';
import type { DecisionBody, ListTasksQuery } from './task.schemas.js';
import { Task, type TaskRecord } from './task.entity.js';

@Injectable()
export class TasksService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(DecisionSender) private readonly decisions: DecisionSender,
  ) {}

  async get(id: string): Promise<TaskRecord> {
    const task = await this.orm.em.fork().findOne(Task, { id });
    if (!task) throw new NotFoundProblem('Task', id);
    return task;
  }

  async list(query: ListTasksQuery): Promise<Page<TaskRecord>> {
    const where = {
      ...(query.queue ? { queue: query.queue } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.subjectId ? { subjectId: query.subjectId } : {}),
      ...(query.overdue === true ? { dueAt: { $lt: new Date() }, status: 'open' as const } : {}),
    };
    const [items, total] = await this.orm.em.fork().findAndCount(Task, where, {
      orderBy: { dueAt: 'asc', id: 'asc' },
      limit: query.limit,
      offset: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async history(id: string): Promise<TaskHistoryRecord[]> {
    await this.get(id);
    return this.orm.em.fork().find(TaskHistory, { taskId: id }, { orderBy: { id: 'asc' } });
  }

  /**
   * Forwards the decision to the owning workflow. The task itself closes when the workflow has
   * applied the decision (completeTask activity), not here.
   */
  async decide(id: string, body: DecisionBody, actor: Actor): Promise<TaskDecisionAccepted> {
    const task = await this.get(id);
    if (task.status !== 'open') {
      throw new RuleViolation('WF', `Task ${id} is already ${task.status} (${task.outcome ?? ''})`);
    }
    try {
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
