import type { Page } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { ListPlacesQuery } from './place.schemas.js';
import type { PlaceView } from './facility.views.js';
import { isoTime } from './facility-records.js';
import { containsPattern } from '@platform/persistence';

const PLACE_COLUMNS = `
  p.place_id as "placeId", p.facility_id as "facilityId",
  p.compartment_id as "compartmentId", c.name as "compartmentName", p.name,
  p.emergency, to_char(p.closed_on, 'YYYY-MM-DD') as "closedOn",
  p.created_by as "createdBy", ${isoTime('p.created_at')} as "createdAt"
  from place p join compartment c on c.compartment_id = p.compartment_id`;

/** The facility's places of these names (unique in a facility), by name. */
export function placesNamed(
  em: EntityManager,
  facilityId: string,
  names: readonly string[],
): Promise<PlaceView[]> {
  return em.execute<PlaceView[]>(
    `select ${PLACE_COLUMNS}
      where p.facility_id = ? and p.name in (select jsonb_array_elements_text(?::jsonb))
      order by p.name, p.place_id`,
    [facilityId, JSON.stringify(names)],
  );
}

/**
 * PLC-1: a facility's places, by compartment (and every compartment below it, one recursive
 * query) and name (contains, case-insensitive), by name, with the total.
 */
export async function listPlaces(
  em: EntityManager,
  facilityId: string,
  query: ListPlacesQuery,
): Promise<Page<PlaceView>> {
  const where = ['p.facility_id = ?'];
  const params: unknown[] = [facilityId];
  let subtree = '';
  if (query.compartmentId) {
    subtree = `with recursive subtree as (
        select compartment_id from compartment where compartment_id = ? and facility_id = ?
        union all
        select c.compartment_id from compartment c join subtree s on c.parent_id = s.compartment_id)`;
    where.push('p.compartment_id in (select compartment_id from subtree)');
  }
  const subtreeParams = query.compartmentId ? [query.compartmentId, facilityId] : [];
  if (query.name) {
    where.push('p.name ilike ?');
    params.push(containsPattern(query.name));
  }
  const filter = `where ${where.join(' and ')}`;
  const [count] = await em.execute<{ total: number }[]>(
    `${subtree} select count(*)::int as total from place p ${filter}`,
    [...subtreeParams, ...params],
  );
  const items = await em.execute<PlaceView[]>(
    `${subtree} select ${PLACE_COLUMNS} ${filter}
      order by p.name, p.place_id limit ? offset ?`,
    [...subtreeParams, ...params, query.limit, query.offset],
  );
  return { items, total: count?.total ?? 0, limit: query.limit, offset: query.offset };
}
