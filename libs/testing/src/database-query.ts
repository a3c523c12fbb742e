import pg from 'pg';

export type QueryRows = <R extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  params?: unknown[],
) => Promise<R[]>;

/** SQL on one test database through a small pool, opened on first use. */
export interface DatabaseQuery {
  query: QueryRows;
  end(): Promise<void>;
}

export function databaseQuery(url: string): DatabaseQuery {
  let pool: pg.Pool | undefined;
  return {
    async query<R extends pg.QueryResultRow>(text: string, params: unknown[] = []) {
      pool ??= new pg.Pool({ connectionString: url, max: 2 });
      return (await pool.query<R>(text, params)).rows;
    },
    async end() {
      await pool?.end();
      pool = undefined;
    },
  };
}
