import { Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { AGENCY_READERS, REGISTRY_ADMINS } from '../../shared/roles.js';
import { idParam } from '../../shared/common.schemas.js';
import {
  createServiceGroupBody,
  listServiceGroupsQuery,
  serviceGroupExample,
  updateServiceGroupBody,
  type CreateServiceGroupBody,
  type ListServiceGroupsQuery,
  type UpdateServiceGroupBody,
} from './service-group.schemas.js';
import type { ServiceGroupView } from './service-group.view.js';
import { ServiceGroupsService } from './service-groups.service.js';

const idPipe = new ZodValidationPipe(idParam, 'path');

@ApiTags('service registry')
@Controller('service-groups')
export class ServiceGroupsController {
  constructor(@Inject(ServiceGroupsService) private readonly groups: ServiceGroupsService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({ summary: 'Create a service group (SVC-1); names are unique' })
  create(
    @ValidBody(createServiceGroupBody, serviceGroupExample) body: CreateServiceGroupBody,
    @CurrentActor() actor: Actor,
  ): Promise<ServiceGroupView> {
    return this.groups.create(body, actor);
  }

  @Get()
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'List service groups by name; filter by name substring' })
  list(
    @ValidQuery(listServiceGroupsQuery) query: ListServiceGroupsQuery,
  ): Promise<Page<ServiceGroupView>> {
    return this.groups.list(query);
  }

  @Get(':id')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'One service group' })
  get(@Param('id', idPipe) id: string): Promise<ServiceGroupView> {
    return this.groups.get(id);
  }

  @Patch(':id')
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({ summary: 'Rename or describe a service group' })
  update(
    @Param('id', idPipe) id: string,
    @ValidBody(updateServiceGroupBody, { description: 'Foster care of every kind' })
    body: UpdateServiceGroupBody,
    @CurrentActor() actor: Actor,
  ): Promise<ServiceGroupView> {
    return this.groups.update(id, body, actor);
  }
}
