import type { Cents } from './money.js';

/** SVC-2: what a rate pays per unit — a fixed amount, or a range with a minimum and/or maximum. */
export type RateAmount =
  | { kind: 'fixed'; amount: Cents }
  | { kind: 'range'; minimum: Cents | null; maximum: Cents | null };

/**
 * SVC-3: what to pay when the billed unit amount is outside the rate. The same shape as the event
 * schema's `PaymentOptions` in @platform/contracts (kernel depends on nothing, so it states it).
 */
export interface PaymentOptions {
  /** Billed ≠ fixed rate. */
  fixed: 'pay-billed' | 'pay-fixed' | 'pay-nothing';
  /** Billed < minimum rate. */
  minimum: 'pay-billed' | 'pay-minimum' | 'pay-nothing';
  /** Billed > maximum rate (paying the billed amount is not an option). */
  maximum: 'pay-maximum' | 'pay-nothing';
}

export type PaymentOption =
  PaymentOptions['fixed'] | PaymentOptions['minimum'] | PaymentOptions['maximum'];

/** Why the amount paid differs from the amount billed (FIN-8 records it with the payment). */
export type AdjustmentReason =
  'billed-differs-from-fixed-rate' | 'billed-below-minimum-rate' | 'billed-above-maximum-rate';

export interface UnitPayment {
  amountToPay: Cents;
  /** Set exactly when the amount to pay differs from the amount billed. */
  adjustmentReason: AdjustmentReason | null;
  /** The option that decided, or null when the billed amount was within the rate. */
  appliedOption: PaymentOption | null;
}

const payBilled = (billed: Cents): UnitPayment => ({
  amountToPay: billed,
  adjustmentReason: null,
  appliedOption: null,
});

function decide(
  billed: Cents,
  option: PaymentOption,
  rateAmount: Cents,
  reason: AdjustmentReason,
): UnitPayment {
  const amountToPay = option === 'pay-billed' ? billed : option === 'pay-nothing' ? 0n : rateAmount;
  return {
    amountToPay,
    adjustmentReason: amountToPay === billed ? null : reason,
    appliedOption: option,
  };
}

/**
 * SVC-3: what to pay for a unit billed at `billed` against `rate`, by the payment options (the
 * product's, or the provider's that override them, PRV-7):
 * - fixed rate, billed ≠ fixed → pay billed | pay fixed | pay nothing;
 * - range, billed < minimum → pay billed | pay minimum | pay nothing;
 * - range, billed > maximum → pay maximum | pay nothing;
 * - otherwise the billed amount is paid as it is.
 * Example: fixed 100, billed 110 → 100 (pay fixed) / 110 (pay billed) / 0 (pay nothing).
 */
export function unitPayment(rate: RateAmount, billed: Cents, options: PaymentOptions): UnitPayment {
  if (billed < 0n) throw new RangeError(`a billed unit amount cannot be negative: ${billed}`);
  if (rate.kind === 'fixed') {
    if (billed === rate.amount) return payBilled(billed);
    return decide(billed, options.fixed, rate.amount, 'billed-differs-from-fixed-rate');
  }
  if (rate.minimum !== null && billed < rate.minimum) {
    return decide(billed, options.minimum, rate.minimum, 'billed-below-minimum-rate');
  }
  if (rate.maximum !== null && billed > rate.maximum) {
    return decide(billed, options.maximum, rate.maximum, 'billed-above-maximum-rate');
  }
  return payBilled(billed);
}
