import { Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { idPipe, ValidBody, ValidQuery, type Page } from '@platform/http';
import { PLACEMENT_READERS, RESOURCE_MANAGERS } from '../shared/roles.js';
import {
  createAssignmentBody,
  createAssignmentExample,
  listAssignmentsQuery,
  type CreateAssignmentBody,
  type ListAssignmentsQuery,
  userIdPipe,
} from './assignment.schemas.js';
import { AssignmentsService } from './assignments.service.js';
import type { AssignmentView } from './facility.views.js';

/** ROLE: which providers' facilities and placements a facility manager manages. */
@ApiTags('facilities')
@Controller('facility-manager-assignments')
export class AssignmentsController {
  constructor(@Inject(AssignmentsService) private readonly assignments: AssignmentsService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({
    summary: 'Assign a facility manager to a provider (ROLE)',
    description: '422 for a provider this service does not know; 409 when already assigned.',
  })
  create(
    @ValidBody(createAssignmentBody, createAssignmentExample) body: CreateAssignmentBody,
    @CurrentActor() actor: Actor,
  ): Promise<AssignmentView> {
    return this.assignments.create(body, actor);
  }

  @Get()
  @RequireRoles(...PLACEMENT_READERS)
  @ApiOperation({ summary: 'Facility manager assignments by user and provider, paged (ROLE)' })
  list(
    @ValidQuery(listAssignmentsQuery) query: ListAssignmentsQuery,
  ): Promise<Page<AssignmentView>> {
    return this.assignments.list(query);
  }

  @Delete(':userId/:providerId')
  @HttpCode(204)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({ summary: 'End a facility manager assignment (ROLE); 404 when there is none' })
  remove(
    @Param('userId', userIdPipe) userId: string,
    @Param('providerId', idPipe) providerId: string,
  ): Promise<void> {
    return this.assignments.remove(userId, providerId);
  }
}
