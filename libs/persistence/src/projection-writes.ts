import type { EntityManager } from '@mikro-orm/postgresql';

/** A column value as the projections store it: text, numbers, booleans, JSON as text, or null. */
export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;

/**
 * A projection was asked to change a row it never received (e.g. `provider-service.approved` for
 * a service whose `provider-service.added` it has not seen). Events of one aggregate arrive in
 * order, so this means a gap in the topic: failing sends the event to the dead-letter topic with
 * this reason instead of inventing state.
 */
export class ProjectionGap extends Error {
  constructor(table: string, key: Row) {
    super(`${table} ${JSON.stringify(key)} is not projected: an earlier event is missing`);
    this.name = 'ProjectionGap';
  }
}

const where = (key: Row) =>
  Object.keys(key)
    .map((column) => `${column} = ?`)
    .join(' and ');

/**
 * Inserts the row, or overwrites the stored one unless that was written by a later event: each
 * row carries the `occurred_at` of the event that last wrote it, so replaying or redelivering an
 * older event never undoes a newer one (order-safe per aggregate). Columns in `preserve` keep
 * their stored value on overwrite (facts this event does not carry). Answers whether it wrote.
 */
export async function upsertNewer(
  em: EntityManager,
  table: string,
  keyColumns: readonly string[],
  row: Row & { occurred_at: string },
  preserve: readonly string[] = [],
): Promise<boolean> {
  const columns = Object.keys(row);
  const updated = columns.filter((c) => !keyColumns.includes(c) && !preserve.includes(c));
  const written = await em.execute<unknown[]>(
    `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})
     on conflict (${keyColumns.join(', ')}) do update
       set ${updated.map((c) => `${c} = excluded.${c}`).join(', ')}
       where ${table}.occurred_at <= excluded.occurred_at
     returning 1`,
    columns.map((c) => row[c]),
  );
  return written.length > 0;
}

/**
 * Changes some columns of a projected row, unless a later event already wrote it. A row that was
 * never projected is a gap (see ProjectionGap). Answers whether it wrote.
 */
export async function updateNewer(
  em: EntityManager,
  table: string,
  key: Row,
  changes: Row,
  occurredAt: string,
): Promise<boolean> {
  const assignments = [...Object.keys(changes), 'occurred_at'].map((c) => `${c} = ?`).join(', ');
  const written = await em.execute<unknown[]>(
    `update ${table} set ${assignments} where ${where(key)} and occurred_at <= ? returning 1`,
    [...Object.values(changes), occurredAt, ...Object.values(key), occurredAt],
  );
  if (written.length > 0) return true;
  const exists = await em.execute<unknown[]>(
    `select 1 from ${table} where ${where(key)}`,
    Object.values(key),
  );
  if (exists.length === 0) throw new ProjectionGap(table, key);
  return false;
}

/** JSON for a jsonb column: pg would turn a JS array into a Postgres array otherwise. */
export const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);
