import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

/**
 * SVC-8: the levels below the service product at which an approval check percentage can be set.
 * Organisation units and users belong to contexts outside the platform's services (their ids are
 * opaque text); providers and provider services are the providers service's own records.
 */
export const APPROVAL_CHECK_SCOPES = [
  'organisation-unit',
  'user',
  'provider',
  'provider-service',
] as const;
export type ApprovalCheckScope = (typeof APPROVAL_CHECK_SCOPES)[number];

/**
 * The aggregate id of an approval check setting: its slot — scope, scope id and service product
 * (`*` for "all services") — rather than the setting's row id. A consumer (finance, sampling
 * deliveries) keeps its projection by the slot it resolves against, so every change of one slot,
 * including a removal and a later new setting, travels on one key and stays in order.
 */
export function approvalCheckKey(
  scope: ApprovalCheckScope,
  scopeId: string,
  serviceProductId: string | null,
): string {
  return `${scope}:${scopeId}:${serviceProductId ?? '*'}`;
}

const approvalCheck = { owner: 'providers', aggregateType: 'approval-check' } as const;

const percentage = z.number().int().min(0).max(100);

const EXAMPLE_SETTING_ID = '0199a3c2-9a10-7cc0-8d5e-000000000801';
const EXAMPLE_PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';
const EXAMPLE_PRODUCT_ID = '0199a3c2-9a10-7cc0-8d5e-000000000301';

/**
 * SVC-8: the approval check percentage of one slot was set, replaced or removed. Finance uses it
 * to decide which share of service deliveries it samples for a case supervisor's manual approval.
 */
export const approvalCheckChanged = defineEvent({
  ...approvalCheck,
  type: 'approval-check.changed',
  version: 1,
  description:
    'An approval check percentage (SVC-8) was set, replaced or removed at organisation-unit, ' +
    'user, provider or provider-service level, for all services (`serviceProductId` null) or ' +
    'one service product. `previousPercentage` is null when nothing was set before, `percentage` ' +
    'null when the setting was removed (the level then defers to the next one). Keyed by the ' +
    'slot `<scope>:<scopeId>:<serviceProductId or *>`; `revision` counts the changes of the ' +
    'setting from 1.',
  schema: z.object({
    settingId: z.uuid(),
    scope: z.enum(APPROVAL_CHECK_SCOPES),
    scopeId: z.string().min(1),
    serviceProductId: z.uuid().nullable(),
    previousPercentage: percentage.nullable(),
    percentage: percentage.nullable(),
    revision: z.number().int().positive(),
  }),
  example: {
    settingId: EXAMPLE_SETTING_ID,
    scope: 'provider',
    scopeId: EXAMPLE_PROVIDER_ID,
    serviceProductId: EXAMPLE_PRODUCT_ID,
    previousPercentage: 40,
    percentage: 25,
    revision: 2,
  },
});
