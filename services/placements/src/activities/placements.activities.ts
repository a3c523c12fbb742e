import type { MikroORM } from '@mikro-orm/postgresql';
import type { PlacementsActivities } from '@platform/contracts';
import type { PlacementsConfig } from '../config.js';
import { acceptWaitlistOffer, declineWaitlistOffer } from '../allocation/offer-decisions.js';
import { expireReservation } from '../reservations/reservation-expiry.js';

/**
 * The activities placements hosts on TaskQueues.placementsActivities, built from its database:
 * reservation expiry (PLC-4) and waitlist offers (PRV-10). Reads only its own tables.
 */
export function createPlacementsActivities(
  orm: MikroORM,
  config: PlacementsConfig,
): PlacementsActivities {
  void config;
  return {
    expireReservation: (input) => expireReservation(orm, input),
    acceptWaitlistOffer: (input) => acceptWaitlistOffer(orm, input),
    declineWaitlistOffer: (input) => declineWaitlistOffer(orm, input),
  };
}
