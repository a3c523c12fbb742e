import { describe, expect, it } from '@jest/globals';
import { dateRange, parseCalendarDate as d } from '@platform/kernel';
import { conflictingGroupPayee, payeeOn, type AffiliationHistory } from './payee-resolution.js';

const affiliation = (
  id: string,
  start: string,
  end: string | null,
  directions: [string, boolean][],
): AffiliationHistory => ({
  affiliationId: id,
  groupId: `group-of-${id}`,
  period: dateRange(d(start), end ? d(end) : null),
  directions: directions.map(([from, toGroup]) => ({
    effectiveFrom: d(from),
    paymentsToGroup: toGroup,
  })),
});

describe('payment direction history (PRV-5)', () => {
  // Affiliated on 1 Jan paying the provider; payments redirected to the group from 1 Mar; back to
  // the provider from 1 Jul; affiliation ended 30 Sep.
  const history = [
    affiliation('a1', '2026-01-01', '2026-09-30', [
      ['2026-01-01', false],
      ['2026-07-01', false],
      ['2026-03-01', true],
    ]),
  ];

  it.each([
    ['2025-12-31', 'provider'],
    ['2026-02-28', 'provider'],
    ['2026-03-01', 'group'],
    ['2026-06-30', 'group'],
    ['2026-07-01', 'provider'],
    ['2026-10-01', 'provider'],
  ])('PRV-5: on %s the payee is the %s', (date, expected) => {
    expect(payeeOn('p-1', history, d(date)).type).toBe(expected);
  });

  it('PRV-5: names the group, the affiliation and since when', () => {
    expect(payeeOn('p-1', history, d('2026-04-15'))).toEqual({
      type: 'group',
      groupId: 'group-of-a1',
      affiliationId: 'a1',
      since: '2026-03-01',
    });
    expect(payeeOn('p-1', [], d('2026-04-15'))).toEqual({ type: 'provider', providerId: 'p-1' });
  });

  it('PRV-5: two affiliations may not pay their groups on the same day', () => {
    const paysFromMarch = affiliation('b', '2026-01-01', null, [
      ['2026-01-01', false],
      ['2026-03-01', true],
    ]);
    const paysInFebruaryOnly = affiliation('c', '2026-02-01', '2026-02-28', [['2026-02-01', true]]);
    const paysFromJune = affiliation('e', '2026-06-01', null, [['2026-06-01', true]]);
    expect(conflictingGroupPayee(paysInFebruaryOnly, [paysFromMarch])).toBeUndefined();
    expect(conflictingGroupPayee(paysFromJune, [paysFromMarch])?.affiliationId).toBe('b');
    const notPaying = affiliation('f', '2026-06-01', null, [['2026-06-01', false]]);
    expect(conflictingGroupPayee(notPaying, [paysFromMarch])).toBeUndefined();
  });
});
