import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarDate } from '@platform/kernel';
import type { ApprovalCriterionCheck } from '../provider-services/approval-criterion.js';
import { backgroundCheckValidOn } from './background-check.js';
import { membershipActiveOn } from './membership.js';
import { BackgroundCheck, Member, ProviderMembership } from './provider-members.entities.js';

/**
 * SVC-7 'background-check' (CRD-6): every member active at the provider on the date has a passed
 * background check whose validity period covers that date. A provider with no active member gets
 * a warning too: there is nobody whose check could be verified, so the criterion is not met.
 */
export const backgroundCheckCriterion: ApprovalCriterionCheck = async (
  em: EntityManager,
  subject,
) => {
  const onDate = subject.onDate as CalendarDate;
  const memberships = (
    await em.find(
      ProviderMembership,
      { providerId: subject.providerId },
      { orderBy: { id: 'asc' } },
    )
  ).filter((membership) =>
    membershipActiveOn(
      { from: membership.from as CalendarDate, to: (membership.to ?? null) as CalendarDate | null },
      onDate,
    ),
  );
  if (memberships.length === 0) {
    return [
      `Background check: no member is active at the provider on ${subject.onDate}, so no background check could be verified`,
    ];
  }
  const memberIds = [...new Set(memberships.map((membership) => membership.memberId))];
  const [members, checks] = await Promise.all([
    em.find(Member, { id: { $in: memberIds } }),
    em.find(BackgroundCheck, { memberId: { $in: memberIds } }),
  ]);
  const names = new Map(members.map((member) => [member.id, member.name]));
  return memberIds
    .filter(
      (memberId) =>
        !checks.some(
          (check) =>
            check.memberId === memberId &&
            backgroundCheckValidOn(
              {
                result: check.result,
                requestedOn: check.requestedOn as CalendarDate,
                validFrom: (check.validFrom ?? null) as CalendarDate | null,
                validTo: (check.validTo ?? null) as CalendarDate | null,
              },
              onDate,
            ),
        ),
    )
    .map(
      (memberId) =>
        `Background check: ${names.get(memberId) ?? memberId} (member ${memberId}) has no passed background check valid on ${subject.onDate}`,
    )
    .sort();
};
