import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase } from '../src/index.js';

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('per-test databases', () => {
  it('creates an empty database of its own and drops it afterwards', async () => {
    const a = await createTestDatabase('helper');
    const b = await createTestDatabase('helper');
    expect(a.name).not.toBe(b.name);
    expect(await canConnect(a.url)).toBe(true);
    await a.drop();
    await b.drop();
    expect(await canConnect(a.url)).toBe(false);
  });
});
