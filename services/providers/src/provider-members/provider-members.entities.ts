import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import {
  BACKGROUND_CHECK_RESULTS,
  BACKGROUND_CHECK_TYPES,
  MEMBER_ROLES,
} from '@platform/contracts';
import { auditProperties } from '../shared/audit.js';

/**
 * PRV-8: a person known to the agency — a foster parent, staff member, volunteer … — who may be a
 * member of zero or more providers over time. With no current membership the person is an
 * "unassigned member" who still carries trainings, certifications and background checks.
 */
export const Member = defineEntity({
  name: 'Member',
  tableName: 'member',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    dateOfBirth: p.date().fieldName('date_of_birth').nullable(),
    ...auditProperties,
  },
});
export type MemberRecord = InferEntity<typeof Member>;

/** PRV-8: a member's role at a provider for a period (calendar dates, `to` inclusive, null: open). */
export const ProviderMembership = defineEntity({
  name: 'ProviderMembership',
  tableName: 'provider_membership',
  properties: {
    id: p.uuid().primary(),
    providerId: p.uuid().fieldName('provider_id'),
    memberId: p.uuid().fieldName('member_id'),
    role: p.enum(MEMBER_ROLES),
    from: p.date().fieldName('from_date'),
    to: p.date().fieldName('to_date').nullable(),
    endReason: p.text().fieldName('end_reason').nullable(),
    ...auditProperties,
  },
});
export type ProviderMembershipRecord = InferEntity<typeof ProviderMembership>;

/** PRV-8: someone outside the provider who is involved with it — a lawyer, a doctor … */
export const ProviderParticipant = defineEntity({
  name: 'ProviderParticipant',
  tableName: 'provider_participant',
  properties: {
    id: p.uuid().primary(),
    providerId: p.uuid().fieldName('provider_id'),
    name: p.text(),
    role: p.text(),
    organisation: p.text().nullable(),
    phone: p.text().nullable(),
    email: p.text().nullable(),
    ...auditProperties,
  },
});
export type ProviderParticipantRecord = InferEntity<typeof ProviderParticipant>;

/** CRD-6: a background check of a member, its validity period and result. */
export const BackgroundCheck = defineEntity({
  name: 'BackgroundCheck',
  tableName: 'background_check',
  properties: {
    id: p.uuid().primary(),
    memberId: p.uuid().fieldName('member_id'),
    checkType: p.enum(BACKGROUND_CHECK_TYPES).fieldName('check_type'),
    result: p.enum(BACKGROUND_CHECK_RESULTS),
    failureReason: p.text().fieldName('failure_reason').nullable(),
    requestedOn: p.date().fieldName('requested_on'),
    completedOn: p.date().fieldName('completed_on').nullable(),
    validFrom: p.date().fieldName('valid_from').nullable(),
    validTo: p.date().fieldName('valid_to').nullable(),
    ...auditProperties,
  },
});
export type BackgroundCheckRecord = InferEntity<typeof BackgroundCheck>;

export const PROVIDER_MEMBER_ENTITIES = [
  Member,
  ProviderMembership,
  ProviderParticipant,
  BackgroundCheck,
];
