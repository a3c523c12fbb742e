import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, TaskDecisionAccepted } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { TASK_READERS, TASK_WORKERS } from '../shared/roles.js';
import type { TaskHistoryRecord } from './task-history.entity.js';
import type { TaskRecord } from './task.entity.js';
import {
  decisionBody,
  delegateBody,
  listTasksQuery,
  myTasksQuery,
  reassignBody,
  releaseBody,
  taskIdParam,
  type DecisionBody,
  type DelegateBody,
  type ListTasksQuery,
  type MyTasksQuery,
  type ReassignBody,
  type ReleaseBody,
} from './task.schemas.js';
import { TasksService } from './tasks.service.js';

const idPipe = new ZodValidationPipe(taskIdParam, 'path');

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(@Inject(TasksService) private readonly tasks: TasksService) {}

  @Get()
  @RequireRoles(...TASK_READERS)
  @ApiOperation({
    summary:
      'Tasks, soonest due first; filter by queue, status, assignee, priority, subject, due date, ' +
      'overdue, escalated',
  })
  list(@ValidQuery(listTasksQuery) query: ListTasksQuery): Promise<Page<TaskRecord>> {
    return this.tasks.list(query);
  }

  // Declared before `:id`, which would otherwise take `mine` for an id.
  @Get('mine')
  @RequireRoles(...TASK_WORKERS)
  @ApiOperation({ summary: 'My tasks: open tasks assigned to the caller, soonest due first' })
  mine(
    @ValidQuery(myTasksQuery) query: MyTasksQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<TaskRecord>> {
    return this.tasks.mine(actor, query);
  }

  @Get(':id')
  @RequireRoles(...TASK_READERS)
  @ApiOperation({ summary: 'One task' })
  get(@Param('id', idPipe) id: string): Promise<TaskRecord> {
    return this.tasks.get(id);
  }

  @Get(':id/history')
  @RequireRoles(...TASK_READERS)
  @ApiOperation({ summary: 'Who did what to the task, and when (assignments: from → to, reason)' })
  history(@Param('id', idPipe) id: string): Promise<TaskHistoryRecord[]> {
    return this.tasks.history(id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @RequireRoles(...TASK_WORKERS)
  @ApiOperation({ summary: "Take the task (a member of the task's queue; not someone else's)" })
  claim(@Param('id', idPipe) id: string, @CurrentActor() actor: Actor): Promise<TaskRecord> {
    return this.tasks.claim(id, actor);
  }

  @Post(':id/release')
  @HttpCode(200)
  @RequireRoles(...TASK_WORKERS)
  @ApiOperation({ summary: 'Put the task back in its queue (the assignee or a queue supervisor)' })
  release(
    @Param('id', idPipe) id: string,
    @ValidBody(releaseBody, { reason: 'Going on leave' }) body: ReleaseBody,
    @CurrentActor() actor: Actor,
  ): Promise<TaskRecord> {
    return this.tasks.release(id, body, actor);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @RequireRoles(...TASK_WORKERS)
  @ApiOperation({ summary: "Give the task to another user (a supervisor of the task's queue)" })
  reassign(
    @Param('id', idPipe) id: string,
    @ValidBody(reassignBody, { userId: 'rm.rivera', reason: 'Balancing the workload' })
    body: ReassignBody,
    @CurrentActor() actor: Actor,
  ): Promise<TaskRecord> {
    return this.tasks.reassign(id, body, actor);
  }

  @Post(':id/delegate')
  @HttpCode(200)
  @RequireRoles(...TASK_WORKERS)
  @ApiOperation({
    summary:
      "Hand my task to another user of the same role; the delegate's roles are stated in the body " +
      '(users are known from tokens only) and must include a role of mine that works the queue',
  })
  delegate(
    @Param('id', idPipe) id: string,
    @ValidBody(delegateBody, {
      userId: 'rm.ramos',
      roles: ['resource-manager'],
      reason: 'Knows this provider',
    })
    body: DelegateBody,
    @CurrentActor() actor: Actor,
  ): Promise<TaskRecord> {
    return this.tasks.delegate(id, body, actor);
  }

  @Post(':id/decision')
  @HttpCode(202)
  @RequireRoles(...TASK_WORKERS)
  @ApiOperation({
    summary:
      "Decide the task (its assignee, if claimed; the outcome's required fields given); the owning " +
      'process validates the decision and closes the task',
  })
  decide(
    @Param('id', idPipe) id: string,
    @ValidBody(decisionBody, { outcome: 'close', reason: 'Outside the service area' })
    body: DecisionBody,
    @CurrentActor() actor: Actor,
  ): Promise<TaskDecisionAccepted> {
    return this.tasks.decide(id, body, actor);
  }
}
