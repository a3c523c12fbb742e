/**
 * A Postgres text[] literal for `?::text[]`, every element quoted and escaped: term codes and
 * element names bound as one value, whatever their punctuation (codes contain `.` and `-`).
 */
export function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
