import type { RateAmount } from '@platform/kernel';

/** Where a rate came from (FIN-7); recorded with each payment and adjustment to explain it. */
export type RateSource =
  'authorization-line-item' | 'placement' | 'utilization-contract' | 'provider-service' | 'product';

/** What is being paid: the channel decides the top of the precedence (FIN-7). */
export type PaymentChannel = 'invoice' | 'roster' | 'placement';

/**
 * FIN-7, highest first. Invoices and rosters: authorization line-item rate > utilization-contract
 * rate > provider-service rate > product rate. Placements: placement rate > utilization-contract
 * rate > provider-service rate > product rate. Rosters carry no rates of their own (FIN-9), so
 * they resolve exactly as invoices do.
 */
export const RATE_PRECEDENCE: Readonly<Record<PaymentChannel, readonly RateSource[]>> = {
  invoice: ['authorization-line-item', 'utilization-contract', 'provider-service', 'product'],
  roster: ['authorization-line-item', 'utilization-contract', 'provider-service', 'product'],
  placement: ['placement', 'utilization-contract', 'provider-service', 'product'],
};

/** The rates known for one line item on one day, by source; absent or null = not set. */
export type RateCandidates = Partial<Record<RateSource, RateAmount | null>>;

export interface ApplicableRate {
  source: RateSource;
  rate: RateAmount;
}

/**
 * FIN-7: the rate that applies — the first source in the channel's precedence that has one — and
 * which source it was, or null when no rate is set at all (the line cannot be priced). A source
 * outside the channel's precedence (an authorization rate on a placement) is ignored.
 */
export function applicableRate(
  channel: PaymentChannel,
  candidates: RateCandidates,
): ApplicableRate | null {
  for (const source of RATE_PRECEDENCE[channel]) {
    const rate = candidates[source];
    if (rate) return { source, rate };
  }
  return null;
}

/** FIN-7: the precedence of a source for a channel, 0 = highest; null when it does not apply. */
export function ratePrecedence(channel: PaymentChannel, source: RateSource): number | null {
  const index = RATE_PRECEDENCE[channel].indexOf(source);
  return index === -1 ? null : index;
}
