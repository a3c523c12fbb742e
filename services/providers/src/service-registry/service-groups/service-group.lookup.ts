import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationProblem } from '@platform/http';
import { ServiceGroup, type ServiceGroupRecord } from './service-group.entity.js';

/**
 * SVC-1: the groups a product is put in, in the order given. An id that names no group is a bad
 * request (400 naming the list entry), not a missing resource: the request itself is wrong.
 */
export async function findServiceGroups(
  em: EntityManager,
  ids: readonly string[],
  field = 'serviceGroupIds',
): Promise<ServiceGroupRecord[]> {
  if (ids.length === 0) return [];
  const found = new Map(
    (await em.find(ServiceGroup, { id: { $in: [...ids] } })).map((group) => [group.id, group]),
  );
  const missing = ids.flatMap((id, index) =>
    found.has(id)
      ? []
      : [{ field: `${field}.${index}`, message: `no service group with id ${id}` }],
  );
  if (missing.length > 0) throw new ValidationProblem(missing);
  return ids.map((id) => found.get(id) as ServiceGroupRecord);
}
