import { describe, expect, it } from '@jest/globals';
import { dateRange, parseMoney } from '@platform/kernel';
import { priceLine, priceLines, type LineToPrice } from './line-payment.js';
import type { DatedRate } from './rate-periods.js';
import {
  day,
  fixed,
  january,
  productRate,
  providerUntil10Jan,
} from '../../test/support/domain-fixtures.js';

const rosterLine = (overrides: Partial<LineToPrice> = {}): LineToPrice => ({
  lineId: 'line-1',
  channel: 'roster',
  servicePeriod: january,
  units: 31,
  billedUnitAmount: null,
  rates: [productRate, providerUntil10Jan],
  options: {
    options: { fixed: 'pay-fixed', minimum: 'pay-minimum', maximum: 'pay-maximum' },
    from: 'product',
  },
  ...overrides,
});

describe('pricing a line item (FIN-7, FIN-8, FIN-9)', () => {
  it('FIN-9: 1–31 Jan roster, provider-service 60 until 10 Jan, product 50 → 10 × 60 + 21 × 50 = 1,650.00', () => {
    const outcome = priceLine(rosterLine());
    if (!outcome.ok) throw new Error(outcome.failures[0]?.message);
    expect(outcome.line.parts.map((p) => [p.days, p.units, p.rate.source, p.paidAmount])).toEqual([
      [10, 10, 'provider-service', parseMoney('600')],
      [21, 21, 'product', parseMoney('1050')],
    ]);
    expect(outcome.line.paidAmount).toBe(parseMoney('1650'));
    expect(outcome.line.adjustments).toEqual([]);
  });

  it('FIN-8 + FIN-9: an invoice billing 55 a day over both runs records one adjustment per run', () => {
    const outcome = priceLine(
      rosterLine({ channel: 'invoice', billedUnitAmount: parseMoney('55') }),
    );
    if (!outcome.ok) throw new Error(outcome.failures[0]?.message);
    expect(outcome.line.billedAmount).toBe(parseMoney('1705'));
    expect(outcome.line.paidAmount).toBe(parseMoney('1650'));
    expect(outcome.line.adjustments.map((a) => [a.rateSource, a.units, a.difference])).toEqual([
      ['provider-service', 10, parseMoney('50')],
      ['product', 21, -parseMoney('105')],
    ]);
  });

  it('FIN-7: an authorization line-item rate covering the period outranks both', () => {
    const authorised: DatedRate = {
      source: 'authorization-line-item',
      period: dateRange(day('2026-01-01'), day('2026-06-30')),
      rate: fixed('45'),
    };
    const outcome = priceLine(rosterLine({ rates: [productRate, providerUntil10Jan, authorised] }));
    expect(outcome.ok && outcome.line.parts.map((p) => [p.days, p.rate.source])).toEqual([
      [31, 'authorization-line-item'],
    ]);
    expect(outcome.ok && outcome.line.paidAmount).toBe(parseMoney('1395'));
  });

  it('FIN-7: days with no rate fail with the days named, never priced at zero', () => {
    const outcome = priceLine(rosterLine({ rates: [providerUntil10Jan] }));
    expect(outcome).toEqual({
      ok: false,
      lineId: 'line-1',
      failures: [
        expect.objectContaining({
          code: 'no-rate-for-days',
          rule: 'FIN-7',
          message: expect.stringContaining('2026-01-11 to 2026-01-31'),
        }),
      ],
    });
  });

  it('FIN-8: every reason is returned, not only the first', () => {
    const range: DatedRate = {
      source: 'product',
      period: dateRange(day('2026-01-20')),
      rate: { kind: 'range', minimum: null, maximum: parseMoney('80') },
    };
    const outcome = priceLine(rosterLine({ rates: [providerUntil10Jan, range] }));
    expect(outcome.ok ? [] : outcome.failures.map((f) => f.code)).toEqual([
      'no-rate-for-days',
      'range-rate-without-billed-amount',
    ]);
  });

  it('prices many lines in one pass, each on its own', () => {
    const outcomes = priceLines([
      rosterLine({ lineId: 'a' }),
      rosterLine({ lineId: 'b', rates: [] }),
    ]);
    expect(outcomes.map((o) => [o.ok, o.ok ? o.line.lineId : o.lineId])).toEqual([
      [true, 'a'],
      [false, 'b'],
    ]);
  });
});
