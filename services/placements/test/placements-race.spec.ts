import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertLayout } from './support/layout-fixtures.js';
import { day, newClient, place } from './support/placement-requests.js';
import { startPlacementsApp, type PlacementsApp } from './support/placements-app.js';
import { approvedProvider } from './support/provider-facts.js';

/**
 * Issue 7 concurrency: two people racing for the last free bed over real HTTP. The provider's
 * facilities are locked before availability is read (lockProviderFacilities), so the second
 * request waits, then sees the first one's placement: exactly one wins.
 */
let app: PlacementsApp;
let providerId: string;

beforeAll(async () => {
  app = await startPlacementsApp();
  providerId = await approvedProvider(app, 'Last Bed House');
});

afterAll(async () => {
  await app?.close();
});

const ROUNDS = 10;

describe('the last free bed (PLC-5)', () => {
  it('PLC-5: two placements racing for the last free bed — exactly one 201, the other a 409 problem, every round', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const layout = await insertLayout(app, providerId, {
        compartments: [{ name: `Room ${round}`, places: ['Bed 1', 'Bed 2'] }],
      });
      // One bed is already taken; the race is for the other one.
      const taken = await place(app, {
        facilityId: layout.facilityId,
        placeId: layout.places['Bed 1'],
        client: newClient(),
        from: day(-3),
      });
      expect(taken.status).toBe(201);
      // Odd rounds name the bed, even rounds let the service pick the first free one.
      const named = round % 2 === 1 ? { placeId: layout.places['Bed 2'] } : {};
      const replies = await Promise.all(
        ['cw.chen', 'rm.rivera'].map((user) =>
          place(
            app,
            { facilityId: layout.facilityId, client: newClient(), from: day(0), ...named },
            user,
          ),
        ),
      );
      const statuses = replies.map((reply) => reply.status).sort();
      expect(statuses).toEqual([201, 409]);
      const loser = replies.find((reply) => reply.status === 409);
      expect(loser?.contentType).toContain('application/problem+json');
      expect((loser?.body as { rule?: string }).rule).toBe(round % 2 === 1 ? 'PLC-5' : 'PLC-6');

      const perBed = await app.query<{ placeId: string; count: string }>(
        `select place_id as "placeId", count(*)::text as count from placement
          where facility_id = $1 and state = 'active' group by place_id`,
        [layout.facilityId],
      );
      expect(perBed.map((row) => row.count)).toEqual(['1', '1']);
    }
  });
});
