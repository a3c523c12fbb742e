import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

const inquiry = { owner: 'providers', aggregateType: 'provider-inquiry' } as const;

/** PRV-2: an inquiry arrived from staff or self-service and waits in the inquiry work queue. */
export const providerInquiryReceived = defineEvent({
  ...inquiry,
  type: 'provider-inquiry.received',
  version: 1,
  description: 'A prospective provider inquiry was recorded (PRV-2).',
  schema: z.object({
    inquiryId: z.uuid(),
    name: z.string().min(1),
    email: z.email().nullable(),
    phone: z.string().nullable(),
    source: z.enum(['staff', 'guest']),
  }),
  example: {
    inquiryId: '0199a3c2-4c1e-7cc0-8d5e-1b2f3a4b5c6d',
    name: 'Sunrise Day Care',
    email: 'contact@sunrise.example',
    phone: null,
    source: 'staff',
  },
});

/** PRV-2: a resource manager closed the inquiry without enrolling a provider. */
export const providerInquiryClosed = defineEvent({
  ...inquiry,
  type: 'provider-inquiry.closed',
  version: 1,
  description: 'An inquiry was closed without enrolment (PRV-2).',
  schema: z.object({ inquiryId: z.uuid(), reason: z.string().min(1), decidedBy: z.string() }),
  example: {
    inquiryId: '0199a3c2-4c1e-7cc0-8d5e-1b2f3a4b5c6d',
    reason: 'Outside the service area',
    decidedBy: 'rm.rivera',
  },
});

/** PRV-2: the inquiry became an enrolled provider. */
export const providerInquiryConverted = defineEvent({
  ...inquiry,
  type: 'provider-inquiry.converted',
  version: 1,
  description: 'An inquiry was converted into an enrolled provider (PRV-2).',
  schema: z.object({ inquiryId: z.uuid(), providerId: z.uuid(), decidedBy: z.string() }),
  example: {
    inquiryId: '0199a3c2-4c1e-7cc0-8d5e-1b2f3a4b5c6d',
    providerId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
    decidedBy: 'rm.rivera',
  },
});
