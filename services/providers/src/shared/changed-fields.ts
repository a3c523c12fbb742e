import { isDeepStrictEqual } from 'node:util';

/** The top-level fields whose values differ, compared deeply (key order does not matter). */
export function changedFields<T extends object>(before: T, after: T): (keyof T & string)[] {
  return (Object.keys(after) as (keyof T & string)[]).filter(
    (key) => !isDeepStrictEqual(before[key], after[key]),
  );
}
