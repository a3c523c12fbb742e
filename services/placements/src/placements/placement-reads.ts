import type { Actor } from '@platform/contracts';
import type { Page } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { ListPlacementsQuery } from './placement.schemas.js';
import type { PlacementDetailView, PlacementView } from './placement.views.js';
import { dayText } from '../shared/sql-columns.js';

const AT = (column: string) => `to_json(${column}) #>> '{}'`;

/** The view's columns over `placement p join place pl`. */
const COLUMNS = `
  p.placement_id as "placementId", p.provider_id as "providerId", p.facility_id as "facilityId",
  p.place_id as "placeId", pl.name as "placeName", pl.compartment_id as "compartmentId",
  p.client_id as "clientId", p.client, ${dayText('p.starts_on')} as "from", ${dayText('p.ends_on')} as "to",
  p.state, p.end_reason as "endReason", p.emergency,
  p.provider_service_id as "providerServiceId", p.service_product_id as "serviceProductId",
  p.contract_id as "contractId", p.reservation_id as "reservationId",
  p.waitlist_entry_id as "waitlistEntryId", p.transferred_from as "transferredFrom",
  p.created_by as "createdBy", ${AT('p.created_at')} as "createdAt",
  p.updated_by as "updatedBy", ${AT('p.updated_at')} as "updatedAt"`;

type Row = Omit<PlacementView, 'period'> & { from: string; to: string | null };

function toView({ from, to, ...row }: Row): PlacementView {
  return { ...row, period: { from, to } };
}

/**
 * ROLE: a facility manager (and nothing more) sees only the placements of the providers assigned
 * to them; every other reader sees all.
 */
function facilityManagerScope(actor: Actor): { sql: string; params: unknown[] } | null {
  if (actor.roles.some((role) => role !== 'facility-manager')) return null;
  return {
    sql: 'p.provider_id in (select provider_id from facility_manager_assignment where user_id = ?)',
    params: [actor.userId],
  };
}

/** Placements by facility, provider, client, place, state, active day and emergency, paged. */
export async function listPlacements(
  em: EntityManager,
  query: ListPlacementsQuery,
  actor: Actor,
): Promise<Page<PlacementView>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const filter = (sql: string, value: unknown): void => {
    where.push(sql);
    params.push(value);
  };
  if (query.facilityId) filter('p.facility_id = ?', query.facilityId);
  if (query.providerId) filter('p.provider_id = ?', query.providerId);
  if (query.clientId) filter('p.client_id = ?', query.clientId);
  if (query.placeId) filter('p.place_id = ?', query.placeId);
  if (query.state) filter('p.state = ?', query.state);
  if (query.emergency !== undefined) filter('p.emergency = ?', query.emergency);
  if (query.activeOn) {
    where.push('p.starts_on <= ?::date and (p.ends_on is null or p.ends_on >= ?::date)');
    params.push(query.activeOn, query.activeOn);
  }
  const scope = facilityManagerScope(actor);
  if (scope) {
    where.push(scope.sql);
    params.push(...scope.params);
  }
  const clause = where.length > 0 ? `where ${where.join(' and ')}` : '';
  const [count] = await em.execute<{ total: string }[]>(
    `select count(*)::text as total from placement p ${clause}`,
    params,
  );
  const rows = await em.execute<Row[]>(
    `select ${COLUMNS} from placement p join place pl on pl.place_id = p.place_id ${clause}
      order by p.starts_on desc, p.created_at desc, p.placement_id
      limit ? offset ?`,
    [...params, query.limit, query.offset],
  );
  return {
    items: rows.map(toView),
    total: Number(count?.total ?? 0),
    limit: query.limit,
    offset: query.offset,
  };
}

export async function placementView(
  em: EntityManager,
  placementId: string,
): Promise<PlacementView | null> {
  const [row] = await em.execute<Row[]>(
    `select ${COLUMNS} from placement p join place pl on pl.place_id = p.place_id
      where p.placement_id = ?`,
    [placementId],
  );
  return row ? toView(row) : null;
}

/**
 * PLC-7: the placement with the chain of placements it continues (transferred_from, walked back
 * in one recursive query) and the one continuing it, if any.
 */
export async function placementDetailView(
  em: EntityManager,
  placementId: string,
): Promise<PlacementDetailView | null> {
  const placement = await placementView(em, placementId);
  if (!placement) return null;
  const history = await em.execute<(Row & { depth: number })[]>(
    `with recursive chain (placement_id, transferred_from, depth) as (
       select placement_id, transferred_from, 0 from placement where placement_id = ?
       union all
       select earlier.placement_id, earlier.transferred_from, chain.depth + 1
         from placement earlier join chain on earlier.placement_id = chain.transferred_from
     )
     select ${COLUMNS}, chain.depth
       from chain join placement p on p.placement_id = chain.placement_id
       join place pl on pl.place_id = p.place_id
      where chain.depth > 0
      order by chain.depth desc`,
    [placementId],
  );
  const [next] = await em.execute<{ placementId: string }[]>(
    'select placement_id as "placementId" from placement where transferred_from = ?',
    [placementId],
  );
  return {
    ...placement,
    history: history.map(({ depth: _depth, ...row }) => toView(row)),
    continuedBy: next?.placementId ?? null,
  };
}
