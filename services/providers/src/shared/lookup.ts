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

/** The records with these ids, by id: one query, none when there are no ids. */
export async function recordsById<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  ids: Iterable<string>,
): Promise<Map<string, Loaded<T>>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const found = await em.find(entity, { id: { $in: wanted } } as unknown as FilterQuery<
    NoInfer<T>
  >);
  return new Map(found.map((record) => [record.id, record as Loaded<T>]));
}
