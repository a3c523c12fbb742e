import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { LIFECYCLE_ACTIONS, PROVIDER_STATUSES } from './provider-lifecycle.js';

/** Who moved a provider through its lifecycle, when, and why (PRV-1 audit, append-only). */
export const ProviderStatusChange = defineEntity({
  name: 'ProviderStatusChange',
  tableName: 'provider_status_change',
  properties: {
    id: p.bigint().primary().autoincrement(),
    providerId: p.uuid().fieldName('provider_id'),
    action: p.enum(['enrol', ...LIFECYCLE_ACTIONS] as const),
    fromStatus: p.enum(PROVIDER_STATUSES).fieldName('from_status').nullable(),
    toStatus: p.enum(PROVIDER_STATUSES).fieldName('to_status'),
    reason: p.text().nullable(),
    actor: p.text(),
    at: p.datetime().onCreate(() => new Date()),
  },
});

export type ProviderStatusChangeRecord = InferEntity<typeof ProviderStatusChange>;
