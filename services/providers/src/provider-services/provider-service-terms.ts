import type {
  PaymentOptions,
  ProviderServiceRate,
  ProviderServiceWarning,
  UnitOfMeasure,
} from '@platform/contracts';
import { dateRange, rangeContains, type CalendarDate } from '@platform/kernel';
import {
  canBeAuthorisedForNewServices,
  type ProviderStatus,
} from '../providers/provider-lifecycle.js';
import type { TrainingGap } from '../trainings/training-compliance.js';

/**
 * PRV-1 / PRV-6 / PRV-7 / SVC-10: the terms of a provider service. Pure: the service applies them
 * inside a transaction; the unit spec proves each one.
 */

/**
 * PRV-1: suspended or closed providers cannot be given a new service. Other providers — enrolled,
 * rejected, reopened — may have one added (pending), so the paperwork can be prepared while the
 * provider itself awaits approval; the service is approved only once the provider is.
 */
export function additionRefusal(providerStatus: ProviderStatus): string | null {
  if (canBeAuthorisedForNewServices(providerStatus)) return null;
  return `A ${providerStatus} provider cannot be authorised for new services`;
}

/**
 * PRV-1 / PRV-6: only an approved provider may have a service approved. A suspended or closed one
 * cannot be authorised for new services; an enrolled, rejected or reopened one has not (yet, or
 * again) been approved itself.
 */
export function approvalRefusal(providerStatus: ProviderStatus): string | null {
  if (providerStatus === 'approved') return null;
  if (!canBeAuthorisedForNewServices(providerStatus)) {
    return `A ${providerStatus} provider cannot be authorised for new services, so its services cannot be approved`;
  }
  return `A ${providerStatus} provider is not approved; approve the provider before approving its services`;
}

/** PRV-6: a place limit is for placement services, i.e. products measured in places. */
export function placeLimitProblem(
  unitOfMeasure: UnitOfMeasure,
  placeLimit: number | null,
): string | null {
  if (placeLimit === null || unitOfMeasure === 'place') return null;
  return `placeLimit: a place limit applies only to services measured in places; this product is measured per ${unitOfMeasure}`;
}

export type TermsSource = 'provider-service' | 'service-product';

export type EffectiveRate =
  | { ok: true; source: TermsSource | null; rate: ProviderServiceRate | null }
  | { ok: false; message: string };

/**
 * PRV-6: the rate that applies to a provider service on a date: its own rate when it has one,
 * else the product's rate active that day (SVC-2), else none. A date outside the provider
 * service's period has no rate: the provider does not offer the service then.
 */
export function effectiveRateOn(
  service: { from: CalendarDate; to: CalendarDate | null; rate: ProviderServiceRate | null },
  productRateThatDay: ProviderServiceRate | null,
  date: CalendarDate,
): EffectiveRate {
  if (!rangeContains(dateRange(service.from, service.to), date)) {
    const period = service.to ? `from ${service.from} to ${service.to}` : `from ${service.from}`;
    return {
      ok: false,
      message: `The provider offers this service ${period}; it has no rate on ${date}`,
    };
  }
  if (service.rate) return { ok: true, source: 'provider-service', rate: service.rate };
  if (productRateThatDay) return { ok: true, source: 'service-product', rate: productRateThatDay };
  return { ok: true, source: null, rate: null };
}

/** PRV-7: the provider's payment options for the service override the product's (SVC-3). */
export function effectivePaymentOptions(
  override: PaymentOptions | null,
  productOptions: PaymentOptions,
): { source: TermsSource; paymentOptions: PaymentOptions } {
  return override
    ? { source: 'provider-service', paymentOptions: override }
    : { source: 'service-product', paymentOptions: productOptions };
}

/** SVC-10: one warning per active member missing (neither completed nor waived) a course. */
export function trainingWarnings(gaps: readonly TrainingGap[]): ProviderServiceWarning[] {
  return gaps
    .filter((gap) => gap.missingCourseCodes.length > 0)
    .map((gap) => ({
      rule: 'SVC-10',
      memberId: gap.memberId,
      memberName: gap.memberName,
      missingCourseCodes: [...gap.missingCourseCodes],
      message:
        `${gap.memberName} has not completed or been waived from the mandatory ` +
        `course${gap.missingCourseCodes.length > 1 ? 's' : ''} ${gap.missingCourseCodes.join(', ')}`,
    }));
}

/**
 * SVC-7 / SVC-10: the day the warnings are judged on — today, or the service's first day if it
 * starts later (the members who will deliver it are those active when it starts).
 */
export function checkDate(today: CalendarDate, from: CalendarDate): CalendarDate {
  return from > today ? from : today;
}
