import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { TASK_READERS, TASK_WORKERS } from '../shared/roles.js';
import { QueuesService, type QueueView } from './queues.service.js';

@ApiTags('queues')
@Controller('queues')
export class QueuesController {
  constructor(@Inject(QueuesService) private readonly queues: QueuesService) {}

  @Get()
  @RequireRoles(...TASK_READERS)
  @ApiOperation({
    summary: 'Every work queue, its member and supervisor roles and open-task counts',
  })
  list(): Promise<QueueView[]> {
    return this.queues.list();
  }

  @Get('mine')
  @RequireRoles(...TASK_WORKERS)
  @ApiOperation({ summary: 'My queues: those whose member roles the caller holds' })
  mine(@CurrentActor() actor: Actor): Promise<QueueView[]> {
    return this.queues.mine(actor);
  }
}
