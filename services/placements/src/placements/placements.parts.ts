import type { Provider, Type } from '@nestjs/common';
import { FacilityTransfersController } from './facility-transfers.controller.js';
import { PlacementMovesController } from './placement-moves.controller.js';
import { PlacementMovesService } from './placement-moves.service.js';
import { PlacementsController } from './placements.controller.js';
import { PlacementsService } from './placements.service.js';
import { TransfersService } from './transfers.service.js';

/** The placements area's controllers and providers, registered in placements.module.ts. */
export const PLACEMENTS_CONTROLLERS: Type[] = [
  PlacementsController,
  PlacementMovesController,
  FacilityTransfersController,
];
export const PLACEMENTS_PROVIDERS: Provider[] = [
  PlacementsService,
  PlacementMovesService,
  TransfersService,
];
