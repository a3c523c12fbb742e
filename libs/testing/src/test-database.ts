import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { infraEndpoints } from './endpoints.js';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

function adminUrl(): URL {
  return new URL(infraEndpoints().postgres.url);
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl().href });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the launcher's PostgreSQL, so suites never see each other's rows. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `test_${prefix.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.href,
    drop: () => withAdmin((client) => dropWhenIdle(client, name)),
  };
}

/** How long a drop waits for the suite's own pools to let go of the database. */
const SETTLE_ATTEMPTS = 50;
const SETTLE_INTERVAL_MS = 100;

/**
 * Drops the database once nothing is connected to it any more. A pool that is still closing (a
 * service shut down a moment ago) would otherwise have an idle connection killed under it, and
 * pg reports that as an unhandled 'error' event that fails the suite. After a few seconds it
 * forces the drop: a connection that never closes is a leak the suite should not hide.
 */
async function dropWhenIdle(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt += 1) {
    const { rows } = await client.query<{ connections: string }>(
      'select count(*) as connections from pg_stat_activity where datname = $1',
      [name],
    );
    if (Number(rows[0]?.connections ?? 0) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_INTERVAL_MS));
  }
  await client.query(`drop database if exists ${name} with (force)`);
}
