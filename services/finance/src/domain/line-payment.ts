import type { Cents } from '@platform/kernel';
import {
  payUnits,
  type Adjustment,
  type PaidUnits,
  type PaymentFailureCode,
  type PaymentOptionsInEffect,
} from './payment-options.js';
import type { ApplicableRate, PaymentChannel } from './rate-precedence.js';
import {
  apportionUnits,
  rateSegments,
  type DatedRate,
  type ServicePeriod,
} from './rate-periods.js';
import type { RuleFailure } from './rule-failure.js';

/** Everything needed to price one line item (invoice, roster or placement), already looked up. */
export interface LineToPrice {
  lineId: string;
  channel: PaymentChannel;
  servicePeriod: ServicePeriod;
  units: number;
  /** Billed per unit; null for rosters and placements, which carry no rates (FIN-9). */
  billedUnitAmount: Cents | null;
  /** Every dated rate of every source that may apply to the line (FIN-7, FIN-9). */
  rates: readonly DatedRate[];
  options: PaymentOptionsInEffect;
}

/** One run of days at one rate, with what it pays. */
export interface PricedPart extends PaidUnits {
  period: ServicePeriod;
  days: number;
  rate: ApplicableRate;
}

export interface PricedLine {
  lineId: string;
  parts: PricedPart[];
  billedAmount: Cents;
  paidAmount: Cents;
  /** FIN-8: one per part whose paid amount differs from its billed amount. */
  adjustments: Adjustment[];
}

export type PricingFailureCode = 'no-rate-for-days' | PaymentFailureCode;

export type PricingOutcome =
  | { ok: true; line: PricedLine }
  | { ok: false; lineId: string; failures: RuleFailure<PricingFailureCode>[] };

/**
 * FIN-7 + FIN-8 + FIN-9 for one line item: split the service period by effective rates, spread the
 * units over the runs (`apportionUnits`), pay each run by the payment options, and total it. Every
 * reason it cannot be priced is returned, not only the first.
 */
export function priceLine(line: LineToPrice): PricingOutcome {
  const segments = rateSegments(line.channel, line.servicePeriod, line.rates);
  const unitsPerSegment = apportionUnits(
    line.units,
    segments.map((segment) => segment.days),
  );
  const failures: RuleFailure<PricingFailureCode>[] = [];
  const parts: PricedPart[] = [];
  segments.forEach((segment, index) => {
    const { applicable, period, days } = segment;
    if (applicable === null) {
      failures.push({
        code: 'no-rate-for-days',
        rule: 'FIN-7',
        message: `no rate from any source is effective ${period.start} to ${period.end}`,
      });
      return;
    }
    const outcome = payUnits({
      units: unitsPerSegment[index] ?? 0,
      billedUnitAmount: line.billedUnitAmount,
      rate: applicable,
      options: line.options,
    });
    if (outcome.ok) parts.push({ ...outcome.payment, period, days, rate: applicable });
    else failures.push(outcome.failure);
  });
  if (failures.length > 0) return { ok: false, lineId: line.lineId, failures };
  const sum = (pick: (part: PricedPart) => Cents) =>
    parts.reduce((total, part) => total + pick(part), 0n);
  return {
    ok: true,
    line: {
      lineId: line.lineId,
      parts,
      billedAmount: sum((part) => part.billedAmount),
      paidAmount: sum((part) => part.paidAmount),
      adjustments: parts.flatMap((part) => (part.adjustment ? [part.adjustment] : [])),
    },
  };
}

/** Prices many line items at once: one pure pass, so a batch of thousands needs no I/O here. */
export function priceLines(lines: readonly LineToPrice[]): PricingOutcome[] {
  return lines.map(priceLine);
}
