import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { placementTransferred, providerApproved } from '@platform/contracts';
import { eventually } from '@platform/testing';
import {
  approvedProviderWithFacility,
  as,
  compartment,
  day,
  expectStatus,
  placeClient,
  places,
  type PlacementBody,
} from './placement-fixtures.js';
import { startEndToEnd, type EndToEnd } from './support.js';

/**
 * The provider management guide's placement examples (chapter 6.3, DOMAIN.md PLC-1…PLC-7) end to
 * end: the providers service enrols and approves the providers, the placements service learns of
 * them from Kafka, and everything after is the placements API over HTTP, on the real PostgreSQL,
 * Kafka and Temporal the launcher starts.
 */
let e2e: EndToEnd;
let placementsUrl: string;

beforeAll(async () => {
  e2e = await startEndToEnd(
    'e2e-placements',
    [placementTransferred, providerApproved],
    ['rm.rivera', 'cw.chen'],
  );
  placementsUrl = e2e.platform.placementsUrl;
});

afterAll(async () => {
  await e2e?.stop();
});

interface LayoutNode {
  compartmentId: string;
  name: string;
  places: { placeId: string; name: string; closedOn: string | null; outOfServiceToday: boolean }[];
  children: LayoutNode[];
}
interface FacilityView {
  counts: { places: number; designated: number; emergency: number };
  layout: LayoutNode;
}
interface Availability {
  free: { placeId: string }[];
  excluded: { placeId: string; failures: { code: string; rule: string }[] }[];
}

const availability = async (facilityId: string, client: Record<string, unknown>) =>
  expectStatus(
    await as<Availability>(
      e2e,
      'cw.chen',
      'POST',
      `${placementsUrl}/facilities/${facilityId}/availability`,
      {
        client,
        from: day(0),
        to: day(30),
      },
    ),
    200,
    'availability',
  );

/**
 * "Lake County Detention Centre has a physical capacity of 40 places in two buildings. Each
 * building has five floors with two bedrooms each, and each bedroom has two beds." Built through
 * the API: building → floor → room compartments, beds as places. Answers the ids by name.
 */
async function lakeCountyDetentionCentre() {
  const facility = await approvedProviderWithFacility(
    e2e,
    { name: 'Lake County Detention Services' },
    { name: 'Lake County Detention Centre', designatedCapacity: 40, physicalCapacity: 40 },
  );
  const rooms: Record<string, string> = {};
  const beds: Record<string, string[]> = {};
  const buildings: Record<string, string> = {};
  for (const building of [1, 2]) {
    // Building 2 houses older children only (PLC-2), so the layout's characteristics matter.
    const buildingId = await compartment(
      e2e,
      facility.facilityId,
      facility.rootCompartmentId,
      `Building ${building}`,
      building === 2 ? { minimumAge: 14 } : {},
    );
    buildings[`Building ${building}`] = buildingId;
    for (const floor of [1, 2, 3, 4, 5]) {
      const floorId = await compartment(e2e, facility.facilityId, buildingId, `Floor ${floor}`);
      for (const room of [1, 2]) {
        const name = `Room ${building}-${floor}0${room}`;
        rooms[name] = await compartment(e2e, facility.facilityId, floorId, name);
        beds[name] = await places(e2e, rooms[name], [`${name} bed A`, `${name} bed B`]);
      }
    }
  }
  return { ...facility, buildings, rooms, beds };
}

describe('the guide’s placement examples, end to end', () => {
  let lakeCounty: Awaited<ReturnType<typeof lakeCountyDetentionCentre>>;

  beforeAll(async () => {
    lakeCounty = await lakeCountyDetentionCentre();
  });

  it('PLC-1/PLC-2: Lake County Detention Centre — 40 beds in 2 buildings × 5 floors × 2 rooms, found by matching the client', async () => {
    const view = expectStatus(
      await as<FacilityView>(
        e2e,
        'cw.chen',
        'GET',
        `${placementsUrl}/facilities/${lakeCounty.facilityId}`,
      ),
      200,
      'facility',
    );
    expect(view.counts).toMatchObject({ places: 40, designated: 40, emergency: 0 });
    expect(view.layout.children.map((building) => building.name)).toEqual([
      'Building 1',
      'Building 2',
    ]);
    for (const building of view.layout.children) {
      expect(building.children).toHaveLength(5);
      for (const floor of building.children) {
        expect(floor.children).toHaveLength(2);
        for (const room of floor.children) expect(room.places).toHaveLength(2);
      }
    }
    // A 12-year-old is offered building 1 only; building 2 is for 14 and over (PLC-2).
    const twelve = await availability(lakeCounty.facilityId, {
      clientId: 'LC-AGE-12',
      birthDate: `${Number(day(0).slice(0, 4)) - 12}-01-01`,
    });
    expect(twelve.free).toHaveLength(20);
    expect(twelve.excluded).toHaveLength(20);
    expect(new Set(twelve.excluded.flatMap((place) => place.failures.map((f) => f.rule)))).toEqual(
      new Set(['PLC-2']),
    );
  });

  it('PLC-3: the fire-damaged room — its beds are marked out of service "under repair", cannot be chosen, and return when repaired', async () => {
    const room = 'Room 1-101';
    const [bedA, bedB] = lakeCounty.beds[room] ?? [];
    // The room's two clients are moved to a different facility first (the guide's step one).
    const annex = await approvedProviderWithFacility(
      e2e,
      { name: 'Lake County Annex Services' },
      { name: 'Lake County Annex', designatedCapacity: 2, physicalCapacity: 2 },
    );
    const annexBeds = await places(e2e, annex.rootCompartmentId, ['Annex 1', 'Annex 2']);
    for (const [index, placeId] of [bedA, bedB].entries()) {
      const placed = await placeClient(e2e, {
        facilityId: lakeCounty.facilityId,
        placeId,
        client: { clientId: `LC-FIRE-${index}`, birthDate: '2010-01-01' },
        from: day(-10),
      });
      const moved = expectStatus(
        await as<PlacementBody>(
          e2e,
          'rm.rivera',
          'POST',
          `${placementsUrl}/placements/${placed.placementId}/move`,
          {
            facilityId: annex.facilityId,
            on: day(0),
            reason: 'Room badly damaged by fire',
          },
        ),
        200,
        'move out of the burnt room',
      );
      expect(annexBeds).toContain(moved.placeId);
    }

    const marked = expectStatus(
      await as<{ outOfServiceId: string }>(
        e2e,
        'rm.rivera',
        'POST',
        `${placementsUrl}/facilities/${lakeCounty.facilityId}/out-of-service`,
        { compartmentId: lakeCounty.rooms[room], from: day(0), to: null, reason: 'Under repair' },
      ),
      201,
      'out of service',
    );
    const client = { clientId: 'LC-NEW-1', birthDate: '2011-01-01' };
    const during = await availability(lakeCounty.facilityId, client);
    const burnt = during.excluded.filter(
      (place) => place.placeId === bedA || place.placeId === bedB,
    );
    expect(burnt).toHaveLength(2);
    for (const place of burnt) {
      expect(place.failures).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'place-out-of-service', rule: 'PLC-3' }),
        ]),
      );
    }
    const refused = await as<{ rule: string }>(
      e2e,
      'cw.chen',
      'POST',
      `${placementsUrl}/placements`,
      {
        facilityId: lakeCounty.facilityId,
        placeId: bedA,
        client,
        from: day(0),
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('PLC-3');

    // Repaired: the resource manager makes the beds available again.
    expectStatus(
      await as(
        e2e,
        'rm.rivera',
        'DELETE',
        `${placementsUrl}/out-of-service/${marked.outOfServiceId}`,
      ),
      200,
      'withdraw out of service',
    );
    const after = await availability(lakeCounty.facilityId, client);
    expect(after.free.map((place) => place.placeId)).toEqual(expect.arrayContaining([bedA, bedB]));
  });
});

describe('transfers and emergency placements from the guide, end to end', () => {
  it('PLC-7: a fire destroys building 2 of the campus; its 15 detainees are transferred to building 1 in one step', async () => {
    const campus = await approvedProviderWithFacility(
      e2e,
      { name: 'Lake County Detention Campus Services' },
      { name: 'Lake County Detention Campus', designatedCapacity: 80, physicalCapacity: 80 },
    );
    const buildingIds: string[] = [];
    for (const building of [1, 2, 3, 4]) {
      const id = await compartment(
        e2e,
        campus.facilityId,
        campus.rootCompartmentId,
        `Building ${building}`,
      );
      buildingIds.push(id);
      await places(
        e2e,
        id,
        Array.from({ length: 20 }, (_, unit) => `B${building}-U${unit + 1}`),
      );
    }
    const [building1, building2] = buildingIds as [string, string];
    const inBuilding2 = await as<{ items: { placeId: string }[] }>(
      e2e,
      'rm.rivera',
      'GET',
      `${placementsUrl}/facilities/${campus.facilityId}/places?compartmentId=${building2}&limit=100`,
    );
    const detainees: PlacementBody[] = [];
    for (const [index, place] of inBuilding2.body.items.slice(0, 15).entries()) {
      detainees.push(
        await placeClient(e2e, {
          facilityId: campus.facilityId,
          placeId: place.placeId,
          client: { clientId: `LC-DET-${index + 1}` },
          from: day(-30),
        }),
      );
    }

    const transfer = expectStatus(
      await as<{
        transferId: string;
        moves: { placementId: string; newPlacementId: string; toPlaceId: string }[];
      }>(e2e, 'rm.rivera', 'POST', `${placementsUrl}/facilities/${campus.facilityId}/transfers`, {
        fromCompartmentId: building2,
        toCompartmentId: building1,
        on: day(0),
      }),
      200,
      'compartment transfer',
    );
    expect(transfer.moves).toHaveLength(15);
    const building1Places = await as<{ items: { placeId: string }[] }>(
      e2e,
      'rm.rivera',
      'GET',
      `${placementsUrl}/facilities/${campus.facilityId}/places?compartmentId=${building1}&limit=100`,
    );
    const inBuilding1 = new Set(building1Places.body.items.map((place) => place.placeId));
    const active = expectStatus(
      await as<{ items: PlacementBody[]; total: number }>(
        e2e,
        'rm.rivera',
        'GET',
        `${placementsUrl}/placements?facilityId=${campus.facilityId}&state=active&limit=100`,
      ),
      200,
      'active placements',
    );
    expect(active.total).toBe(15);
    for (const placement of active.items) expect(inBuilding1.has(placement.placeId)).toBe(true);
    // Each move is announced to finance and performance on Kafka, keyed by client.
    await eventually(() => {
      for (const detainee of detainees) {
        const [event] = e2e.events('placement.transferred', detainee.clientId);
        expect(event?.data).toMatchObject({
          transferId: transfer.transferId,
          placementId: detainee.placementId,
          fromPlaceId: detainee.placeId,
        });
      }
    });
  });

  it('PLC-6: Joan, 5, is placed in an emergency place at a willing foster home, then moves to her preferred foster home when a place frees up; the emergency place closes', async () => {
    const willing = await approvedProviderWithFacility(
      e2e,
      { name: 'The Willing Family' },
      { name: 'Willing family home', designatedCapacity: 1, physicalCapacity: 2 },
    );
    const preferred = await approvedProviderWithFacility(
      e2e,
      { name: 'The Preferred Family' },
      { name: 'Preferred family home', designatedCapacity: 1, physicalCapacity: 1 },
    );
    const [willingBed] = await places(e2e, willing.rootCompartmentId, ['Spare room']);
    const [preferredBed] = await places(e2e, preferred.rootCompartmentId, ['Blue room']);
    await placeClient(e2e, {
      facilityId: willing.facilityId,
      placeId: willingBed,
      client: { clientId: 'FOSTER-1' },
      from: day(-60),
    });
    const fosterChild = await placeClient(e2e, {
      facilityId: preferred.facilityId,
      placeId: preferredBed,
      client: { clientId: 'FOSTER-2' },
      from: day(-90),
    });

    const joan = {
      clientId: 'JOAN-5',
      birthDate: `${Number(day(0).slice(0, 4)) - 5}-03-01`,
      gender: 'female',
    };
    // No registered foster home has a place for her…
    expect((await availability(willing.facilityId, joan)).free).toHaveLength(0);
    expect((await availability(preferred.facilityId, joan)).free).toHaveLength(0);
    const refused = await as<{ rule: string }>(
      e2e,
      'cw.chen',
      'POST',
      `${placementsUrl}/placements`,
      {
        facilityId: willing.facilityId,
        client: joan,
        from: day(-4),
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('PLC-6');
    // …but one family agrees to take her: an emergency placement beyond designated capacity.
    const emergency = await placeClient(e2e, {
      facilityId: willing.facilityId,
      client: joan,
      from: day(-4),
      emergency: true,
    });
    expect(emergency.emergency).toBe(true);
    const willingView = expectStatus(
      await as<FacilityView>(
        e2e,
        'cw.chen',
        'GET',
        `${placementsUrl}/facilities/${willing.facilityId}`,
      ),
      200,
      'willing home',
    );
    expect(willingView.counts).toMatchObject({ designated: 1, emergency: 1 });

    // Days later the preferred home has a place: its foster child went home.
    expectStatus(
      await as(
        e2e,
        'cw.chen',
        'POST',
        `${placementsUrl}/placements/${fosterChild.placementId}/end`,
        {
          on: day(-1),
          reason: 'Returned home',
        },
      ),
      200,
      'end',
    );
    const moved = expectStatus(
      await as<PlacementBody>(
        e2e,
        'cw.chen',
        'POST',
        `${placementsUrl}/placements/${emergency.placementId}/move`,
        {
          facilityId: preferred.facilityId,
          on: day(0),
          reason: 'A place came free at the preferred foster home',
        },
      ),
      200,
      "Joan's move",
    );
    expect(moved).toMatchObject({
      placeId: preferredBed,
      emergency: false,
      transferredFrom: emergency.placementId,
      period: { from: day(0), to: null },
    });
    const after = expectStatus(
      await as<FacilityView>(
        e2e,
        'cw.chen',
        'GET',
        `${placementsUrl}/facilities/${willing.facilityId}`,
      ),
      200,
      'willing home after',
    );
    const emergencyPlace = after.layout.places.find((place) => place.placeId === emergency.placeId);
    expect(emergencyPlace).toMatchObject({ closedOn: day(0) });
    const joanBefore = expectStatus(
      await as<PlacementBody>(
        e2e,
        'cw.chen',
        'GET',
        `${placementsUrl}/placements/${emergency.placementId}`,
      ),
      200,
      'emergency placement',
    );
    expect(joanBefore).toMatchObject({ state: 'ended', period: { from: day(-4), to: day(-1) } });
  });
});
