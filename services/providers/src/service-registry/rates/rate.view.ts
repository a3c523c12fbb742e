import { dateRange, type CalendarDate } from '@platform/kernel';
import type { ServiceProductRate as RateSnapshot } from '@platform/contracts';
import { auditView } from '../../shared/audit.js';
import { formatMoney } from '../../shared/money.js';
import type { ServiceProductRateRecord } from './service-product-rate.entity.js';
import type { DatedRate } from './rates.js';

const money = (cents: bigint | null | undefined) => (cents == null ? null : formatMoney(cents));

/** The rate as events carry it: amounts as decimal strings (SVC-2, ARCHITECTURE rule 8). */
export function rateSnapshot(rate: ServiceProductRateRecord): RateSnapshot {
  const period = { effectiveFrom: rate.effectiveFrom, effectiveTo: rate.effectiveTo ?? null };
  return rate.kind === 'fixed'
    ? { rateId: rate.id, kind: 'fixed', amount: formatMoney(rate.fixedCents as bigint), ...period }
    : {
        rateId: rate.id,
        kind: 'range',
        minimum: money(rate.minimumCents),
        maximum: money(rate.maximumCents),
        ...period,
      };
}

export type RateView = ReturnType<typeof rateView>;

/** The rate as the API shows it. */
export function rateView(rate: ServiceProductRateRecord) {
  const { rateId, ...rest } = rateSnapshot(rate);
  return { id: rateId, productId: rate.productId, ...rest, ...auditView(rate) };
}

/** The rate as the SVC-2 rules see it. */
export function datedRate(rate: ServiceProductRateRecord): DatedRate {
  return {
    id: rate.id,
    period: dateRange(
      rate.effectiveFrom as CalendarDate,
      (rate.effectiveTo ?? null) as CalendarDate | null,
    ),
  };
}
