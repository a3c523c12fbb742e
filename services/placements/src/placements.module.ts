import { Module, type DynamicModule } from '@nestjs/common';
import { serviceModule, type ServiceDeps } from '@platform/runtime';
import { ALLOCATION_CONTROLLERS, ALLOCATION_PROVIDERS } from './allocation/allocation.parts.js';
import type { PlacementsConfig } from './config.js';
import { FACILITIES_CONTROLLERS, FACILITIES_PROVIDERS } from './facilities/facilities.parts.js';
import { NOTICES_CONTROLLERS, NOTICES_PROVIDERS } from './notices/notices.parts.js';
import { PLACEMENTS_CONFIG } from './placements-config.token.js';
import { PLACEMENTS_CONTROLLERS, PLACEMENTS_PROVIDERS } from './placements/placements.parts.js';
import { PROJECTIONS_CONTROLLERS, PROJECTIONS_PROVIDERS } from './projections/projections.parts.js';
import {
  RESERVATIONS_CONTROLLERS,
  RESERVATIONS_PROVIDERS,
} from './reservations/reservations.parts.js';

@Module({})
export class PlacementsModule {
  static register(deps: ServiceDeps & { config: PlacementsConfig }): DynamicModule {
    return serviceModule(PlacementsModule, deps, {
      controllers: [
        ...PROJECTIONS_CONTROLLERS,
        ...FACILITIES_CONTROLLERS,
        ...RESERVATIONS_CONTROLLERS,
        ...PLACEMENTS_CONTROLLERS,
        ...ALLOCATION_CONTROLLERS,
        ...NOTICES_CONTROLLERS,
      ],
      providers: [
        { provide: PLACEMENTS_CONFIG, useValue: deps.config },
        ...PROJECTIONS_PROVIDERS,
        ...FACILITIES_PROVIDERS,
        ...RESERVATIONS_PROVIDERS,
        ...PLACEMENTS_PROVIDERS,
        ...ALLOCATION_PROVIDERS,
        ...NOTICES_PROVIDERS,
      ],
    });
  }
}
