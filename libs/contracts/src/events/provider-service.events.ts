import { z } from 'zod';
import { defineEvent } from '../event-definition.js';
import { APPROVAL_CRITERIA, moneyAmount, paymentOptions } from './service-registry.events.js';

/**
 * PRV-6 / PRV-7: a provider's services. Their events belong to the provider aggregate (keyed by
 * provider id, topic `providers.provider`), so a consumer sees them in order with the provider's
 * lifecycle: a service approved before the provider was suspended is seen in that order, which
 * is what finance and placements need to decide whether a provider may be paid or authorised for
 * a service on a date (PRV-1). Each event names the provider service it concerns.
 */
const provider = { owner: 'providers', aggregateType: 'provider' } as const;

const EXAMPLE_PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';
const EXAMPLE_PROVIDER_SERVICE_ID = '0199a3c2-9a10-7cc0-8d5e-000000000301';
const EXAMPLE_PRODUCT_ID = '0199a3c2-7b20-7cc0-8d5e-5e7a1ce00001';
const EXAMPLE_MEMBER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000101';

const calendarDate = z.iso.date();

export const PROVIDER_SERVICE_STATUSES = ['pending', 'approved', 'suspended', 'ended'] as const;

/** PRV-6: the provider-service rate that overrides the product's rate (null: no override). */
export const providerServiceRate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), amount: moneyAmount }).strict(),
  z
    .object({
      kind: z.literal('range'),
      minimum: moneyAmount.nullable(),
      maximum: moneyAmount.nullable(),
    })
    .strict(),
]);
export type ProviderServiceRate = z.infer<typeof providerServiceRate>;

/**
 * A warning shown (and recorded) when a provider service is added or approved: an SVC-7 approval
 * criterion that is not met (or could not be checked), or an SVC-10 member missing mandatory
 * courses. Warnings never block the change.
 */
export const providerServiceWarning = z.discriminatedUnion('rule', [
  z.object({
    rule: z.literal('SVC-7'),
    criterion: z.enum(APPROVAL_CRITERIA),
    message: z.string().min(1),
  }),
  z.object({
    rule: z.literal('SVC-10'),
    memberId: z.uuid(),
    memberName: z.string().min(1),
    missingCourseCodes: z.array(z.string().min(1)).min(1),
    message: z.string().min(1),
  }),
]);
export type ProviderServiceWarning = z.infer<typeof providerServiceWarning>;

const ids = {
  providerId: z.uuid(),
  providerServiceId: z.uuid(),
  serviceProductId: z.uuid(),
};

/** A provider service as events carry it. */
export const providerServiceSnapshot = z.object({
  ...ids,
  status: z.enum(PROVIDER_SERVICE_STATUSES),
  from: calendarDate,
  /** Last day (inclusive); null: open-ended. */
  to: calendarDate.nullable(),
  rate: providerServiceRate.nullable(),
  /** PRV-6: products measured in places only. */
  placeLimit: z.number().int().positive().nullable(),
  /** PRV-7: null when the product's payment options apply. */
  paymentOptions: paymentOptions.nullable(),
});
export type ProviderServiceSnapshot = z.infer<typeof providerServiceSnapshot>;

const exampleIds = {
  providerId: EXAMPLE_PROVIDER_ID,
  providerServiceId: EXAMPLE_PROVIDER_SERVICE_ID,
  serviceProductId: EXAMPLE_PRODUCT_ID,
};

const exampleSnapshot: ProviderServiceSnapshot = {
  ...exampleIds,
  status: 'pending',
  from: '2026-01-01',
  to: null,
  rate: { kind: 'fixed', amount: '95.00' },
  placeLimit: 4,
  paymentOptions: null,
};

const exampleTrainingWarning: ProviderServiceWarning = {
  rule: 'SVC-10',
  memberId: EXAMPLE_MEMBER_ID,
  memberName: 'Maria Lopez',
  missingCourseCodes: ['FIRST-AID'],
  message: 'Maria Lopez has not completed or been waived from FIRST-AID',
};

/** PRV-6: a service from the registry was added to a provider (pending approval). */
export const providerServiceAdded = defineEvent({
  ...provider,
  type: 'provider-service.added',
  version: 1,
  description:
    'A service product was added to a provider for a period, pending approval (PRV-6); carries ' +
    'the SVC-10 training warnings shown when it was added.',
  schema: providerServiceSnapshot.extend({ warnings: z.array(providerServiceWarning) }),
  example: { ...exampleSnapshot, warnings: [exampleTrainingWarning] },
});

/** PRV-6: a provider service was approved, with the SVC-7 / SVC-10 warnings the approver saw. */
export const providerServiceApproved = defineEvent({
  ...provider,
  type: 'provider-service.approved',
  version: 1,
  description:
    'A provider service was approved (PRV-6), from pending or after a suspension; carries the ' +
    'SVC-7 approval-criteria and SVC-10 training warnings recorded with the approval.',
  schema: z.object({
    ...ids,
    approvalId: z.uuid(),
    approvedOn: calendarDate,
    /** The day the criteria and trainings were judged on: approvedOn, or the first day if later. */
    checkedOn: calendarDate,
    previousStatus: z.enum(['pending', 'suspended']),
    warnings: z.array(providerServiceWarning),
  }),
  example: {
    ...exampleIds,
    approvalId: '0199a3c2-9a10-7cc0-8d5e-000000000401',
    approvedOn: '2026-01-05',
    checkedOn: '2026-01-05',
    previousStatus: 'pending',
    warnings: [
      {
        rule: 'SVC-7',
        criterion: 'licence',
        message: 'Licence: no approved licence covers this service on 2026-01-05',
      },
      exampleTrainingWarning,
    ],
  },
});

/** PRV-6: the period or the place limit of a provider service changed. */
export const providerServiceUpdated = defineEvent({
  ...provider,
  type: 'provider-service.updated',
  version: 1,
  description:
    'The period or place limit of a provider service changed (PRV-6); carries the whole ' +
    'provider service after the change and which fields changed.',
  schema: providerServiceSnapshot.extend({
    changedFields: z.array(z.enum(['from', 'to', 'placeLimit'])).min(1),
  }),
  example: { ...exampleSnapshot, to: '2026-12-31', changedFields: ['to'] },
});

/** PRV-6: the provider-service rate (the override of the product's rate) was set or removed. */
export const providerServiceRateChanged = defineEvent({
  ...provider,
  type: 'provider-service.rate-changed',
  version: 1,
  description:
    'The rate of a provider service, which overrides the product rate, was set, changed or ' +
    'removed (PRV-6); null means the product rate applies.',
  schema: z.object({
    ...ids,
    rate: providerServiceRate.nullable(),
    previousRate: providerServiceRate.nullable(),
  }),
  example: {
    ...exampleIds,
    rate: { kind: 'range', minimum: '80.00', maximum: '120.00' },
    previousRate: { kind: 'fixed', amount: '95.00' },
  },
});

/** PRV-6: a provider service was suspended, with the reason. */
export const providerServiceSuspended = defineEvent({
  ...provider,
  type: 'provider-service.suspended',
  version: 1,
  description: 'An approved provider service was suspended, with a reason (PRV-6).',
  schema: z.object({ ...ids, reason: z.string().min(1) }),
  example: { ...exampleIds, reason: 'Staffing shortage' },
});

/** PRV-6: a provider service ended; it is never offered again (a new one may be added). */
export const providerServiceEnded = defineEvent({
  ...provider,
  type: 'provider-service.ended',
  version: 1,
  description:
    'A provider service ended (PRV-6); `to` is its last day (inclusive) after the change, null ' +
    'when it was open-ended and no last day was given.',
  schema: z.object({
    ...ids,
    previousStatus: z.enum(['pending', 'approved', 'suspended']),
    reason: z.string().min(1),
    to: calendarDate.nullable(),
  }),
  example: {
    ...exampleIds,
    previousStatus: 'approved',
    reason: 'Provider stopped offering the service',
    to: '2026-06-30',
  },
});

/** PRV-7: the provider's payment options for the service (overriding the product's) changed. */
export const providerServicePaymentOptionsChanged = defineEvent({
  ...provider,
  type: 'provider-service.payment-options-changed',
  version: 1,
  description:
    "The provider's payment options for a provider service, which override the product's " +
    "(SVC-3), were set, changed or removed (PRV-7); null means the product's options apply.",
  schema: z.object({
    ...ids,
    paymentOptions: paymentOptions.nullable(),
    previousPaymentOptions: paymentOptions.nullable(),
  }),
  example: {
    ...exampleIds,
    paymentOptions: { fixed: 'pay-billed', minimum: 'pay-minimum', maximum: 'pay-nothing' },
    previousPaymentOptions: null,
  },
});
