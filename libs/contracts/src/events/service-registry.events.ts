import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

/**
 * The service registry's vocabulary (DOMAIN.md SVC) and its events. The schemas here describe
 * shapes only; the rules that tie fields together (SVC-4, SVC-6, SVC-9) are enforced by the
 * providers service, which owns the registry, before anything is recorded.
 */

/** SVC-1: residential placement services use `place`; the others count what was delivered. */
export const UNITS_OF_MEASURE = [
  'place',
  'dose',
  'session',
  'visit',
  'hour',
  'day',
  'week',
  'month',
  'mile',
  'item',
] as const;
export type UnitOfMeasure = (typeof UNITS_OF_MEASURE)[number];

/** SVC-4: how a delivered service can be paid, derived from the pay-by flags. */
export const PAYMENT_CHANNELS = ['invoice', 'roster', 'placement'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

/** SVC-7: prerequisites checked (as warnings) when a provider service is approved. */
export const APPROVAL_CRITERIA = [
  'licence',
  'accreditation',
  'background-check',
  'home-study',
] as const;
export type ApprovalCriterion = (typeof APPROVAL_CRITERIA)[number];

/** SVC-9: the guide's table 2. */
export const DELIVERY_TYPES = [
  'product-delivery',
  'service-delivery',
  'product-delivery-with-invoice',
  'service-delivery-with-eligibility',
] as const;
export type DeliveryType = (typeof DELIVERY_TYPES)[number];

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Money as it travels: a decimal string with exactly two decimals ("100.00"), never a float
 * (ARCHITECTURE rule 8). Stored as integer cents.
 */
export const moneyAmount = z
  .string()
  .regex(/^(0|[1-9]\d*)\.\d{2}$/, 'a decimal amount with two decimals, e.g. "100.00"');

/**
 * SVC-6: when rosters are generated or attendance is paid. Monthly days stop at 28 so every
 * month has the day and no rule is needed for short months.
 */
export const scheduleFrequency = z.discriminatedUnion('every', [
  z.object({ every: z.literal('week'), on: z.enum(WEEKDAYS) }).strict(),
  z.object({ every: z.literal('month'), day: z.number().int().min(1).max(28) }).strict(),
]);
export type ScheduleFrequency = z.infer<typeof scheduleFrequency>;

/** SVC-9: how often the service is delivered, e.g. every Saturday and Sunday. */
export const deliveryFrequency = z.discriminatedUnion('every', [
  z.object({ every: z.literal('day') }).strict(),
  z.object({ every: z.literal('week'), on: z.array(z.enum(WEEKDAYS)).min(1).max(7) }).strict(),
  z.object({ every: z.literal('month'), day: z.number().int().min(1).max(28) }).strict(),
]);
export type DeliveryFrequency = z.infer<typeof deliveryFrequency>;

/** SVC-6: attendance tracking configuration. */
export const attendanceTracking = z
  .object({
    rostersEnabled: z.boolean(),
    rosterGenerationFrequency: scheduleFrequency.nullable(),
    dailyAttendance: z.boolean(),
    reportingMethod: z.enum(['utilization', 'attendance']).nullable(),
    /** Providers may report hours (attendance reporting only). */
    hoursReportingEnabled: z.boolean(),
    attendanceRequiredBeforeInvoicePayment: z.boolean(),
    /** Roster-based payments at their own frequency instead of the provider's. */
    attendancePaymentFrequency: scheduleFrequency.nullable(),
  })
  .strict();
export type AttendanceTracking = z.infer<typeof attendanceTracking>;

/** SVC-9: the delivery type and the parameters of the guide's table 3. */
export const deliveryConfiguration = z
  .object({
    type: z.enum(DELIVERY_TYPES),
    frequency: deliveryFrequency.nullable(),
    /** Whether a case worker may change (or, with no default, specify) the frequency. */
    frequencyModifiable: z.boolean(),
    clients: z.enum(['single', 'multiple']),
    /** With several clients authorised: one service delivery per client instead of one shared. */
    multipleDeliveries: z.boolean(),
    specifyAuthorizedRate: z.boolean(),
    specifyNominee: z.boolean(),
    unitsRequired: z.boolean(),
    manualCompletion: z.boolean(),
    providerSelection: z.enum(['required', 'optional']),
    owner: z.enum(['case-owner', 'delivery-creator']),
    outcomeTracking: z.boolean(),
  })
  .strict();
export type DeliveryConfiguration = z.infer<typeof deliveryConfiguration>;

/** SVC-3: what to pay when the billed unit amount is outside the rate. */
export const paymentOptions = z
  .object({
    /** Billed ≠ fixed rate. */
    fixed: z.enum(['pay-billed', 'pay-fixed', 'pay-nothing']),
    /** Billed < minimum rate. */
    minimum: z.enum(['pay-billed', 'pay-minimum', 'pay-nothing']),
    /** Billed > maximum rate. */
    maximum: z.enum(['pay-maximum', 'pay-nothing']),
  })
  .strict();
export type PaymentOptions = z.infer<typeof paymentOptions>;

const calendarDate = z.iso.date();

/** SVC-2: a rate with its effective period (calendar dates, end inclusive, null = open-ended). */
export const serviceProductRate = z.discriminatedUnion('kind', [
  z.object({
    rateId: z.uuid(),
    kind: z.literal('fixed'),
    amount: moneyAmount,
    effectiveFrom: calendarDate,
    effectiveTo: calendarDate.nullable(),
  }),
  z.object({
    rateId: z.uuid(),
    kind: z.literal('range'),
    minimum: moneyAmount.nullable(),
    maximum: moneyAmount.nullable(),
    effectiveFrom: calendarDate,
    effectiveTo: calendarDate.nullable(),
  }),
]);
export type ServiceProductRate = z.infer<typeof serviceProductRate>;

/** Everything the registry says about a product (SVC-1 … SVC-10), as events carry it. */
export const serviceProductSnapshot = z.object({
  productId: z.uuid(),
  name: z.string().min(1),
  unitOfMeasure: z.enum(UNITS_OF_MEASURE),
  serviceGroupIds: z.array(z.uuid()),
  payBasedOnAttendance: z.boolean(),
  payBasedOnPlacement: z.boolean(),
  paymentChannels: z.array(z.enum(PAYMENT_CHANNELS)).min(1),
  preventAuthorizationFromPlacement: z.boolean(),
  attendanceTracking,
  approvalCriteria: z.array(z.enum(APPROVAL_CRITERIA)),
  approvalCheckPercentage: z.number().int().min(0).max(100),
  delivery: deliveryConfiguration,
  mandatoryCourseCodes: z.array(z.string().min(1)),
  paymentOptions,
});
export type ServiceProductSnapshot = z.infer<typeof serviceProductSnapshot>;

const serviceProduct = { owner: 'providers', aggregateType: 'service-product' } as const;

const exampleProductId = '0199a3c2-7b20-7cc0-8d5e-5e7a1ce00001';

const exampleProduct: ServiceProductSnapshot = {
  productId: exampleProductId,
  name: 'Early childhood day care',
  unitOfMeasure: 'day',
  serviceGroupIds: ['0199a3c2-7b20-7cc0-8d5e-5e7a1ce0a001'],
  payBasedOnAttendance: true,
  payBasedOnPlacement: false,
  paymentChannels: ['roster'],
  preventAuthorizationFromPlacement: false,
  attendanceTracking: {
    rostersEnabled: true,
    rosterGenerationFrequency: { every: 'week', on: 'monday' },
    dailyAttendance: true,
    reportingMethod: 'utilization',
    hoursReportingEnabled: false,
    attendanceRequiredBeforeInvoicePayment: false,
    attendancePaymentFrequency: { every: 'month', day: 1 },
  },
  approvalCriteria: ['licence', 'background-check'],
  approvalCheckPercentage: 40,
  delivery: {
    type: 'service-delivery',
    frequency: { every: 'week', on: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] },
    frequencyModifiable: true,
    clients: 'single',
    multipleDeliveries: false,
    specifyAuthorizedRate: false,
    specifyNominee: false,
    unitsRequired: true,
    manualCompletion: false,
    providerSelection: 'required',
    owner: 'case-owner',
    outcomeTracking: true,
  },
  mandatoryCourseCodes: ['FIRST-AID', 'CHILD-SAFEGUARDING'],
  paymentOptions: { fixed: 'pay-fixed', minimum: 'pay-billed', maximum: 'pay-maximum' },
};

/** SVC-1: an administrator registered a service product. */
export const serviceProductCreated = defineEvent({
  ...serviceProduct,
  type: 'service-product.created',
  version: 1,
  description: 'A service product was registered in the service registry (SVC-1 … SVC-10).',
  schema: serviceProductSnapshot,
  example: exampleProduct,
});

/** SVC-1 … SVC-10: the product as it is after the change, and which fields changed. */
export const serviceProductUpdated = defineEvent({
  ...serviceProduct,
  type: 'service-product.updated',
  version: 1,
  description:
    'A service product was changed; carries the whole product after the change (SVC-1 … SVC-10).',
  schema: serviceProductSnapshot.extend({ changedFields: z.array(z.string().min(1)).min(1) }),
  example: {
    ...exampleProduct,
    approvalCheckPercentage: 25,
    mandatoryCourseCodes: ['FIRST-AID'],
    changedFields: ['approvalCheckPercentage', 'mandatoryCourseCodes'],
  },
});

/**
 * SVC-2: a rate of the product was added, ended (its end date set) or removed. Keyed by product,
 * so a consumer sees one product's rate changes in order; finance reassesses payments from them
 * (FIN-12).
 */
export const serviceProductRateChanged = defineEvent({
  ...serviceProduct,
  type: 'service-product-rate.changed',
  version: 1,
  description: 'A rate of a service product was added, ended or removed (SVC-2).',
  schema: z.discriminatedUnion('change', [
    z.object({ productId: z.uuid(), change: z.literal('added'), rate: serviceProductRate }),
    z.object({
      productId: z.uuid(),
      change: z.literal('ended'),
      rate: serviceProductRate,
      previousEffectiveTo: calendarDate.nullable(),
    }),
    z.object({ productId: z.uuid(), change: z.literal('removed'), rate: serviceProductRate }),
  ]),
  example: {
    productId: exampleProductId,
    change: 'ended',
    rate: {
      rateId: '0199a3c2-7b20-7cc0-8d5e-5e7a1ce0b001',
      kind: 'fixed',
      amount: '100.00',
      effectiveFrom: '2026-01-01',
      effectiveTo: '2026-06-30',
    },
    previousEffectiveTo: null,
  },
});

/** SVC-3: the product's default payment options changed (providers may override them, PRV-7). */
export const serviceProductPaymentOptionsChanged = defineEvent({
  ...serviceProduct,
  type: 'service-product.payment-options-changed',
  version: 1,
  description: "A service product's default payment options changed (SVC-3).",
  schema: z.object({
    productId: z.uuid(),
    paymentOptions,
    previousPaymentOptions: paymentOptions,
  }),
  example: {
    productId: exampleProductId,
    paymentOptions: { fixed: 'pay-billed', minimum: 'pay-billed', maximum: 'pay-maximum' },
    previousPaymentOptions: { fixed: 'pay-fixed', minimum: 'pay-billed', maximum: 'pay-maximum' },
  },
});
