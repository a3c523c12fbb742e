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
});
