import type { Page } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { ListFacilitiesQuery } from './facility.schemas.js';
import type { FacilitySummaryView } from './facility.views.js';
import { auditColumns } from './facility-records.js';
import { containsPattern } from '@platform/persistence';

const SUMMARY_COLUMNS = `
  f.facility_id as "facilityId", f.provider_id as "providerId", f.name,
  f.designated_capacity as "designatedCapacity", f.physical_capacity as "physicalCapacity",
  (select c.compartment_id from compartment c
    where c.facility_id = f.facility_id and c.parent_id is null) as "rootCompartmentId",
  (select count(*)::int from place p
    where p.facility_id = f.facility_id and (p.closed_on is null or p.closed_on > current_date))
    as "placeCount",
  ${auditColumns('f')}`;

/** PLC-1: facilities by provider and name (contains, case-insensitive), by name, with the total. */
export async function listFacilities(
  em: EntityManager,
  query: ListFacilitiesQuery,
): Promise<Page<FacilitySummaryView>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.providerId) {
    where.push('f.provider_id = ?');
    params.push(query.providerId);
  }
  if (query.name) {
    where.push('f.name ilike ?');
    params.push(containsPattern(query.name));
  }
  const filter = where.length ? `where ${where.join(' and ')}` : '';
  const [count] = await em.execute<{ total: number }[]>(
    `select count(*)::int as total from facility f ${filter}`,
    params,
  );
  const items = await em.execute<FacilitySummaryView[]>(
    `select ${SUMMARY_COLUMNS} from facility f ${filter}
      order by f.name, f.facility_id limit ? offset ?`,
    [...params, query.limit, query.offset],
  );
  return { items, total: count?.total ?? 0, limit: query.limit, offset: query.offset };
}

/** One facility's summary (its audit columns for the full view); null: none. */
export async function facilitySummary(
  em: EntityManager,
  facilityId: string,
): Promise<FacilitySummaryView | null> {
  const [row] = await em.execute<FacilitySummaryView[]>(
    `select ${SUMMARY_COLUMNS} from facility f where f.facility_id = ?`,
    [facilityId],
  );
  return row ?? null;
}
