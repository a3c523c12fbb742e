import { z } from 'zod';
import { pageQuery } from '@platform/http';
import {
  calendarDateInput,
  changingSomething,
  nameFilter,
  nameInput,
} from '../shared/common.schemas.js';
import { addRuleIssues } from '../shared/rule-issues.js';
import { LICENCE_STATUSES } from './licence-lifecycle.js';

const text = (max: number) => z.string().trim().min(1).max(max);

function withoutRepeats<T extends z.ZodType<string>>(item: T) {
  return z
    .array(item)
    .max(50)
    .refine((items) => new Set(items).size === items.length, 'must not repeat an entry');
}

/** A registry code, stored upper-case: `foster-care` is FOSTER-CARE. */
const code = (example: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, `a code like ${example}`)
    .transform((value) => value.toUpperCase());

/** CRD-3: training course codes as the training catalogue names them (CRD-4), e.g. FIRST-AID. */
const courseCodes = withoutRepeats(code('FIRST-AID'));

const licenceTypeFields = {
  name: nameInput,
  description: z.string().trim().max(2_000).nullable(),
  /** CRD-3: every active member must have completed or waived each of these courses. */
  mandatoryCourseCodes: courseCodes,
  /** CRD-2: the validity of a licence of this type when its period gives no end. */
  defaultValidityMonths: z.number().int().min(1).max(120),
};

export const createLicenceTypeBody = z
  .object({
    code: code('FOSTER-CARE'),
    name: licenceTypeFields.name,
    description: licenceTypeFields.description.default(null),
    mandatoryCourseCodes: courseCodes.default([]),
    defaultValidityMonths: licenceTypeFields.defaultValidityMonths.default(12),
  })
  .strict();
export type CreateLicenceTypeBody = z.infer<typeof createLicenceTypeBody>;

/** The code never changes: contracts name required licence types by it (CTR-2). */
export const updateLicenceTypeBody = changingSomething(
  z.object(licenceTypeFields).partial().strict(),
);
export type UpdateLicenceTypeBody = z.infer<typeof updateLicenceTypeBody>;

export const listLicenceTypesQuery = pageQuery.extend({
  name: nameFilter,
  /** Only the types requiring this course (CRD-3). */
  courseCode: code('FIRST-AID').optional(),
});
export type ListLicenceTypesQuery = z.infer<typeof listLicenceTypesQuery>;

export const createLicenceTypeExample: z.input<typeof createLicenceTypeBody> = {
  code: 'FOSTER-CARE',
  name: 'Foster care licence',
  description: 'Licence to provide foster care in the state',
  mandatoryCourseCodes: ['FIRST-AID', 'SAFE-SLEEP'],
  defaultValidityMonths: 12,
};

/** CRD-2: a licence of the provider, covering one or more of its provider services. */
export const recordLicenceBody = z
  .object({
    licenceTypeId: z.uuid('must be a UUID'),
    number: text(100),
    issuingAuthority: text(200),
    from: calendarDateInput,
    /** Inclusive; absent: the licence type's default validity from `from`. */
    to: calendarDateInput.optional(),
    providerServiceIds: z
      .array(z.uuid('must be a UUID'))
      .min(1, 'CRD-2: a licence covers one or more provider services')
      .max(50)
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an entry'),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.to !== undefined && body.to < body.from) {
      addRuleIssues(ctx, [
        { rule: 'CRD-2', field: 'to', message: 'a licence period cannot end before it starts' },
      ]);
    }
  });
export type RecordLicenceBody = z.infer<typeof recordLicenceBody>;

export const recordLicenceExample: z.input<typeof recordLicenceBody> = {
  licenceTypeId: '0199a3c2-9a10-7cc0-8d5e-000000000501',
  number: 'FC-2026-0042',
  issuingAuthority: 'State Department of Children and Families',
  from: '2026-01-01',
  to: '2026-12-31',
  providerServiceIds: ['0199a3c2-9a10-7cc0-8d5e-000000000401'],
};

const optionalReason = z.string().trim().max(2_000).nullable().optional();
const requiredReason = text(2_000);

/** CRD-2 approve / reinstate: an optional comment. */
export const optionalReasonBody = z.object({ reason: optionalReason }).strict();
export type OptionalReasonBody = z.infer<typeof optionalReasonBody>;

/** CRD-2 reject / suspend / non-compliance: the reason is required. */
export const requiredReasonBody = z.object({ reason: requiredReason }).strict();
export type RequiredReasonBody = z.infer<typeof requiredReasonBody>;

/** CRD-2: renew for a new period that starts the day after the current one ends. */
export const renewLicenceBody = z
  .object({
    /** Inclusive; absent: the licence type's default validity from the new period's start. */
    to: calendarDateInput.optional(),
    reason: optionalReason,
  })
  .strict();
export type RenewLicenceBody = z.infer<typeof renewLicenceBody>;

export const listLicencesQuery = pageQuery.extend({
  status: z.enum(LICENCE_STATUSES).optional(),
  licenceTypeId: z.uuid('must be a UUID').optional(),
  /** Only licences covering this provider service (CRD-2). */
  providerServiceId: z.uuid('must be a UUID').optional(),
  /** Only licences valid on this date: approved and the date within their period (CRD-2). */
  validOn: calendarDateInput.optional(),
  /** Licence number contains (case-insensitive). */
  number: nameFilter,
});
export type ListLicencesQuery = z.infer<typeof listLicencesQuery>;

/** CRD-3: the day the members must be active and trained on; absent: today (UTC). */
export const trainingCheckQuery = z.object({ date: calendarDateInput.optional() }).strict();
export type TrainingCheckQuery = z.infer<typeof trainingCheckQuery>;
