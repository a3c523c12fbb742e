import { z } from 'zod';
import {
  APPROVAL_CRITERIA,
  UNITS_OF_MEASURE,
  attendanceTracking,
  deliveryConfiguration,
  paymentOptions,
} from '@platform/contracts';
import { pageQuery } from '@platform/http';
import { changingSomething, nameFilter, nameInput } from '../../shared/common.schemas.js';
import { addRuleIssues } from '../../shared/rule-issues.js';
import { NO_ATTENDANCE_TRACKING } from './attendance-tracking.js';
import { productConfigurationIssues } from './product-configuration.js';
import { DEFAULT_DELIVERY } from './delivery.js';

function withoutRepeats<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .max(50)
    .refine((items) => new Set(items).size === items.length, 'must not repeat an entry');
}

/** SVC-10: course codes as the training catalogue names them, e.g. FIRST-AID. */
const courseCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'a course code like FIRST-AID');

/**
 * The nested configurations are given as partial objects: on creation the missing settings take
 * their defaults, on a change they keep their stored values. Nested frequencies are replaced whole.
 */
const attendanceTrackingChange = attendanceTracking.partial();
const deliveryChange = deliveryConfiguration.partial();

/** Fields an administrator may set on creation and change later. */
const changeableFields = {
  name: nameInput,
  unitOfMeasure: z.enum(UNITS_OF_MEASURE),
  serviceGroupIds: withoutRepeats(z.uuid('must be a UUID')),
  /** SVC-5 */
  preventAuthorizationFromPlacement: z.boolean(),
  /** SVC-6 */
  attendanceTracking: attendanceTrackingChange,
  /** SVC-7 */
  approvalCriteria: withoutRepeats(z.enum(APPROVAL_CRITERIA)),
  /** SVC-8: share of service deliveries a case supervisor approves by hand. */
  approvalCheckPercentage: z.number().int().min(0).max(100),
  /** SVC-9 */
  delivery: deliveryChange,
  /** SVC-10 */
  mandatoryCourseCodes: withoutRepeats(courseCode),
};

/** SVC-4: chosen at creation only. */
const payByFields = {
  payBasedOnAttendance: z.boolean(),
  payBasedOnPlacement: z.boolean(),
};

export const createServiceProductBody = z
  .object({
    ...changeableFields,
    ...payByFields,
    serviceGroupIds: changeableFields.serviceGroupIds.default([]),
    preventAuthorizationFromPlacement: z.boolean().default(false),
    attendanceTracking: attendanceTrackingChange.default({}),
    approvalCriteria: changeableFields.approvalCriteria.default([]),
    approvalCheckPercentage: changeableFields.approvalCheckPercentage.default(0),
    delivery: deliveryChange.required({ type: true }),
    mandatoryCourseCodes: changeableFields.mandatoryCourseCodes.default([]),
    /** SVC-3: the administrator must choose all three. */
    paymentOptions,
  })
  .strict()
  .transform((body) => ({
    ...body,
    attendanceTracking: { ...NO_ATTENDANCE_TRACKING, ...body.attendanceTracking },
    delivery: { ...DEFAULT_DELIVERY, ...body.delivery },
  }))
  .superRefine((product, ctx) => addRuleIssues(ctx, productConfigurationIssues(product)));
export type CreateServiceProductBody = z.infer<typeof createServiceProductBody>;

/**
 * A change to a product. The pay-by flags are accepted only so that asking to change them is
 * answered with SVC-4 (409) rather than "unknown field"; payment options change through their own
 * endpoint and event.
 */
export const updateServiceProductBody = changingSomething(
  z
    .object({ ...changeableFields, ...payByFields })
    .partial()
    .strict(),
);
export type UpdateServiceProductBody = z.infer<typeof updateServiceProductBody>;

export const listServiceProductsQuery = pageQuery.extend({
  /** SVC-1: name contains this text, case-insensitively. */
  name: nameFilter,
  unitOfMeasure: z.enum(UNITS_OF_MEASURE).optional(),
  serviceGroupId: z.uuid('must be a UUID').optional(),
});
export type ListServiceProductsQuery = z.infer<typeof listServiceProductsQuery>;

export const serviceProductExample: z.input<typeof createServiceProductBody> = {
  name: 'Early childhood day care',
  unitOfMeasure: 'day',
  payBasedOnAttendance: true,
  payBasedOnPlacement: false,
  attendanceTracking: {
    rostersEnabled: true,
    rosterGenerationFrequency: { every: 'week', on: 'monday' },
    dailyAttendance: true,
    reportingMethod: 'utilization',
  },
  approvalCriteria: ['licence', 'background-check'],
  approvalCheckPercentage: 40,
  delivery: {
    type: 'service-delivery',
    frequency: { every: 'week', on: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] },
  },
  mandatoryCourseCodes: ['FIRST-AID'],
  paymentOptions: { fixed: 'pay-fixed', minimum: 'pay-billed', maximum: 'pay-maximum' },
};
