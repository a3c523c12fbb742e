import { z } from 'zod';
import {
  BACKGROUND_CHECK_RESULTS,
  BACKGROUND_CHECK_TYPES,
  MEMBER_ROLES,
} from '@platform/contracts';
import { pageQuery } from '@platform/http';
import { calendarDateInput, nameFilter } from '../shared/common.schemas.js';
import { addRuleIssues } from '../shared/rule-issues.js';
import { backgroundCheckIssues } from './background-check.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** PRV-8: the person, as the agency knows them. */
const person = {
  name: text(200),
  dateOfBirth: calendarDateInput.nullable().default(null),
};

export const createMemberBody = z.object(person).strict();
export type CreateMemberBody = z.infer<typeof createMemberBody>;

/**
 * PRV-8: adds a membership — of a person already known (`memberId`, e.g. an unassigned member) or
 * of a new one (`name`, optional `dateOfBirth`) — in a role for a period.
 */
export const addMemberBody = z
  .object({
    memberId: z.uuid('must be a UUID').optional(),
    name: text(200).optional(),
    dateOfBirth: calendarDateInput.nullable().optional(),
    role: z.enum(MEMBER_ROLES),
    from: calendarDateInput,
    /** Inclusive; null or absent: open-ended. */
    to: calendarDateInput.nullable().default(null),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.memberId && (body.name || body.dateOfBirth)) {
      addRuleIssues(ctx, [
        {
          rule: 'PRV-8',
          field: 'name',
          message: 'give either memberId (a known person) or name (a new one), not both',
        },
      ]);
    } else if (!body.memberId && !body.name) {
      addRuleIssues(ctx, [
        {
          rule: 'PRV-8',
          field: 'name',
          message: 'give the name of a new member, or memberId of a known one',
        },
      ]);
    }
    if (body.to !== null && body.to < body.from) {
      addRuleIssues(ctx, [
        { rule: 'PRV-8', field: 'to', message: 'a membership cannot end before it starts' },
      ]);
    }
  });
export type AddMemberBody = z.infer<typeof addMemberBody>;

/** PRV-8: the last day of a member's membership at the provider. */
export const endMembershipBody = z
  .object({
    to: calendarDateInput,
    reason: z.string().trim().max(2_000).nullable().optional(),
  })
  .strict();
export type EndMembershipBody = z.infer<typeof endMembershipBody>;

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const listProviderMembersQuery = pageQuery.extend({
  role: z.enum(MEMBER_ROLES).optional(),
  /** Only the memberships active on this date (PRV-8). */
  activeOn: calendarDateInput.optional(),
  name: nameFilter,
});
export type ListProviderMembersQuery = z.infer<typeof listProviderMembersQuery>;

export const listMembersQuery = pageQuery.extend({
  /** true: only people with no membership active today (PRV-8 unassigned members). */
  unassigned: booleanFlag.optional(),
  name: nameFilter,
});
export type ListMembersQuery = z.infer<typeof listMembersQuery>;

/** PRV-8: an external person involved with the provider, e.g. a lawyer or a doctor. */
export const addParticipantBody = z
  .object({
    name: text(200),
    role: text(100),
    organisation: text(200).nullable().default(null),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()./-]{5,30}$/, 'must be a phone number')
      .nullable()
      .default(null),
    email: z.email('must be an email address').nullable().default(null),
  })
  .strict();
export type AddParticipantBody = z.infer<typeof addParticipantBody>;

export const listParticipantsQuery = pageQuery.extend({ name: nameFilter });
export type ListParticipantsQuery = z.infer<typeof listParticipantsQuery>;

/** CRD-6: a background check of a member, as recorded. */
export const recordBackgroundCheckBody = z
  .object({
    checkType: z.enum(BACKGROUND_CHECK_TYPES),
    result: z.enum(BACKGROUND_CHECK_RESULTS),
    failureReason: z.string().trim().max(2_000).nullable().default(null),
    requestedOn: calendarDateInput,
    completedOn: calendarDateInput.nullable().default(null),
    validFrom: calendarDateInput.nullable().default(null),
    validTo: calendarDateInput.nullable().default(null),
  })
  .strict()
  .superRefine((check, ctx) => {
    addRuleIssues(
      ctx,
      backgroundCheckIssues(check).map((issue) => ({ rule: 'CRD-6', ...issue })),
    );
  });
export type RecordBackgroundCheckBody = z.infer<typeof recordBackgroundCheckBody>;

export const listBackgroundChecksQuery = pageQuery.extend({
  checkType: z.enum(BACKGROUND_CHECK_TYPES).optional(),
  result: z.enum(BACKGROUND_CHECK_RESULTS).optional(),
});
export type ListBackgroundChecksQuery = z.infer<typeof listBackgroundChecksQuery>;

export const addMemberExample: z.input<typeof addMemberBody> = {
  name: 'Maria Lopez',
  dateOfBirth: '1984-03-12',
  role: 'foster-parent',
  from: '2026-01-01',
};

export const addParticipantExample: z.input<typeof addParticipantBody> = {
  name: 'Dr. Amal Haddad',
  role: 'doctor',
  organisation: 'Springfield Clinic',
  phone: '+1 555 0100',
  email: 'a.haddad@clinic.example',
};

export const recordBackgroundCheckExample: z.input<typeof recordBackgroundCheckBody> = {
  checkType: 'criminal',
  result: 'failed',
  failureReason: 'Criminal record',
  requestedOn: '2026-01-05',
  completedOn: '2026-01-20',
};
