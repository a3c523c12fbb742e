import type { DateRange } from '@platform/kernel';
import { refuseIfAny } from '@platform/http';
import { findFreePlaces, type Availability, type ClientCharacteristics } from '../domain/index.js';
import {
  failuresByPlace,
  isLimit,
  issuesAt,
  limitIssues,
} from '../placements/placement-availability.js';
import type { LoadedFacility } from '../shared/facility-facts.js';

export interface PlaceRequest {
  client: ClientCharacteristics;
  period: DateRange;
  serviceProductId: string | null;
  contractId: string | null;
  providerServiceId: string | null;
  /** Reservations that do not hold their place here: the one being moved or confirmed, and those
   *  the user confirmed to cancel in the same request. */
  ignoring: ReadonlySet<string>;
}

/** PLC-1…PLC-4, PLC-8: the facility's availability for a reservation's client and period. */
export function reservationAvailability(
  facts: LoadedFacility,
  request: PlaceRequest,
): Availability {
  return findFreePlaces(
    {
      ...facts,
      occupancies: facts.occupancies.filter(
        (occupancy) => !(occupancy.kind === 'reservation' && request.ignoring.has(occupancy.id)),
      ),
    },
    {
      client: request.client,
      period: request.period,
      serviceProductId: request.serviceProductId,
      scope: { contractId: request.contractId, providerServiceId: request.providerServiceId },
      settings: facts.settings,
    },
  );
}

/**
 * PLC-4: a place named for a reservation (or its confirmation) must be free and suit the client
 * for the whole period: 409 listing every reason (held, out of service, closed, unsuitable, limit
 * reached), each naming its rule.
 */
export function refuseUnlessPlaceFree(availability: Availability, placeId: string): void {
  const failures = failuresByPlace(availability).get(placeId) ?? [];
  refuseIfAny(
    [
      ...issuesAt(
        'placeId',
        failures.filter((failure) => !isLimit(failure)),
      ),
      ...limitIssues(failures.filter(isLimit)),
    ],
    409,
  );
}
