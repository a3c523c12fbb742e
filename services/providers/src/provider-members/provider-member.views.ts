import type { CalendarDate } from '@platform/kernel';
import { auditView } from '../shared/audit.js';
import { backgroundCheckValidOn } from './background-check.js';
import { todayDate } from '../shared/today.js';
import { dateOrNull } from '../shared/view-values.js';
import { membershipActiveOn } from './membership.js';
import type {
  BackgroundCheckRecord,
  MemberRecord,
  ProviderMembershipRecord,
  ProviderParticipantRecord,
} from './provider-members.entities.js';

export type MembershipView = ReturnType<typeof membershipView>;

/** PRV-8: a membership as the API shows it; `active`: its period covers today. */
export function membershipView(membership: ProviderMembershipRecord, today = todayDate()) {
  const from = membership.from as CalendarDate;
  const to = dateOrNull(membership.to);
  return {
    id: membership.id,
    providerId: membership.providerId,
    memberId: membership.memberId,
    role: membership.role,
    from,
    to,
    endReason: membership.endReason ?? null,
    active: membershipActiveOn({ from, to }, today),
    ...auditView(membership),
  };
}

export type ProviderMemberView = ReturnType<typeof providerMemberView>;

/** PRV-8: a membership with the person it belongs to (provider member lists). */
export function providerMemberView(
  membership: ProviderMembershipRecord,
  member: MemberRecord,
  today = todayDate(),
) {
  return {
    ...membershipView(membership, today),
    name: member.name,
    dateOfBirth: dateOrNull(member.dateOfBirth),
  };
}

export type MemberView = ReturnType<typeof memberView>;

/** PRV-8: a person with their memberships; unassigned when none is active today. */
export function memberView(
  member: MemberRecord,
  memberships: readonly ProviderMembershipRecord[],
  today = todayDate(),
) {
  const views = memberships.map((membership) => membershipView(membership, today));
  return {
    id: member.id,
    name: member.name,
    dateOfBirth: dateOrNull(member.dateOfBirth),
    unassigned: !views.some((membership) => membership.active),
    memberships: views,
    ...auditView(member),
  };
}

export type ParticipantView = ReturnType<typeof participantView>;

export function participantView(participant: ProviderParticipantRecord) {
  return {
    id: participant.id,
    providerId: participant.providerId,
    name: participant.name,
    role: participant.role,
    organisation: participant.organisation ?? null,
    phone: participant.phone ?? null,
    email: participant.email ?? null,
    ...auditView(participant),
  };
}

export type BackgroundCheckView = ReturnType<typeof backgroundCheckView>;

/** CRD-6: a background check; `valid`: passed and its validity period covers today. */
export function backgroundCheckView(check: BackgroundCheckRecord, today = todayDate()) {
  const facts = {
    result: check.result,
    failureReason: check.failureReason ?? null,
    requestedOn: check.requestedOn as CalendarDate,
    completedOn: dateOrNull(check.completedOn),
    validFrom: dateOrNull(check.validFrom),
    validTo: dateOrNull(check.validTo),
  };
  return {
    id: check.id,
    memberId: check.memberId,
    checkType: check.checkType,
    ...facts,
    valid: backgroundCheckValidOn(facts, today),
    ...auditView(check),
  };
}
