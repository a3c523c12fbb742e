import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { STAFF_ROLES, type Actor, type TaskDecisionAccepted } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import type { TaskHistoryRecord } from './task-history.entity.js';
import type { TaskRecord } from './task.entity.js';
import {
  decisionBody,
  listTasksQuery,
  taskIdParam,
  type DecisionBody,
  type ListTasksQuery,
} from './task.schemas.js';
import { TasksService } from './tasks.service.js';

/** Agency staff work tasks; providers and operators do not (ROLE). */
const STAFF = [...STAFF_ROLES];
const idPipe = new ZodValidationPipe(taskIdParam, 'path');

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(@Inject(TasksService) private readonly tasks: TasksService) {}

  @Get()
  @RequireRoles(...STAFF, 'operator')
  @ApiOperation({
    summary: 'Tasks of a work queue, soonest due first; filter by status, subject, overdue',
  })
  list(@ValidQuery(listTasksQuery) query: ListTasksQuery): Promise<Page<TaskRecord>> {
    return this.tasks.list(query);
  }

  @Get(':id')
  @RequireRoles(...STAFF, 'operator')
  @ApiOperation({ summary: 'One task' })
  get(@Param('id', idPipe) id: string): Promise<TaskRecord> {
    return this.tasks.get(id);
  }

  @Get(':id/history')
  @RequireRoles(...STAFF, 'operator')
  @ApiOperation({ summary: 'Who did what to the task, and when' })
  history(@Param('id', idPipe) id: string): Promise<TaskHistoryRecord[]> {
    return this.tasks.history(id);
  }

  @Post(':id/decision')
  @HttpCode(202)
  @RequireRoles(...STAFF)
  @ApiOperation({
    summary: 'Decide the task; the owning process validates the decision and closes the task',
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
