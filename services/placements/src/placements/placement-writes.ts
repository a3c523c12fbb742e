import { randomUUID } from 'node:crypto';
import { placementStarted, type Actor } from '@platform/contracts';
import type { DateRange } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import type { EntityManager } from '@platform/persistence';
import type { ClientCharacteristics, EmergencyPlacePlan } from '../domain/index.js';

/** What a new placement row records (PLC-5); shared by direct placements, reservations, transfers. */
export interface NewPlacement {
  /** Given when the caller must know the id before the row exists (e.g. an event names it). */
  placementId?: string;
  providerId: string;
  facilityId: string;
  placeId: string;
  client: ClientCharacteristics;
  period: DateRange;
  /** PLC-6: in an emergency place beyond designated capacity. */
  emergency: boolean;
  providerServiceId: string | null;
  serviceProductId: string | null;
  contractId: string | null;
  reservationId: string | null;
  waitlistEntryId: string | null;
  /** PLC-7: the placement this one continues after a transfer. */
  transferredFrom?: string | null;
}

/**
 * SVC-5: a placement creates a service authorization in finance unless its product says
 * otherwise. An unknown product (none given, or no service_product event seen yet) creates none:
 * finance cannot authorize a service it cannot name.
 */
export async function createsServiceAuthorization(
  em: EntityManager,
  serviceProductId: string | null,
): Promise<boolean> {
  if (serviceProductId === null) return false;
  const [row] = await em.execute<{ prevent: boolean }[]>(
    `select prevent_authorization_from_placement as prevent
       from service_product where service_product_id = ?`,
    [serviceProductId],
  );
  return row !== undefined && !row.prevent;
}

/**
 * PLC-5/PLC-7: inserts an active placement row only. A transfer's continuation uses this alone:
 * it announces itself with placement.transferred, and a second placement.started would make
 * finance authorize the same stay twice (SVC-5).
 */
export async function insertPlacementRow(
  em: EntityManager,
  input: NewPlacement,
  actor: Actor,
): Promise<string> {
  const placementId = input.placementId ?? randomUUID();
  await em.execute(
    `insert into placement
       (placement_id, provider_id, facility_id, place_id, client_id, client, starts_on, ends_on,
        state, emergency, provider_service_id, service_product_id, contract_id, reservation_id,
        waitlist_entry_id, transferred_from, created_by)
     values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      placementId,
      input.providerId,
      input.facilityId,
      input.placeId,
      input.client.clientId,
      JSON.stringify(input.client),
      input.period.start,
      input.period.end,
      input.emergency,
      input.providerServiceId,
      input.serviceProductId,
      input.contractId,
      input.reservationId,
      input.waitlistEntryId,
      input.transferredFrom ?? null,
      actor.userId,
    ],
  );
  return placementId;
}

/**
 * PLC-5: inserts an active placement and records its placement.started (keyed by client) in the
 * caller's transaction. The caller has locked the provider's facilities and checked the place is
 * free and suitable; this only writes.
 */
export async function insertPlacement(
  em: EntityManager,
  input: NewPlacement,
  actor: Actor,
  correlationId?: string,
): Promise<string> {
  const placementId = await insertPlacementRow(em, input, actor);
  recordEvent(em, placementStarted, {
    aggregateId: input.client.clientId,
    actor,
    correlationId,
    data: {
      placementId,
      providerId: input.providerId,
      facilityId: input.facilityId,
      placeId: input.placeId,
      clientId: input.client.clientId,
      providerServiceId: input.providerServiceId,
      serviceProductId: input.serviceProductId,
      contractId: input.contractId,
      period: { from: input.period.start, to: input.period.end },
      emergency: input.emergency,
      reservationId: input.reservationId,
      waitlistEntryId: input.waitlistEntryId,
      createsServiceAuthorization: await createsServiceAuthorization(em, input.serviceProductId),
    },
  });
  return placementId;
}

/**
 * PLC-6 (and PLC-4's fallback): creates the planned emergency place, beyond designated capacity,
 * in the facility's top-level compartment (planEmergencyPlace chose it and its name).
 */
export async function createEmergencyPlace(
  em: EntityManager,
  facilityId: string,
  plan: EmergencyPlacePlan,
  actor: Actor,
): Promise<string> {
  const placeId = randomUUID();
  await em.execute(
    `insert into place (place_id, facility_id, compartment_id, name, emergency, created_by)
     values (?, ?, ?, ?, true, ?)`,
    [placeId, facilityId, plan.compartmentId, plan.name, actor.userId],
  );
  return placeId;
}
