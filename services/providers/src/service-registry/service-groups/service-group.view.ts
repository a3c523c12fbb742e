import { auditView } from '../../shared/audit.js';
import type { ServiceGroupRecord } from './service-group.entity.js';

export type ServiceGroupView = ReturnType<typeof serviceGroupView>;

export function serviceGroupView(group: ServiceGroupRecord) {
  return {
    id: group.id,
    name: group.name,
    description: group.description ?? null,
    ...auditView(group),
  };
}
