import { describe, expect, it } from '@jest/globals';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { sqlArray } from './sql-arrays.js';

/** How MikroORM writes a statement with this fragment bound to `?` (it inlines values). */
function inlined(fragment: unknown): string {
  return new PostgreSqlPlatform().formatQuery('select ?::uuid[]', [fragment]);
}

describe('sqlArray (set-based statements over an invoice of up to 20,000 lines, FIN-3)', () => {
  it('writes ids, dates, whole numbers and nulls as one Postgres array literal', () => {
    expect(
      inlined(
        sqlArray([
          '0199a3c2-9a10-7cc0-8d5e-000000000001',
          '2026-03-01',
          12,
          4500n,
          null,
          undefined,
        ]),
      ),
    ).toBe("select '{0199a3c2-9a10-7cc0-8d5e-000000000001,2026-03-01,12,4500,NULL,NULL}'::uuid[]");
  });

  it('refuses an element that would need quoting, so nothing can break out of the literal', () => {
    expect(() => sqlArray(["x'}'; drop table invoice; --"])).toThrow(RangeError);
    expect(() => sqlArray(['a,b'])).toThrow(RangeError);
    expect(() => sqlArray(['{}'])).toThrow(RangeError);
  });
});
