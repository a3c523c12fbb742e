import { z } from 'zod';
import { CERTIFICATION_ISSUERS } from '@platform/contracts';
import { pageQuery } from '@platform/http';
import { calendarDateInput, changingSomething, nameFilter } from '../shared/common.schemas.js';
import { creditsInput } from '../trainings/training.schemas.js';
import { CERTIFICATION_STATUSES } from './certification.rules.js';

const text = (max: number) => z.string().trim().min(1).max(max);

const typeFields = {
  name: text(200),
  description: z.string().trim().max(2_000).nullable(),
  /** CRD-5: how long a certification of this type is valid. */
  validityMonths: z.number().int().min(1).max(600),
  /** CRD-5: the training credits (CRD-4) a member needs for it. */
  requiredCredits: creditsInput,
  issuer: z.enum(CERTIFICATION_ISSUERS),
  active: z.boolean(),
};

export const createCertificationTypeBody = z
  .object({
    ...typeFields,
    description: typeFields.description.default(null),
    requiredCredits: typeFields.requiredCredits.default(0),
    active: typeFields.active.default(true),
  })
  .strict();
export type CreateCertificationTypeBody = z.infer<typeof createCertificationTypeBody>;

export const updateCertificationTypeBody = changingSomething(
  z
    .object({
      name: typeFields.name.optional(),
      description: typeFields.description.optional(),
      validityMonths: typeFields.validityMonths.optional(),
      requiredCredits: typeFields.requiredCredits.optional(),
      issuer: typeFields.issuer.optional(),
      active: typeFields.active.optional(),
    })
    .strict(),
);
export type UpdateCertificationTypeBody = z.infer<typeof updateCertificationTypeBody>;

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const listCertificationTypesQuery = pageQuery.extend({
  name: nameFilter,
  issuer: z.enum(CERTIFICATION_ISSUERS).optional(),
  active: booleanFlag.optional(),
});
export type ListCertificationTypesQuery = z.infer<typeof listCertificationTypesQuery>;

/**
 * CRD-5: a certification of a member. The validity period runs from `validFrom` (default: the
 * issue date) for the type's validity. Credits earned are the member's training credits by the
 * issue date, weighted for `providerId`'s category and type when given.
 */
export const recordCertificationBody = z
  .object({
    certificationTypeId: z.uuid('must be a UUID'),
    /** Who issued it: the agency's name, or the third party's. */
    issuedBy: text(200),
    issuedOn: calendarDateInput,
    validFrom: calendarDateInput.optional(),
    providerId: z.uuid('must be a UUID').optional(),
  })
  .strict();
export type RecordCertificationBody = z.infer<typeof recordCertificationBody>;

/** CRD-5: on expiry, a new validity period (its end defaults to the type's validity). */
export const renewCertificationBody = z
  .object({
    validFrom: calendarDateInput,
    validTo: calendarDateInput.optional(),
  })
  .strict()
  .refine((body) => body.validTo === undefined || body.validTo >= body.validFrom, {
    message: 'CRD-5: a validity period cannot end before it starts',
    path: ['validTo'],
  });
export type RenewCertificationBody = z.infer<typeof renewCertificationBody>;

export const listCertificationsQuery = pageQuery.extend({
  certificationTypeId: z.uuid('must be a UUID').optional(),
  /** Status on `onDate` (default today). */
  status: z.enum(CERTIFICATION_STATUSES).optional(),
  onDate: calendarDateInput.optional(),
  /** true: include removed certifications (they are kept, marked removed). */
  includeRemoved: booleanFlag.optional(),
});
export type ListCertificationsQuery = z.infer<typeof listCertificationsQuery>;

export const statusOnQuery = z.object({ onDate: calendarDateInput.optional() });
export type StatusOnQuery = z.infer<typeof statusOnQuery>;

export const certificationTypeExample: z.input<typeof createCertificationTypeBody> = {
  name: 'Therapeutic foster carer',
  description: 'Required to care for children with complex needs',
  validityMonths: 12,
  requiredCredits: 10,
  issuer: 'agency',
};

export const recordCertificationExample: z.input<typeof recordCertificationBody> = {
  certificationTypeId: '0199a3c2-9a10-7cc0-8d5e-000000000811',
  issuedBy: 'Springfield Children and Families Agency',
  issuedOn: '2026-01-10',
};
