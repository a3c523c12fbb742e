import { describe, expect, it } from '@jest/globals';
import { dateRange } from '@platform/kernel';
import { matchLines, type AuthorizationCandidate, type LineToMatch } from './unit-matching.js';
import { day, sharedSessions } from '../../test/support/domain-fixtures.js';

const line = (overrides: Partial<LineToMatch> = {}): LineToMatch => ({
  lineId: 'line-1',
  lineNumber: 1,
  providerId: 'provider-1',
  serviceId: 'therapy',
  clientIds: ['ann', 'bob'],
  servicePeriod: { start: day('2026-01-10'), end: day('2026-01-10') },
  units: 10,
  ...overrides,
});

describe('matching billed units to authorizations (FIN-1, FIN-4)', () => {
  it('FIN-1: two clients sharing 10 sessions — a line billing 10 for both matches and leaves 0', () => {
    expect(matchLines([line()], [sharedSessions()])).toEqual([
      {
        matched: true,
        lineId: 'line-1',
        authorizationId: 'auth-1',
        lineItemId: 'auth-1/therapy',
        units: 10,
        unitsLeft: 0,
      },
    ]);
  });

  it('FIN-1: two clients sharing 10 sessions — 10 for Ann then 1 for Bob: the second finds none left (10, not 20)', () => {
    const outcomes = matchLines(
      [
        line({ lineId: 'ann', clientIds: ['ann'] }),
        line({ lineId: 'bob', lineNumber: 2, clientIds: ['bob'], units: 1 }),
      ],
      [sharedSessions()],
    );
    expect(outcomes[0]).toMatchObject({ matched: true, unitsLeft: 0 });
    expect(outcomes[1]).toMatchObject({
      matched: false,
      failure: { code: 'not-enough-unbilled-units', rule: 'FIN-4' },
    });
  });

  it('FIN-4: 3 sessions billed need ≥ 3 left — 2 left fails, 3 left matches', () => {
    expect(matchLines([line({ units: 3 })], [sharedSessions({ unitsUsed: 8 })])[0]).toMatchObject({
      matched: false,
      failure: {
        code: 'not-enough-unbilled-units',
        message: expect.stringContaining('at most 2 left'),
      },
    });
    expect(matchLines([line({ units: 3 })], [sharedSessions({ unitsUsed: 7 })])[0]).toMatchObject({
      matched: true,
      unitsLeft: 0,
    });
  });

  it('FIN-4: two lines wanting the last 3 units — the earlier service date wins, whatever the input order', () => {
    const later = line({
      lineId: 'later',
      lineNumber: 1,
      units: 3,
      servicePeriod: { start: day('2026-01-20'), end: day('2026-01-20') },
    });
    const earlier = line({
      lineId: 'earlier',
      lineNumber: 2,
      units: 3,
      servicePeriod: { start: day('2026-01-05'), end: day('2026-01-05') },
    });
    const candidates = [sharedSessions({ unitsUsed: 7 })];
    for (const order of [
      [later, earlier],
      [earlier, later],
    ]) {
      const outcomes = matchLines(order, candidates);
      const byId = Object.fromEntries(outcomes.map((o) => [o.lineId, o.matched]));
      expect(byId).toEqual({ earlier: true, later: false });
    }
  });

  it('FIN-4: on the same date the lower line number wins the last units', () => {
    const outcomes = matchLines(
      [
        line({ lineId: 'b', lineNumber: 2, units: 3 }),
        line({ lineId: 'a', lineNumber: 1, units: 3 }),
      ],
      [sharedSessions({ unitsUsed: 7 })],
    );
    expect(outcomes.map((o) => [o.lineId, o.matched])).toEqual([
      ['b', false],
      ['a', true],
    ]);
  });

  it('FIN-4: a line that takes no units (it failed elsewhere) leaves them to the next', () => {
    const outcomes = matchLines(
      [line({ lineId: 'a', units: 3 }), line({ lineId: 'b', lineNumber: 2, units: 3 })],
      [sharedSessions({ unitsUsed: 7 })],
      (l) => l.lineId !== 'a',
    );
    expect(outcomes.map((o) => o.matched)).toEqual([true, true]);
  });

  it('FIN-4: a multi-client line matches only if all its clients are on the same authorization', () => {
    const annOnly = sharedSessions({
      authorizationId: 'auth-ann',
      lineItemId: 'ann/therapy',
      clientIds: ['ann'],
    });
    const bobOnly = sharedSessions({
      authorizationId: 'auth-bob',
      lineItemId: 'bob/therapy',
      clientIds: ['bob'],
    });
    expect(matchLines([line()], [annOnly, bobOnly])[0]).toMatchObject({
      matched: false,
      failure: { code: 'clients-not-on-one-authorization', rule: 'FIN-4' },
    });
  });

  it('FIN-4: other clients on the authorization are not considered', () => {
    const withCarl = sharedSessions({ clientIds: ['ann', 'bob', 'carl'] });
    expect(matchLines([line()], [withCarl])[0]).toMatchObject({ matched: true });
  });

  it('FIN-4: no authorization for the service, the provider, the period or the client → no match', () => {
    const cases: [string, Partial<AuthorizationCandidate>][] = [
      ['service', { serviceId: 'respite' }],
      ['provider', { providerId: 'provider-2' }],
      ['period', { period: dateRange(day('2026-02-01'), day('2026-03-31')) }],
      ['client', { clientIds: ['carl'] }],
      ['cancelled', { cancelled: true }],
    ];
    for (const [, overrides] of cases) {
      expect(matchLines([line()], [sharedSessions(overrides)])[0]).toMatchObject({
        matched: false,
        failure: { code: 'no-matching-authorization' },
      });
    }
  });

  it('FIN-1: a line item naming the provider matches that provider; one naming none matches any', () => {
    expect(matchLines([line()], [sharedSessions({ providerId: 'provider-1' })])[0]?.matched).toBe(
      true,
    );
    expect(matchLines([line()], [sharedSessions({ providerId: null })])[0]?.matched).toBe(true);
  });

  it('FIN-4: a line spanning past the authorization period does not match', () => {
    const spanning = line({ servicePeriod: { start: day('2026-03-25'), end: day('2026-04-05') } });
    expect(matchLines([spanning], [sharedSessions()])[0]?.matched).toBe(false);
  });

  it('FIN-4: when one line item is used up the next authorization line item serving the line takes over', () => {
    const first = sharedSessions({ lineItemId: 'first', unitsUsed: 10 });
    const second = sharedSessions({
      authorizationId: 'auth-2',
      lineItemId: 'second',
      period: dateRange(day('2026-01-05'), day('2026-06-30')),
    });
    expect(matchLines([line({ units: 4 })], [second, first])[0]).toMatchObject({
      matched: true,
      lineItemId: 'second',
      unitsLeft: 6,
    });
  });

  it('FIN-1: a line item without a unit limit always has units', () => {
    expect(matchLines([line({ units: 500 })], [sharedSessions({ units: null })])[0]).toMatchObject({
      matched: true,
      unitsLeft: null,
    });
  });

  it('gives out thousands of lines deterministically in one pass', () => {
    const lines = Array.from({ length: 5_000 }, (_, i) =>
      line({ lineId: `l${i}`, lineNumber: i, clientIds: ['ann'], units: 1 }),
    );
    const outcomes = matchLines(lines, [sharedSessions({ units: 4_000 })]);
    expect(outcomes.filter((o) => o.matched)).toHaveLength(4_000);
    expect(outcomes[3_999]?.matched).toBe(true);
    expect(outcomes[4_000]?.matched).toBe(false);
  });

  it('refuses two lines with the same id', () => {
    expect(() => matchLines([line(), line()], [sharedSessions()])).toThrow(RangeError);
  });
});
