/**
 * Values for set-based SQL through `em.execute` (knex bindings): a JS array bound to `?` would be
 * spread into a list, so id sets travel as Postgres array literals (`?::uuid[]`) and rows as one
 * JSON document (`jsonb_to_recordset(?::jsonb)`), whatever the batch size.
 */
export function uuidArray(ids: Iterable<string>): string {
  const unique = [...new Set(ids)];
  for (const id of unique) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new RangeError(`not a uuid: ${id}`);
  }
  return `{${unique.join(',')}}`;
}

/** Rows as JSON for `jsonb_to_recordset`; bigint cents go as decimal strings (exact). */
export function jsonRows(rows: readonly object[]): string {
  return JSON.stringify(rows, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
}

/** Splits ids into consecutive chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`batch size ${size}`);
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size));
  return out;
}
