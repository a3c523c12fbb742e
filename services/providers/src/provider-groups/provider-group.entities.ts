import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../shared/audit.js';

/** PRV-4: a provider group; it has affiliated providers but never delivers services itself. */
export const ProviderGroup = defineEntity({
  name: 'ProviderGroup',
  tableName: 'provider_group',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    status: p.enum(['active', 'closed'] as const).default('active'),
    closeReason: p.text().fieldName('close_reason').nullable(),
    ...auditProperties,
  },
});
export type ProviderGroupRecord = InferEntity<typeof ProviderGroup>;

/** PRV-4: a provider affiliated with a group for a period (calendar dates, end inclusive). */
export const ProviderAffiliation = defineEntity({
  name: 'ProviderAffiliation',
  tableName: 'provider_affiliation',
  properties: {
    id: p.uuid().primary(),
    groupId: p.uuid().fieldName('group_id'),
    providerId: p.uuid().fieldName('provider_id'),
    startDate: p.date().fieldName('start_date'),
    endDate: p.date().fieldName('end_date').nullable(),
    createdBy: p.text().fieldName('created_by'),
    createdAt: p
      .datetime()
      .fieldName('created_at')
      .onCreate(() => new Date()),
  },
});
export type ProviderAffiliationRecord = InferEntity<typeof ProviderAffiliation>;

/** PRV-5: append-only history of where an affiliated provider's payments go, from which date. */
export const PaymentDirectionChange = defineEntity({
  name: 'PaymentDirectionChange',
  tableName: 'payment_direction_change',
  properties: {
    id: p.bigint().primary().autoincrement(),
    affiliationId: p.uuid().fieldName('affiliation_id'),
    effectiveFrom: p.date().fieldName('effective_from'),
    paymentsToGroup: p.boolean().fieldName('payments_to_group'),
    recordedBy: p.text().fieldName('recorded_by'),
    recordedAt: p
      .datetime()
      .fieldName('recorded_at')
      .onCreate(() => new Date()),
  },
});
export type PaymentDirectionChangeRecord = InferEntity<typeof PaymentDirectionChange>;

export const PROVIDER_GROUP_ENTITIES = [ProviderGroup, ProviderAffiliation, PaymentDirectionChange];
