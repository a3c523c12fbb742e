import { refuse } from '@platform/http';
import type { EntityManager } from '@platform/persistence';

/** Where a reservation is: a provider, maybe one of its facilities, maybe a place in it. */
export interface ReservationLocation {
  facilityId: string | null;
  placeId: string | null;
}

/**
 * PLC-4: the facility and place a request names must be the provider's: a place gives its facility
 * when none is named, and must lie in the one named. 422 naming the field otherwise.
 */
export async function resolveLocation(
  em: EntityManager,
  providerId: string,
  request: ReservationLocation,
): Promise<ReservationLocation> {
  let facilityId = request.facilityId;
  if (request.placeId !== null) {
    const [place] = await em.execute<{ facilityId: string; providerId: string }[]>(
      `select p.facility_id as "facilityId", f.provider_id as "providerId"
         from place p join facility f on f.facility_id = p.facility_id where p.place_id = ?`,
      [request.placeId],
    );
    if (!place || place.providerId !== providerId) {
      refuse({
        rule: 'PLC-4',
        field: 'placeId',
        message: `place ${request.placeId} is not a place of provider ${providerId}`,
      });
    }
    if (facilityId !== null && facilityId !== place.facilityId) {
      refuse({
        rule: 'PLC-4',
        field: 'placeId',
        message: `place ${request.placeId} is not in facility ${facilityId}`,
      });
    }
    facilityId = place.facilityId;
  }
  if (facilityId !== null && request.placeId === null) {
    const [facility] = await em.execute<{ providerId: string }[]>(
      'select provider_id as "providerId" from facility where facility_id = ?',
      [facilityId],
    );
    if (facility?.providerId !== providerId) {
      refuse({
        rule: 'PLC-4',
        field: 'facilityId',
        message: `facility ${facilityId} is not a facility of provider ${providerId}`,
      });
    }
  }
  return { facilityId, placeId: request.placeId };
}
