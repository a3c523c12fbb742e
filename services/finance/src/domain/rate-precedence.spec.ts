import { describe, expect, it } from '@jest/globals';
import type { RateAmount } from '@platform/kernel';
import { applicableRate, ratePrecedence, type RateCandidates } from './rate-precedence.js';

const fixed = (cents: bigint): RateAmount => ({ kind: 'fixed', amount: cents });

const everyRate: RateCandidates = {
  'authorization-line-item': fixed(1_000n),
  placement: fixed(2_000n),
  'utilization-contract': fixed(3_000n),
  'provider-service': fixed(4_000n),
  product: fixed(5_000n),
};

describe('rate precedence (FIN-7)', () => {
  it.each(['invoice', 'roster'] as const)(
    'FIN-7: for a %s the authorization line-item rate wins over every other',
    (channel) => {
      expect(applicableRate(channel, everyRate)).toEqual({
        source: 'authorization-line-item',
        rate: fixed(1_000n),
      });
    },
  );

  it('FIN-7: for a placement the placement rate wins; an authorization rate is ignored', () => {
    expect(applicableRate('placement', everyRate)).toEqual({
      source: 'placement',
      rate: fixed(2_000n),
    });
    expect(
      applicableRate('placement', {
        'authorization-line-item': fixed(1_000n),
        product: fixed(5_000n),
      }),
    ).toEqual({ source: 'product', rate: fixed(5_000n) });
  });

  it('FIN-7: an invoice ignores a placement rate', () => {
    expect(applicableRate('invoice', { placement: fixed(2_000n), product: fixed(5_000n) })).toEqual(
      {
        source: 'product',
        rate: fixed(5_000n),
      },
    );
  });

  it.each([
    [
      'utilization-contract',
      {
        'utilization-contract': fixed(3_000n),
        'provider-service': fixed(4_000n),
        product: fixed(5_000n),
      },
    ],
    [
      'provider-service',
      {
        'authorization-line-item': null,
        'provider-service': fixed(4_000n),
        product: fixed(5_000n),
      },
    ],
    ['product', { product: fixed(5_000n) }],
  ] as const)('FIN-7: falls through unset sources down to the %s rate', (source, candidates) => {
    expect(applicableRate('invoice', candidates)?.source).toBe(source);
    expect(applicableRate('placement', candidates)?.source).toBe(source);
  });

  it('FIN-7: no rate from any source → null (the line cannot be priced)', () => {
    expect(applicableRate('invoice', {})).toBeNull();
    expect(applicableRate('placement', { 'authorization-line-item': fixed(1n) })).toBeNull();
  });

  it('FIN-7: a range rate applies like a fixed one', () => {
    const range: RateAmount = { kind: 'range', minimum: null, maximum: 12_000n };
    expect(applicableRate('roster', { 'provider-service': range, product: fixed(5_000n) })).toEqual(
      {
        source: 'provider-service',
        rate: range,
      },
    );
  });

  it('FIN-7: precedence ranks per channel', () => {
    expect(ratePrecedence('invoice', 'authorization-line-item')).toBe(0);
    expect(ratePrecedence('invoice', 'product')).toBe(3);
    expect(ratePrecedence('placement', 'placement')).toBe(0);
    expect(ratePrecedence('invoice', 'placement')).toBeNull();
  });
});
