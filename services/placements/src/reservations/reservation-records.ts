import type { ClientCharacteristics, ReservationState } from '../domain/index.js';
import type { EntityManager } from '@platform/persistence';

/** A reservation row as the service reads it (dates as YYYY-MM-DD, `to` null: open-ended). */
export interface ReservationRecord {
  reservationId: string;
  providerId: string;
  facilityId: string | null;
  placeId: string | null;
  clientId: string;
  client: ClientCharacteristics;
  from: string;
  to: string | null;
  gracePeriodDays: number;
  expiresOn: string;
  state: ReservationState;
  providerServiceId: string | null;
  serviceProductId: string | null;
  contractId: string | null;
  waitlistEntryId: string | null;
  placementId: string | null;
  cancelReason: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

export const RESERVATION_COLUMNS = `
  r.reservation_id as "reservationId", r.provider_id as "providerId",
  r.facility_id as "facilityId", r.place_id as "placeId", r.client_id as "clientId",
  r.client, to_char(r.starts_on, 'YYYY-MM-DD') as "from",
  to_char(r.ends_on, 'YYYY-MM-DD') as "to", r.grace_period_days as "gracePeriodDays",
  to_char(r.expires_on, 'YYYY-MM-DD') as "expiresOn", r.state,
  r.provider_service_id as "providerServiceId", r.service_product_id as "serviceProductId",
  r.contract_id as "contractId", r.waitlist_entry_id as "waitlistEntryId",
  r.placement_id as "placementId", r.cancel_reason as "cancelReason",
  r.created_by as "createdBy", r.created_at as "createdAt",
  r.updated_by as "updatedBy", r.updated_at as "updatedAt"`;

/** The reservation under a row lock (FOR UPDATE), or null: every state change goes through here. */
export async function lockReservation(
  em: EntityManager,
  reservationId: string,
): Promise<ReservationRecord | null> {
  const [row] = await em.execute<ReservationRecord[]>(
    `select ${RESERVATION_COLUMNS} from reservation r where r.reservation_id = ? for update`,
    [reservationId],
  );
  return row ?? null;
}

/** The `where` part every reservation event carries (placement.events.ts). */
export function reservationWhere(r: ReservationRecord) {
  return {
    providerId: r.providerId,
    facilityId: r.facilityId,
    placeId: r.placeId,
    clientId: r.clientId,
    providerServiceId: r.providerServiceId,
    serviceProductId: r.serviceProductId,
    contractId: r.contractId,
  };
}
