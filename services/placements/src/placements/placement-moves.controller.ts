import { Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { idPipe, ValidBody } from '@platform/http';
import { PLACEMENT_MAKERS } from '../shared/roles.js';
import { PlacementMovesService } from './placement-moves.service.js';
import {
  movePlacementBody,
  movePlacementExample,
  type MovePlacementBody,
} from './placement.schemas.js';
import type { PlacementDetailView } from './placement.views.js';

/** PLC-6: moving a client to another facility (e.g. out of an emergency place). */
@ApiTags('placements')
@Controller('placements')
export class PlacementMovesController {
  constructor(@Inject(PlacementMovesService) private readonly moves: PlacementMovesService) {}

  @Post(':id/move')
  @HttpCode(200)
  @RequireRoles(...PLACEMENT_MAKERS)
  @ApiOperation({
    summary: 'Move a client to another facility from `on` (PLC-6: out of an emergency place)',
    description:
      'One transaction: the placement ends the day before `on` (placement.ended; an emergency ' +
      'place closes) and a new one starts on `on` in the target facility (placement.started, ' +
      'transferredFrom, same end) — in `placeId`, or the first free suitable place, or an ' +
      'emergency place there when `emergency: true`. The target is checked like a new ' +
      'placement (409 naming the rule); a suspended or closed target provider: 409 naming ' +
      'PRV-1. Within one facility, use /transfer (PLC-7). Answers the new placement.',
  })
  move(
    @Param('id', idPipe) id: string,
    @ValidBody(movePlacementBody, movePlacementExample) body: MovePlacementBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<PlacementDetailView> {
    return this.moves.move(id, body, actor, correlationId);
  }
}
