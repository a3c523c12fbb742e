import type { Provider, Type } from '@nestjs/common';
import { ReservationConfirmationService } from './reservation-confirmation.service.js';
import { ReservationTimerRecovery, ReservationTimers } from './reservation-timers.js';
import { ReservationsController } from './reservations.controller.js';
import { ReservationsService } from './reservations.service.js';

/** The reservations area's controllers and providers, registered in placements.module.ts. */
export const RESERVATIONS_CONTROLLERS: Type[] = [ReservationsController];
export const RESERVATIONS_PROVIDERS: Provider[] = [
  ReservationTimers,
  ReservationTimerRecovery,
  ReservationsService,
  ReservationConfirmationService,
];
