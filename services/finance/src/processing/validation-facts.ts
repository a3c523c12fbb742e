import type { EntityManager } from '@platform/persistence';
import { dateRange, parseCalendarDate, type Cents } from '@platform/kernel';
import type {
  FixedFeeCoverage,
  ServiceApproval,
  ValidationFacts,
} from '../domain/line-validation.js';
import type { AuthorizationCandidate } from '../domain/unit-matching.js';
import type { LineRecord } from './line-records.js';
import { jsonRows } from './sql-values.js';
import { uuidArray } from '../shared/sql-arrays.js';

/** A candidate for matching with what pricing and the payee need of it (FIN-7, FIN-14). */
export interface AuthorizationLineFacts extends AuthorizationCandidate {
  rateCents: Cents | null;
  nomineeId: string | null;
}

const idsOf = (rows: readonly { id: string }[]) => new Set(rows.map((row) => row.id));

/**
 * FIN-4/FIN-5: everything `validateLines` needs for one batch, one set-based query per fact over
 * the batch's distinct ids (the doc comment of ValidationFacts). The candidate authorization line
 * items are locked (`for update`, by id) before their units used are summed, so two submissions
 * drawing on the same authorization serialise and cannot both take its last units (FIN-1,
 * ADR 0017).
 */
export async function lookupValidationFacts(
  em: EntityManager,
  lines: readonly LineRecord[],
): Promise<{ facts: ValidationFacts; candidates: Map<string, AuthorizationLineFacts> }> {
  const clientIds = uuidArray(lines.flatMap((line) => line.clientIds));
  const providerIds = uuidArray(lines.map((line) => line.providerId));
  const productIds = uuidArray(lines.map((line) => line.serviceProductId));
  const payeeIds = uuidArray(lines.flatMap((line) => (line.payeeId ? [line.payeeId] : [])));
  const earliest = lines.reduce(
    (min, line) => (line.from < min ? line.from : min),
    lines[0]?.from ?? '',
  );
  const latest = lines.reduce((max, line) => (line.to > max ? line.to : max), lines[0]?.to ?? '');

  // First: once a concurrent submission drawing on the same authorizations has committed, the
  // units used and the duplicates read below include its lines (read committed, per statement).
  const candidates = await lockAuthorizationCandidates(em, clientIds, productIds);
  const registeredClients = idsOf(
    await em.execute<{ id: string }[]>(
      `select participant_id as id from participant
        where kind = 'client' and participant_id = any(?::uuid[])`,
      [clientIds],
    ),
  );
  const registeredProviders = idsOf(
    await em.execute<{ id: string }[]>(
      `select provider_id as id from provider_status
        where provider_id = any(?::uuid[]) and status not in ('rejected', 'closed')`,
      [providerIds],
    ),
  );
  // A payee other than the provider is a nominee, another registered provider, or a group.
  const registeredPayees = idsOf(
    await em.execute<{ id: string }[]>(
      `select participant_id as id from participant
        where kind = 'nominee' and participant_id = any(?::uuid[])
       union
       select provider_id from provider_status
        where provider_id = any(?::uuid[]) and status not in ('rejected', 'closed')
       union
       select group_id from provider_group
        where group_id = any(?::uuid[]) and status <> 'closed'`,
      [payeeIds, payeeIds, payeeIds],
    ),
  );
  const caseIds = uuidArray(lines.flatMap((line) => (line.caseId ? [line.caseId] : [])));
  const openCases = new Map(
    (
      await em.execute<{ caseId: string; from: string; to: string | null }[]>(
        `select case_id as "caseId", opened_on::text as "from", closed_on::text as "to"
           from client_case where case_id = any(?::uuid[])`,
        [caseIds],
      )
    ).map((row) => [
      row.caseId,
      dateRange(parseCalendarDate(row.from), row.to ? parseCalendarDate(row.to) : null),
    ]),
  );
  // SVC-4: products whose pay-by flags leave invoices as a way to pay them.
  const payableProducts = idsOf(
    await em.execute<{ id: string }[]>(
      `select product_id as id from service_product
        where product_id = any(?::uuid[]) and payment_channels @> '["invoice"]'::jsonb`,
      [productIds],
    ),
  );
  const pairs = uniquePairs(lines);
  const approvals: ServiceApproval[] = (
    await em.execute<{ providerId: string; serviceId: string; from: string; to: string | null }[]>(
      `select ps.provider_id as "providerId", ps.service_product_id as "serviceId",
              ps.from_date::text as "from", ps.to_date::text as "to"
         from provider_service ps
         join jsonb_to_recordset(?::jsonb) as k(provider_id uuid, product_id uuid)
           on k.provider_id = ps.provider_id and k.product_id = ps.service_product_id
        where ps.status in ('approved', 'ended')`,
      [jsonRows(pairs)],
    )
  ).map((row) => ({
    providerId: row.providerId,
    serviceId: row.serviceId,
    period: dateRange(parseCalendarDate(row.from), row.to ? parseCalendarDate(row.to) : null),
  }));
  const alreadyBilled = await lookupAlreadyBilled(em, lines);
  const fixedFeeCoverage: FixedFeeCoverage[] = (
    await em.execute<
      { contractId: string; providerId: string; serviceIds: string[]; from: string; to: string }[]
    >(
      `select cv.contract_id as "contractId", p.provider_id::text as "providerId",
              cv.period_from::text as "from", coalesce(cv.binding_to, cv.period_to)::text as "to",
              coalesce((select array_agg(distinct ps.service_product_id::text)
                          from provider_service ps
                         where ps.provider_service_id::text in
                               (select jsonb_array_elements_text(cv.provider_service_ids))),
                       '{}') as "serviceIds"
         from contract_version cv
         join unnest(?::uuid[]) as p(provider_id)
           on cv.provider_id = p.provider_id
           or cv.bound_provider_ids @> to_jsonb(p.provider_id::text)
        where cv.type = 'fixed-fee' and cv.status in ('active', 'amended', 'terminated')
          and coalesce(cv.binding_to, cv.period_to) >= cv.period_from
          and cv.period_from <= ?::date and coalesce(cv.binding_to, cv.period_to) >= ?::date`,
      [providerIds, latest, earliest],
    )
  ).map((row) => ({
    contractId: row.contractId,
    providerId: row.providerId,
    serviceIds: row.serviceIds,
    period: dateRange(parseCalendarDate(row.from), parseCalendarDate(row.to)),
  }));
  return {
    facts: {
      registeredClients,
      registeredProviders,
      registeredPayees,
      openCases,
      approvals,
      alreadyBilled,
      fixedFeeCoverage,
      authorizationLineItems: [...candidates.values()],
      payableProducts,
    },
    candidates,
  };
}

/** The batch's distinct (provider, product) pairs, as rows for `jsonb_to_recordset`. */
export function uniquePairs(lines: readonly LineRecord[]) {
  const seen = new Map<string, { provider_id: string; product_id: string }>();
  for (const line of lines) {
    seen.set(`${line.providerId}|${line.serviceProductId}`, {
      provider_id: line.providerId,
      product_id: line.serviceProductId,
    });
  }
  return [...seen.values()];
}

/**
 * FIN-4 duplicates: batch line → an earlier processed line (accepted, in exception or stopped;
 * never a denied or draft one) with the same natural key (`duplicateKey`): provider, service,
 * clients, period, units and billed amount. Duplicates within the batch are the domain's job.
 */
async function lookupAlreadyBilled(
  em: EntityManager,
  lines: readonly LineRecord[],
): Promise<Map<string, string>> {
  const keys = lines.map((line) => ({
    line_item_id: line.lineItemId,
    provider_id: line.providerId,
    product_id: line.serviceProductId,
    from_date: line.from,
    to_date: line.to,
    units: line.units,
    amount: line.unitAmountCents,
    clients: line.clientIds.join(','),
    first_client: line.clientIds[0],
  }));
  // Candidates come from one of the line's clients first (materialised, so the planner cannot
  // fold it back into a join on the natural key): on a day a provider bills hundreds of clients
  // the same service, comparing every line of that day's client list was the slowest query of a
  // large invoice (bench/invoice-processing.mjs).
  const rows = await em.execute<{ lineItemId: string; otherId: string }[]>(
    `with k as materialized (
       select * from jsonb_to_recordset(?::jsonb) as k(line_item_id uuid, provider_id uuid,
              product_id uuid, from_date date, to_date date, units int, amount bigint, clients text,
              first_client uuid)
     ), same_client as materialized (
       select k.*, oc.line_item_id as other_id
         from k join invoice_line_client oc on oc.client_id = k.first_client
        where oc.line_item_id <> k.line_item_id
     )
     select distinct on (c.line_item_id) c.line_item_id as "lineItemId",
            o.line_item_id as "otherId"
       from same_client c
       join invoice_line_item o
         on o.line_item_id = c.other_id
        and o.provider_id = c.provider_id and o.service_product_id = c.product_id
        and o.from_date = c.from_date and o.to_date = c.to_date and o.units = c.units
        and o.unit_amount_cents is not distinct from c.amount
        and o.status in ('accepted', 'exception', 'stopped')
      where coalesce((select string_agg(x.client_id::text, ',' order by x.client_id::text collate "C")
                        from invoice_line_client x where x.line_item_id = o.line_item_id), '')
            = c.clients
      order by c.line_item_id, o.processed_at nulls last, o.line_item_id`,
    [jsonRows(keys)],
  );
  return new Map(rows.map((row) => [row.lineItemId, row.otherId]));
}

/**
 * FIN-1/FIN-4: the authorization line items the batch may match — of authorizations naming any
 * batch client, for any batch service, neither cancelled (FIN-2) — locked first, then read with
 * their units used (the accepted lines matched to them).
 */
async function lockAuthorizationCandidates(
  em: EntityManager,
  clientIds: string,
  productIds: string,
): Promise<Map<string, AuthorizationLineFacts>> {
  const scope = `from authorization_line_item ali
       join service_authorization sa on sa.authorization_id = ali.authorization_id
      where ali.service_product_id = any(?::uuid[])
        and ali.cancelled_at is null and sa.cancelled_at is null
        and exists (select 1 from authorization_client ac
                     where ac.authorization_id = ali.authorization_id
                       and ac.client_id = any(?::uuid[]))`;
  const locked = await em.execute<{ id: string }[]>(
    `select ali.line_item_id as id ${scope} order by ali.line_item_id for update of ali`,
    [productIds, clientIds],
  );
  if (locked.length === 0) return new Map();
  const rows = await em.execute<
    {
      lineItemId: string;
      authorizationId: string;
      serviceId: string;
      providerId: string | null;
      units: number | null;
      unitsUsed: string;
      rateCents: string | null;
      nomineeId: string | null;
      from: string;
      to: string;
      clientIds: string[];
    }[]
  >(
    `select ali.line_item_id as "lineItemId", ali.authorization_id as "authorizationId",
            ali.service_product_id as "serviceId", ali.provider_id as "providerId", ali.units,
            ali.rate_cents::text as "rateCents", ali.nominee_id as "nomineeId",
            ali.from_date::text as "from", ali.to_date::text as "to",
            (select coalesce(sum(il.units), 0)::text from invoice_line_item il
              where il.authorization_line_item_id = ali.line_item_id
                and il.status = 'accepted') as "unitsUsed",
            (select array_agg(ac.client_id::text) from authorization_client ac
              where ac.authorization_id = ali.authorization_id) as "clientIds"
       from authorization_line_item ali
      where ali.line_item_id = any(?::uuid[])`,
    [uuidArray(locked.map((row) => row.id))],
  );
  return new Map(
    rows.map((row) => [
      row.lineItemId,
      {
        authorizationId: row.authorizationId,
        lineItemId: row.lineItemId,
        serviceId: row.serviceId,
        providerId: row.providerId,
        clientIds: row.clientIds,
        period: dateRange(parseCalendarDate(row.from), parseCalendarDate(row.to)),
        units: row.units,
        unitsUsed: Number(row.unitsUsed),
        cancelled: false,
        rateCents: row.rateCents === null ? null : BigInt(row.rateCents),
        nomineeId: row.nomineeId,
      },
    ]),
  );
}
