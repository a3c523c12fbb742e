import { z } from 'zod';
import { pageQuery } from '@platform/http';
import { LIFECYCLE_ACTIONS, PROVIDER_STATUSES } from './provider-lifecycle.js';
import { COMMUNICATION_METHODS, PAYMENT_METHODS } from './provider.entity.js';
import { codeInput } from '../provider-classification/provider-classification.schemas.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** PRV-3: what enrolment captures; capacities may follow later. */
const providerDetails = z.object({
  name: text(200),
  addressLine1: text(200).nullable().optional(),
  addressLine2: text(200).nullable().optional(),
  city: text(100).nullable().optional(),
  region: text(100).nullable().optional(),
  postalCode: text(20).nullable().optional(),
  preferredLanguage: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language tag such as en or es-MX')
    .nullable()
    .optional(),
  preferredCommunication: z.enum(COMMUNICATION_METHODS).nullable().optional(),
  paymentMethod: z.enum(PAYMENT_METHODS).nullable().optional(),
  physicalCapacity: z.number().int().min(0).max(100_000).nullable().optional(),
  designatedCapacity: z.number().int().min(0).max(100_000).nullable().optional(),
});

/** PRV-3: designated capacity is the part of the physical capacity the agency may use. */
function designatedWithinPhysical(
  details: { physicalCapacity?: number | null; designatedCapacity?: number | null },
  context: z.RefinementCtx,
) {
  const { physicalCapacity, designatedCapacity } = details;
  if (
    physicalCapacity != null &&
    designatedCapacity != null &&
    designatedCapacity > physicalCapacity
  ) {
    context.addIssue({
      code: 'custom',
      path: ['designatedCapacity'],
      message: `PRV-3: designated capacity (${designatedCapacity}) cannot exceed physical capacity (${physicalCapacity})`,
    });
  }
}

export const enrolProviderBody = providerDetails.strict().superRefine(designatedWithinPhysical);
export type EnrolProviderBody = z.infer<typeof enrolProviderBody>;

export const updateProviderBody = providerDetails
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'give at least one field to change')
  .superRefine(designatedWithinPhysical);
export type UpdateProviderBody = z.infer<typeof updateProviderBody>;

export const lifecycleBody = z
  .object({
    action: z.enum(LIFECYCLE_ACTIONS),
    reason: z.string().trim().max(2_000).nullable().optional(),
  })
  .strict();
export type LifecycleBody = z.infer<typeof lifecycleBody>;

export const listProvidersQuery = pageQuery
  .extend({
    status: z.enum(PROVIDER_STATUSES).optional(),
    /** Case-insensitive part of the name. */
    name: z.string().trim().min(1).max(200).optional(),
    /** Case-insensitive part of the city. */
    city: z.string().trim().min(1).max(100).optional(),
    /** PRV-3: providers of this category (code). */
    category: codeInput.optional(),
    /** PRV-3: ... and of this type within it (a type code is unique only within its category). */
    type: codeInput.optional(),
    /** PRV-3: providers with this specialty (code). */
    specialty: codeInput.optional(),
    /** PRV-6: providers with a provider service (not ended) for this service product. */
    serviceProductId: z.uuid('must be a UUID').optional(),
  })
  .refine((query) => !query.type || query.category, {
    path: ['type'],
    message: 'PRV-3: give the category too; a type is a sub-classification of a category',
  });
export type ListProvidersQuery = z.infer<typeof listProvidersQuery>;

export const enrolProviderExample = {
  name: 'Hilltop Foster Home',
  addressLine1: '12 Hill Road',
  city: 'Springfield',
  postalCode: '12345',
  preferredLanguage: 'en',
  preferredCommunication: 'email',
  paymentMethod: 'eft',
  physicalCapacity: 4,
  designatedCapacity: 3,
} satisfies EnrolProviderBody;
