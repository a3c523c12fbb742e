import type { EntityManager } from '@platform/persistence';
import {
  dateRange,
  parseCalendarDate,
  type DateRange,
  type PaymentOptions,
  type RateAmount,
} from '@platform/kernel';
import type { PaymentDirectionChange } from '../domain/payee.js';
import type { DatedRate } from '../domain/rate-periods.js';
import type { LineRecord } from './line-records.js';
import { uniquePairs } from './validation-facts.js';
import { jsonRows } from './sql-values.js';
import { uuidArray } from '../shared/sql-arrays.js';

/** FIN-7/FIN-8/FIN-14 facts for a batch, keyed so each line finds its own in memory. */
export interface PricingFacts {
  /** `${providerId}|${productId}` → utilization-contract, provider-service and product rates. */
  ratesByPair: Map<string, DatedRate[]>;
  /** `${providerId}|${productId}` → the provider's options (PRV-7), null when it set none. */
  providerOptionsByPair: Map<string, { period: DateRange; options: PaymentOptions | null }[]>;
  productOptions: Map<string, PaymentOptions>;
  paymentDirection: Map<string, PaymentDirectionChange[]>;
}

export const pairKey = (providerId: string, productId: string) => `${providerId}|${productId}`;

interface RateRow {
  providerId: string;
  productId: string;
  source: 'utilization-contract' | 'provider-service' | 'product';
  kind: 'fixed' | 'range';
  amount: string | null;
  minimum: string | null;
  maximum: string | null;
  from: string;
  to: string | null;
}

const cents = (value: string | null) => (value === null ? null : BigInt(value));

function rateOf(row: RateRow): RateAmount {
  if (row.kind === 'fixed') return { kind: 'fixed', amount: BigInt(row.amount ?? '0') };
  return { kind: 'range', minimum: cents(row.minimum), maximum: cents(row.maximum) };
}

const period = (from: string, to: string | null) =>
  dateRange(parseCalendarDate(from), to === null ? null : parseCalendarDate(to));

/**
 * Looks up, for the batch's (provider, product) pairs in three set-based queries, every rate that
 * may price a line besides its authorization's (FIN-7: utilization-contract unit rates of the
 * provider's binding contracts, the provider-service rate, the product's rates, each with its own
 * effective period for FIN-9), the payment options in effect (PRV-7/SVC-3) and the providers'
 * payment direction history (PRV-5, FIN-14).
 */
export async function lookupPricingFacts(
  em: EntityManager,
  lines: readonly LineRecord[],
): Promise<PricingFacts> {
  const pairs = jsonRows(uniquePairs(lines));
  const rates = await em.execute<RateRow[]>(
    `select k.provider_id as "providerId", k.product_id as "productId",
            'utilization-contract' as source, 'fixed' as kind, cur.rate_cents::text as amount,
            null as minimum, null as maximum,
            greatest(cur.from_date, cv.period_from)::text as "from",
            least(cur.to_date, coalesce(cv.binding_to, cv.period_to))::text as "to"
       from jsonb_to_recordset(?::jsonb) as k(provider_id uuid, product_id uuid)
       join contract_version cv
         on (cv.provider_id = k.provider_id or cv.bound_provider_ids @> to_jsonb(k.provider_id::text))
        and cv.type = 'utilization' and cv.status in ('active', 'amended', 'terminated')
       join contract_unit_rate cur on cur.contract_id = cv.contract_id
       join provider_service ps
         on ps.provider_service_id = cur.provider_service_id
        and ps.service_product_id = k.product_id
      where greatest(cur.from_date, cv.period_from)
            <= least(cur.to_date, coalesce(cv.binding_to, cv.period_to))
     union all
     select k.provider_id, k.product_id, 'provider-service', ps.rate_kind,
            ps.rate_amount_cents::text, ps.rate_minimum_cents::text, ps.rate_maximum_cents::text,
            ps.from_date::text, ps.to_date::text
       from jsonb_to_recordset(?::jsonb) as k(provider_id uuid, product_id uuid)
       join provider_service ps
         on ps.provider_id = k.provider_id and ps.service_product_id = k.product_id
      where ps.rate_kind is not null and ps.status in ('approved', 'ended')
     union all
     select k.provider_id, k.product_id, 'product', r.kind, r.amount_cents::text,
            r.minimum_cents::text, r.maximum_cents::text, r.effective_from::text,
            r.effective_to::text
       from jsonb_to_recordset(?::jsonb) as k(provider_id uuid, product_id uuid)
       join service_product_rate r on r.product_id = k.product_id and not r.removed
      order by 1, 2, 3, 8`,
    [pairs, pairs, pairs],
  );
  const ratesByPair = new Map<string, DatedRate[]>();
  for (const row of rates) {
    const key = pairKey(row.providerId, row.productId);
    const list = ratesByPair.get(key) ?? [];
    list.push({ source: row.source, period: period(row.from, row.to), rate: rateOf(row) });
    ratesByPair.set(key, list);
  }

  const providerOptions = await em.execute<
    {
      providerId: string;
      productId: string;
      from: string;
      to: string | null;
      options: PaymentOptions | null;
    }[]
  >(
    `select ps.provider_id as "providerId", ps.service_product_id as "productId",
            ps.from_date::text as "from", ps.to_date::text as "to", ps.payment_options as options
       from jsonb_to_recordset(?::jsonb) as k(provider_id uuid, product_id uuid)
       join provider_service ps
         on ps.provider_id = k.provider_id and ps.service_product_id = k.product_id
      where ps.status in ('approved', 'ended')
      order by ps.from_date desc`,
    [pairs],
  );
  const providerOptionsByPair = new Map<
    string,
    { period: DateRange; options: PaymentOptions | null }[]
  >();
  for (const row of providerOptions) {
    const key = pairKey(row.providerId, row.productId);
    providerOptionsByPair.set(key, [
      ...(providerOptionsByPair.get(key) ?? []),
      { period: period(row.from, row.to), options: row.options },
    ]);
  }

  const products = await em.execute<{ productId: string; options: PaymentOptions }[]>(
    `select product_id as "productId", payment_options as options
       from service_product where product_id = any(?::uuid[])`,
    [uuidArray(lines.map((line) => line.serviceProductId))],
  );
  const directions = await em.execute<
    {
      providerId: string;
      groupId: string;
      affiliationId: string;
      start: string;
      end: string | null;
      effectiveFrom: string;
      paymentsToGroup: boolean;
    }[]
  >(
    `select provider_id as "providerId", group_id as "groupId", affiliation_id as "affiliationId",
            affiliation_start::text as start, affiliation_end::text as "end",
            effective_from::text as "effectiveFrom", payments_to_group as "paymentsToGroup"
       from payment_direction where provider_id = any(?::uuid[])`,
    [uuidArray(lines.map((line) => line.providerId))],
  );
  const paymentDirection = new Map<string, PaymentDirectionChange[]>();
  for (const row of directions) {
    paymentDirection.set(row.providerId, [
      ...(paymentDirection.get(row.providerId) ?? []),
      {
        groupId: row.groupId,
        affiliationId: row.affiliationId,
        affiliation: period(row.start, row.end),
        effectiveFrom: parseCalendarDate(row.effectiveFrom),
        paymentsToGroup: row.paymentsToGroup,
      },
    ]);
  }
  return {
    ratesByPair,
    providerOptionsByPair,
    productOptions: new Map(products.map((row) => [row.productId, row.options])),
    paymentDirection,
  };
}
