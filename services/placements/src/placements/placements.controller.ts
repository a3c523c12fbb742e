import { Controller, Get, Headers, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { idPipe, ValidBody, ValidQuery, type Page } from '@platform/http';
import { PLACEMENT_MAKERS, PLACEMENT_READERS } from '../shared/roles.js';
import {
  changePlacementBody,
  changePlacementExample,
  createPlacementBody,
  createPlacementExample,
  endPlacementBody,
  endPlacementExample,
  listPlacementsQuery,
  transferClientBody,
  transferClientExample,
  type ChangePlacementBody,
  type CreatePlacementBody,
  type EndPlacementBody,
  type ListPlacementsQuery,
  type TransferClientBody,
} from './placement.schemas.js';
import type { PlacementDetailView, PlacementView, TransferView } from './placement.views.js';
import { PlacementsService } from './placements.service.js';
import { TransfersService } from './transfers.service.js';

/** PLC-5…PLC-8: clients in places — placing, changing, ending and moving them. */
@ApiTags('placements')
@Controller('placements')
export class PlacementsController {
  constructor(
    @Inject(PlacementsService) private readonly placements: PlacementsService,
    @Inject(TransfersService) private readonly transfers: TransfersService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...PLACEMENT_MAKERS)
  @ApiOperation({
    summary: 'Place a client (PLC-5), in an emergency place if none is free and asked (PLC-6)',
    description:
      'Starts today or earlier (a later start is a reservation, PLC-4); `to` null: open-ended. ' +
      '`placeId` given: it must be free and suitable — 409 lists every reason, each naming its ' +
      'rule (PLC-3 out of service, PLC-2 unsuitable, PLC-4/PLC-5 held, PLC-6 closed). Omitted: ' +
      'the first free suitable place in layout order; none and `emergency: true`: an emergency ' +
      'place in the top-level compartment beyond designated capacity (PLC-6); none otherwise: ' +
      '409 naming PLC-6. A contract (PLC-8) or provider-service (PRV-6) place limit reached: 409. ' +
      'A suspended or closed provider: 409 naming PRV-1. Records placement.started (SVC-5 flag).',
  })
  create(
    @ValidBody(createPlacementBody, createPlacementExample) body: CreatePlacementBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<PlacementDetailView> {
    return this.placements.create(body, actor, correlationId);
  }

  @Get()
  @RequireRoles(...PLACEMENT_READERS)
  @ApiOperation({
    summary: 'Placements by facility, provider, client, place, state, active day, emergency',
    description:
      'Newest start first. A facility manager sees only the providers assigned to them (ROLE).',
  })
  list(
    @ValidQuery(listPlacementsQuery) query: ListPlacementsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<PlacementView>> {
    return this.placements.list(query, actor);
  }

  @Get(':id')
  @RequireRoles(...PLACEMENT_READERS)
  @ApiOperation({
    summary: 'One placement with its history (PLC-7: the placements it continues, oldest first)',
  })
  get(@Param('id', idPipe) id: string, @CurrentActor() actor: Actor): Promise<PlacementDetailView> {
    return this.placements.get(id, actor);
  }

  @Patch(':id')
  @RequireRoles(...PLACEMENT_MAKERS)
  @ApiOperation({
    summary: "Change a placement's start or end (PLC-5); notifies its creator",
    description:
      '`to: null` makes it open-ended. A longer stay is checked like a new one (409 naming the ' +
      'rule when the place is held, out of service or a limit is reached). An ended placement ' +
      'cannot change (409 naming PLC-5). When a resource manager changes another case ' +
      "worker's placement, that case worker gets a notice. Records placement.changed.",
  })
  change(
    @Param('id', idPipe) id: string,
    @ValidBody(changePlacementBody, changePlacementExample) body: ChangePlacementBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<PlacementDetailView> {
    return this.placements.change(id, body, actor, correlationId);
  }

  @Post(':id/end')
  @HttpCode(200)
  @RequireRoles(...PLACEMENT_MAKERS)
  @ApiOperation({
    summary: 'End a placement: the client left after `on` (PLC-5); its emergency place closes',
    description:
      '`on` is the last day, today or earlier. Ending an ended placement: 409 naming PLC-5. ' +
      'Records placement.ended.',
  })
  end(
    @Param('id', idPipe) id: string,
    @ValidBody(endPlacementBody, endPlacementExample) body: EndPlacementBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<PlacementDetailView> {
    return this.placements.end(id, body, actor, correlationId);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @RequireRoles(...PLACEMENT_MAKERS)
  @ApiOperation({
    summary: 'Move one client to another place of the facility from `on` (PLC-7)',
    description:
      'The running placement ends the day before and a new one continues it (transferred_from, ' +
      'same end). Leaving an emergency place closes it (PLC-6). The target must be free for the ' +
      'rest of the stay and suit the client: 409 naming the rule otherwise. Records ' +
      'placement.transferred.',
  })
  transfer(
    @Param('id', idPipe) id: string,
    @ValidBody(transferClientBody, transferClientExample) body: TransferClientBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<TransferView> {
    return this.transfers.transferClient(id, body, actor, correlationId);
  }
}
