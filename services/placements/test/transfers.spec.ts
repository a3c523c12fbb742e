import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertLayout, type InsertedLayout } from './support/layout-fixtures.js';
import {
  day,
  newClient,
  place,
  recordedEvents,
  type PlacementReply,
} from './support/placement-requests.js';
import { startPlacementsApp, type PlacementsApp } from './support/placements-app.js';
import { approvedProvider } from './support/provider-facts.js';

/**
 * PLC-7 (and PLC-6 out of emergency places) over HTTP: one client, or every client of a
 * compartment, moved within a facility in one transaction — all or nothing.
 */
let app: PlacementsApp;
let providerId: string;

interface Problem {
  rule?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}
interface MoveReply {
  placementId: string;
  newPlacementId: string;
  clientId: string;
  fromPlaceId: string;
  toPlaceId: string;
  newPeriod: { from: string; to: string | null };
  fromEmergencyPlace: boolean;
}
interface TransferReply {
  transferId: string;
  on: string;
  moves: MoveReply[];
}

beforeAll(async () => {
  app = await startPlacementsApp();
  providerId = await approvedProvider(app, 'Lake County Detention Centre');
});

afterAll(async () => {
  await app?.close();
});

async function placed(layout: InsertedLayout, body: Record<string, unknown> = {}) {
  const reply = await place(app, {
    facilityId: layout.facilityId,
    client: newClient(),
    from: day(-10),
    ...body,
  });
  expect(reply.status).toBe(201);
  return reply.body;
}

function transfer(placementId: string, body: Record<string, unknown>, user = 'rm.rivera') {
  return app.request<TransferReply>('POST', `/placements/${placementId}/transfer`, { user, body });
}

function activeIn(placeIds: string[]) {
  return app.query<{ placementId: string; placeId: string; clientId: string }>(
    `select placement_id as "placementId", place_id as "placeId", client_id as "clientId"
       from placement where state = 'active' and place_id = any ($1::uuid[]) order by client_id`,
    [placeIds],
  );
}

describe('one client (PLC-7)', () => {
  it('PLC-7: a running placement ends the day before and continues in the new place, with its history', async () => {
    const layout = await insertLayout(app, providerId, {
      compartments: [{ name: 'Room A', places: ['A1', 'A2'] }],
    });
    const original = await placed(layout, {
      placeId: layout.places['A1'],
      from: day(-10),
      to: day(40),
    });
    const reply = await transfer(original.placementId, {
      toPlaceId: layout.places['A2'],
      on: day(0),
    });
    expect(reply.status).toBe(200);
    const [move] = reply.body.moves;
    expect(move).toMatchObject({
      placementId: original.placementId,
      clientId: original.clientId,
      fromPlaceId: layout.places['A1'],
      toPlaceId: layout.places['A2'],
      newPeriod: { from: day(0), to: day(40) },
      fromEmergencyPlace: false,
    });
    expect(move?.newPlacementId).not.toBe(original.placementId);

    const continued = await app.request<PlacementReply>(
      'GET',
      `/placements/${move?.newPlacementId}`,
      { user: 'cw.chen' },
    );
    expect(continued.body).toMatchObject({
      state: 'active',
      placeId: layout.places['A2'],
      transferredFrom: original.placementId,
      period: { from: day(0), to: day(40) },
    });
    expect(continued.body.history).toEqual([
      expect.objectContaining({
        placementId: original.placementId,
        state: 'ended',
        endReason: 'transferred',
        period: { from: day(-10), to: day(-1) },
      }),
    ]);
    const before = await app.request<PlacementReply>('GET', `/placements/${original.placementId}`, {
      user: 'cw.chen',
    });
    expect(before.body.continuedBy).toBe(move?.newPlacementId);
    // PLC-5: the continuation cannot reach back into days the client spent in the old place.
    const overlap = await app.request('PATCH', `/placements/${move?.newPlacementId}`, {
      user: 'rm.rivera',
      body: { from: day(-5) },
    });
    expect(overlap.status).toBe(409);
    expect((overlap.body as Problem).rule).toBe('PLC-5');

    const [event] = await recordedEvents(app, 'placement.transferred', {
      key: 'placementId',
      value: original.placementId,
    });
    expect(event?.data).toMatchObject({
      transferId: reply.body.transferId,
      newPlacementId: move?.newPlacementId,
      on: day(0),
      fromEmergencyPlace: false,
    });
    // The continuation is no new stay: no second placement.started (SVC-5 would authorize twice).
    expect(
      await recordedEvents(app, 'placement.started', {
        key: 'placementId',
        value: move?.newPlacementId ?? '',
      }),
    ).toEqual([]);
    // The resource manager moved the case worker's client: the case worker is told (PLC-5).
    expect(
      await app.query('select 1 from notice where recipient = $1 and subject_id = $2', [
        'cw.chen',
        original.placementId,
      ]),
    ).toHaveLength(1);
  });

  it('PLC-7: a placement starting on the transfer date just changes place', async () => {
    const layout = await insertLayout(app, providerId, {
      compartments: [{ name: 'Room B', places: ['B1', 'B2'] }],
    });
    const original = await placed(layout, { placeId: layout.places['B1'], from: day(0) });
    const reply = await transfer(original.placementId, {
      toPlaceId: layout.places['B2'],
      on: day(0),
    });
    expect(reply.status).toBe(200);
    expect(reply.body.moves[0]?.newPlacementId).toBe(original.placementId);
    expect(await activeIn([layout.places['B2'] as string])).toEqual([
      {
        placementId: original.placementId,
        placeId: layout.places['B2'],
        clientId: original.clientId,
      },
    ]);
  });

  it('PLC-7: a held place, another facility or an ended placement is refused and nothing changes', async () => {
    const layout = await insertLayout(app, providerId, {
      compartments: [{ name: 'Room C', places: ['C1', 'C2'] }],
    });
    const other = await insertLayout(app, providerId, {
      compartments: [{ name: 'Elsewhere', places: ['E1'] }],
    });
    const mover = await placed(layout, { placeId: layout.places['C1'] });
    await placed(layout, { placeId: layout.places['C2'] });

    const held = await transfer(mover.placementId, { toPlaceId: layout.places['C2'], on: day(0) });
    expect(held.status).toBe(409);
    expect((held.body as Problem).rule).toBe('PLC-7');
    const elsewhere = await transfer(mover.placementId, {
      toPlaceId: other.places['E1'],
      on: day(0),
    });
    expect(elsewhere.status).toBe(422);
    expect((elsewhere.body as Problem).errors?.[0]?.field).toBe('toPlaceId');
    expect(await activeIn([layout.places['C1'] as string])).toHaveLength(1);

    await app.request('POST', `/placements/${mover.placementId}/end`, {
      user: 'cw.chen',
      body: { on: day(-1), reason: 'Left' },
    });
    const ended = await transfer(mover.placementId, { toPlaceId: layout.places['C1'], on: day(0) });
    expect(ended.status).toBe(409);
    expect((ended.body as Problem).rule).toBe('PLC-7');
  });
});

describe('every client of a compartment (PLC-7)', () => {
  async function twoBuildings(building1Places: number, building2Places: number) {
    return insertLayout(app, providerId, {
      compartments: [
        {
          name: 'Building 1',
          compartments: [
            { name: 'B1 Floor 1', places: Math.ceil(building1Places / 2) },
            { name: 'B1 Floor 2', places: Math.floor(building1Places / 2) },
          ],
        },
        { name: 'Building 2', compartments: [{ name: 'B2 Floor 1', places: building2Places }] },
      ],
    });
  }
  const placesOf = (layout: InsertedLayout, prefix: string) =>
    Object.entries(layout.places)
      .filter(([name]) => name.startsWith(prefix))
      .map(([, id]) => id);

  it('PLC-7: 15 clients of building 2 move to building 1 in one transfer', async () => {
    const layout = await twoBuildings(20, 15);
    const building2 = placesOf(layout, 'B2 ');
    const building1 = placesOf(layout, 'B1 ');
    const clients = [];
    for (const placeId of building2) clients.push(await placed(layout, { placeId }));
    // Someone already in building 1 keeps their place.
    const stayer = await placed(layout, { placeId: building1[0] });

    const reply = await app.request<TransferReply>(
      'POST',
      `/facilities/${layout.facilityId}/transfers`,
      {
        user: 'rm.rivera',
        body: {
          fromCompartmentId: layout.compartments['Building 2'],
          toCompartmentId: layout.compartments['Building 1'],
          on: day(0),
        },
      },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.moves).toHaveLength(15);
    expect(new Set(reply.body.moves.map((move) => move.toPlaceId)).size).toBe(15);
    expect(reply.body.moves.map((move) => move.toPlaceId)).not.toContain(building1[0]);

    expect(await activeIn(building2)).toEqual([]);
    const moved = await activeIn(building1);
    expect(moved).toHaveLength(16);
    expect(moved.map((row) => row.clientId).sort()).toEqual(
      [...clients, stayer].map((client) => client.clientId).sort(),
    );
    const ended = await app.query<{ count: string }>(
      `select count(*)::text as count from placement
        where place_id = any ($1::uuid[]) and state = 'ended' and end_reason = 'transferred'
          and ends_on = $2::date`,
      [building2, day(-1)],
    );
    expect(ended[0]?.count).toBe('15');
    const events = await app.query<{ transferId: string }>(
      `select envelope->'data'->>'transferId' as "transferId" from outbox_message
        where event_type = 'placement.transferred' and envelope->'data'->>'facilityId' = $1`,
      [layout.facilityId],
    );
    expect(events).toHaveLength(15);
    expect(new Set(events.map((event) => event.transferId))).toEqual(
      new Set([reply.body.transferId]),
    );
  });

  it('PLC-7: not enough free places in the target refuses the whole transfer and nobody moves', async () => {
    const layout = await twoBuildings(4, 6);
    const building2 = placesOf(layout, 'B2 ');
    for (const placeId of building2) await placed(layout, { placeId });
    const before = await activeIn(building2);

    const reply = await app.request('POST', `/facilities/${layout.facilityId}/transfers`, {
      user: 'rm.rivera',
      body: {
        fromCompartmentId: layout.compartments['Building 2'],
        toCompartmentId: layout.compartments['Building 1'],
        on: day(0),
      },
    });
    expect(reply.status).toBe(409);
    expect((reply.body as Problem).rule).toBe('PLC-7');
    expect((reply.body as Problem).detail).toContain('2 missing');
    expect(await activeIn(building2)).toEqual(before);
    expect(
      await app.query(
        `select 1 from outbox_message where event_type = 'placement.transferred'
           and envelope->'data'->>'facilityId' = $1`,
        [layout.facilityId],
      ),
    ).toEqual([]);
  });

  it('PLC-7: a target inside the source is refused (422)', async () => {
    const layout = await twoBuildings(2, 2);
    const reply = await app.request('POST', `/facilities/${layout.facilityId}/transfers`, {
      user: 'rm.rivera',
      body: {
        fromCompartmentId: layout.compartments['Building 2'],
        toCompartmentId: layout.compartments['B2 Floor 1'],
        on: day(0),
      },
    });
    expect(reply.status).toBe(422);
    expect((reply.body as Problem).rule).toBe('PLC-7');
  });
});

describe('emergency places released (PLC-6)', () => {
  it("PLC-6: Joan's emergency placement moves to the freed designated place, and the emergency place closes", async () => {
    const layout = await insertLayout(app, providerId, {
      compartments: [{ name: 'Room J', places: ['J1'] }],
    });
    const alex = await placed(layout, { from: day(-30) });
    const joan = await placed(layout, { emergency: true, from: day(-5) });
    expect(joan.emergency).toBe(true);
    const releases = () =>
      app.request<{ items: Record<string, unknown>[]; total: number }>(
        'GET',
        `/facilities/${layout.facilityId}/emergency-releases?on=${day(0)}`,
        { user: 'rm.rivera' },
      );
    expect((await releases()).body.total).toBe(0);

    await app.request('POST', `/placements/${alex.placementId}/end`, {
      user: 'cw.chen',
      body: { on: day(-1), reason: 'Released' },
    });
    const plan = await releases();
    expect(plan.body.items).toEqual([
      {
        placementId: joan.placementId,
        clientId: joan.clientId,
        waitingSince: day(-5),
        fromPlaceId: joan.placeId,
        fromPlaceName: 'Emergency 1',
        toPlaceId: layout.places['J1'],
        toPlaceName: 'J1',
        newPeriod: { from: day(0), to: null },
      },
    ]);

    const moved = await transfer(joan.placementId, { toPlaceId: layout.places['J1'], on: day(0) });
    expect(moved.status).toBe(200);
    expect(moved.body.moves[0]).toMatchObject({ fromEmergencyPlace: true });
    const continued = await app.request<PlacementReply>(
      'GET',
      `/placements/${moved.body.moves[0]?.newPlacementId}`,
      { user: 'cw.chen' },
    );
    expect(continued.body).toMatchObject({ emergency: false, placeId: layout.places['J1'] });
    const [closed] = await app.query<{ closed: string }>(
      "select to_char(closed_on, 'YYYY-MM-DD') as closed from place where place_id = $1",
      [joan.placeId],
    );
    expect(closed?.closed).toBe(day(0));
    expect((await releases()).body.total).toBe(0);
  });
});
