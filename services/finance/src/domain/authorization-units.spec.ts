import { describe, expect, it } from '@jest/globals';
import { dateRange } from '@platform/kernel';
import { day } from '../../test/support/domain-fixtures.js';
import {
  authorizationStatus,
  lineItemStatus,
  lineItemUsages,
  unitsUsedByLineItem,
  type AuthorizationLineItemUnits,
} from './authorization-units.js';

const sessions = (
  overrides: Partial<AuthorizationLineItemUnits> = {},
): AuthorizationLineItemUnits => ({
  lineItemId: 'therapy',
  units: 10,
  period: dateRange(day('2026-01-01'), day('2026-03-31')),
  cancelled: false,
  ...overrides,
});

const duringPeriod = day('2026-02-01');

describe('authorization units (FIN-1)', () => {
  it('FIN-1: two clients sharing 10 sessions — one line billing 10 sessions for both uses 10 units, not 20', () => {
    const [usage] = lineItemUsages(
      [sessions()],
      [{ lineItemId: 'therapy', units: 10 }],
      duringPeriod,
    );
    expect(usage).toEqual({
      lineItemId: 'therapy',
      unitsUsed: 10,
      unitsLeft: 0,
      matched: true,
      status: 'complete',
    });
  });

  it('FIN-1: two clients sharing 10 sessions — 6 billed for one and 3 for the other leave 1', () => {
    const [usage] = lineItemUsages(
      [sessions()],
      [
        { lineItemId: 'therapy', units: 6 },
        { lineItemId: 'therapy', units: 3 },
      ],
      duringPeriod,
    );
    expect(usage).toMatchObject({ unitsUsed: 9, unitsLeft: 1, status: 'in-progress' });
  });

  it('FIN-1: sums matches per line item in one pass, other line items untouched', () => {
    const used = unitsUsedByLineItem([
      { lineItemId: 'a', units: 2 },
      { lineItemId: 'b', units: 5 },
      { lineItemId: 'a', units: 3 },
    ]);
    expect([...used.entries()]).toEqual([
      ['a', 5],
      ['b', 5],
    ]);
  });

  it('FIN-1: units left never go below zero when more was matched than authorised', () => {
    const [usage] = lineItemUsages(
      [sessions({ units: 4 })],
      [{ lineItemId: 'therapy', units: 5 }],
      duringPeriod,
    );
    expect(usage).toMatchObject({ unitsUsed: 5, unitsLeft: 0 });
  });

  it('FIN-1: a line item without units has no units left to count', () => {
    const [usage] = lineItemUsages(
      [sessions({ units: null })],
      [{ lineItemId: 'therapy', units: 50 }],
      duringPeriod,
    );
    expect(usage).toMatchObject({ unitsUsed: 50, unitsLeft: null, status: 'in-progress' });
  });

  it.each([-1, 1.5, Number.NaN])('FIN-1: refuses %p units in a match', (units) => {
    expect(() => unitsUsedByLineItem([{ lineItemId: 'a', units }])).toThrow(RangeError);
  });
});

describe('derived statuses (FIN-2)', () => {
  it('FIN-2: open — nothing matched and not ended', () => {
    expect(lineItemStatus(sessions(), 0, duringPeriod)).toBe('open');
  });

  it('FIN-2: in progress — not ended, at least one match, units left', () => {
    expect(lineItemStatus(sessions(), 1, duringPeriod)).toBe('in-progress');
    expect(lineItemStatus(sessions(), 9, duringPeriod)).toBe('in-progress');
  });

  it('FIN-2: complete — all units used, even before the end date', () => {
    expect(lineItemStatus(sessions(), 10, duringPeriod)).toBe('complete');
  });

  it('FIN-2: complete — ended (the day after the end date), matched or not', () => {
    expect(lineItemStatus(sessions(), 3, day('2026-04-01'))).toBe('complete');
    expect(lineItemStatus(sessions(), 0, day('2026-04-01'))).toBe('complete');
  });

  it('FIN-2: not ended on its last day — the end date is inclusive', () => {
    expect(lineItemStatus(sessions(), 3, day('2026-03-31'))).toBe('in-progress');
  });

  it('FIN-2: an open-ended line item never ends by date', () => {
    const openEnded = sessions({ period: dateRange(day('2026-01-01')) });
    expect(lineItemStatus(openEnded, 3, day('2099-12-31'))).toBe('in-progress');
  });

  it('FIN-2: cancelled wins over every other status', () => {
    expect(lineItemStatus(sessions({ cancelled: true }), 10, day('2026-04-01'))).toBe('cancelled');
    expect(lineItemStatus(sessions({ cancelled: true }), 0, duringPeriod)).toBe('cancelled');
  });

  it('FIN-2: authorization open if all line items are open', () => {
    expect(authorizationStatus(['open', 'open'], false)).toBe('open');
  });

  it('FIN-2: authorization in progress if some are open or in progress but not all open', () => {
    expect(authorizationStatus(['open', 'in-progress'], false)).toBe('in-progress');
    expect(authorizationStatus(['open', 'complete'], false)).toBe('in-progress');
    expect(authorizationStatus(['in-progress', 'complete'], false)).toBe('in-progress');
  });

  it('FIN-2: authorization complete if all line items are complete', () => {
    expect(authorizationStatus(['complete', 'complete'], false)).toBe('complete');
  });

  it('FIN-2: authorization cancelled if deleted, whatever its line items', () => {
    expect(authorizationStatus(['open', 'in-progress'], true)).toBe('cancelled');
  });

  it('FIN-2: cancelled line items take no part; all cancelled → cancelled; none yet → open', () => {
    expect(authorizationStatus(['complete', 'cancelled'], false)).toBe('complete');
    expect(authorizationStatus(['open', 'cancelled'], false)).toBe('open');
    expect(authorizationStatus(['cancelled', 'cancelled'], false)).toBe('cancelled');
    expect(authorizationStatus([], false)).toBe('open');
  });
});
