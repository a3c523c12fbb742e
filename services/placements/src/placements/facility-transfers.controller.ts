import { Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { idPipe, ValidBody, ValidQuery, type Page } from '@platform/http';
import { PLACEMENT_MAKERS, PLACEMENT_READERS } from '../shared/roles.js';
import {
  emergencyReleasesQuery,
  transferCompartmentBody,
  transferCompartmentExample,
  type EmergencyReleasesQuery,
  type TransferCompartmentBody,
} from './placement.schemas.js';
import type { EmergencyReleaseView, TransferView } from './placement.views.js';
import { TransfersService } from './transfers.service.js';

/** PLC-6/PLC-7 at facility level: moving a compartment's clients, releasing emergency places. */
@ApiTags('placements')
@Controller('facilities')
export class FacilityTransfersController {
  constructor(@Inject(TransfersService) private readonly transfers: TransfersService) {}

  @Post(':id/transfers')
  @HttpCode(200)
  @RequireRoles(...PLACEMENT_MAKERS)
  @ApiOperation({
    summary: 'Move every client of a compartment to another compartment from `on` (PLC-7)',
    description:
      'All or nothing: each client placed in the source (and below) on `on` takes the first ' +
      'free suitable designated place of the target (and below); not enough places: 409 naming ' +
      'PLC-7 and nobody moves. Each move records placement.transferred with one transferId.',
  })
  transferCompartment(
    @Param('id', idPipe) id: string,
    @ValidBody(transferCompartmentBody, transferCompartmentExample) body: TransferCompartmentBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<TransferView> {
    return this.transfers.transferCompartment(id, body, actor, correlationId);
  }

  @Get(':id/emergency-releases')
  @RequireRoles(...PLACEMENT_READERS)
  @ApiOperation({
    summary: 'Which emergency-placed clients can move to a freed designated place on `on` (PLC-6)',
    description:
      'Longest waiting first, each to the first free suitable designated place. A plan only: ' +
      'move each client with POST /placements/{placementId}/transfer, which closes the ' +
      'emergency place.',
  })
  emergencyReleases(
    @Param('id', idPipe) id: string,
    @ValidQuery(emergencyReleasesQuery) query: EmergencyReleasesQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<EmergencyReleaseView>> {
    return this.transfers.emergencyReleases(id, query, actor);
  }
}
