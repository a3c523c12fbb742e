/**
 * Values for set-based SQL through `em.execute` (knex bindings): rows travel as one JSON document
 * (`jsonb_to_recordset(?::jsonb)`), whatever the batch size; id sets as array literals
 * (`uuidArray` in shared/sql-arrays.ts).
 */

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
