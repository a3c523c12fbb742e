import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../../shared/audit.js';

/** SVC-1: a set of similar service products, e.g. "Foster care" for traditional and special-needs foster care. */
export const ServiceGroup = defineEntity({
  name: 'ServiceGroup',
  tableName: 'service_group',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    description: p.text().nullable(),
    ...auditProperties,
  },
});

export type ServiceGroupRecord = InferEntity<typeof ServiceGroup>;
