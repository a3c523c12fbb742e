import type { PaymentOptions } from '@platform/contracts';
import type { EntityManager } from '@platform/persistence';
import {
  money,
  rateView,
  type ProviderFactsView,
  type ServiceProductFactsView,
} from './projection-views.js';

// Dates leave Postgres as text ("2026-01-31"): no Date object, so no time zone drift (rule 8).

/** What finance knows of one provider; null when no event has mentioned it. */
export async function providerFacts(
  em: EntityManager,
  providerId: string,
): Promise<ProviderFactsView | null> {
  const [status] = await em.execute<{ name: string | null; status: string }[]>(
    'select name, status from provider_status where provider_id = ?',
    [providerId],
  );
  const history = await em.execute<ProviderFactsView['statusHistory']>(
    `select status, reason, to_json(occurred_at) #>> '{}' as "occurredAt"
     from provider_status_change where provider_id = ? order by occurred_at, event_id`,
    [providerId],
  );
  const services = await em.execute<
    (Omit<ProviderFactsView['services'][number], 'rate'> & {
      kind: string | null;
      amount: string | null;
      minimum: string | null;
      maximum: string | null;
    })[]
  >(
    `select provider_service_id as "providerServiceId", service_product_id as "serviceProductId",
            status, from_date::text as "from", to_date::text as "to",
            approved_on::text as "approvedOn", rate_kind as kind, rate_amount_cents::text as amount,
            rate_minimum_cents::text as minimum, rate_maximum_cents::text as maximum,
            place_limit as "placeLimit", payment_options as "paymentOptions"
     from provider_service where provider_id = ? order by from_date, provider_service_id`,
    [providerId],
  );
  const paymentDirections = await em.execute<ProviderFactsView['paymentDirections']>(
    `select affiliation_id as "affiliationId", group_id as "groupId",
            effective_from::text as "effectiveFrom", payments_to_group as "paymentsToGroup",
            affiliation_start::text as "affiliationStart", affiliation_end::text as "affiliationEnd"
     from payment_direction where provider_id = ? order by effective_from, affiliation_id`,
    [providerId],
  );
  const contracts = await contractsOf(em, providerId);
  if (
    !status &&
    !history.length &&
    !services.length &&
    !paymentDirections.length &&
    !contracts.length
  ) {
    return null;
  }
  return {
    providerId,
    name: status?.name ?? null,
    status: status?.status ?? null,
    statusHistory: history,
    services: services.map(({ kind, amount, minimum, maximum, ...service }) => ({
      ...service,
      rate: rateView({ kind, amount, minimum, maximum }),
      paymentOptions: (service.paymentOptions as PaymentOptions | null) ?? null,
    })),
    paymentDirections,
    contracts,
  };
}

async function contractsOf(
  em: EntityManager,
  providerId: string,
): Promise<ProviderFactsView['contracts']> {
  const versions = await em.execute<
    (Omit<ProviderFactsView['contracts'][number], 'period' | 'unitRates' | 'fixedFeePeriods'> & {
      periodFrom: string;
      periodTo: string;
    })[]
  >(
    `select contract_id as "contractId", contract_number as "contractNumber", version, type,
            status, period_from::text as "periodFrom", period_to::text as "periodTo",
            binding_to::text as "bindingTo", provider_service_ids as "providerServiceIds"
     from contract_version
     where provider_id = ? or bound_provider_ids @> to_jsonb(?::text)
     order by contract_number, version`,
    [providerId, providerId],
  );
  if (versions.length === 0) return [];
  const ids = versions.map((version) => version.contractId);
  const rates = await em.execute<
    { contractId: string; providerServiceId: string; from: string; to: string; rate: string }[]
  >(
    `select contract_id as "contractId", provider_service_id as "providerServiceId",
            from_date::text as "from", to_date::text as "to", rate_cents::text as rate
     from contract_unit_rate where contract_id = any(?::uuid[])
     order by from_date, provider_service_id`,
    [`{${ids.join(',')}}`],
  );
  const periods = await em.execute<
    { contractId: string; from: string; to: string; amount: string; status: string }[]
  >(
    `select contract_id as "contractId", from_date::text as "from", to_date::text as "to",
            amount_cents::text as amount, status
     from contract_fixed_fee_period where contract_id = any(?::uuid[]) order by from_date`,
    [`{${ids.join(',')}}`],
  );
  return versions.map(({ periodFrom, periodTo, ...version }) => ({
    ...version,
    period: { from: periodFrom, to: periodTo },
    unitRates: rates
      .filter((rate) => rate.contractId === version.contractId)
      .map(({ contractId: _, rate, ...rest }) => ({ ...rest, rate: money(rate) as string })),
    fixedFeePeriods: periods
      .filter((period) => period.contractId === version.contractId)
      .map(({ contractId: _, amount, ...rest }) => ({ ...rest, amount: money(amount) as string })),
  }));
}

/** What finance knows of one product; null when no event has registered it. */
export async function serviceProductFacts(
  em: EntityManager,
  productId: string,
): Promise<ServiceProductFactsView | null> {
  const [product] = await em.execute<Omit<ServiceProductFactsView, 'productId' | 'rates'>[]>(
    `select name, unit_of_measure as "unitOfMeasure", payment_channels as "paymentChannels",
            pay_based_on_attendance as "payBasedOnAttendance",
            pay_based_on_placement as "payBasedOnPlacement", payment_options as "paymentOptions"
     from service_product where product_id = ?`,
    [productId],
  );
  if (!product) return null;
  const rates = await em.execute<
    {
      rateId: string;
      kind: string;
      amount: string | null;
      minimum: string | null;
      maximum: string | null;
      effectiveFrom: string;
      effectiveTo: string | null;
    }[]
  >(
    `select rate_id as "rateId", kind, amount_cents::text as amount,
            minimum_cents::text as minimum, maximum_cents::text as maximum,
            effective_from::text as "effectiveFrom", effective_to::text as "effectiveTo"
     from service_product_rate where product_id = ? and not removed
     order by effective_from, rate_id`,
    [productId],
  );
  return {
    productId,
    ...product,
    rates: rates.map(({ rateId, effectiveFrom, effectiveTo, ...money }) => ({
      rateId,
      effectiveFrom,
      effectiveTo,
      ...(rateView(money) as NonNullable<ReturnType<typeof rateView>>),
    })),
  };
}
