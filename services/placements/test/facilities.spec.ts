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
  type Problem,
} from './support/facility-fixtures.js';
import { startPlacementsApp, type PlacementsApp } from './support/placements-app.js';

/**
 * Issue 7, PLC-1/PLC-2: facilities, their compartment trees and places through the HTTP API. The
 * layout rules themselves are pure functions unit-tested in src/domain; these prove the service
 * applies them to what is stored.
 */
let app: PlacementsApp;
let providerId: string;

beforeAll(async () => {
  app = await startPlacementsApp();
  providerId = await knownProvider(app);
});

afterAll(async () => {
  await app?.close();
});

interface Layout {
  compartmentId: string;
  parentId: string | null;
  name: string;
  characteristics: Record<string, unknown>;
  effectiveCharacteristics: Record<string, unknown>;
  places: { placeId: string; name: string; emergency: boolean; outOfServiceToday: boolean }[];
  children: Layout[];
}

interface FacilityReply extends Problem {
  facilityId: string;
  name: string;
  createdBy: string;
  counts: { places: number; designated: number; emergency: number };
  layout: Layout;
}

const getFacility = (facilityId: string) =>
  app.request<FacilityReply>('GET', `/facilities/${facilityId}`, { user: CASE_WORKER });

describe('facilities (PLC-1)', () => {
  it('PLC-1: a new facility has exactly one top-level compartment, named after it', async () => {
    const created = await app.request<FacilityReply>('POST', '/facilities', {
      user: RESOURCE_MANAGER,
      body: { providerId, name: 'Harbor House', designatedCapacity: 4, physicalCapacity: 5 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      providerId,
      name: 'Harbor House',
      designatedCapacity: 4,
      physicalCapacity: 5,
      createdBy: RESOURCE_MANAGER,
      counts: { places: 0, designated: 0, emergency: 0 },
      layout: { parentId: null, name: 'Harbor House', places: [], children: [] },
    });
    const roots = await app.query(
      'select 1 from compartment where facility_id = $1 and parent_id is null',
      [created.body.facilityId],
    );
    expect(roots).toHaveLength(1);
    expect((await getFacility(created.body.facilityId)).body).toEqual(created.body);
  });

  it('PLC-1: designated capacity above physical is refused (422 naming the field)', async () => {
    const reply = await app.request<Problem>('POST', '/facilities', {
      user: RESOURCE_MANAGER,
      body: { providerId, name: 'Too Big', designatedCapacity: 6, physicalCapacity: 5 },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.rule).toBe('PLC-1');
    expect(fields(reply.body)).toEqual(['designatedCapacity']);
  });

  it('PRV-1: an unknown provider gets no facility (422); a closed one neither (409)', async () => {
    const unknown = await app.request<Problem>('POST', '/facilities', {
      user: RESOURCE_MANAGER,
      body: {
        providerId: randomUUID(),
        name: 'Nowhere',
        designatedCapacity: 1,
        physicalCapacity: 1,
      },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.rule).toBe('PRV-1');
    expect(fields(unknown.body)).toEqual(['providerId']);

    const closed = await knownProvider(app, 'closed');
    const refused = await app.request<Problem>('POST', '/facilities', {
      user: RESOURCE_MANAGER,
      body: { providerId: closed, name: 'Shut', designatedCapacity: 1, physicalCapacity: 1 },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('PRV-1');

    const suspended = await knownProvider(app, 'suspended');
    const accepted = await app.request('POST', '/facilities', {
      user: RESOURCE_MANAGER,
      body: { providerId: suspended, name: 'Paused', designatedCapacity: 1, physicalCapacity: 1 },
    });
    expect(accepted.status).toBe(201);
  });

  it('PLC-1: a provider cannot have two facilities of the same name (409 naming `name`)', async () => {
    const facility = await createFacility(app, providerId);
    const reply = await app.request<Problem>('POST', '/facilities', {
      user: RESOURCE_MANAGER,
      body: { providerId, name: facility.name, designatedCapacity: 1, physicalCapacity: 1 },
    });
    expect(reply.status).toBe(409);
    expect(reply.body.rule).toBe('PLC-1');
    expect(fields(reply.body)).toEqual(['name']);
  });

  it('400: names every invalid field of a facility', async () => {
    const reply = await app.request<Problem>('POST', '/facilities', {
      user: RESOURCE_MANAGER,
      body: { providerId: 'nope', name: ' ', designatedCapacity: -1, physicalCapacity: 1.5 },
    });
    expect(reply.status).toBe(400);
    expect(fields(reply.body).sort()).toEqual([
      'designatedCapacity',
      'name',
      'physicalCapacity',
      'providerId',
    ]);
  });

  it('404 for an unknown facility; 400 naming `id` when it is not a UUID', async () => {
    expect((await getFacility(randomUUID())).status).toBe(404);
    const bad = await app.request<Problem>('GET', '/facilities/nope', { user: CASE_WORKER });
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(['id']);
  });

  it('lists by provider and name (contains, case-insensitive), paged with the total', async () => {
    const own = await knownProvider(app);
    const tag = randomUUID().slice(0, 6);
    for (const name of [`North ${tag}`, `South ${tag}`, `Other`]) {
      const reply = await app.request('POST', '/facilities', {
        user: RESOURCE_MANAGER,
        body: { providerId: own, name, designatedCapacity: 1, physicalCapacity: 1 },
      });
      expect(reply.status).toBe(201);
    }
    const page = await app.request<{ items: { name: string }[]; total: number }>(
      'GET',
      `/facilities?providerId=${own}&name=${tag.toUpperCase()}&limit=1`,
      { user: CASE_WORKER },
    );
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(2);
    expect(page.body.items.map((item) => item.name)).toEqual([`North ${tag}`]);
    const all = await app.request<{ total: number }>('GET', `/facilities?providerId=${own}`, {
      user: CASE_WORKER,
    });
    expect(all.body.total).toBe(3);
  });
});

describe('compartments and places (PLC-1, PLC-2)', () => {
  it('PLC-1: the layout is a nested tree, places in name order, with counts', async () => {
    const facility = await createFacility(app, providerId, { designated: 6, physical: 6 });
    const building = await addCompartment(
      app,
      facility.facilityId,
      facility.rootCompartmentId,
      'Building A',
    );
    const floor = await addCompartment(app, facility.facilityId, building, 'Floor 1');
    await addPlaces(app, floor, ['Bed 10', 'Bed 2', 'Bed 1']);
    await addPlaces(app, building, ['Lobby cot']);
    const { body } = await getFacility(facility.facilityId);
    expect(body.counts).toEqual({ places: 4, designated: 4, emergency: 0 });
    const [a] = body.layout.children;
    expect(a).toMatchObject({ name: 'Building A', parentId: facility.rootCompartmentId });
    expect(a?.places.map((p) => p.name)).toEqual(['Lobby cot']);
    expect(a?.children[0]?.places.map((p) => p.name)).toEqual(['Bed 1', 'Bed 2', 'Bed 10']);
    expect(a?.children[0]?.places[0]).toMatchObject({ emergency: false, outOfServiceToday: false });
  });

  it('PLC-1: places beyond the designated capacity are refused (422 naming `names`)', async () => {
    const facility = await createFacility(app, providerId, { designated: 3, physical: 4 });
    const room = await addCompartment(app, facility.facilityId, facility.rootCompartmentId, 'Room');
    await addPlaces(app, room, ['B1', 'B2']);
    const refused = await app.request<Problem>('POST', `/compartments/${room}/places`, {
      user: RESOURCE_MANAGER,
      body: { names: ['B3', 'B4'] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('PLC-1');
    expect(fields(refused.body)).toEqual(['names']);
    // Exactly at capacity is fine; nothing of the refused request was stored.
    expect((await addPlaces(app, room, ['B3'])).map((p) => p.name)).toEqual(['B3']);
    expect((await getFacility(facility.facilityId)).body.counts.places).toBe(3);
  });

  it('PLC-1: capacities cannot drop below the places the facility holds', async () => {
    const facility = await createFacility(app, providerId, { designated: 3, physical: 3 });
    await addPlaces(app, facility.rootCompartmentId, ['P1', 'P2', 'P3']);
    const lower = await app.request<Problem>('PATCH', `/facilities/${facility.facilityId}`, {
      user: RESOURCE_MANAGER,
      body: { designatedCapacity: 2 },
    });
    expect(lower.status).toBe(422);
    expect(lower.body.rule).toBe('PLC-1');
    expect(fields(lower.body)).toEqual(['designatedCapacity']);
    const above = await app.request<Problem>('PATCH', `/facilities/${facility.facilityId}`, {
      user: RESOURCE_MANAGER,
      body: { designatedCapacity: 5 },
    });
    expect(above.status).toBe(422);
    expect(fields(above.body)).toContain('designatedCapacity');
    const renamed = await app.request<FacilityReply>(
      'PATCH',
      `/facilities/${facility.facilityId}`,
      {
        user: RESOURCE_MANAGER,
        body: { name: 'Renamed House', designatedCapacity: 4, physicalCapacity: 6 },
      },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'Renamed House',
      designatedCapacity: 4,
      physicalCapacity: 6,
      updatedBy: RESOURCE_MANAGER,
      layout: { name: 'Renamed House' },
    });
  });

  it('PLC-1: physical capacity holds emergency places too; counts tell them apart', async () => {
    const facility = await createFacility(app, providerId, { designated: 2, physical: 3 });
    await addPlaces(app, facility.rootCompartmentId, ['D1', 'D2']);
    // PLC-6 emergency places are created by the placements area; inserted here as it stores them.
    await app.query(
      `insert into place (place_id, facility_id, compartment_id, name, emergency, created_by)
       values ($1, $2, $3, 'E1', true, 'rm.rivera')`,
      [randomUUID(), facility.facilityId, facility.rootCompartmentId],
    );
    expect((await getFacility(facility.facilityId)).body.counts).toEqual({
      places: 3,
      designated: 2,
      emergency: 1,
    });
    const reply = await app.request<Problem>('PATCH', `/facilities/${facility.facilityId}`, {
      user: RESOURCE_MANAGER,
      body: { physicalCapacity: 2 },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.rule).toBe('PLC-1');
    expect(fields(reply.body)).toEqual(['physicalCapacity']);
  });

  it('PLC-1: a place name is unique in the facility (409 naming the name)', async () => {
    const facility = await createFacility(app, providerId);
    const a = await addCompartment(app, facility.facilityId, facility.rootCompartmentId, 'A');
    const b = await addCompartment(app, facility.facilityId, facility.rootCompartmentId, 'B');
    await addPlaces(app, a, ['Bed 1']);
    const reply = await app.request<Problem>('POST', `/compartments/${b}/places`, {
      user: RESOURCE_MANAGER,
      body: { names: ['Bed 2', 'Bed 1'] },
    });
    expect(reply.status).toBe(409);
    expect(reply.body.rule).toBe('PLC-1');
    expect(fields(reply.body)).toEqual(['names.1']);
  });

  it('PLC-1: moving a compartment under its own descendant (a cycle) is refused', async () => {
    const facility = await createFacility(app, providerId);
    const building = await addCompartment(
      app,
      facility.facilityId,
      facility.rootCompartmentId,
      'Building',
    );
    const floor = await addCompartment(app, facility.facilityId, building, 'Floor');
    const cycle = await app.request<Problem>('PATCH', `/compartments/${building}`, {
      user: RESOURCE_MANAGER,
      body: { parentId: floor },
    });
    expect(cycle.status).toBe(422);
    expect(cycle.body.rule).toBe('PLC-1');
    expect(fields(cycle.body)).toContain('parentId');
    // The top-level compartment cannot go under a building either (no root would be left).
    const root = await app.request<Problem>(
      'PATCH',
      `/compartments/${facility.rootCompartmentId}`,
      {
        user: RESOURCE_MANAGER,
        body: { parentId: building },
      },
    );
    expect(root.status).toBe(422);
    expect(root.body.rule).toBe('PLC-1');
    // A legal move: the floor to the top level.
    const moved = await app.request('PATCH', `/compartments/${floor}`, {
      user: RESOURCE_MANAGER,
      body: { parentId: facility.rootCompartmentId },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      parentId: facility.rootCompartmentId,
      updatedBy: RESOURCE_MANAGER,
    });
  });

  it("PLC-1: a compartment's parent must be in the same facility (422 naming `parentId`)", async () => {
    const one = await createFacility(app, providerId);
    const other = await createFacility(app, providerId);
    const reply = await app.request<Problem>('POST', `/facilities/${one.facilityId}/compartments`, {
      user: RESOURCE_MANAGER,
      body: { parentId: other.rootCompartmentId, name: 'Stray' },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.rule).toBe('PLC-1');
    expect(fields(reply.body)).toEqual(['parentId']);
  });

  it('PLC-1: siblings have different names (409 naming `name`)', async () => {
    const facility = await createFacility(app, providerId);
    await addCompartment(app, facility.facilityId, facility.rootCompartmentId, 'Building A');
    const reply = await app.request<Problem>(
      'POST',
      `/facilities/${facility.facilityId}/compartments`,
      {
        user: RESOURCE_MANAGER,
        body: { parentId: facility.rootCompartmentId, name: 'building a' },
      },
    );
    expect(reply.status).toBe(409);
    expect(fields(reply.body)).toEqual(['name']);
  });

  it('PLC-2: characteristics are inherited per field; an explicit false switches one off', async () => {
    const facility = await createFacility(app, providerId);
    const building = await addCompartment(
      app,
      facility.facilityId,
      facility.rootCompartmentId,
      'Youth',
      {
        sameGenderOnly: true,
        minimumAge: 12,
        maximumAge: 17,
      },
    );
    const floor = await addCompartment(app, facility.facilityId, building, 'Spanish floor', {
      language: 'es',
      sameGenderOnly: false,
    });
    const { body } = await getFacility(facility.facilityId);
    const floorView = body.layout.children[0]?.children[0];
    expect(floorView?.compartmentId).toBe(floor);
    expect(floorView?.characteristics).toEqual({ language: 'es', sameGenderOnly: false });
    expect(floorView?.effectiveCharacteristics).toEqual({
      language: 'es',
      sameGenderOnly: false,
      minimumAge: 12,
      maximumAge: 17,
    });
    // PATCH replaces the own characteristics as a whole.
    const changed = await app.request('PATCH', `/compartments/${floor}`, {
      user: RESOURCE_MANAGER,
      body: { characteristics: { language: 'fr' }, name: 'French floor' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'French floor',
      characteristics: { language: 'fr' },
    });
  });

  it('PLC-2: race and religion are refused while an administrator has not enabled them', async () => {
    const facility = await createFacility(app, providerId);
    const refused = await app.request<Problem>(
      'POST',
      `/facilities/${facility.facilityId}/compartments`,
      {
        user: RESOURCE_MANAGER,
        body: {
          parentId: facility.rootCompartmentId,
          name: 'Gated',
          characteristics: { race: 'r1', sameReligionOnly: true, sameRaceOnly: false },
        },
      },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('PLC-2');
    expect(fields(refused.body)).toEqual([
      'characteristics.race',
      'characteristics.sameReligionOnly',
    ]);
    expect(refused.body.detail).toContain(
      'race matching is disabled until an administrator enables it',
    );

    await setCharacteristicSettings(app, { raceEnabled: true, religionEnabled: false });
    try {
      const race = await addCompartment(
        app,
        facility.facilityId,
        facility.rootCompartmentId,
        'Race',
        {
          race: 'r1',
        },
      );
      const religion = await app.request<Problem>('PATCH', `/compartments/${race}`, {
        user: RESOURCE_MANAGER,
        body: { characteristics: { race: 'r1', religion: 'x' } },
      });
      expect(religion.status).toBe(422);
      expect(fields(religion.body)).toEqual(['characteristics.religion']);
    } finally {
      await setCharacteristicSettings(app, { raceEnabled: false, religionEnabled: false });
    }
  });

  it('400: names the invalid fields of compartments and places', async () => {
    const facility = await createFacility(app, providerId);
    const compartment = await app.request<Problem>(
      'POST',
      `/facilities/${facility.facilityId}/compartments`,
      {
        user: RESOURCE_MANAGER,
        body: { name: 'Ages', characteristics: { colour: 'red' } },
      },
    );
    expect(compartment.status).toBe(400);
    expect(fields(compartment.body).sort()).toEqual(['characteristics', 'parentId']);
    const ages = await app.request<Problem>(
      'POST',
      `/facilities/${facility.facilityId}/compartments`,
      {
        user: RESOURCE_MANAGER,
        body: {
          parentId: facility.rootCompartmentId,
          name: 'Ages',
          characteristics: { minimumAge: 18, maximumAge: 12 },
        },
      },
    );
    expect(ages.status).toBe(400);
    expect(fields(ages.body)).toEqual(['characteristics.maximumAge']);
    for (const names of [[], ['A', 'A'], Array.from({ length: 1001 }, (_, i) => `P${i}`)]) {
      const places = await app.request<Problem>(
        'POST',
        `/compartments/${facility.rootCompartmentId}/places`,
        {
          user: RESOURCE_MANAGER,
          body: { names },
        },
      );
      expect(places.status).toBe(400);
      expect(fields(places.body)).toEqual(['names']);
    }
  });

  it("lists a facility's places by compartment (with those below) and name, paged", async () => {
    const facility = await createFacility(app, providerId, { designated: 20, physical: 20 });
    const building = await addCompartment(
      app,
      facility.facilityId,
      facility.rootCompartmentId,
      'B',
    );
    const floor = await addCompartment(app, facility.facilityId, building, 'F');
    const other = await addCompartment(app, facility.facilityId, facility.rootCompartmentId, 'O');
    await addPlaces(app, building, ['Hall 1']);
    await addPlaces(app, floor, ['Bed 1', 'Bed 2', 'Bed 3']);
    await addPlaces(app, other, ['Bed 4']);
    const subtree = await app.request<{
      items: { name: string; compartmentName: string }[];
      total: number;
    }>(
      'GET',
      `/facilities/${facility.facilityId}/places?compartmentId=${building}&name=bed&limit=2&offset=1`,
      { user: CASE_WORKER },
    );
    expect(subtree.status).toBe(200);
    expect(subtree.body.total).toBe(3);
    expect(subtree.body.items).toMatchObject([
      { name: 'Bed 2', compartmentName: 'F' },
      { name: 'Bed 3', compartmentName: 'F' },
    ]);
    const all = await app.request<{ total: number }>(
      'GET',
      `/facilities/${facility.facilityId}/places`,
      {
        user: CASE_WORKER,
      },
    );
    expect(all.body.total).toBe(5);
  });
});
