import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { PaymentOptions, ProviderServiceWarning } from '@platform/contracts';
import { auditProperties } from '../shared/audit.js';
import { PROVIDER_SERVICE_STATUSES } from './provider-service-lifecycle.js';

/**
 * PRV-6: a service from the registry (a service product) that a provider offers for a period.
 * The status follows the state machine in `provider-service-lifecycle.ts`:
 *
 *   (add) → pending ─approve→ approved ─suspend(reason)→ suspended ─approve→ approved
 *   pending | approved | suspended ─end(reason)→ ended        (ended is final)
 *
 * The provider-service rate (a fixed amount or a minimum/maximum range, integer cents) overrides
 * the product's rate when set (PRV-6); the payment options override the product's SVC-3 options
 * when set (PRV-7); the place limit applies only to products measured in places (PRV-6).
 */
export const ProviderService = defineEntity({
  name: 'ProviderService',
  tableName: 'provider_service',
  properties: {
    id: p.uuid().primary(),
    providerId: p.uuid().fieldName('provider_id'),
    serviceProductId: p.uuid().fieldName('service_product_id'),
    status: p.enum(PROVIDER_SERVICE_STATUSES).default('pending'),
    from: p.date().fieldName('from_date'),
    to: p.date().fieldName('to_date').nullable(),
    /** PRV-6: null = no override (the product's rate applies). */
    rateKind: p
      .enum(['fixed', 'range'] as const)
      .fieldName('rate_kind')
      .nullable(),
    rateFixedCents: p.bigint().fieldName('rate_fixed_cents').nullable(),
    rateMinimumCents: p.bigint().fieldName('rate_minimum_cents').nullable(),
    rateMaximumCents: p.bigint().fieldName('rate_maximum_cents').nullable(),
    /** PRV-6: only for products whose unit of measure is `place`. */
    placeLimit: p.integer().fieldName('place_limit').nullable(),
    /** PRV-7: null = the product's SVC-3 payment options apply. */
    paymentOptions: p.json<PaymentOptions>().fieldName('payment_options').nullable(),
    statusReason: p.text().fieldName('status_reason').nullable(),
    ...auditProperties,
  },
});
export type ProviderServiceRecord = InferEntity<typeof ProviderService>;

/**
 * PRV-6 / SVC-7 / SVC-10: one approval of a provider service, kept for audit with the warnings
 * the approver was shown (approval proceeds despite warnings; they are recorded, not enforced).
 */
export const ProviderServiceApproval = defineEntity({
  name: 'ProviderServiceApproval',
  tableName: 'provider_service_approval',
  properties: {
    id: p.uuid().primary(),
    providerServiceId: p.uuid().fieldName('provider_service_id'),
    providerId: p.uuid().fieldName('provider_id'),
    approvedOn: p.date().fieldName('approved_on'),
    /** The day the criteria and trainings were judged on: approvedOn, or the first day if later. */
    checkedOn: p.date().fieldName('checked_on'),
    /** The SVC-7 and SVC-10 warnings shown to the approver, as the response and event gave them. */
    warnings: p.json<ProviderServiceWarning[]>(),
    ...auditProperties,
  },
});
export type ProviderServiceApprovalRecord = InferEntity<typeof ProviderServiceApproval>;

export const PROVIDER_SERVICE_ENTITIES = [ProviderService, ProviderServiceApproval];
