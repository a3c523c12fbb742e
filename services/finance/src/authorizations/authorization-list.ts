import type { CalendarDate } from '@platform/kernel';
import type { Page } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { ListAuthorizationsQuery } from './authorization.schemas.js';
import { authorizationStatusCte } from './authorization-status.sql.js';
import type { AuthorizationSummaryView } from './authorization.views.js';

/** The filters other than status, as the `candidates` of the status CTE. */
function candidates(query: ListAuthorizationsQuery): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.clientId) {
    where.push(
      'exists (select 1 from authorization_client f where f.authorization_id = a.authorization_id and f.client_id = ?)',
    );
    params.push(query.clientId);
  }
  if (query.caseId) {
    where.push('a.case_id = ?');
    params.push(query.caseId);
  }
  if (query.providerId) {
    // FIN-1: a line item with no provider may be delivered by any registered provider.
    where.push(
      `exists (select 1 from authorization_line_item f where f.authorization_id = a.authorization_id
               and (f.provider_id = ? or f.provider_id is null))`,
    );
    params.push(query.providerId);
  }
  if (query.serviceProductId) {
    where.push(
      'exists (select 1 from authorization_line_item f where f.authorization_id = a.authorization_id and f.service_product_id = ?)',
    );
    params.push(query.serviceProductId);
  }
  if (query.activeOn) {
    where.push('?::date between a.from_date and a.to_date');
    params.push(query.activeOn);
  }
  const filter = where.length ? `where ${where.join(' and ')}` : '';
  return { sql: `select a.authorization_id from service_authorization a ${filter}`, params };
}

/**
 * Authorizations by client, case, provider, service, active day and derived status (FIN-2), paged
 * with the total — two queries over the same CTE, whatever the page size.
 */
export async function listAuthorizations(
  em: EntityManager,
  query: ListAuthorizationsQuery,
  asOf: CalendarDate,
): Promise<Page<AuthorizationSummaryView>> {
  const { sql, params } = candidates(query);
  const cte = authorizationStatusCte(sql);
  const statusFilter = query.status ? 'where s.status = ?' : '';
  const bound = [...params, asOf, ...(query.status ? [query.status] : [])];
  const [count] = await em.execute<{ total: string }[]>(
    `${cte} select count(*)::text as total from authorization_status s ${statusFilter}`,
    bound,
  );
  const rows = await em.execute<
    (Omit<AuthorizationSummaryView, 'period'> & { from: string; to: string })[]
  >(
    `${cte}
     select a.authorization_id as "authorizationId", a.reference, a.case_id as "caseId",
            array(select ac.client_id::text from authorization_client ac
                  where ac.authorization_id = a.authorization_id order by ac.client_id)
              as "clientIds",
            a.from_date::text as "from", a.to_date::text as "to", s.status,
            (select count(*)::int from authorization_line_item li
             where li.authorization_id = a.authorization_id) as "lineItemCount",
            to_json(a.created_at) #>> '{}' as "createdAt", a.created_by as "createdBy",
            to_json(a.cancelled_at) #>> '{}' as "cancelledAt"
     from authorization_status s
     join service_authorization a on a.authorization_id = s.authorization_id
     ${statusFilter}
     order by a.created_at desc, a.reference desc
     limit ? offset ?`,
    [...bound, query.limit, query.offset],
  );
  return {
    items: rows.map(({ from, to, ...row }) => ({ ...row, period: { from, to } })),
    total: Number(count?.total ?? 0),
    limit: query.limit,
    offset: query.offset,
  };
}
