import type { Actor } from '@platform/contracts';
import { refuse, refuseIfAny } from '@platform/http';
import type { DateRange } from '@platform/kernel';
import type { EntityManager } from '@platform/persistence';
import { findFreePlaces, planEmergencyPlace, type ClientCharacteristics } from '../domain/index.js';
import type { LoadedFacility } from '../shared/facility-facts.js';
import { issuesAt, limitIssues } from './placement-availability.js';
import type { PlacementScope } from './placement-scope.js';
import { createEmergencyPlace } from './placement-writes.js';

export interface PlaceChoice {
  placeId: string;
  /** PLC-6: an emergency place beyond designated capacity. */
  emergency: boolean;
}

/**
 * PLC-1…PLC-3, PLC-5, PLC-6, PLC-8: where a new placement goes, under the provider lock the
 * caller holds. A named place must be free and suitable (409 with every reason, each naming its
 * rule). No place named: the first free suitable designated place in layout order; none and an
 * emergency asked for: a free open emergency place, or a new one in the top-level compartment
 * beyond designated capacity. A contract or provider-service limit reached refuses all of them,
 * emergencies included: the limit is what the agency may hold, wherever the bed is.
 */
export async function choosePlace(
  em: EntityManager,
  facts: LoadedFacility,
  request: {
    client: ClientCharacteristics;
    period: DateRange;
    scope: PlacementScope;
    placeId: string | null;
    emergency: boolean;
    actor: Actor;
  },
): Promise<PlaceChoice> {
  const availability = findFreePlaces(facts, {
    client: request.client,
    period: request.period,
    serviceProductId: request.scope.serviceProductId,
    scope: request.scope,
    settings: facts.settings,
  });
  refuseIfAny(limitIssues(availability.limitFailures), 409);

  if (request.placeId !== null) {
    const free = availability.free.find((place) => place.placeId === request.placeId);
    if (free) return { placeId: free.placeId, emergency: free.emergency };
    const excluded = availability.excluded.find((place) => place.placeId === request.placeId);
    if (!excluded) {
      refuse({
        rule: 'PLC-1',
        field: 'placeId',
        message: `place ${request.placeId} is not a place of facility ${facts.facility.name}`,
      });
    }
    refuseIfAny(issuesAt('placeId', excluded.failures), 409);
  }

  const designated = availability.free.find((place) => !place.emergency);
  if (designated) return { placeId: designated.placeId, emergency: false };
  if (!request.emergency) {
    refuse(
      {
        rule: 'PLC-6',
        field: 'placeId',
        message:
          `no place of ${facts.facility.name} is free and suitable for ${request.client.clientId} ` +
          `from ${request.period.start} (${availability.excluded.length} places excluded); ` +
          'ask again with emergency: true to create an emergency place beyond designated capacity',
      },
      409,
    );
  }
  const openEmergency = availability.free.find((place) => place.emergency);
  if (openEmergency) return { placeId: openEmergency.placeId, emergency: true };
  const plan = planEmergencyPlace({
    facilityId: facts.facility.facilityId,
    compartments: facts.compartments,
    places: facts.places,
  });
  if (!plan.ok) refuse({ rule: 'PLC-6', field: 'facilityId', message: plan.failure.message }, 409);
  return {
    placeId: await createEmergencyPlace(em, facts.facility.facilityId, plan.plan, request.actor),
    emergency: true,
  };
}
