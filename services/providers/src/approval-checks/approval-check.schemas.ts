import { z } from 'zod';
import { APPROVAL_CHECK_SCOPES } from '@platform/contracts';
import { pageQuery } from '@platform/http';
import { addRuleIssues } from '../shared/rule-issues.js';

const uuid = z.uuid('must be a UUID');

/** SVC-8: a whole number of percent, 0–100. */
export const approvalCheckPercentage = z
  .number({ error: 'must be a whole number from 0 to 100 (SVC-8)' })
  .int('must be a whole number from 0 to 100 (SVC-8)')
  .min(0, 'must be a whole number from 0 to 100 (SVC-8)')
  .max(100, 'must be a whole number from 0 to 100 (SVC-8)')
  .meta({
    description: 'Share of service deliveries that need manual approval, in percent (SVC-8).',
    example: 25,
  });

/** The id of an organisation unit or user (another context's, so opaque text) or of a record. */
const scopeIdInput = z.string().trim().min(1, 'is required').max(200);

/** Levels whose id is one of this service's records, so a UUID. */
const RECORD_SCOPES: ReadonlySet<string> = new Set(['provider', 'provider-service']);

/**
 * SVC-8: sets the approval check percentage of one slot — a level (`scope` + `scopeId`) for all
 * services or, with `serviceProductId`, for one service product. A provider service's setting is
 * for its own product (give none, or that one).
 */
export const setApprovalCheckBody = z
  .object({
    scope: z.enum(APPROVAL_CHECK_SCOPES),
    scopeId: scopeIdInput,
    serviceProductId: uuid.nullable().default(null),
    percentage: approvalCheckPercentage,
  })
  .strict()
  .superRefine((body, ctx) => {
    if (RECORD_SCOPES.has(body.scope) && !uuid.safeParse(body.scopeId).success) {
      addRuleIssues(ctx, [
        {
          rule: 'SVC-8',
          field: 'scopeId',
          message: `must be the UUID of a ${body.scope.replace('-', ' ')}`,
        },
      ]);
    }
  });
export type SetApprovalCheckBody = z.infer<typeof setApprovalCheckBody>;

export const setApprovalCheckExample: z.input<typeof setApprovalCheckBody> = {
  scope: 'provider',
  scopeId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
  serviceProductId: '0199a3c2-9a10-7cc0-8d5e-000000000301',
  percentage: 25,
};

export const listApprovalChecksQuery = pageQuery.extend({
  scope: z.enum(APPROVAL_CHECK_SCOPES).optional(),
  scopeId: scopeIdInput.optional(),
  /** The settings for this one product (settings for all services are not included). */
  serviceProductId: uuid.optional(),
});
export type ListApprovalChecksQuery = z.infer<typeof listApprovalChecksQuery>;

const opaqueId = z.string().trim().min(1).max(200).optional();

/**
 * SVC-8: a service delivery's circumstances, from which the applicable percentage is resolved.
 * The product may be left out when a provider service is given (it is the service's product).
 */
export const effectiveApprovalCheckQuery = z
  .object({
    serviceProductId: uuid.optional(),
    providerId: uuid.optional(),
    providerServiceId: uuid.optional(),
    userId: opaqueId,
    organisationUnitId: opaqueId,
  })
  .strict()
  .superRefine((query, ctx) => {
    if (!query.serviceProductId && !query.providerServiceId) {
      ctx.addIssue({
        code: 'custom',
        path: ['serviceProductId'],
        message: 'give the service product (or a provider service, whose product it then is)',
      });
    }
  });
export type EffectiveApprovalCheckQuery = z.infer<typeof effectiveApprovalCheckQuery>;
