import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { TASK_READERS, TASK_WORKERS } from '../shared/roles.js';
import {
  myNotificationsQuery,
  notificationIdParam,
  type MyNotificationsQuery,
} from './notification.schemas.js';
import { NotificationsService, type NotificationView } from './notifications.service.js';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

  @Get('mine')
  @RequireRoles(...TASK_READERS)
  @ApiOperation({
    summary:
      'My in-app notifications (task reminders and escalations to me or to my roles), newest ' +
      'first; filter unread, kind, taskId',
  })
  mine(
    @ValidQuery(myNotificationsQuery) query: MyNotificationsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<NotificationView>> {
    return this.notifications.mine(actor, query);
  }

  // Declared before `:id/read`, which would otherwise take `read-all` for an id.
  @Post('read-all')
  @HttpCode(200)
  @RequireRoles(...TASK_WORKERS)
  @ApiOperation({ summary: 'Mark all my notifications read; answers how many were unread' })
  readAll(@CurrentActor() actor: Actor): Promise<{ marked: number }> {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @RequireRoles(...TASK_WORKERS)
  @ApiOperation({
    summary:
      'Mark one of my notifications read, for me only (a role notification stays unread for the ' +
      "role's other members); 404 for notifications not addressed to me",
  })
  read(
    @Param('id', new ZodValidationPipe(notificationIdParam, 'path')) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<NotificationView> {
    return this.notifications.markRead(id, actor);
  }
}
