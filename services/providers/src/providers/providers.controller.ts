import { Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { idParam } from '../shared/common.schemas.js';
import { PROVIDER_RECORD_READERS, RESOURCE_MANAGERS } from '../shared/roles.js';
import { ProvidersService } from './provider-management.service.js';
import type { ProviderStatusChangeRecord } from './provider-status-change.entity.js';
import {
  enrolProviderBody,
  enrolProviderExample,
  lifecycleBody,
  listProvidersQuery,
  updateProviderBody,
  type EnrolProviderBody,
  type LifecycleBody,
  type ListProvidersQuery,
  type UpdateProviderBody,
} from './provider.schemas.js';
import type { ProviderRecord } from './provider.entity.js';

const idPipe = new ZodValidationPipe(idParam, 'path');

@ApiTags('providers')
@Controller('providers')
export class ProvidersController {
  constructor(@Inject(ProvidersService) private readonly providers: ProvidersService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({ summary: 'Enrol a provider directly, without an inquiry (PRV-3)' })
  enrol(
    @ValidBody(enrolProviderBody, enrolProviderExample) body: EnrolProviderBody,
    @CurrentActor() actor: Actor,
  ): Promise<ProviderRecord> {
    return this.providers.enrol(body, actor);
  }

  @Get()
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary:
      'Provider search: name and city contain, status, category/type, specialty, service (PRV-3)',
    description:
      'Every filter given must hold; a list in name order, paginated. `type` needs `category` ' +
      '(a type code is unique only within its category). `serviceProductId`: providers with a ' +
      'provider service for that product that has not ended. A provider sees only itself (ROLE-2).',
  })
  list(
    @ValidQuery(listProvidersQuery) query: ListProvidersQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ProviderRecord>> {
    return this.providers.list(query, actor);
  }

  @Get(':id')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: 'One provider (PRV-1, PRV-3)' })
  get(@Param('id', idPipe) id: string, @CurrentActor() actor: Actor): Promise<ProviderRecord> {
    return this.providers.get(id, actor);
  }

  @Patch(':id')
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({ summary: 'Change enrolment details and capacities (PRV-3)' })
  update(
    @Param('id', idPipe) id: string,
    @ValidBody(updateProviderBody, { designatedCapacity: 2 }) body: UpdateProviderBody,
    @CurrentActor() actor: Actor,
  ): Promise<ProviderRecord> {
    return this.providers.update(id, body, actor);
  }

  @Post(':id/lifecycle')
  @HttpCode(200)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({
    summary: 'Approve, reject, suspend, reinstate, close or reopen a provider (PRV-1)',
  })
  changeStatus(
    @Param('id', idPipe) id: string,
    @ValidBody(lifecycleBody, { action: 'suspend', reason: 'Licence under investigation' })
    body: LifecycleBody,
    @CurrentActor() actor: Actor,
  ): Promise<ProviderRecord> {
    return this.providers.changeStatus(id, body, actor);
  }

  @Get(':id/status-history')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: 'Who moved the provider through its lifecycle, when and why' })
  history(
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ProviderStatusChangeRecord[]> {
    return this.providers.history(id, actor);
  }
}
