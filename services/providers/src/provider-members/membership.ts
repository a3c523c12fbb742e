import { dateRange, rangeContains, rangesOverlap, type CalendarDate } from '@platform/kernel';

/**
 * PRV-8: the rules of a member's membership of a provider. Pure: the services apply them inside a
 * transaction; the tests prove each one. Periods are calendar dates, both ends inclusive; `to: null`
 * means open-ended.
 */
export interface MembershipPeriod {
  id: string;
  providerId: string;
  from: CalendarDate;
  to: CalendarDate | null;
}

/** PRV-8: a membership is active on a date when its period covers that date. */
export function membershipActiveOn(
  membership: Omit<MembershipPeriod, 'id' | 'providerId'>,
  date: CalendarDate,
): boolean {
  return rangeContains(dateRange(membership.from, membership.to), date);
}

/** PRV-8: a member is unassigned on a date when none of its memberships is active that day. */
export function unassignedOn(
  memberships: readonly Omit<MembershipPeriod, 'id' | 'providerId'>[],
  date: CalendarDate,
): boolean {
  return !memberships.some((membership) => membershipActiveOn(membership, date));
}

/**
 * PRV-8: a person is a member of one provider at most once at any date, so a new period of the
 * same member at the same provider must not share a day with an existing one. Returns the clash.
 */
export function overlappingMembership(
  candidate: Omit<MembershipPeriod, 'id'>,
  memberships: readonly MembershipPeriod[],
): MembershipPeriod | undefined {
  const period = dateRange(candidate.from, candidate.to);
  return memberships.find(
    (existing) =>
      existing.providerId === candidate.providerId &&
      rangesOverlap(period, dateRange(existing.from, existing.to)),
  );
}

export type EndMembershipResult =
  | { ok: true; membership: MembershipPeriod; previousTo: CalendarDate | null; changed: boolean }
  | { ok: false; field: 'to'; message: string };

/**
 * PRV-8: ending a member's membership at a provider gives the membership that covers `to` its last
 * day. Ending it on the day it already ends changes nothing; a day no membership covers is refused.
 */
export function endMembership(
  memberships: readonly MembershipPeriod[],
  providerId: string,
  to: CalendarDate,
): EndMembershipResult {
  const covering = memberships.find(
    (membership) => membership.providerId === providerId && membershipActiveOn(membership, to),
  );
  if (!covering) {
    return {
      ok: false,
      field: 'to',
      message: `PRV-8: no membership of this member at the provider covers ${to}, so none can end that day`,
    };
  }
  return {
    ok: true,
    membership: { ...covering, to },
    previousTo: covering.to,
    changed: covering.to !== to,
  };
}
