import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../../shared/audit.js';

/**
 * SVC-2: what the agency pays per unit of a product during a period — a fixed amount or a range.
 * Amounts are integer cents (ARCHITECTURE rule 8); dates are calendar dates, the end inclusive.
 */
export const ServiceProductRate = defineEntity({
  name: 'ServiceProductRate',
  tableName: 'service_product_rate',
  properties: {
    id: p.uuid().primary(),
    productId: p.uuid().fieldName('service_product_id'),
    kind: p.enum(['fixed', 'range'] as const),
    fixedCents: p.bigint().fieldName('fixed_cents').nullable(),
    minimumCents: p.bigint().fieldName('minimum_cents').nullable(),
    maximumCents: p.bigint().fieldName('maximum_cents').nullable(),
    effectiveFrom: p.date().fieldName('effective_from'),
    effectiveTo: p.date().fieldName('effective_to').nullable(),
    ...auditProperties,
  },
});

export type ServiceProductRateRecord = InferEntity<typeof ServiceProductRate>;
