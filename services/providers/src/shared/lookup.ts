import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, FilterQuery, Loaded } from '@mikro-orm/core';
import { NotFoundProblem, type Page, type PageQuery } from '@platform/http';

/** The record with this id, or a 404 naming what was looked for. */
export async function findOrNotFound<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  what: string,
  id: string,
): Promise<Loaded<T>> {
  const record = await em.findOne(entity, { id } as FilterQuery<NoInfer<T>>);
  if (!record) throw new NotFoundProblem(what, id);
  return record as Loaded<T>;
}

/** A page of views, as every list endpoint answers. */
export function pageOf<T, V>(
  records: readonly T[],
  total: number,
  query: PageQuery,
  view: (record: T) => V,
): Page<V> {
  return { items: records.map(view), total, limit: query.limit, offset: query.offset };
}
