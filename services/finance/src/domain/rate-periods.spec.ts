import { describe, expect, it } from '@jest/globals';
import { dateRange } from '@platform/kernel';
import { apportionUnits, rateSegments, type DatedRate } from './rate-periods.js';
import {
  day,
  fixed,
  january,
  productRate,
  providerUntil10Jan,
} from '../../test/support/domain-fixtures.js';

describe('rates split by effective period (FIN-9)', () => {
  it('FIN-9: 1–31 Jan with the provider-service rate until 10 Jan → 10 days at it, 21 at the product rate', () => {
    expect(rateSegments('roster', january, [productRate, providerUntil10Jan])).toEqual([
      {
        period: { start: day('2026-01-01'), end: day('2026-01-10') },
        days: 10,
        applicable: { source: 'provider-service', rate: fixed('60') },
      },
      {
        period: { start: day('2026-01-11'), end: day('2026-01-31') },
        days: 21,
        applicable: { source: 'product', rate: fixed('50') },
      },
    ]);
  });

  it('FIN-9: the same split for a placement (guide 11.5.2)', () => {
    const segments = rateSegments('placement', january, [productRate, providerUntil10Jan]);
    expect(segments.map((segment) => [segment.days, segment.applicable?.source])).toEqual([
      [10, 'provider-service'],
      [21, 'product'],
    ]);
  });

  it('FIN-9 + FIN-7: several sources with their own periods, the highest present each day wins', () => {
    const contract15to20: DatedRate = {
      source: 'utilization-contract',
      period: dateRange(day('2026-01-15'), day('2026-01-20')),
      rate: fixed('70'),
    };
    const productFromFeb: DatedRate = {
      source: 'product',
      period: dateRange(day('2026-01-25')),
      rate: fixed('55'),
    };
    const productUntil24: DatedRate = {
      ...productRate,
      period: dateRange(day('2025-01-01'), day('2026-01-24')),
    };
    const segments = rateSegments('invoice', january, [
      productUntil24,
      productFromFeb,
      contract15to20,
      providerUntil10Jan,
    ]);
    expect(
      segments.map((s) => [
        s.period.start,
        s.period.end,
        s.days,
        s.applicable?.source,
        s.applicable?.rate,
      ]),
    ).toEqual([
      ['2026-01-01', '2026-01-10', 10, 'provider-service', fixed('60')],
      ['2026-01-11', '2026-01-14', 4, 'product', fixed('50')],
      ['2026-01-15', '2026-01-20', 6, 'utilization-contract', fixed('70')],
      ['2026-01-21', '2026-01-24', 4, 'product', fixed('50')],
      ['2026-01-25', '2026-01-31', 7, 'product', fixed('55')],
    ]);
  });

  it('FIN-9: back-to-back periods of equal rates of the same source are one run', () => {
    const first: DatedRate = {
      source: 'product',
      period: dateRange(day('2025-01-01'), day('2026-01-15')),
      rate: fixed('50'),
    };
    const second: DatedRate = {
      source: 'product',
      period: dateRange(day('2026-01-16')),
      rate: fixed('50'),
    };
    expect(rateSegments('invoice', january, [first, second])).toEqual([
      { period: january, days: 31, applicable: { source: 'product', rate: fixed('50') } },
    ]);
  });

  it('FIN-9: days without any rate form their own run with no rate', () => {
    const fromThe21st: DatedRate = {
      source: 'product',
      period: dateRange(day('2026-01-21')),
      rate: fixed('50'),
    };
    expect(
      rateSegments('invoice', january, [fromThe21st]).map((s) => [s.days, s.applicable]),
    ).toEqual([
      [20, null],
      [11, { source: 'product', rate: fixed('50') }],
    ]);
  });

  it('FIN-9: rates outside the service period do not split it; a one-day line is one run', () => {
    const december: DatedRate = {
      source: 'provider-service',
      period: dateRange(day('2025-12-01'), day('2025-12-31')),
      rate: fixed('1'),
    };
    expect(rateSegments('invoice', january, [productRate, december])).toHaveLength(1);
    const oneDay = { start: day('2026-01-10'), end: day('2026-01-10') };
    expect(rateSegments('invoice', oneDay, [productRate, providerUntil10Jan])).toEqual([
      { period: oneDay, days: 1, applicable: { source: 'provider-service', rate: fixed('60') } },
    ]);
  });

  it('FIN-9: refuses a service period that ends before it starts', () => {
    expect(() =>
      rateSegments('invoice', { start: day('2026-01-02'), end: day('2026-01-01') }, []),
    ).toThrow(RangeError);
  });
});

describe('units apportioned to rate runs (FIN-9 decision)', () => {
  it('FIN-9: one unit per day → each run gets its days (31 days over 10 + 21)', () => {
    expect(apportionUnits(31, [10, 21])).toEqual([10, 21]);
  });

  it('FIN-9: N units over a period go by days, largest remainder, adding up exactly', () => {
    expect(apportionUnits(3, [10, 21])).toEqual([1, 2]);
    expect(apportionUnits(1, [10, 21])).toEqual([0, 1]);
    expect(apportionUnits(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportionUnits(0, [10, 21])).toEqual([0, 0]);
  });

  it('FIN-9: ties go to the earlier run, so the split is deterministic', () => {
    expect(apportionUnits(1, [5, 5])).toEqual([1, 0]);
    expect(apportionUnits(3, [2, 2])).toEqual([2, 1]);
  });

  it.each([
    [-1, [1]],
    [1.5, [1]],
    [1, []],
  ])('refuses %p units over %p days', (units, days) => {
    expect(() => apportionUnits(units, days)).toThrow(RangeError);
  });
});
