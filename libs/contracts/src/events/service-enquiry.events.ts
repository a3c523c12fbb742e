import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

/**
 * PRV-9: a service enquiry is its own aggregate, keyed by enquiry id: its events (sent, then
 * responded or cancelled) stay ordered on `providers.service-enquiry`, and nothing else about the
 * provider has to wait behind them. Each event carries the provider id, so a consumer that wants
 * "every enquiry of provider P" (e.g. a notifier contacting the provider) filters on it.
 */
const enquiry = { owner: 'providers', aggregateType: 'service-enquiry' } as const;

const ENQUIRY_ID = '0199a3c2-9a10-7cc0-8d5e-00000000e001';
const PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';
const SERVICE_PRODUCT_ID = '0199a3c2-9a10-7cc0-8d5e-00000000c001';
const calendarDate = z.iso.date();

/** PRV-9: how the enquiry reaches the provider (the provider's preference unless overridden). */
export const SERVICE_ENQUIRY_CONTACT_METHODS = ['phone', 'email', 'web', 'mail'] as const;
export type ServiceEnquiryContactMethod = (typeof SERVICE_ENQUIRY_CONTACT_METHODS)[number];

/** PRV-9: the provider's answer. */
export const SERVICE_ENQUIRY_RESPONSES = [
  'available',
  'unavailable',
  'partially-available',
] as const;
export type ServiceEnquiryResponse = (typeof SERVICE_ENQUIRY_RESPONSES)[number];

export const SERVICE_ENQUIRY_STATUSES = ['sent', 'responded', 'cancelled'] as const;
export type ServiceEnquiryStatus = (typeof SERVICE_ENQUIRY_STATUSES)[number];

/** PRV-9: a case worker asked a provider whether it can deliver a service in a period. */
export const serviceEnquirySent = defineEvent({
  ...enquiry,
  type: 'service-enquiry.sent',
  version: 1,
  description:
    'A case worker asked a provider whether it can deliver a service product for a client in a ' +
    'period (PRV-9). contactMethod is how the provider is to be asked: its preferred ' +
    'communication unless the case worker chose another (contactMethodSource). `to` inclusive.',
  schema: z.object({
    enquiryId: z.uuid(),
    providerId: z.uuid(),
    serviceProductId: z.uuid(),
    clientReference: z.string().min(1),
    clientName: z.string().nullable(),
    from: calendarDate,
    to: calendarDate,
    units: z.number().int().positive(),
    contactMethod: z.enum(SERVICE_ENQUIRY_CONTACT_METHODS),
    contactMethodSource: z.enum(['provider-preference', 'case-worker']),
    question: z.string().nullable(),
    caseWorker: z.string().min(1),
  }),
  example: {
    enquiryId: ENQUIRY_ID,
    providerId: PROVIDER_ID,
    serviceProductId: SERVICE_PRODUCT_ID,
    clientReference: 'CL-2026-0042',
    clientName: 'Jamie Doe',
    from: '2026-03-01',
    to: '2026-05-31',
    units: 2,
    contactMethod: 'email',
    contactMethodSource: 'provider-preference',
    question: 'Two places in the after-school programme, weekdays',
    caseWorker: 'cw.chen',
  },
});

/** PRV-9: the provider's response to an enquiry was recorded. */
export const serviceEnquiryResponded = defineEvent({
  ...enquiry,
  type: 'service-enquiry.responded',
  version: 1,
  description:
    "The provider's response to a service enquiry was recorded (PRV-9): available, unavailable " +
    'or partially-available (availableUnits of the units asked for). respondedBy is who answered ' +
    'for the provider; recordedBy the user who recorded it (the provider itself through ' +
    'self-service, or agency staff after a phone call or letter).',
  schema: z.object({
    enquiryId: z.uuid(),
    providerId: z.uuid(),
    serviceProductId: z.uuid(),
    clientReference: z.string().min(1),
    from: calendarDate,
    to: calendarDate,
    units: z.number().int().positive(),
    response: z.enum(SERVICE_ENQUIRY_RESPONSES),
    availableUnits: z.number().int().min(0),
    comments: z.string().nullable(),
    respondedBy: z.string().min(1),
    respondedAt: z.iso.datetime(),
    recordedBy: z.string().min(1),
    via: z.enum(['self-service', 'staff']),
    caseWorker: z.string().min(1),
  }),
  example: {
    enquiryId: ENQUIRY_ID,
    providerId: PROVIDER_ID,
    serviceProductId: SERVICE_PRODUCT_ID,
    clientReference: 'CL-2026-0042',
    from: '2026-03-01',
    to: '2026-05-31',
    units: 2,
    response: 'partially-available',
    availableUnits: 1,
    comments: 'One place from March; a second from mid-April',
    respondedBy: 'Dana Sunrise (manager)',
    respondedAt: '2026-02-20T10:15:00.000Z',
    recordedBy: 'provider.sunrise',
    via: 'self-service',
    caseWorker: 'cw.chen',
  },
});

/** PRV-9: the case worker withdrew an enquiry that was not yet answered. */
export const serviceEnquiryCancelled = defineEvent({
  ...enquiry,
  type: 'service-enquiry.cancelled',
  version: 1,
  description:
    'A service enquiry that had not been answered was withdrawn (PRV-9); the provider need no ' +
    'longer respond.',
  schema: z.object({
    enquiryId: z.uuid(),
    providerId: z.uuid(),
    reason: z.string().nullable(),
    cancelledBy: z.string().min(1),
  }),
  example: {
    enquiryId: ENQUIRY_ID,
    providerId: PROVIDER_ID,
    reason: 'Client placed elsewhere',
    cancelledBy: 'cw.chen',
  },
});
