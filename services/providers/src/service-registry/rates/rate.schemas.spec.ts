import { describe, expect, it } from '@jest/globals';
import { addRateBody } from './rate.schemas.js';

describe('rate body', () => {
  it('SVC-2: reads amounts into exact cents and an absent end as open-ended', () => {
    expect(
      addRateBody.parse({ kind: 'fixed', amount: '100.5', effectiveFrom: '2026-01-01' }),
    ).toEqual({
      kind: 'fixed',
      amount: 10_050n,
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
    });
    expect(
      addRateBody.parse({ kind: 'range', maximum: '120', effectiveFrom: '2026-01-01' }),
    ).toEqual({
      kind: 'range',
      minimum: null,
      maximum: 12_000n,
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
    });
  });

  it.each([
    [{ kind: 'range', effectiveFrom: '2026-01-01' }, 'minimum', /^SVC-2: a range rate needs/],
    [
      { kind: 'range', minimum: '9', maximum: '8', effectiveFrom: '2026-01-01' },
      'minimum',
      /^SVC-2: .*cannot exceed/,
    ],
    [
      { kind: 'fixed', amount: '1', effectiveFrom: '2026-02-01', effectiveTo: '2026-01-31' },
      'effectiveTo',
      /^SVC-2: a rate cannot end before/,
    ],
    [{ kind: 'fixed', amount: 100, effectiveFrom: '2026-01-01' }, 'amount', /string/],
    [
      { kind: 'fixed', amount: '1.005', effectiveFrom: '2026-01-01' },
      'amount',
      /at most two decimals/,
    ],
    [{ kind: 'fixed', amount: '1', effectiveFrom: '2026-02-30' }, 'effectiveFrom', /no such day/],
  ])('SVC-2: refuses %j, naming %s', (body, field, message) => {
    const result = addRateBody.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: [field], message: expect.stringMatching(message) }),
    ]);
  });
});
