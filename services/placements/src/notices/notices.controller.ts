import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { idPipe, ValidQuery, type Page } from '@platform/http';
import { PLACEMENT_READERS } from '../shared/roles.js';
import { listNoticesQuery, type ListNoticesQuery } from './notice.schemas.js';
import type { NoticeView } from './notice.views.js';
import { NoticesService } from './notices.service.js';

/** Notices left to a person when someone else changed what they created (PLC-4, PLC-5). */
@ApiTags('notices')
@Controller('notices')
export class NoticesController {
  constructor(@Inject(NoticesService) private readonly notices: NoticesService) {}

  @Get()
  @RequireRoles(...PLACEMENT_READERS)
  @ApiOperation({
    summary: "The caller's own notices, newest first, paged",
    description: '`unread=true` lists only those not read yet; nobody sees anyone else’s notices.',
  })
  list(
    @ValidQuery(listNoticesQuery) query: ListNoticesQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<NoticeView>> {
    return this.notices.listOwn(query, actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @RequireRoles(...PLACEMENT_READERS)
  @ApiOperation({
    summary: 'Mark one of the caller’s notices read',
    description: 'Only the recipient may; any other notice id is 404.',
  })
  markRead(@Param('id', idPipe) id: string, @CurrentActor() actor: Actor): Promise<NoticeView> {
    return this.notices.markRead(id, actor);
  }
}
