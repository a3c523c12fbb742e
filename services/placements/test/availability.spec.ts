import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  addCompartment,
  addPlaces,
  CASE_WORKER,
  createFacility,
  fields,
  knownProvider,
  RESOURCE_MANAGER,
  setCharacteristicSettings,
  type FacilityBody,
  type Problem,
} from './support/facility-fixtures.js';
import { startPlacementsApp, type PlacementsApp } from './support/placements-app.js';

/**
 * "Free places for this client from D1 to D2" (PLC-1…PLC-3, PLC-5) on a facility of 1,000 places
 * laid out through the API: 4 buildings × 5 floors × 10 rooms × 5 beds.
 *
 * - Building A: youth (12–17), same gender only; floor A1 Spanish speakers only.
 * - Building B: adults (18+); floor B2 for race r1 (stored while race matching was enabled);
 *   floor B1 out of service in February 2030.
 * - Building C: for service product P1.
 * - Building D: no characteristics; floor D4 adults (18+) but its room D4-R01 sets minimum age 0;
 *   floor D5 for gang affiliation g1.
 * - One bed of room A3-R01 is held by a boy's placement (inserted directly until the placements
 *   API exists), so the room's same-gender-only rule applies to the others.
 */
let app: PlacementsApp;
let providerId: string;
let facility: FacilityBody;
const P1 = randomUUID();
const P2 = randomUUID();
const floors: Record<string, string> = {};
const rooms: Record<string, string> = {};
const places: Record<string, string> = {};

const FROM = '2030-01-01';
const TO = '2030-03-31';

async function buildLayout(): Promise<void> {
  facility = await createFacility(app, providerId, { designated: 1000, physical: 1000 });
  const buildingCharacteristics: Record<string, Record<string, unknown>> = {
    A: { minimumAge: 12, maximumAge: 17, sameGenderOnly: true },
    B: { minimumAge: 18 },
    C: { serviceProductId: P1 },
    D: {},
  };
  const floorCharacteristics: Record<string, Record<string, unknown>> = {
    A1: { language: 'es' },
    B2: { race: 'r1' },
    D4: { minimumAge: 18 },
    D5: { gangAffiliation: 'g1' },
  };
  const roomCharacteristics: Record<string, Record<string, unknown>> = {
    'D4-R01': { minimumAge: 0 },
  };
  await setCharacteristicSettings(app, { raceEnabled: true, religionEnabled: false });
  for (const [building, characteristics] of Object.entries(buildingCharacteristics)) {
    const buildingId = await addCompartment(
      app,
      facility.facilityId,
      facility.rootCompartmentId,
      `Building ${building}`,
      characteristics,
    );
    for (let f = 1; f <= 5; f += 1) {
      const floor = `${building}${f}`;
      floors[floor] = await addCompartment(
        app,
        facility.facilityId,
        buildingId,
        `Floor ${floor}`,
        floorCharacteristics[floor],
      );
      for (let r = 1; r <= 10; r += 1) {
        const room = `${floor}-R${String(r).padStart(2, '0')}`;
        rooms[room] = await addCompartment(
          app,
          facility.facilityId,
          floors[floor] as string,
          room,
          roomCharacteristics[room],
        );
        const created = await addPlaces(
          app,
          rooms[room] as string,
          [1, 2, 3, 4, 5].map((b) => `${room}-${b}`),
        );
        for (const place of created) places[place.name] = place.placeId;
      }
    }
  }
  await setCharacteristicSettings(app, { raceEnabled: false, religionEnabled: false });

  const outOfService = await app.request(
    'POST',
    `/facilities/${facility.facilityId}/out-of-service`,
    {
      user: RESOURCE_MANAGER,
      body: {
        compartmentId: floors['B1'],
        from: '2030-02-01',
        to: '2030-02-28',
        reason: 'Rewiring',
      },
    },
  );
  expect(outOfService.status).toBe(201);
  // A record outside the period does not exclude its place.
  await app.request('POST', `/facilities/${facility.facilityId}/out-of-service`, {
    user: RESOURCE_MANAGER,
    body: { placeId: places['A2-R01-1'], from: '2029-01-01', to: '2029-12-31', reason: 'Old' },
  });

  // Until the placements API exists, the boy's placement is inserted as it would store it.
  const boy = { ...client('youth-held', '2015-03-01', 'male'), language: 'es' };
  await app.query(
    `insert into placement (placement_id, provider_id, facility_id, place_id, client_id, client,
                            starts_on, ends_on, state, created_by)
     values ($1, $2, $3, $4, $5, $6, '2029-12-01', null, 'active', 'cw.chen')`,
    [
      randomUUID(),
      providerId,
      facility.facilityId,
      places['A3-R01-1'],
      boy.clientId,
      JSON.stringify(boy),
    ],
  );
}

function client(clientId: string, birthDate: string, gender: 'male' | 'female') {
  return {
    clientId,
    birthDate,
    gender,
    language: 'en',
    gangAffiliation: null as string | null,
    race: null as string | null,
    religion: null as string | null,
  };
}

interface Failure {
  code: string;
  rule: string;
}
interface Answer extends Problem {
  facilityId: string;
  free: { placeId: string; name: string; compartmentPath: string[] }[];
  excluded: { placeId: string; name: string; failures: Failure[] }[];
  limitFailures: Failure[];
}

async function search(body: Record<string, unknown>): Promise<Answer> {
  const reply = await app.request<Answer>(
    'POST',
    `/facilities/${facility.facilityId}/availability`,
    {
      user: CASE_WORKER,
      body: { from: FROM, to: TO, ...body },
    },
  );
  expect(reply.status).toBe(200);
  expect(reply.body.free.length + reply.body.excluded.length).toBe(1000);
  return reply.body;
}

/** Free places per building letter, e.g. { A: 249, C: 250 }. */
function freeByBuilding(answer: Answer): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const place of answer.free) {
    const building = place.name.slice(0, 1);
    counts[building] = (counts[building] ?? 0) + 1;
  }
  return counts;
}

const failuresOf = (answer: Answer, name: string) =>
  answer.excluded.find((place) => place.name === name)?.failures.map((f) => `${f.rule} ${f.code}`);

beforeAll(async () => {
  app = await startPlacementsApp();
  providerId = await knownProvider(app);
  await buildLayout();
});

afterAll(async () => {
  await app?.close();
});

describe('availability on a facility of 1,000 places (PLC-1…PLC-3)', () => {
  it('PLC-2: a Spanish-speaking boy of 14: youth rooms but the held bed, product C, open D rooms', async () => {
    const answer = await search({
      client: { ...client('boy', '2015-06-01', 'male'), language: 'es' },
    });
    expect(freeByBuilding(answer)).toEqual({ A: 249, C: 250, D: 155 });
    expect(answer.free).toHaveLength(654);
    expect(failuresOf(answer, 'A3-R01-1')).toEqual(['PLC-5 place-held']);
    expect(failuresOf(answer, 'B1-R01-1')).toEqual([
      'PLC-3 place-out-of-service',
      'PLC-2 below-minimum-age',
    ]);
    expect(failuresOf(answer, 'D5-R01-1')).toEqual(['PLC-2 gang-affiliation-mismatch']);
    // D4-R01 sets its own minimum age 0 over its floor's 18; its neighbour room inherits 18.
    expect(answer.free.some((place) => place.name === 'D4-R01-3')).toBe(true);
    expect(failuresOf(answer, 'D4-R02-1')).toEqual(['PLC-2 below-minimum-age']);
    // Free places come in compartment path order.
    expect(answer.free[0]).toMatchObject({
      name: 'A1-R01-1',
      compartmentPath: [facility.name, 'Building A', 'Floor A1', 'A1-R01'],
    });
  });

  it('PLC-2: a girl of 14 speaking English: not the Spanish floor, not the boy’s room (same gender only)', async () => {
    const answer = await search({ client: client('girl', '2015-06-01', 'female') });
    expect(freeByBuilding(answer)).toEqual({ A: 195, C: 250, D: 155 });
    expect(failuresOf(answer, 'A1-R05-2')).toEqual(['PLC-2 language-mismatch']);
    expect(failuresOf(answer, 'A3-R01-2')).toEqual(['PLC-2 same-gender-only']);
    expect(failuresOf(answer, 'A3-R02-2')).toBeUndefined();
  });

  it('PLC-3: an adult: B but its floor out of service in February, C, D but the gang floor', async () => {
    const answer = await search({ client: client('adult', '1990-01-01', 'male') });
    expect(freeByBuilding(answer)).toEqual({ B: 200, C: 250, D: 200 });
    expect(failuresOf(answer, 'B1-R10-5')).toEqual(['PLC-3 place-out-of-service']);
    // Before February the floor is in service.
    const january = await search({
      client: client('adult', '1990-01-01', 'male'),
      to: '2030-01-31',
    });
    expect(freeByBuilding(january)).toEqual({ B: 250, C: 250, D: 200 });
    // An open-ended stay overlaps the February record too.
    const openEnded = await search({ client: client('adult', '1990-01-01', 'male'), to: null });
    expect(freeByBuilding(openEnded)).toEqual({ B: 200, C: 250, D: 200 });
  });

  it('PLC-2: a service product filters the compartments asking for another one', async () => {
    const adult = client('adult', '1990-01-01', 'male');
    expect(freeByBuilding(await search({ client: adult, serviceProductId: P2 }))).toEqual({
      B: 200,
      D: 200,
    });
    const p1 = await search({ client: adult, serviceProductId: P1 });
    expect(freeByBuilding(p1)).toEqual({ B: 200, C: 250, D: 200 });
    const gang = await search({ client: { ...adult, gangAffiliation: 'g1' } });
    expect(freeByBuilding(gang)).toEqual({ B: 200, C: 250, D: 250 });
  });

  it('PLC-2: race counts only while an administrator has it enabled', async () => {
    const adult = client('adult', '1990-01-01', 'male');
    expect(freeByBuilding(await search({ client: adult })).B).toBe(200);
    await setCharacteristicSettings(app, { raceEnabled: true, religionEnabled: false });
    try {
      const enabled = await search({ client: adult });
      expect(freeByBuilding(enabled).B).toBe(150);
      expect(failuresOf(enabled, 'B2-R01-1')).toEqual(['PLC-2 race-mismatch']);
      const matching = await search({ client: { ...adult, race: 'r1' } });
      expect(freeByBuilding(matching).B).toBe(200);
    } finally {
      await setCharacteristicSettings(app, { raceEnabled: false, religionEnabled: false });
    }
    expect(freeByBuilding(await search({ client: adult })).B).toBe(200);
  });

  it('searches every facility of a provider, one answer per facility by name', async () => {
    const small = await createFacility(app, providerId, { designated: 2, physical: 2 });
    await addPlaces(app, small.rootCompartmentId, ['S-1', 'S-2']);
    const reply = await app.request<{
      providerId: string;
      freeCount: number;
      facilities: { facilityId: string; free: unknown[] }[];
    }>('POST', '/availability', {
      user: CASE_WORKER,
      body: { providerId, client: client('adult', '1990-01-01', 'male'), from: FROM, to: TO },
    });
    expect(reply.status).toBe(200);
    const expected = [facility, small]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((f) => f.facilityId);
    expect(reply.body.facilities.map((f) => f.facilityId)).toEqual(expected);
    expect(reply.body.freeCount).toBe(652);
    const none = await app.request<{ facilities: unknown[] }>('POST', '/availability', {
      user: CASE_WORKER,
      body: { providerId: randomUUID(), client: client('a', '1990-01-01', 'male'), from: FROM },
    });
    expect(none.body.facilities).toEqual([]);
  });

  it("PLC-8: a contract's place limit counts the provider's other facilities; other searches ignore it", async () => {
    // Contract projection row as the providers service's events would write it (projections
    // consumer not there yet): one place for this provider in 2030.
    const contractId = randomUUID();
    await app.query(
      `insert into contract_version (contract_id, provider_id, status, starts_on, ends_on,
                                     place_limit, provider_service_ids, bound_provider_ids, occurred_at)
       values ($1, $2, 'active', '2030-01-01', '2030-12-31', 1, '{}', '{}', now())`,
      [contractId, providerId],
    );
    const elsewhere = await createFacility(app, providerId, { designated: 1, physical: 1 });
    const [bed] = await addPlaces(app, elsewhere.rootCompartmentId, ['E-1']);
    const held = client('under-contract', '1990-01-01', 'male');
    await app.query(
      `insert into placement (placement_id, provider_id, facility_id, place_id, client_id, client,
                              starts_on, ends_on, state, created_by, contract_id)
       values ($1, $2, $3, $4, $5, $6, '2030-01-15', '2030-02-15', 'active', 'cw.chen', $7)`,
      [
        randomUUID(),
        providerId,
        elsewhere.facilityId,
        bed?.placeId,
        held.clientId,
        JSON.stringify(held),
        contractId,
      ],
    );
    const adult = client('adult', '1990-01-01', 'male');
    const limited = await search({ client: adult, contractId });
    expect(limited.free).toEqual([]);
    expect(limited.limitFailures.map((f) => `${f.rule} ${f.code}`)).toEqual([
      'PLC-8 contract-place-limit-reached',
    ]);
    // After the other placement ends, the limit has room again (and B1 is back in service).
    const march = await search({ client: adult, contractId, from: '2030-03-01' });
    expect(march.limitFailures).toEqual([]);
    expect(freeByBuilding(march)).toEqual({ B: 250, C: 250, D: 200 });
    // Without the contract (or under another one) the limit does not apply.
    expect((await search({ client: adult })).limitFailures).toEqual([]);
    expect((await search({ client: adult, contractId: randomUUID() })).limitFailures).toEqual([]);
  });

  it('400 naming the fields of a bad search; 404 for an unknown facility', async () => {
    const bad = await app.request<Problem>(
      'POST',
      `/facilities/${facility.facilityId}/availability`,
      {
        user: CASE_WORKER,
        body: {
          client: { ...client('x', '1990-02-30', 'male'), gender: 'other' },
          from: FROM,
        },
      },
    );
    expect(bad.status).toBe(400);
    expect(fields(bad.body).sort()).toEqual(['client.birthDate', 'client.gender']);
    const backwards = await app.request<Problem>(
      'POST',
      `/facilities/${facility.facilityId}/availability`,
      {
        user: CASE_WORKER,
        body: { client: client('x', '1990-01-01', 'male'), from: FROM, to: '2029-12-31' },
      },
    );
    expect(backwards.status).toBe(400);
    expect(fields(backwards.body)).toEqual(['to']);
    const unknown = await app.request('POST', `/facilities/${randomUUID()}/availability`, {
      user: CASE_WORKER,
      body: { client: client('x', '1990-01-01', 'male'), from: FROM },
    });
    expect(unknown.status).toBe(404);
  });
});
