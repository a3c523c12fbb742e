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

const statusChange = {
  providerId: z.uuid(),
  previousStatus: z.enum(['enrolled', 'approved', 'rejected', 'suspended', 'closed', 'reopened']),
  reason: z.string().nullable(),
};

/** PRV-1: approved (first time, after rejection or reopening, or reinstated after suspension). */
export const providerApproved = defineEvent({
  ...provider,
  type: 'provider.approved',
  version: 1,
  description:
    'A provider was approved — or reinstated, when previousStatus is suspended (PRV-1). ' +
    'It may be authorised for new services.',
  schema: z.object(statusChange),
  example: { providerId: EXAMPLE_ID, previousStatus: 'enrolled', reason: null },
});

export const providerRejected = defineEvent({
  ...provider,
  type: 'provider.rejected',
  version: 1,
  description: 'A provider was rejected; it may be approved later (PRV-1).',
  schema: z.object(statusChange),
  example: { providerId: EXAMPLE_ID, previousStatus: 'enrolled', reason: 'Failed home study' },
});

export const providerSuspended = defineEvent({
  ...provider,
  type: 'provider.suspended',
  version: 1,
  description: 'A provider was suspended with a reason: no new services or placements (PRV-1).',
  schema: z.object(statusChange),
  example: {
    providerId: EXAMPLE_ID,
    previousStatus: 'approved',
    reason: 'Licence under investigation',
  },
});

export const providerClosed = defineEvent({
  ...provider,
  type: 'provider.closed',
  version: 1,
  description: 'A provider was closed: no new services or placements (PRV-1).',
  schema: z.object(statusChange),
  example: { providerId: EXAMPLE_ID, previousStatus: 'approved', reason: 'Retired' },
});

export const providerReopened = defineEvent({
  ...provider,
  type: 'provider.reopened',
  version: 1,
  description: 'A closed provider was reopened and needs approval again (PRV-1).',
  schema: z.object(statusChange),
  example: { providerId: EXAMPLE_ID, previousStatus: 'closed', reason: null },
});
