import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

/**
 * PRV-8: membership events belong to the provider aggregate, so they share the provider's topic
 * (`providers.provider`) and stay ordered with its lifecycle events (a member added before the
 * provider was closed is seen in that order).
 */
const provider = { owner: 'providers', aggregateType: 'provider' } as const;

/**
 * CRD-6: a background check belongs to the member (the person), not to a provider: a member may be
 * unassigned (no provider at all) or belong to several providers over time, and a check follows
 * the person. So its events have their own aggregate, `member`, keyed by member id, which keeps
 * all checks of one person in order on `providers.member`.
 */
const member = { owner: 'providers', aggregateType: 'member' } as const;

const EXAMPLE_PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';
const EXAMPLE_MEMBER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000101';
const EXAMPLE_MEMBERSHIP_ID = '0199a3c2-9a10-7cc0-8d5e-000000000201';

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const MEMBER_ROLES = [
  'foster-parent',
  'staff',
  'volunteer',
  'household-member',
  'other',
] as const;
export const BACKGROUND_CHECK_TYPES = [
  'criminal',
  'child-protective-services',
  'firearms',
  'other',
] as const;
export const BACKGROUND_CHECK_RESULTS = ['pending', 'passed', 'failed'] as const;

/** PRV-8: a person became a member of a provider for a period (the end inclusive, null: open). */
export const providerMemberAdded = defineEvent({
  ...provider,
  type: 'provider-member.added',
  version: 1,
  description:
    'A person became a member of a provider, in a role, for a period (PRV-8). `to` is the last ' +
    'day of the membership (inclusive), null when open-ended.',
  schema: z.object({
    providerId: z.uuid(),
    memberId: z.uuid(),
    membershipId: z.uuid(),
    name: z.string().min(1),
    role: z.enum(MEMBER_ROLES),
    from: calendarDate,
    to: calendarDate.nullable(),
  }),
  example: {
    providerId: EXAMPLE_PROVIDER_ID,
    memberId: EXAMPLE_MEMBER_ID,
    membershipId: EXAMPLE_MEMBERSHIP_ID,
    name: 'Maria Lopez',
    role: 'foster-parent',
    from: '2026-01-01',
    to: null,
  },
});

/** PRV-8: a membership got its last day; the member is inactive at the provider after it. */
export const providerMemberMembershipEnded = defineEvent({
  ...provider,
  type: 'provider-member.membership-ended',
  version: 1,
  description:
    "A member's membership of a provider was given its last day (PRV-8); previousTo is the end " +
    'it had before (null: open-ended).',
  schema: z.object({
    providerId: z.uuid(),
    memberId: z.uuid(),
    membershipId: z.uuid(),
    to: calendarDate,
    previousTo: calendarDate.nullable(),
    reason: z.string().nullable(),
  }),
  example: {
    providerId: EXAMPLE_PROVIDER_ID,
    memberId: EXAMPLE_MEMBER_ID,
    membershipId: EXAMPLE_MEMBERSHIP_ID,
    to: '2026-06-30',
    previousTo: null,
    reason: 'Moved out of the household',
  },
});

/** CRD-6: a background check of a member was recorded, with its result. */
export const backgroundCheckRecorded = defineEvent({
  ...member,
  type: 'background-check.recorded',
  version: 1,
  description:
    'A background check of a member was recorded (CRD-6): its type, dates, validity period and ' +
    'result; failureReason is set exactly when the result is failed.',
  schema: z.object({
    memberId: z.uuid(),
    backgroundCheckId: z.uuid(),
    checkType: z.enum(BACKGROUND_CHECK_TYPES),
    result: z.enum(BACKGROUND_CHECK_RESULTS),
    failureReason: z.string().nullable(),
    requestedOn: calendarDate,
    completedOn: calendarDate.nullable(),
    validFrom: calendarDate.nullable(),
    validTo: calendarDate.nullable(),
  }),
  example: {
    memberId: EXAMPLE_MEMBER_ID,
    backgroundCheckId: '0199a3c2-9a10-7cc0-8d5e-000000000301',
    checkType: 'criminal',
    result: 'failed',
    failureReason: 'Criminal record',
    requestedOn: '2026-01-05',
    completedOn: '2026-01-20',
    validFrom: null,
    validTo: null,
  },
});
