import { Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { idPipe, ValidBody, ValidQuery, type Page } from '@platform/http';
import { FACILITY_MANAGERS, PLACEMENT_READERS } from '../shared/roles.js';
import {
  createFacilityBody,
  createFacilityExample,
  listFacilitiesQuery,
  updateFacilityBody,
  updateFacilityExample,
  type CreateFacilityBody,
  type ListFacilitiesQuery,
  type UpdateFacilityBody,
} from './facility.schemas.js';
import type { FacilitySummaryView, FacilityView } from './facility.views.js';
import { FacilitiesService } from './facilities.service.js';

/** PLC-1: providers' facilities and their layouts. */
@ApiTags('facilities')
@Controller('facilities')
export class FacilitiesController {
  constructor(@Inject(FacilitiesService) private readonly facilities: FacilitiesService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...FACILITY_MANAGERS)
  @ApiOperation({
    summary: 'Create a facility of a provider, with its top-level compartment (PLC-1)',
    description:
      'The top-level compartment is named after the facility; buildings go under it. 422 naming ' +
      'PLC-1 and `designatedCapacity` when it is above the physical capacity; 422 (PRV-1) for a ' +
      'provider this service does not know, 409 (PRV-1) for a closed one; 409 (PLC-1, `name`) ' +
      'for a name the provider already uses. A facility manager only for assigned providers (403).',
  })
  create(
    @ValidBody(createFacilityBody, createFacilityExample) body: CreateFacilityBody,
    @CurrentActor() actor: Actor,
  ): Promise<FacilityView> {
    return this.facilities.create(body, actor);
  }

  @Get()
  @RequireRoles(...PLACEMENT_READERS)
  @ApiOperation({ summary: 'Facilities by provider and name (contains), by name, paged (PLC-1)' })
  list(
    @ValidQuery(listFacilitiesQuery) query: ListFacilitiesQuery,
  ): Promise<Page<FacilitySummaryView>> {
    return this.facilities.list(query);
  }

  @Get(':id')
  @RequireRoles(...PLACEMENT_READERS)
  @ApiOperation({
    summary: 'One facility with its layout (PLC-1…PLC-3)',
    description:
      'Compartments as a nested tree with their own and effective (inherited, PLC-2) ' +
      'characteristics; places with emergency, closedOn and outOfServiceToday (PLC-3); counts ' +
      'of open places, designated and emergency places today.',
  })
  get(@Param('id', idPipe) id: string): Promise<FacilityView> {
    return this.facilities.get(id);
  }

  @Patch(':id')
  @RequireRoles(...FACILITY_MANAGERS)
  @ApiOperation({
    summary: 'Rename a facility or change its capacities (PLC-1)',
    description:
      'The layout is checked again: 422 naming PLC-1 and the capacity field when the facility ' +
      'would hold more places than its capacities, or designated would be above physical.',
  })
  update(
    @Param('id', idPipe) id: string,
    @ValidBody(updateFacilityBody, updateFacilityExample) body: UpdateFacilityBody,
    @CurrentActor() actor: Actor,
  ): Promise<FacilityView> {
    return this.facilities.update(id, body, actor);
  }
}
