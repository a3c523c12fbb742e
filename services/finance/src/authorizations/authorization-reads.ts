import { formatMoney, type CalendarDate } from '@platform/kernel';
import type { EntityManager } from '@platform/persistence';
import {
  authorizationStatus,
  lineItemUsages,
  type MatchedUnits,
} from '../domain/authorization-units.js';
import type {
  AuthorizationLineItemView,
  AuthorizationView,
  CancellationView,
} from './authorization.views.js';

interface HeaderRow {
  authorizationId: string;
  reference: string;
  case: AuthorizationView['case'];
  from: string;
  to: string;
  createdAt: string;
  createdBy: string;
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
}

interface LineItemRow extends Omit<
  AuthorizationLineItemView,
  'unitsUsed' | 'unitsLeft' | 'status' | 'rate' | 'period' | 'cancellation'
> {
  rateCents: string | null;
  from: string;
  to: string;
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
}

function cancellation(row: {
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
}): CancellationView | null {
  return row.cancelledAt
    ? {
        cancelledAt: row.cancelledAt,
        cancelledBy: row.cancelledBy ?? '',
        reason: row.cancelReason ?? '',
      }
    : null;
}

/**
 * FIN-1 / FIN-2: one authorization with its clients, case and line items, and per line item the
 * units used so far — the sum of accepted invoice line items matched to it, each counted once
 * however many clients it names — with status derived as of `asOf` by the domain's pure rules.
 * Four queries whatever the number of line items.
 */
export async function authorizationView(
  em: EntityManager,
  authorizationId: string,
  asOf: CalendarDate,
): Promise<AuthorizationView | null> {
  const [header] = await em.execute<HeaderRow[]>(
    `select a.authorization_id as "authorizationId", a.reference,
            case when c.case_id is null then null
                 else json_build_object('caseId', c.case_id, 'reference', c.reference,
                                        'status', c.status) end as "case",
            a.from_date::text as "from", a.to_date::text as "to",
            to_json(a.created_at) #>> '{}' as "createdAt", a.created_by as "createdBy",
            to_json(a.cancelled_at) #>> '{}' as "cancelledAt", a.cancelled_by as "cancelledBy",
            a.cancel_reason as "cancelReason"
     from service_authorization a left join client_case c on c.case_id = a.case_id
     where a.authorization_id = ?`,
    [authorizationId],
  );
  if (!header) return null;
  const clients = await em.execute<AuthorizationView['clients']>(
    `select p.participant_id as "participantId", p.name
     from authorization_client ac join participant p on p.participant_id = ac.client_id
     where ac.authorization_id = ? order by p.name, p.participant_id`,
    [authorizationId],
  );
  const rows = await em.execute<LineItemRow[]>(
    `select line_item_id as "lineItemId", line_number as "lineNumber",
            service_product_id as "serviceProductId", provider_id as "providerId", units,
            rate_cents::text as "rateCents", nominee_id as "nomineeId",
            from_date::text as "from", to_date::text as "to",
            to_json(cancelled_at) #>> '{}' as "cancelledAt", cancelled_by as "cancelledBy",
            cancel_reason as "cancelReason"
     from authorization_line_item where authorization_id = ? order by line_number`,
    [authorizationId],
  );
  // Invoice processing writes the matches; an accepted line item's units count once (FIN-1).
  const matches = await em.execute<MatchedUnits[]>(
    `select il.authorization_line_item_id as "lineItemId", sum(il.units)::int as units
     from invoice_line_item il
     join authorization_line_item li on li.line_item_id = il.authorization_line_item_id
     where li.authorization_id = ? and il.status = 'accepted'
     group by il.authorization_line_item_id`,
    [authorizationId],
  );
  const usages = lineItemUsages(
    rows.map((row) => ({
      lineItemId: row.lineItemId,
      units: row.units,
      period: { start: row.from as CalendarDate, end: row.to as CalendarDate },
      cancelled: row.cancelledAt !== null,
    })),
    matches,
    asOf,
  );
  const lineItems = rows.map((row, index): AuthorizationLineItemView => {
    const usage = usages[index] as (typeof usages)[number];
    return {
      lineItemId: row.lineItemId,
      lineNumber: row.lineNumber,
      serviceProductId: row.serviceProductId,
      providerId: row.providerId,
      units: row.units,
      unitsUsed: usage.unitsUsed,
      unitsLeft: usage.unitsLeft,
      rate: row.rateCents === null ? null : formatMoney(BigInt(row.rateCents)),
      nomineeId: row.nomineeId,
      period: { from: row.from, to: row.to },
      status: usage.status,
      cancellation: cancellation(row),
    };
  });
  return {
    authorizationId: header.authorizationId,
    reference: header.reference,
    case: header.case,
    clients,
    period: { from: header.from, to: header.to },
    status: authorizationStatus(
      usages.map((usage) => usage.status),
      header.cancelledAt !== null,
    ),
    asOf,
    lineItems,
    createdAt: header.createdAt,
    createdBy: header.createdBy,
    cancellation: cancellation(header),
  };
}
