import { NotFoundProblem, type Page } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { ListOutOfServiceQuery } from './out-of-service.schemas.js';
import type { OutOfServiceView } from './facility.views.js';
import { isoTime } from './facility-records.js';

const COLUMNS = `
  o.out_of_service_id as "outOfServiceId", o.facility_id as "facilityId",
  o.place_id as "placeId", o.compartment_id as "compartmentId",
  to_char(o.starts_on, 'YYYY-MM-DD') as "from", to_char(o.ends_on, 'YYYY-MM-DD') as "to",
  o.reason, o.recorded_by as "recordedBy", ${isoTime('o.recorded_at')} as "recordedAt",
  o.withdrawn_by as "withdrawnBy", ${isoTime('o.withdrawn_at')} as "withdrawnAt"`;

export async function outOfServiceView(
  em: EntityManager,
  outOfServiceId: string,
): Promise<OutOfServiceView> {
  const [row] = await em.execute<OutOfServiceView[]>(
    `select ${COLUMNS} from out_of_service o where o.out_of_service_id = ?`,
    [outOfServiceId],
  );
  if (!row) throw new NotFoundProblem('Out-of-service record', outOfServiceId);
  return row;
}

/**
 * PLC-3: a facility's out-of-service records by day in force, place, and compartment (records on
 * it and on every compartment and place below it, one recursive query), earliest first.
 */
export async function listOutOfService(
  em: EntityManager,
  facilityId: string,
  query: ListOutOfServiceQuery,
): Promise<Page<OutOfServiceView>> {
  const where = ['o.facility_id = ?'];
  const params: unknown[] = [facilityId];
  let subtree = '';
  const subtreeParams: unknown[] = [];
  if (query.compartmentId) {
    subtree = `with recursive subtree as (
        select compartment_id from compartment where compartment_id = ? and facility_id = ?
        union all
        select c.compartment_id from compartment c join subtree s on c.parent_id = s.compartment_id)`;
    subtreeParams.push(query.compartmentId, facilityId);
    where.push(`(o.compartment_id in (select compartment_id from subtree)
      or o.place_id in (select place_id from place where compartment_id in (select compartment_id from subtree)))`);
  }
  if (query.placeId) {
    where.push('o.place_id = ?');
    params.push(query.placeId);
  }
  if (query.asOf) {
    where.push('o.starts_on <= ? and (o.ends_on is null or o.ends_on >= ?)');
    params.push(query.asOf, query.asOf);
  }
  if (query.asOf || query.includeWithdrawn !== true) where.push('o.withdrawn_at is null');
  const filter = `where ${where.join(' and ')}`;
  const [count] = await em.execute<{ total: number }[]>(
    `${subtree} select count(*)::int as total from out_of_service o ${filter}`,
    [...subtreeParams, ...params],
  );
  const items = await em.execute<OutOfServiceView[]>(
    `${subtree} select ${COLUMNS} from out_of_service o ${filter}
      order by o.starts_on, o.recorded_at, o.out_of_service_id limit ? offset ?`,
    [...subtreeParams, ...params, query.limit, query.offset],
  );
  return { items, total: count?.total ?? 0, limit: query.limit, offset: query.offset };
}
