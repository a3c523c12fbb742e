import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

const provider = { owner: 'providers', aggregateType: 'provider' } as const;
const EXAMPLE_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';

/** PRV-1/PRV-3: a provider entered the lifecycle in the enrolled state. */
export const providerEnrolled = defineEvent({
  ...provider,
  type: 'provider.enrolled',
  version: 1,
  description: 'A provider was enrolled (PRV-1, PRV-3).',
  schema: z.object({
    providerId: z.uuid(),
    name: z.string().min(1),
    fromInquiryId: z.uuid().nullable(),
  }),
  example: {
    providerId: EXAMPLE_ID,
    name: 'Sunrise Day Care',
    fromInquiryId: '0199a3c2-4c1e-7cc0-8d5e-1b2f3a4b5c6d',
  },
});

/** PRV-1: the statuses of a provider's lifecycle. */
export const PROVIDER_LIFECYCLE_STATUSES = [
  'enrolled',
  'approved',
  'rejected',
  'suspended',
  'closed',
  'reopened',
] as const;
export type ProviderLifecycleStatus = (typeof PROVIDER_LIFECYCLE_STATUSES)[number];

/**
 * The status each `provider.*` lifecycle event (PRV-1) leaves the provider in: what every service
 * keeping a copy of the provider's status (finance, placements) writes for it.
 */
export const PROVIDER_STATUS_AFTER: Readonly<Record<string, ProviderLifecycleStatus>> = {
  'provider.enrolled': 'enrolled',
  'provider.approved': 'approved',
  'provider.rejected': 'rejected',
  'provider.suspended': 'suspended',
  'provider.closed': 'closed',
  'provider.reopened': 'reopened',
};

const statusChange = {
  providerId: z.uuid(),
  previousStatus: z.enum(PROVIDER_LIFECYCLE_STATUSES),
  reason: z.string().nullable(),
};

type ProviderStatus = ProviderLifecycleStatus;

/** One event per lifecycle move (PRV-1); all carry the status it left and the reason given. */
function lifecycleEvent<const TType extends string>(
  type: TType,
  description: string,
  example: { previousStatus: ProviderStatus; reason: string | null },
) {
  return defineEvent({
    ...provider,
    type,
    version: 1,
    description,
    schema: z.object(statusChange),
    example: { providerId: EXAMPLE_ID, ...example },
  });
}

export const providerApproved = lifecycleEvent(
  'provider.approved',
  'A provider was approved — or reinstated, when previousStatus is suspended (PRV-1). ' +
    'It may be authorised for new services.',
  { previousStatus: 'enrolled', reason: null },
);

export const providerRejected = lifecycleEvent(
  'provider.rejected',
  'A provider was rejected; it may be approved later (PRV-1).',
  { previousStatus: 'enrolled', reason: 'Failed home study' },
);

export const providerSuspended = lifecycleEvent(
  'provider.suspended',
  'A provider was suspended with a reason: no new services or placements (PRV-1).',
  { previousStatus: 'approved', reason: 'Licence under investigation' },
);

export const providerClosed = lifecycleEvent(
  'provider.closed',
  'A provider was closed: no new services or placements (PRV-1).',
  { previousStatus: 'approved', reason: 'Retired' },
);

export const providerReopened = lifecycleEvent(
  'provider.reopened',
  'A closed provider was reopened and needs approval again (PRV-1).',
  { previousStatus: 'closed', reason: null },
);

/** PRV-1: every lifecycle event, for a service keeping its own copy of providers' status. */
export const PROVIDER_LIFECYCLE_EVENTS = [
  providerEnrolled,
  providerApproved,
  providerRejected,
  providerSuspended,
  providerClosed,
  providerReopened,
] as const;
