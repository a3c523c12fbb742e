import type { AttendanceTracking, DeliveryConfiguration } from '@platform/contracts';
import type { RuleIssue } from '../../shared/rule-issues.js';
import { attendanceTrackingIssues } from './attendance-tracking.js';
import { deliveryIssues } from './delivery.js';
import { payByIssues, paymentChannels, type PayByFlags } from './pay-by.js';

/** The parts of a product whose rules depend on each other. */
export interface ProductConfiguration extends PayByFlags {
  attendanceTracking: AttendanceTracking;
  delivery: DeliveryConfiguration;
}

/**
 * Every rule a product configuration breaks (SVC-4, SVC-6, SVC-9), used both for a new product and
 * for a change merged into a stored one. When the pay-by flags contradict each other there are no
 * payment channels to judge attendance tracking by, so only SVC-4 is reported for them.
 */
export function productConfigurationIssues(config: ProductConfiguration): RuleIssue[] {
  const payBy = payByIssues(config);
  const attendance =
    payBy.length > 0
      ? []
      : attendanceTrackingIssues(config.attendanceTracking, paymentChannels(config));
  return [...payBy, ...attendance, ...deliveryIssues(config.delivery)];
}

/** Merges a partial attendance tracking or delivery change into a whole configuration. */
export function mergeConfiguration<T extends AttendanceTracking | DeliveryConfiguration>(
  base: T,
  change: Partial<T> | undefined,
): T {
  return change ? { ...base, ...change } : base;
}
