import { describe, expect, it } from '@jest/globals';
import type { PaymentOptions as EventPaymentOptions } from '@platform/contracts';
import { parseMoney, type PaymentOptions, type RateAmount } from '@platform/kernel';
import { payUnits, paymentOptionsInEffect, type UnitsToPay } from './payment-options.js';
import type { ApplicableRate } from './rate-precedence.js';

const productOptions: PaymentOptions = {
  fixed: 'pay-fixed',
  minimum: 'pay-minimum',
  maximum: 'pay-maximum',
};
const fixed100: ApplicableRate = {
  source: 'product',
  rate: { kind: 'fixed', amount: parseMoney('100') },
};

const toPay = (overrides: Partial<UnitsToPay> = {}): UnitsToPay => ({
  units: 1,
  billedUnitAmount: parseMoney('110'),
  rate: fixed100,
  options: { options: productOptions, from: 'product' },
  ...overrides,
});

const paid = (input: UnitsToPay) => {
  const outcome = payUnits(input);
  if (!outcome.ok) throw new Error(`expected a payment, got ${outcome.failure.code}`);
  return outcome.payment;
};

describe('payment options and adjustments (SVC-3, PRV-7, FIN-8)', () => {
  it.each([
    ['pay-fixed', '100', '-10.00'],
    ['pay-billed', '110', null],
    ['pay-nothing', '0', '-110.00'],
  ] as const)('SVC-3: fixed 100, billed 110 with %s → pays %s', (fixed, paidText, difference) => {
    const payment = paid(
      toPay({ options: { options: { ...productOptions, fixed }, from: 'product' } }),
    );
    expect(payment.paidAmount).toBe(parseMoney(paidText));
    expect(payment.billedAmount).toBe(parseMoney('110'));
    if (difference === null) {
      expect(payment.adjustment).toBeNull();
    } else {
      expect(payment.adjustment).toMatchObject({
        rule: 'FIN-8',
        reason: 'billed-differs-from-fixed-rate',
        option: fixed,
        optionsFrom: 'product',
        rateSource: 'product',
        difference: -parseMoney(difference.slice(1)),
      });
      expect(payment.adjustment?.explanation).toContain(difference);
    }
  });

  it('FIN-8: the adjustment records billed, paid and the difference over all units, exactly', () => {
    const payment = paid(toPay({ units: 3, billedUnitAmount: parseMoney('100.01') }));
    expect(payment).toEqual({
      units: 3,
      paidUnitAmount: parseMoney('100'),
      billedAmount: parseMoney('300.03'),
      paidAmount: parseMoney('300'),
      adjustment: expect.objectContaining({
        billedUnitAmount: parseMoney('100.01'),
        paidUnitAmount: parseMoney('100'),
        billedAmount: parseMoney('300.03'),
        paidAmount: parseMoney('300'),
        difference: -3n,
      }),
    });
  });

  it('SVC-3: minimum 80, billed 70 → pay billed (no adjustment) | pay minimum (+10) | pay nothing', () => {
    const minimum80: ApplicableRate = {
      source: 'provider-service',
      rate: { kind: 'range', minimum: parseMoney('80'), maximum: null },
    };
    const at = (minimum: PaymentOptions['minimum']) =>
      paid(
        toPay({
          rate: minimum80,
          billedUnitAmount: parseMoney('70'),
          options: { options: { ...productOptions, minimum }, from: 'product' },
        }),
      );
    expect(at('pay-billed')).toMatchObject({ paidAmount: parseMoney('70'), adjustment: null });
    expect(at('pay-minimum')).toMatchObject({
      paidAmount: parseMoney('80'),
      adjustment: {
        reason: 'billed-below-minimum-rate',
        option: 'pay-minimum',
        difference: parseMoney('10'),
        rateSource: 'provider-service',
      },
    });
    expect(at('pay-nothing').paidAmount).toBe(0n);
  });

  it('SVC-3: maximum 120, billed 130 → pay maximum | pay nothing; a range with only a maximum', () => {
    const maximum120: ApplicableRate = {
      source: 'utilization-contract',
      rate: { kind: 'range', minimum: null, maximum: parseMoney('120') },
    };
    const at = (maximum: PaymentOptions['maximum']) =>
      paid(
        toPay({
          rate: maximum120,
          billedUnitAmount: parseMoney('130'),
          options: { options: { ...productOptions, maximum }, from: 'product' },
        }),
      );
    expect(at('pay-maximum').adjustment).toMatchObject({
      reason: 'billed-above-maximum-rate',
      difference: -parseMoney('10'),
    });
    expect(at('pay-nothing').adjustment).toMatchObject({
      option: 'pay-nothing',
      difference: -parseMoney('130'),
    });
    expect(
      paid(toPay({ rate: maximum120, billedUnitAmount: parseMoney('5') })).adjustment,
    ).toBeNull();
  });

  it('FIN-8: billed within the rate is paid as billed, with no adjustment', () => {
    expect(paid(toPay({ billedUnitAmount: parseMoney('100'), units: 4 }))).toEqual({
      units: 4,
      paidUnitAmount: parseMoney('100'),
      billedAmount: parseMoney('400'),
      paidAmount: parseMoney('400'),
      adjustment: null,
    });
  });

  it('PRV-7: the provider options override the product options, and the adjustment says whose', () => {
    const provider: PaymentOptions = {
      fixed: 'pay-nothing',
      minimum: 'pay-billed',
      maximum: 'pay-nothing',
    };
    const inEffect = paymentOptionsInEffect(productOptions, provider);
    expect(inEffect).toEqual({ options: provider, from: 'provider' });
    const payment = paid(toPay({ options: inEffect }));
    expect(payment.paidAmount).toBe(0n);
    expect(payment.adjustment).toMatchObject({ optionsFrom: 'provider', option: 'pay-nothing' });
  });

  it("PRV-7: without provider options the product's decide", () => {
    expect(paymentOptionsInEffect(productOptions, null)).toEqual({
      options: productOptions,
      from: 'product',
    });
  });

  it('PRV-7: the options events carry fit the rule as they are', () => {
    const fromEvent: EventPaymentOptions = {
      fixed: 'pay-billed',
      minimum: 'pay-minimum',
      maximum: 'pay-nothing',
    };
    expect(paymentOptionsInEffect(productOptions, fromEvent).options.fixed).toBe('pay-billed');
  });

  it('FIN-9: a roster line (nothing billed) is paid the fixed rate with no adjustment', () => {
    expect(paid(toPay({ billedUnitAmount: null, units: 21 }))).toEqual({
      units: 21,
      paidUnitAmount: parseMoney('100'),
      billedAmount: parseMoney('2100'),
      paidAmount: parseMoney('2100'),
      adjustment: null,
    });
  });

  it('FIN-8: nothing billed against a range rate cannot be priced, and says why', () => {
    const range: RateAmount = {
      kind: 'range',
      minimum: parseMoney('80'),
      maximum: parseMoney('120'),
    };
    expect(
      payUnits(toPay({ billedUnitAmount: null, rate: { source: 'product', rate: range } })),
    ).toEqual({
      ok: false,
      failure: expect.objectContaining({ code: 'range-rate-without-billed-amount', rule: 'FIN-8' }),
    });
  });

  it('FIN-8: zero units pay nothing and record no difference', () => {
    expect(paid(toPay({ units: 0 }))).toMatchObject({
      paidAmount: 0n,
      billedAmount: 0n,
      adjustment: null,
    });
  });

  it.each([-1, 0.5])('refuses %p units', (units) => {
    expect(() => payUnits(toPay({ units }))).toThrow(RangeError);
  });
});
