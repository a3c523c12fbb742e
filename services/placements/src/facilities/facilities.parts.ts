import type { Provider, Type } from '@nestjs/common';
import { AssignmentsController } from './assignments.controller.js';
import { AssignmentsService } from './assignments.service.js';
import { AvailabilityController } from './availability.controller.js';
import { AvailabilityService } from './availability.service.js';
import { CharacteristicSettingsController } from './characteristic-settings.controller.js';
import { CharacteristicSettingsService } from './characteristic-settings.service.js';
import { CompartmentsController } from './compartments.controller.js';
import { CompartmentsService } from './compartments.service.js';
import { FacilitiesController } from './facilities.controller.js';
import { FacilitiesService } from './facilities.service.js';
import { OutOfServiceController } from './out-of-service.controller.js';
import { OutOfServiceService } from './out-of-service.service.js';
import { PlacesService } from './places.service.js';

/**
 * The facilities area (PLC-1…PLC-3, ROLE): facility manager assignments, facilities, their
 * compartments and places, out-of-service records, the race/religion switch and availability.
 * Registered in placements.module.ts.
 */
export const FACILITIES_CONTROLLERS: Type[] = [
  AssignmentsController,
  FacilitiesController,
  CompartmentsController,
  OutOfServiceController,
  CharacteristicSettingsController,
  AvailabilityController,
];
export const FACILITIES_PROVIDERS: Provider[] = [
  AssignmentsService,
  FacilitiesService,
  CompartmentsService,
  PlacesService,
  OutOfServiceService,
  CharacteristicSettingsService,
  AvailabilityService,
];
