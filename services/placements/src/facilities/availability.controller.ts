import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '@platform/auth';
import { idPipe, ValidBody } from '@platform/http';
import { PLACEMENT_READERS } from '../shared/roles.js';
import {
  availabilityExample,
  facilityAvailabilityBody,
  providerAvailabilityBody,
  type FacilityAvailabilityBody,
  type ProviderAvailabilityBody,
} from './availability.schemas.js';
import { AvailabilityService } from './availability.service.js';
import type { FacilityAvailabilityView, ProviderAvailabilityView } from './availability.views.js';

const ANSWER =
  '`free`: places offered, by compartment path then name; `excluded`: every other place with ' +
  'all its reasons (`failures`: code, rule, message — closed PLC-6, out of service PLC-3, held ' +
  'PLC-4/PLC-5, unsuitable PLC-2, limit PLC-8); `limitFailures`: a contract or provider-service ' +
  'limit reached refuses every place and is listed once here. A search holds nothing.';

/** "Free places for this client from D1 to D2" (PLC-1…PLC-3, PLC-8). */
@ApiTags('availability')
@Controller()
export class AvailabilityController {
  constructor(@Inject(AvailabilityService) private readonly availability: AvailabilityService) {}

  @Post('facilities/:id/availability')
  @HttpCode(200)
  @RequireRoles(...PLACEMENT_READERS)
  @ApiOperation({
    summary: "A facility's free places for a client and period",
    description: ANSWER,
  })
  forFacility(
    @Param('id', idPipe) facilityId: string,
    @ValidBody(facilityAvailabilityBody, availabilityExample) body: FacilityAvailabilityBody,
  ): Promise<FacilityAvailabilityView> {
    return this.availability.forFacility(facilityId, body);
  }

  @Post('availability')
  @HttpCode(200)
  @RequireRoles(...PLACEMENT_READERS)
  @ApiOperation({
    summary: 'Free places for a client and period in every facility of a provider',
    description: `One answer per facility, by facility name. ${ANSWER}`,
  })
  forProvider(
    @ValidBody(providerAvailabilityBody, {
      providerId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
      ...availabilityExample,
    })
    body: ProviderAvailabilityBody,
  ): Promise<ProviderAvailabilityView> {
    return this.availability.forProvider(body);
  }
}
