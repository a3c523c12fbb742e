import { z } from 'zod';
import {
  SERVICE_ENQUIRY_CONTACT_METHODS,
  SERVICE_ENQUIRY_RESPONSES,
  SERVICE_ENQUIRY_STATUSES,
} from '@platform/contracts';
import { pageQuery } from '@platform/http';
import { calendarDateInput, nameFilter } from '../shared/common.schemas.js';
import { addRuleIssues } from '../shared/rule-issues.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** An opaque reference to a client of the agency, as the case-management system knows it. */
export const clientReferenceInput = text(100);

/** PRV-9: a case worker asks a provider whether it can deliver a service in a period. */
export const sendEnquiryBody = z
  .object({
    providerId: z.uuid('must be a UUID'),
    serviceProductId: z.uuid('must be a UUID'),
    clientReference: clientReferenceInput,
    clientName: optionalText(200),
    from: calendarDateInput,
    /** Inclusive. */
    to: calendarDateInput,
    /** How many units of the product's unit of measure (places, sessions, hours …). */
    units: z.number().int().min(1).max(100_000),
    /** Default: the provider's preferred communication. */
    contactMethod: z.enum(SERVICE_ENQUIRY_CONTACT_METHODS).nullable().optional(),
    question: optionalText(2_000),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.to < body.from) {
      addRuleIssues(ctx, [
        { rule: 'PRV-9', field: 'to', message: 'the period cannot end before it starts' },
      ]);
    }
  });
export type SendEnquiryBody = z.infer<typeof sendEnquiryBody>;

/** PRV-9: the provider's answer, recorded by the provider (self-service) or by staff. */
export const respondEnquiryBody = z
  .object({
    response: z.enum(SERVICE_ENQUIRY_RESPONSES),
    /** Required for partially-available; implied by the others. */
    availableUnits: z.number().int().min(0).max(100_000).nullable().optional(),
    comments: optionalText(2_000),
    /** Who answered for the provider; default: the user recording the answer. */
    respondedBy: text(200).nullable().optional(),
  })
  .strict();
export type RespondEnquiryBody = z.infer<typeof respondEnquiryBody>;

export const cancelEnquiryBody = z.object({ reason: optionalText(2_000) }).strict();
export type CancelEnquiryBody = z.infer<typeof cancelEnquiryBody>;

const listFilters = {
  serviceProductId: z.uuid('must be a UUID').optional(),
  status: z.enum(SERVICE_ENQUIRY_STATUSES).optional(),
  /** The user id of the case worker who asked. */
  caseWorker: z.string().trim().min(1).max(200).optional(),
  clientReference: clientReferenceInput.optional(),
  clientName: nameFilter,
  /** With `to`: only enquiries whose period shares a day with from…to. */
  from: calendarDateInput.optional(),
  to: calendarDateInput.optional(),
};

function periodInOrder(query: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (query.from && query.to && query.to < query.from) {
    addRuleIssues(ctx, [
      { rule: 'PRV-9', field: 'to', message: 'the period cannot end before it starts' },
    ]);
  }
}

export const listEnquiriesQuery = pageQuery
  .extend({ providerId: z.uuid('must be a UUID').optional(), ...listFilters })
  .superRefine(periodInOrder);
export type ListEnquiriesQuery = z.infer<typeof listEnquiriesQuery>;

export const listProviderEnquiriesQuery = pageQuery.extend(listFilters).superRefine(periodInOrder);
export type ListProviderEnquiriesQuery = z.infer<typeof listProviderEnquiriesQuery>;

export const sendEnquiryExample: z.input<typeof sendEnquiryBody> = {
  providerId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
  serviceProductId: '0199a3c2-9a10-7cc0-8d5e-00000000c001',
  clientReference: 'CL-2026-0042',
  clientName: 'Jamie Doe',
  from: '2026-03-01',
  to: '2026-05-31',
  units: 2,
  question: 'Two places in the after-school programme, weekdays',
};

export const respondEnquiryExample: z.input<typeof respondEnquiryBody> = {
  response: 'partially-available',
  availableUnits: 1,
  comments: 'One place from March; a second from mid-April',
  respondedBy: 'Dana Sunrise (manager)',
};
