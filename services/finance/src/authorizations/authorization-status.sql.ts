/**
 * FIN-2 statuses are derived, never stored: they change as invoice lines are accepted and as days
 * pass. To filter a list by status and still page it with a right `total`, the status has to be
 * known by the database before `limit`/`offset` apply — computing it in TypeScript after paging
 * would drop rows from a page and miscount the total. So this CTE derives it in SQL, set-based,
 * for just the authorizations the other filters kept (`candidates`), and mirrors the pure rules
 * in src/domain/authorization-units.ts clause by clause:
 *
 * - `line_usage`: FIN-1 units used = sum of accepted invoice line items matched to the line item,
 *   each counted once however many clients it names (`unitsUsedByLineItem`);
 * - `line_status`: cancelled → complete (ended: as-of day after its end, or all units used) →
 *   in-progress (some used) → open (`lineItemStatus`);
 * - `authorization_status`: cancelled when deleted; open with no line items; cancelled when all
 *   are cancelled; else over the live ones: all open → open, all complete → complete, else
 *   in-progress (`authorizationStatus`).
 *
 * test/authorizations.spec.ts checks that the list's status agrees with the one GET derives
 * through the pure functions, on the same rows, for every status.
 *
 * Parameters, in order: whatever `candidates` binds, then the as-of day.
 */
export function authorizationStatusCte(candidates: string): string {
  return `
  with candidates as (${candidates}),
  line_usage as (
    select li.authorization_id, li.line_item_id, li.units, li.to_date, li.cancelled_at,
           coalesce(sum(il.units), 0) as used
    from authorization_line_item li
    join candidates c on c.authorization_id = li.authorization_id
    left join invoice_line_item il
      on il.authorization_line_item_id = li.line_item_id and il.status = 'accepted'
    group by li.line_item_id
  ),
  line_status as (
    select authorization_id, line_item_id,
           case when cancelled_at is not null then 'cancelled'
                when ?::date > to_date or (units is not null and used >= units) then 'complete'
                when used > 0 then 'in-progress'
                else 'open' end as status
    from line_usage
  ),
  authorization_status as (
    select a.authorization_id,
           case when a.cancelled_at is not null then 'cancelled'
                when count(ls.line_item_id) = 0 then 'open'
                when count(ls.line_item_id) filter (where ls.status <> 'cancelled') = 0
                  then 'cancelled'
                when bool_and(ls.status = 'open') filter (where ls.status <> 'cancelled')
                  then 'open'
                when bool_and(ls.status = 'complete') filter (where ls.status <> 'cancelled')
                  then 'complete'
                else 'in-progress' end as status
    from candidates c
    join service_authorization a on a.authorization_id = c.authorization_id
    left join line_status ls on ls.authorization_id = a.authorization_id
    group by a.authorization_id
  )`;
}
