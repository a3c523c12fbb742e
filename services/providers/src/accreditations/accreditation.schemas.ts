import { z } from 'zod';
import { pageQuery } from '@platform/http';
import { calendarDateInput, changingSomething } from '../shared/common.schemas.js';
import { addRuleIssues } from '../shared/rule-issues.js';
import { ACCREDITATION_STATUSES, accreditationPeriodIssues } from './accreditation.rules.js';

const text = (max: number) => z.string().trim().min(1).max(max);

const fields = {
  accreditingBody: text(200),
  accreditationType: text(200),
  reference: z.string().trim().min(1).max(100).nullable(),
  startDate: calendarDateInput,
  expiryDate: calendarDateInput,
};

/** CRD-1: an accreditation of the provider with its start and expiry dates (both inclusive). */
export const recordAccreditationBody = z
  .object({ ...fields, reference: fields.reference.default(null) })
  .strict()
  .superRefine((body, ctx) => {
    addRuleIssues(
      ctx,
      accreditationPeriodIssues(body).map((issue) => ({ rule: 'CRD-1', ...issue })),
    );
  });
export type RecordAccreditationBody = z.infer<typeof recordAccreditationBody>;

/** CRD-1: corrections; the period is checked again once merged with the stored dates. */
export const updateAccreditationBody = changingSomething(
  z
    .object({
      accreditingBody: fields.accreditingBody.optional(),
      accreditationType: fields.accreditationType.optional(),
      reference: fields.reference.optional(),
      startDate: fields.startDate.optional(),
      expiryDate: fields.expiryDate.optional(),
    })
    .strict(),
);
export type UpdateAccreditationBody = z.infer<typeof updateAccreditationBody>;

/** CRD-1: ends an accreditation early: its last current day and why. */
export const endAccreditationBody = z
  .object({
    endDate: calendarDateInput,
    reason: z.string().trim().min(1, 'say why the accreditation ends').max(2_000),
  })
  .strict();
export type EndAccreditationBody = z.infer<typeof endAccreditationBody>;

export const listAccreditationsQuery = pageQuery.extend({
  /** Status on `onDate` (default today). */
  status: z.enum(ACCREDITATION_STATUSES).optional(),
  onDate: calendarDateInput.optional(),
  accreditingBody: z.string().trim().min(1).max(200).optional(),
});
export type ListAccreditationsQuery = z.infer<typeof listAccreditationsQuery>;

export const statusOnQuery = z.object({ onDate: calendarDateInput.optional() });
export type StatusOnQuery = z.infer<typeof statusOnQuery>;

export const recordAccreditationExample: z.input<typeof recordAccreditationBody> = {
  accreditingBody: 'Council on Accreditation',
  accreditationType: 'Foster care services',
  reference: 'COA-2026-117',
  startDate: '2026-01-01',
  expiryDate: '2029-12-31',
};
