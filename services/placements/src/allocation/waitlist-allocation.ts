import {
  type Actor,
  type EventData,
  type EventEnvelope,
  type waitlistEntryAllocated,
} from '@platform/contracts';
import { refuse } from '@platform/http';
import type { CalendarDate, DateRange } from '@platform/kernel';
import type { EntityManager } from '@platform/persistence';
import { findFreePlaces, type ClientCharacteristics } from '../domain/index.js';
import { overlappingPlacementsOfClient } from '../placements/placement-records.js';
import { resolvePlacementScope, type PlacementScope } from '../placements/placement-scope.js';
import { startPlacementIn } from '../placements/placement-start.js';
import type { ReservationRecord } from '../reservations/reservation-records.js';
import { createReservationBody } from '../reservations/reservation.schemas.js';
import type { ReservationsService } from '../reservations/reservations.service.js';
import { clientInput } from '../shared/client-input.js';
import { loadFacilityFacts } from '../shared/facility-facts.js';
import { assertProviderTakesPlacements } from '../shared/provider-access.js';
import { offerIdFor } from './offer-ids.js';

export type Allocation = EventEnvelope<EventData<typeof waitlistEntryAllocated>>;

/** What an allocation made: the reservation (its timer to arm) or the placement. */
export type Allocated =
  | { kind: 'reservation'; reservation: ReservationRecord }
  | { kind: 'placement'; placementId: string };

/** The reservation of an allocation has an id derived from the entry: one entry, one reservation. */
export const allocationReservationId = (entryId: string) => offerIdFor('reservation', entryId);

/** Whether the entry's allocation already made its reservation or placement (a replay). */
export async function alreadyAllocated(em: EntityManager, entryId: string): Promise<boolean> {
  const [row] = await em.execute<{ found: boolean }[]>(
    `select exists (select 1 from reservation where waitlist_entry_id = ?)
         or exists (select 1 from placement where waitlist_entry_id = ?) as found`,
    [entryId, entryId],
  );
  return row?.found ?? false;
}

async function facilityOfPlace(em: EntityManager, placeId: string, providerId: string) {
  const [row] = await em.execute<{ facilityId: string }[]>(
    `select p.facility_id as "facilityId" from place p join facility f using (facility_id)
      where p.place_id = ? and f.provider_id = ?`,
    [placeId, providerId],
  );
  if (!row) {
    refuse({
      rule: 'PLC-1',
      field: 'placeId',
      message: `place ${placeId} is not a place of provider ${providerId}`,
    });
  }
  return row.facilityId;
}

async function facilitiesOf(em: EntityManager, providerId: string): Promise<string[]> {
  const rows = await em.execute<{ facilityId: string }[]>(
    'select facility_id as "facilityId" from facility where provider_id = ? order by name',
    [providerId],
  );
  return rows.map((row) => row.facilityId);
}

interface Request {
  providerId: string;
  client: ClientCharacteristics;
  period: DateRange;
  scope: PlacementScope;
}

/**
 * PRV-10: no place was chosen at allocation: the first free suitable designated place of the
 * provider's facilities (by facility name, then layout order), under the provider lock. The
 * waitlist carries no characteristics, so suitability is judged on the product alone.
 */
async function firstFreePlace(em: EntityManager, request: Request) {
  for (const facilityId of await facilitiesOf(em, request.providerId)) {
    const facts = await loadFacilityFacts(em, facilityId, {
      lock: true,
      from: request.period.start,
    });
    if (!facts) continue;
    const free = findFreePlaces(facts, {
      ...request,
      serviceProductId: request.scope.serviceProductId,
      settings: facts.settings,
    }).free.find((place) => !place.emergency);
    if (free) return { facilityId, placeId: free.placeId };
  }
  return refuse(
    {
      rule: 'PRV-10',
      field: 'placeId',
      message: `no place of provider ${request.providerId} is free from ${request.period.start}`,
    },
    409,
  );
}

/**
 * PRV-10: the reservation (kind reservation) or placement (kind placement) the providers service
 * allocated, made with the reservations' and placements' own rules in the caller's transaction,
 * carrying the entry's id. Refusals throw as problems naming their rule.
 */
export async function allocate(
  em: EntityManager,
  allocation: Allocation,
  reservations: ReservationsService,
): Promise<Allocated> {
  const { data } = allocation;
  const actor: Actor = allocation.actor;
  await assertProviderTakesPlacements(em, data.providerId);
  const request: Request = {
    providerId: data.providerId,
    client: clientInput.parse({ clientId: data.clientReference }),
    period: { start: data.from as CalendarDate, end: data.to as CalendarDate | null },
    scope: await resolvePlacementScope(em, data.providerId, {
      ...(data.providerServiceId ? { providerServiceId: data.providerServiceId } : {}),
      ...(data.serviceProductId ? { serviceProductId: data.serviceProductId } : {}),
    }),
  };
  const location = data.placeId
    ? {
        facilityId: await facilityOfPlace(em, data.placeId, data.providerId),
        placeId: data.placeId,
      }
    : await firstFreePlace(em, request);

  if (data.kind === 'reservation') {
    const { record } = await reservations.createIn(
      em,
      createReservationBody.parse({
        providerId: data.providerId,
        ...location,
        client: { clientId: data.clientReference },
        from: data.from,
        to: data.to,
        serviceProductId: request.scope.serviceProductId,
        providerServiceId: request.scope.providerServiceId,
      }),
      actor,
      {
        reservationId: allocationReservationId(data.entryId),
        waitlistEntryId: data.entryId,
        correlationId: allocation.correlationId,
      },
    );
    return { kind: 'reservation', reservation: record };
  }

  // PLC-5: a client is in one place at a time.
  const elsewhere = await overlappingPlacementsOfClient(
    em,
    data.clientReference,
    request.period,
    null,
  );
  if (elsewhere.length > 0) {
    refuse(
      {
        rule: 'PLC-5',
        field: 'clientReference',
        message: `client ${data.clientReference} is already placed (placement ${elsewhere.join(', ')})`,
      },
      409,
    );
  }
  const facts = await loadFacilityFacts(em, location.facilityId, {
    lock: true,
    from: request.period.start,
  });
  if (!facts) refuse({ rule: 'PLC-1', field: 'placeId', message: 'the facility is gone' });
  const placementId = await startPlacementIn(
    em,
    facts,
    { ...request, placeId: location.placeId, emergency: false, waitlistEntryId: data.entryId },
    actor,
    allocation.correlationId,
  );
  return { kind: 'placement', placementId };
}
