import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

/** PRV-1/PRV-3: a provider entered the lifecycle in the enrolled state. */
export const providerEnrolled = defineEvent({
  owner: 'providers',
  aggregateType: 'provider',
  type: 'provider.enrolled',
  version: 1,
  description: 'A provider was enrolled (PRV-1, PRV-3).',
  schema: z.object({
    providerId: z.uuid(),
    name: z.string().min(1),
    fromInquiryId: z.uuid().nullable(),
  }),
  example: {
    providerId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
    name: 'Sunrise Day Care',
    fromInquiryId: '0199a3c2-4c1e-7cc0-8d5e-1b2f3a4b5c6d',
  },
});
