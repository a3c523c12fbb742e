import {
  IsolationLevel,
  type EntityName,
  type FilterQuery,
  type Loaded,
  type OrderDefinition,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Which slice of a list to read (structurally the HTTP layer's page query). */
export interface PageWindow {
  limit: number;
  offset: number;
}

/** One slice of a list with the total it was cut from (structurally the HTTP layer's Page). */
export interface PageOf<V> {
  items: V[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * Runs reads in one read-only, repeatable-read transaction, so every query sees the same snapshot:
 * a list's total and the page it counts agree even while others write between the two queries.
 */
export function inOneSnapshot<R>(
  em: EntityManager,
  read: (em: EntityManager) => Promise<R>,
): Promise<R> {
  return em.transactional(read, { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true });
}

/** A record as a list reads it: every column, no relation populated. */
type Found<T> = Loaded<T, never, never, never>;

/** The answer of a list whose filters cannot match anything, without asking the database. */
export function emptyPage<V>(query: PageWindow): PageOf<V> {
  return { items: [], total: 0, limit: query.limit, offset: query.offset };
}

/**
 * One page of the records matching `where`, in `orderBy` order, with the total they were cut from,
 * read from one snapshot. `views` turns the page into views and may read related rows (with the
 * `em` it is given) from the same snapshot, so they match the page too.
 */
export function findPageWithRelated<T extends object, V>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<NoInfer<T>>,
  query: PageWindow,
  orderBy: OrderDefinition<NoInfer<T>>,
  views: (records: Found<T>[], em: EntityManager) => V[] | Promise<V[]>,
): Promise<PageOf<V>> {
  return inOneSnapshot(em, async (snapshot) => {
    const [records, total] = await snapshot.findAndCount<T>(entity, where, {
      orderBy,
      limit: query.limit,
      offset: query.offset,
    });
    const items = await views(records, snapshot);
    return { items, total, limit: query.limit, offset: query.offset };
  });
}

/** One page of the records matching `where` as views, with their total, read from one snapshot. */
export function findPage<T extends object, V>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<NoInfer<T>>,
  query: PageWindow,
  orderBy: OrderDefinition<NoInfer<T>>,
  view: (record: Found<T>) => V,
): Promise<PageOf<V>> {
  // each record alone: a view with an optional second parameter must not get map's index
  return findPageWithRelated(em, entity, where, query, orderBy, (records) =>
    records.map((record) => view(record)),
  );
}

/** A filter written in SQL, for lists the query builder cannot express (e.g. `exists` on a day). */
export interface SqlFilter {
  /** The table with its alias, e.g. `member m`. */
  from: string;
  /** Conditions joined with `and`, each with `?` placeholders; none: every row. */
  conditions: readonly string[];
  params: readonly unknown[];
  /** The id column and the order, both with the alias, e.g. `m.id` and `lower(m.name), m.id`. */
  id: string;
  orderBy: string;
}

/**
 * One page of the rows matching a SQL filter, with the total they were cut from, read from one
 * snapshot. `views` turns the page's ids (in order) into views, reading the records with the `em`
 * it is given, so they match the page too.
 */
export function findPageBySql<V>(
  em: EntityManager,
  filter: SqlFilter,
  query: PageWindow,
  views: (ids: string[], em: EntityManager) => Promise<V[]>,
): Promise<PageOf<V>> {
  const where = filter.conditions.length > 0 ? `where ${filter.conditions.join(' and ')}` : '';
  return inOneSnapshot(em, async (snapshot) => {
    const [{ total }] = (await snapshot.execute(
      `select count(*)::int as total from ${filter.from} ${where}`,
      [...filter.params],
    )) as [{ total: number }];
    const rows = (await snapshot.execute(
      `select ${filter.id} as id from ${filter.from} ${where}
       order by ${filter.orderBy} limit ? offset ?`,
      [...filter.params, query.limit, query.offset],
    )) as { id: string }[];
    const items = await views(
      rows.map((row) => row.id),
      snapshot,
    );
    return { items, total, limit: query.limit, offset: query.offset };
  });
}
