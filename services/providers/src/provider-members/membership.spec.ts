import { describe, expect, it } from '@jest/globals';
import { parseCalendarDate } from '@platform/kernel';
import {
  endMembership,
  membershipActiveOn,
  overlappingMembership,
  unassignedOn,
  type MembershipPeriod,
} from './membership.js';

const d = parseCalendarDate;
const membership = (
  id: string,
  from: string,
  to: string | null,
  providerId = 'p1',
): MembershipPeriod => ({ id, providerId, from: d(from), to: to === null ? null : d(to) });

describe('provider memberships (PRV-8)', () => {
  it('PRV-8: a membership is active on both ends of its period and not outside it', () => {
    const spring = membership('m', '2026-03-01', '2026-05-31');
    expect(membershipActiveOn(spring, d('2026-03-01'))).toBe(true);
    expect(membershipActiveOn(spring, d('2026-05-31'))).toBe(true);
    expect(membershipActiveOn(spring, d('2026-02-28'))).toBe(false);
    expect(membershipActiveOn(spring, d('2026-06-01'))).toBe(false);
    expect(membershipActiveOn(membership('m', '2026-03-01', null), d('2099-01-01'))).toBe(true);
  });

  it('PRV-8: a member is unassigned on a day none of its memberships covers', () => {
    const history = [membership('a', '2025-01-01', '2025-12-31')];
    expect(unassignedOn([], d('2026-01-01'))).toBe(true);
    expect(unassignedOn(history, d('2026-01-01'))).toBe(true);
    expect(unassignedOn(history, d('2025-12-31'))).toBe(false);
  });

  it('PRV-8: a second period at the same provider may not share a day; at another provider it may', () => {
    const existing = [membership('a', '2026-01-01', '2026-01-31')];
    expect(
      overlappingMembership({ providerId: 'p1', from: d('2026-01-31'), to: null }, existing),
    ).toEqual(existing[0]);
    expect(
      overlappingMembership({ providerId: 'p1', from: d('2026-02-01'), to: null }, existing),
    ).toBeUndefined();
    expect(
      overlappingMembership({ providerId: 'p2', from: d('2026-01-15'), to: null }, existing),
    ).toBeUndefined();
  });

  it('PRV-8: ending gives the membership covering the day its last day; no covering membership is refused', () => {
    const memberships = [
      membership('old', '2025-01-01', '2025-06-30'),
      membership('now', '2026-01-01', null),
    ];
    expect(endMembership(memberships, 'p1', d('2026-03-31'))).toEqual({
      ok: true,
      membership: membership('now', '2026-01-01', '2026-03-31'),
      previousTo: null,
      changed: true,
    });
    expect(endMembership(memberships, 'p1', d('2025-06-30'))).toMatchObject({
      ok: true,
      changed: false,
    });
    expect(endMembership(memberships, 'p1', d('2025-09-01'))).toMatchObject({
      ok: false,
      field: 'to',
      message: expect.stringMatching(/^PRV-8:/),
    });
    expect(endMembership(memberships, 'p2', d('2026-03-31'))).toMatchObject({ ok: false });
  });
});
