import {
  formatMoney,
  formatSignedMoney,
  unitPayment,
  type AdjustmentReason,
  type Cents,
  type PaymentOption,
  type PaymentOptions,
  type RateAmount,
} from '@platform/kernel';
import type { ApplicableRate } from './rate-precedence.js';
import type { RuleFailure } from './rule-failure.js';

/** Whose payment options decided (PRV-7), recorded with the adjustment. */
export type PaymentOptionsOwner = 'provider' | 'product';

export interface PaymentOptionsInEffect {
  options: PaymentOptions;
  from: PaymentOptionsOwner;
}

/**
 * PRV-7: the provider's payment options (set on its provider service) override the product's as
 * a whole — the provider record holds a complete set or none (null), as the events carry it.
 */
export function paymentOptionsInEffect(
  product: PaymentOptions,
  provider: PaymentOptions | null,
): PaymentOptionsInEffect {
  return provider ? { options: provider, from: 'provider' } : { options: product, from: 'product' };
}

/**
 * FIN-8: a difference between paid and billed, with why: the rule, the SVC-3 case, the option
 * that decided and whose it was, and the rate source (FIN-7). `difference` is paid − billed
 * (negative when less is paid).
 */
export interface Adjustment {
  rule: 'FIN-8';
  reason: AdjustmentReason;
  option: PaymentOption;
  optionsFrom: PaymentOptionsOwner;
  rateSource: ApplicableRate['source'];
  units: number;
  billedUnitAmount: Cents;
  paidUnitAmount: Cents;
  billedAmount: Cents;
  paidAmount: Cents;
  difference: Cents;
  explanation: string;
}

export interface UnitsToPay {
  units: number;
  /** What the provider billed per unit; null when the line carries no amount (rosters, FIN-9). */
  billedUnitAmount: Cents | null;
  rate: ApplicableRate;
  options: PaymentOptionsInEffect;
}

export interface PaidUnits {
  units: number;
  paidUnitAmount: Cents;
  billedAmount: Cents;
  paidAmount: Cents;
  /** Present exactly when paid ≠ billed (ARCHITECTURE rule 8: every difference records why). */
  adjustment: Adjustment | null;
}

export type PaymentFailureCode = 'range-rate-without-billed-amount';

export type PaymentOutcome =
  { ok: true; payment: PaidUnits } | { ok: false; failure: RuleFailure<PaymentFailureCode> };

function describeRate(rate: RateAmount): string {
  if (rate.kind === 'fixed') return `the fixed rate ${formatMoney(rate.amount)}`;
  const min = rate.minimum === null ? null : `minimum ${formatMoney(rate.minimum)}`;
  const max = rate.maximum === null ? null : `maximum ${formatMoney(rate.maximum)}`;
  return `the range rate (${[min, max].filter(Boolean).join(', ')})`;
}

/**
 * FIN-8 with SVC-3/PRV-7: what `units` units are paid, and the adjustment when that differs from
 * what was billed. Amounts are exact cents: units × unit amount, no rounding anywhere.
 * A line with no billed amount (a roster, FIN-9) is paid the fixed rate as it stands; a range rate
 * names no amount to pay, so such a line cannot be priced and fails with the reason.
 */
export function payUnits(input: UnitsToPay): PaymentOutcome {
  const { units, rate, options } = input;
  if (!Number.isSafeInteger(units) || units < 0) {
    throw new RangeError(`units must be a whole number ≥ 0: ${units}`);
  }
  const count = BigInt(units);
  if (input.billedUnitAmount === null) {
    if (rate.rate.kind === 'range') {
      return {
        ok: false,
        failure: {
          code: 'range-rate-without-billed-amount',
          rule: 'FIN-8',
          message: `nothing was billed per unit and the ${rate.source} rate is a range, so no amount can be paid`,
        },
      };
    }
    const amount = rate.rate.amount * count;
    return {
      ok: true,
      payment: {
        units,
        paidUnitAmount: rate.rate.amount,
        billedAmount: amount,
        paidAmount: amount,
        adjustment: null,
      },
    };
  }
  const billedUnitAmount = input.billedUnitAmount;
  const decision = unitPayment(rate.rate, billedUnitAmount, options.options);
  const billedAmount = billedUnitAmount * count;
  const paidAmount = decision.amountToPay * count;
  const { adjustmentReason: reason, appliedOption: option } = decision;
  const adjustment: Adjustment | null =
    reason !== null && option !== null && paidAmount !== billedAmount
      ? {
          rule: 'FIN-8',
          reason,
          option,
          optionsFrom: options.from,
          rateSource: rate.source,
          units,
          billedUnitAmount,
          paidUnitAmount: decision.amountToPay,
          billedAmount,
          paidAmount,
          difference: paidAmount - billedAmount,
          explanation:
            `FIN-8: billed ${formatMoney(billedUnitAmount)} per unit against ` +
            `${describeRate(rate.rate)} (${rate.source} rate); the ${options.from}'s payment ` +
            `option "${option}" pays ${formatMoney(decision.amountToPay)} per unit, ` +
            `${formatSignedMoney(paidAmount - billedAmount)} on ${units} unit(s)`,
        }
      : null;
  return {
    ok: true,
    payment: { units, paidUnitAmount: decision.amountToPay, billedAmount, paidAmount, adjustment },
  };
}
