import { Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { idPipe, ValidBody, ValidQuery, type Page } from '@platform/http';
import { FACILITY_MANAGERS, PLACEMENT_READERS } from '../shared/roles.js';
import type { OutOfServiceView } from './facility.views.js';
import {
  createOutOfServiceBody,
  createOutOfServiceExample,
  listOutOfServiceQuery,
  type CreateOutOfServiceBody,
  type ListOutOfServiceQuery,
} from './out-of-service.schemas.js';
import { OutOfServiceService } from './out-of-service.service.js';

/** PLC-3: places and compartments out of service for a period. */
@ApiTags('facilities')
@Controller()
export class OutOfServiceController {
  constructor(@Inject(OutOfServiceService) private readonly outOfService: OutOfServiceService) {}

  @Post('facilities/:id/out-of-service')
  @HttpCode(201)
  @RequireRoles(...FACILITY_MANAGERS)
  @ApiOperation({
    summary: 'Take a place, or every place of a compartment and below, out of service (PLC-3)',
    description:
      'Exactly one of `placeId` and `compartmentId`; `to` null: until further notice. 422 naming ' +
      'PLC-3 and the field when the place or compartment is not in the facility.',
  })
  create(
    @Param('id', idPipe) facilityId: string,
    @ValidBody(createOutOfServiceBody, createOutOfServiceExample) body: CreateOutOfServiceBody,
    @CurrentActor() actor: Actor,
  ): Promise<OutOfServiceView> {
    return this.outOfService.create(facilityId, body, actor);
  }

  @Get('facilities/:id/out-of-service')
  @RequireRoles(...PLACEMENT_READERS)
  @ApiOperation({
    summary: "A facility's out-of-service records by day in force, place, compartment (PLC-3)",
    description:
      '`compartmentId` finds records on it and on every compartment and place below it. ' +
      'Withdrawn records are left out unless `includeWithdrawn=true` (and always with `asOf`).',
  })
  list(
    @Param('id', idPipe) facilityId: string,
    @ValidQuery(listOutOfServiceQuery) query: ListOutOfServiceQuery,
  ): Promise<Page<OutOfServiceView>> {
    return this.outOfService.list(facilityId, query);
  }

  @Delete('out-of-service/:id')
  @RequireRoles(...FACILITY_MANAGERS)
  @ApiOperation({
    summary: 'Withdraw an out-of-service record (PLC-3); it is kept with who and when',
    description: '409 naming PLC-3 when it was already withdrawn.',
  })
  withdraw(
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<OutOfServiceView> {
    return this.outOfService.withdraw(id, actor);
  }
}
