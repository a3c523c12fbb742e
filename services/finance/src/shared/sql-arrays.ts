import { raw } from '@mikro-orm/postgresql';

/** What a set-based statement's array may hold: ids, calendar dates, whole numbers, or null. */
export type ArrayElement = string | number | bigint | null | undefined;

/** Ids, dates and whole numbers: nothing that needs quoting inside a Postgres literal. */
const PLAIN = /^[0-9A-Za-z-]+$/;

/**
 * A Postgres array literal (`'{a,b,NULL}'`) as an SQL fragment, for `= any(?::uuid[])` and
 * `unnest(?::uuid[], ?::int[], …)` over up to 20,000 values (FIN-3 invoices). MikroORM inlines
 * bound values into the SQL text and escapes strings one character at a time — half a second or
 * more per 10,000-line invoice — so plain elements (checked here: a quote or backslash can never
 * get in) are passed through as they are. Null and undefined become NULL.
 */
export function sqlArray(values: readonly ArrayElement[]): unknown {
  const elements = values.map((value) => {
    if (value === null || value === undefined) return 'NULL';
    const text = String(value);
    if (!PLAIN.test(text)) throw new RangeError(`not a plain array element: ${text}`);
    return text;
  });
  return raw(`'{${elements.join(',')}}'`);
}

/**
 * A Postgres array literal of distinct UUIDs for `= any(?::uuid[])` (bound as a value): one query
 * for a whole list, never one per id. Each id is checked, so nothing but an id gets into it.
 */
export function uuidArray(ids: Iterable<string>): string {
  const unique = [...new Set(ids)];
  for (const id of unique) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new RangeError(`not a uuid: ${id}`);
  }
  return `{${unique.join(',')}}`;
}
