import { refuse } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import { checkNewReservation, type NewReservationRequest } from '../domain/index.js';
import { loadFacilityFacts } from '../shared/facility-facts.js';
import { ReservationConflictProblem } from './reservation-conflicts.js';
import {
  refuseUnlessPlaceFree,
  reservationAvailability,
  type PlaceRequest,
} from './reservation-place-check.js';

/**
 * PLC-4 for a new or moved reservation: a future period (422 naming `from`), and no conflict the
 * user has not confirmed to cancel (409 listing every conflict). Returns the conflicts to cancel.
 */
export function refuseUnlessReservable(request: NewReservationRequest): readonly string[] {
  const outcome = checkNewReservation(request);
  if (outcome.ok) return outcome.cancel;
  if (outcome.failure.code === 'starts-today-or-past') {
    refuse({ rule: outcome.failure.rule, field: 'from', message: outcome.failure.message });
  }
  throw new ReservationConflictProblem(outcome.failure, outcome.conflicts);
}

/**
 * PLC-4: the place a reservation names is free and suits the client for the period, over the
 * facility's facts as they stand under the provider's lock (the caller took it).
 */
export async function refuseUnlessPlaceFreeAt(
  em: EntityManager,
  facilityId: string,
  placeId: string,
  request: PlaceRequest,
): Promise<void> {
  const facts = await loadFacilityFacts(em, facilityId, {
    lock: false,
    from: request.period.start,
  });
  if (!facts) throw new Error(`facility ${facilityId} vanished under the provider's lock`);
  refuseUnlessPlaceFree(reservationAvailability(facts, request), placeId);
}
