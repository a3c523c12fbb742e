import { NotFoundProblem, type Page } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { ListReservationsQuery } from './reservation.schemas.js';
import { RESERVATION_COLUMNS, type ReservationRecord } from './reservation-records.js';

export async function reservationOrNotFound(
  em: EntityManager,
  reservationId: string,
): Promise<ReservationRecord> {
  const [row] = await em.execute<ReservationRecord[]>(
    `select ${RESERVATION_COLUMNS} from reservation r where r.reservation_id = ?`,
    [reservationId],
  );
  if (!row) throw new NotFoundProblem('Reservation', reservationId);
  return row;
}

/** Reservations by provider, facility, client, state and a day their period includes, paged. */
export async function listReservations(
  em: EntityManager,
  query: ListReservationsQuery,
): Promise<Page<ReservationRecord>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const equal = (column: string, value: unknown) => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  equal('r.provider_id', query.providerId);
  equal('r.facility_id', query.facilityId);
  equal('r.client_id', query.clientId);
  equal('r.state', query.state);
  if (query.activeOn !== undefined) {
    where.push('r.starts_on <= ? and (r.ends_on is null or r.ends_on >= ?)');
    params.push(query.activeOn, query.activeOn);
  }
  const filter = where.length ? `where ${where.join(' and ')}` : '';
  const [count] = await em.execute<{ total: string }[]>(
    `select count(*)::text as total from reservation r ${filter}`,
    params,
  );
  const items = await em.execute<ReservationRecord[]>(
    `select ${RESERVATION_COLUMNS} from reservation r ${filter}
      order by r.starts_on, r.created_at, r.reservation_id limit ? offset ?`,
    [...params, query.limit, query.offset],
  );
  return { items, total: Number(count?.total ?? 0), limit: query.limit, offset: query.offset };
}
