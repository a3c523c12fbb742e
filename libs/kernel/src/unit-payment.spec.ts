import { describe, expect, it } from '@jest/globals';
import { unitPayment, type PaymentOptions, type RateAmount } from './unit-payment.js';

const fixed100: RateAmount = { kind: 'fixed', amount: 10_000n };
const range80to120: RateAmount = { kind: 'range', minimum: 8_000n, maximum: 12_000n };
const minimumOnly80: RateAmount = { kind: 'range', minimum: 8_000n, maximum: null };
const maximumOnly120: RateAmount = { kind: 'range', minimum: null, maximum: 12_000n };

const options = (overrides: Partial<PaymentOptions> = {}): PaymentOptions => ({
  fixed: 'pay-fixed',
  minimum: 'pay-minimum',
  maximum: 'pay-maximum',
  ...overrides,
});

describe('payment options (SVC-3)', () => {
  it('SVC-3: fixed 100 billed 110 → 100 (pay fixed) / 110 (pay billed) / 0 (pay nothing)', () => {
    expect(unitPayment(fixed100, 11_000n, options({ fixed: 'pay-fixed' }))).toEqual({
      amountToPay: 10_000n,
      adjustmentReason: 'billed-differs-from-fixed-rate',
      appliedOption: 'pay-fixed',
    });
    expect(unitPayment(fixed100, 11_000n, options({ fixed: 'pay-billed' }))).toEqual({
      amountToPay: 11_000n,
      adjustmentReason: null,
      appliedOption: 'pay-billed',
    });
    expect(unitPayment(fixed100, 11_000n, options({ fixed: 'pay-nothing' }))).toEqual({
      amountToPay: 0n,
      adjustmentReason: 'billed-differs-from-fixed-rate',
      appliedOption: 'pay-nothing',
    });
  });

  it.each([
    ['pay-fixed', 10_000n, 'billed-differs-from-fixed-rate'],
    ['pay-billed', 9_000n, null],
    ['pay-nothing', 0n, 'billed-differs-from-fixed-rate'],
  ] as const)(
    'SVC-3: fixed 100 billed 90 (below the fixed rate too) with %s → %p',
    (fixed, amountToPay, adjustmentReason) => {
      expect(unitPayment(fixed100, 9_000n, options({ fixed }))).toEqual({
        amountToPay,
        adjustmentReason,
        appliedOption: fixed,
      });
    },
  );

  it.each(['pay-fixed', 'pay-billed', 'pay-nothing'] as const)(
    'SVC-3: fixed 100 billed exactly 100 pays 100 whatever the option (%s)',
    (fixed) => {
      expect(unitPayment(fixed100, 10_000n, options({ fixed }))).toEqual({
        amountToPay: 10_000n,
        adjustmentReason: null,
        appliedOption: null,
      });
    },
  );

  it.each([
    ['pay-minimum', 8_000n, 'billed-below-minimum-rate'],
    ['pay-billed', 7_000n, null],
    ['pay-nothing', 0n, 'billed-below-minimum-rate'],
  ] as const)(
    'SVC-3: minimum 80 billed 70 with %s → %p',
    (minimum, amountToPay, adjustmentReason) => {
      for (const rate of [range80to120, minimumOnly80]) {
        expect(unitPayment(rate, 7_000n, options({ minimum }))).toEqual({
          amountToPay,
          adjustmentReason,
          appliedOption: minimum,
        });
      }
    },
  );

  it.each([
    ['pay-maximum', 12_000n, 'billed-above-maximum-rate'],
    ['pay-nothing', 0n, 'billed-above-maximum-rate'],
  ] as const)(
    'SVC-3: maximum 120 billed 130 with %s → %p (paying the billed amount is not an option)',
    (maximum, amountToPay, adjustmentReason) => {
      for (const rate of [range80to120, maximumOnly120]) {
        expect(unitPayment(rate, 13_000n, options({ maximum }))).toEqual({
          amountToPay,
          adjustmentReason,
          appliedOption: maximum,
        });
      }
    },
  );

  it.each([
    ['at the minimum', range80to120, 8_000n],
    ['inside the range', range80to120, 9_999n],
    ['at the maximum', range80to120, 12_000n],
    ['above a minimum-only range', minimumOnly80, 1_000_000n],
    ['below a maximum-only range', maximumOnly120, 1n],
    ['zero under a maximum-only range', maximumOnly120, 0n],
  ])('SVC-3: billed %s is paid as billed, no option applies', (_label, rate, billed) => {
    const decision = unitPayment(
      rate,
      billed,
      options({ minimum: 'pay-nothing', maximum: 'pay-nothing' }),
    );
    expect(decision).toEqual({ amountToPay: billed, adjustmentReason: null, appliedOption: null });
  });

  it('SVC-3: the minimum option does not decide above the range, nor the maximum option below it', () => {
    const onlyMaximumPays = options({ minimum: 'pay-nothing', maximum: 'pay-maximum' });
    expect(unitPayment(range80to120, 13_000n, onlyMaximumPays).amountToPay).toBe(12_000n);
    const onlyMinimumPays = options({ minimum: 'pay-minimum', maximum: 'pay-nothing' });
    expect(unitPayment(range80to120, 7_000n, onlyMinimumPays).amountToPay).toBe(8_000n);
  });

  it('SVC-3: amounts stay exact to the cent', () => {
    const rate: RateAmount = { kind: 'fixed', amount: 3_333n };
    expect(unitPayment(rate, 3_334n, options({ fixed: 'pay-fixed' })).amountToPay).toBe(3_333n);
  });

  it('refuses a negative billed amount', () => {
    expect(() => unitPayment(fixed100, -1n, options())).toThrow(RangeError);
  });
});
