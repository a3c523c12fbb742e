import { loadPlacementsConfig } from '../src/config.js';
import { startPlacementsService } from '../src/placements.service-runtime.js';
import { startPlacementsApp, type PlacementsApp } from './support/placements-app.js';

let app: PlacementsApp;
beforeAll(async () => {
  app = await startPlacementsApp();
});
afterAll(() => app?.close());

describe('placements service start-up', () => {
  it('ARCHITECTURE rule 1: migrates its own database and reports healthy', async () => {
    const health = await app.request('GET', '/health');
    expect(health.status).toBe(200);
    const tables = await app.query<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['facility', 'compartment', 'place', 'reservation', 'placement']),
    );
  });

  it('a start that fails (no such Temporal namespace) rejects and leaves no connection open', async () => {
    const database = await app.bed.extraDatabase('placements_failed_start');
    const config = loadPlacementsConfig({
      ...app.bed.env,
      DATABASE_URL: database.url,
      TEMPORAL_NAMESPACE: 'no-such-namespace-for-this-test',
      PORT: '0',
    });
    await expect(startPlacementsService(config)).rejects.toThrow(/namespace/i);
    const [row] = await database.query<{ open: number }>(
      `select count(*)::int as open from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`,
    );
    expect(row?.open).toBe(0);
  });
});
