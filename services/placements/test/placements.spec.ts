import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  contractActivated,
  providerSuspended,
  serviceProductCreated,
  type EventData,
} from '@platform/contracts';
import { insertLayout, placeOutOfService, type InsertedLayout } from './support/layout-fixtures.js';
import {
  day,
  newClient,
  place,
  recordedEvents,
  type PlacementReply,
} from './support/placement-requests.js';
import { startPlacementsApp, type PlacementsApp } from './support/placements-app.js';
import { approvedProvider, fact, RESOURCE_MANAGER } from './support/provider-facts.js';

/**
 * PLC-5, PLC-6, PLC-8, SVC-5, PRV-1 and ROLE over HTTP with the real database and outbox:
 * placing clients, changing and ending placements, emergency places, limits and access.
 */
let app: PlacementsApp;
let providerId: string;

interface Problem {
  rule?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}
const rules = (body: Problem) => (body.errors ?? []).map((error) => error.message.split(':')[0]);
const fields = (body: Problem) => (body.errors ?? []).map((error) => error.field);

beforeAll(async () => {
  app = await startPlacementsApp();
  providerId = await approvedProvider(app, 'Lake County Detention Centre');
});

afterAll(async () => {
  await app?.close();
});

function smallFacility(places = 2, characteristics: Record<string, unknown> = {}) {
  return insertLayout(app, providerId, {
    compartments: [{ name: `Room ${randomUUID().slice(0, 6)}`, characteristics, places }],
  });
}

async function placed(
  layout: InsertedLayout,
  body: Record<string, unknown> = {},
  user = 'cw.chen',
) {
  const reply = await place(
    app,
    { facilityId: layout.facilityId, client: newClient(), from: day(-10), ...body },
    user,
  );
  expect(reply.status).toBe(201);
  return reply.body;
}

describe('placing a client (PLC-5)', () => {
  it('PLC-5: an open-ended placement takes the first free place and records placement.started', async () => {
    const layout = await smallFacility(2);
    const client = newClient({ gender: 'female', language: 'es' });
    const reply = await place(app, {
      facilityId: layout.facilityId,
      client,
      from: day(-3),
      to: null,
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      placeId: layout.placeIds[0],
      clientId: client.clientId,
      state: 'active',
      emergency: false,
      period: { from: day(-3), to: null },
      createdBy: 'cw.chen',
      history: [],
      continuedBy: null,
    });
    const [started] = await recordedEvents(app, 'placement.started', {
      key: 'placementId',
      value: reply.body.placementId,
    });
    expect(started?.data).toMatchObject({
      clientId: client.clientId,
      placeId: layout.placeIds[0],
      period: { from: day(-3), to: null },
      emergency: false,
    });
    expect(started?.actor.userId).toBe('cw.chen');

    const second = await placed(layout);
    expect(second.placeId).toBe(layout.placeIds[1]);
  });

  it('PLC-5: a bounded placement holds its place for its period only', async () => {
    const layout = await smallFacility(1);
    const [bed] = layout.placeIds as [string];
    const first = await placed(layout, { placeId: bed, from: day(-20), to: day(-11) });
    expect(first.period).toEqual({ from: day(-20), to: day(-11) });

    const overlapping = await place(app, {
      facilityId: layout.facilityId,
      placeId: bed,
      client: newClient(),
      from: day(-12),
    });
    expect(overlapping.status).toBe(409);
    expect((overlapping.body as Problem).rule).toBe('PLC-5');
    expect(fields(overlapping.body as Problem)).toEqual(['placeId']);

    const after = await placed(layout, { placeId: bed, from: day(-10) });
    expect(after.placeId).toBe(bed);
  });

  it('PLC-5: a placement records an arrival — no future start, no end before its start (422 naming the field)', async () => {
    const layout = await smallFacility(1);
    const future = await place(app, {
      facilityId: layout.facilityId,
      client: newClient(),
      from: day(1),
    });
    expect(future.status).toBe(422);
    expect((future.body as Problem).rule).toBe('PLC-5');
    expect(fields(future.body as Problem)).toEqual(['from']);

    const backwards = await place(app, {
      facilityId: layout.facilityId,
      client: newClient(),
      from: day(-1),
      to: day(-2),
    });
    expect(backwards.status).toBe(422);
    expect(fields(backwards.body as Problem)).toEqual(['to']);
  });

  it('PLC-5: a client already placed for part of the period cannot be placed again (409)', async () => {
    const layout = await smallFacility(2);
    const first = await placed(layout);
    const again = await place(app, {
      facilityId: layout.facilityId,
      client: { clientId: first.clientId },
      from: day(-1),
    });
    expect(again.status).toBe(409);
    expect((again.body as Problem).rule).toBe('PLC-5');
    expect(fields(again.body as Problem)).toEqual(['client.clientId']);
  });

  it('PLC-2 / PLC-3: a named place out of service and unsuitable is refused with every reason', async () => {
    const layout = await smallFacility(1, { sameGenderOnly: true, language: 'es' });
    const [bed] = layout.placeIds as [string];
    await placeOutOfService(app, layout, bed, { from: day(-30), to: null }, 'Burnt room');
    const reply = await place(app, {
      facilityId: layout.facilityId,
      placeId: bed,
      client: newClient({ language: 'en' }),
      from: day(0),
    });
    expect(reply.status).toBe(409);
    expect((reply.body as Problem).rule).toBe('PLC-3');
    expect(rules(reply.body as Problem)).toEqual(['PLC-3', 'PLC-2']);
    expect(await app.query('select 1 from placement where place_id = $1', [bed])).toHaveLength(0);
  });

  it('400 names bad fields; 404 for an unknown facility', async () => {
    const bad = await place(app, {
      facilityId: 'nope',
      client: { clientId: 'CL-1', gender: 'robot' },
      from: '2026-02-30',
    });
    expect(bad.status).toBe(400);
    expect(fields(bad.body as Problem)).toEqual(
      expect.arrayContaining(['facilityId', 'client.gender', 'from']),
    );
    const unknown = await place(app, {
      facilityId: randomUUID(),
      client: newClient(),
      from: day(0),
    });
    expect(unknown.status).toBe(404);
  });
});

describe('emergency placements (PLC-6)', () => {
  it('PLC-6: with no free place, a placement is refused unless an emergency is asked for', async () => {
    const layout = await smallFacility(1);
    await placed(layout);
    const refused = await place(app, {
      facilityId: layout.facilityId,
      client: newClient(),
      from: day(0),
    });
    expect(refused.status).toBe(409);
    expect((refused.body as Problem).rule).toBe('PLC-6');
    expect((refused.body as Problem).detail).toContain('emergency: true');
  });

  it('PLC-6: an emergency placement creates an emergency place in the top-level compartment beyond designated capacity', async () => {
    const layout = await smallFacility(1);
    await placed(layout);
    const emergency = await placed(layout, { emergency: true, from: day(0) });
    expect(emergency).toMatchObject({
      emergency: true,
      placeName: 'Emergency 1',
      compartmentId: layout.rootCompartmentId,
    });
    const [facility] = await app.query<{ designated: number; emergencies: string }>(
      `select f.designated_capacity as designated,
              (select count(*)::text from place p where p.facility_id = f.facility_id and p.emergency) as emergencies
         from facility f where facility_id = $1`,
      [layout.facilityId],
    );
    expect(facility).toEqual({ designated: 1, emergencies: '1' });
    const next = await placed(layout, { emergency: true, from: day(0) });
    expect(next.placeName).toBe('Emergency 2');
  });

  it('PLC-6: ending an emergency placement closes its emergency place from the next day', async () => {
    const layout = await smallFacility(0);
    const emergency = await placed(layout, { emergency: true, from: day(-5) });
    const ended = await app.request<PlacementReply>(
      'POST',
      `/placements/${emergency.placementId}/end`,
      { user: 'cw.chen', body: { on: day(-1), reason: 'Returned home' } },
    );
    expect(ended.status).toBe(200);
    const [closed] = await app.query<{ closed: string }>(
      "select to_char(closed_on, 'YYYY-MM-DD') as closed from place where place_id = $1",
      [emergency.placeId],
    );
    expect(closed?.closed).toBe(day(0));
  });
});

describe('changing and ending placements (PLC-5)', () => {
  it('PLC-5: ending sets the last day and records placement.ended; ending again is an illegal transition (409)', async () => {
    const layout = await smallFacility(1);
    const placement = await placed(layout, { from: day(-10) });
    const path = `/placements/${placement.placementId}/end`;
    const ended = await app.request<PlacementReply>('POST', path, {
      user: 'cw.chen',
      body: { on: day(-2), reason: 'Returned home' },
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      state: 'ended',
      period: { from: day(-10), to: day(-2) },
      endReason: 'Returned home',
    });
    const [event] = await recordedEvents(app, 'placement.ended', {
      key: 'placementId',
      value: placement.placementId,
    });
    expect(event?.data).toMatchObject({ endedOn: day(-2), reason: 'Returned home' });

    const again = await app.request('POST', path, {
      user: 'cw.chen',
      body: { on: day(-1), reason: 'Again' },
    });
    expect(again.status).toBe(409);
    expect((again.body as Problem).rule).toBe('PLC-5');
    const change = await app.request('PATCH', `/placements/${placement.placementId}`, {
      user: 'rm.rivera',
      body: { to: day(0) },
    });
    expect(change.status).toBe(409);
    expect((change.body as Problem).rule).toBe('PLC-5');

    // The freed place takes the next client from the day after.
    expect((await placed(layout, { from: day(-1) })).placeId).toBe(placement.placeId);
  });

  it("PLC-5: a resource manager's update notifies the creating case worker; the case worker's own does not", async () => {
    const layout = await smallFacility(1);
    const placement = await placed(layout, { from: day(-10), to: null });
    const notices = () =>
      app.query<{ recipient: string; changedBy: string }>(
        `select recipient, changed_by as "changedBy" from notice
          where subject_type = 'placement' and subject_id = $1`,
        [placement.placementId],
      );

    const own = await app.request<PlacementReply>('PATCH', `/placements/${placement.placementId}`, {
      user: 'cw.chen',
      body: { to: day(30) },
    });
    expect(own.status).toBe(200);
    expect(own.body.period).toEqual({ from: day(-10), to: day(30) });
    expect(await notices()).toEqual([]);

    const byManager = await app.request<PlacementReply>(
      'PATCH',
      `/placements/${placement.placementId}`,
      { user: 'rm.rivera', body: { from: day(-12), to: day(20) } },
    );
    expect(byManager.status).toBe(200);
    expect(await notices()).toEqual([{ recipient: 'cw.chen', changedBy: 'rm.rivera' }]);
    const inbox = await app.request<{ items: { subjectId: string }[] }>(
      'GET',
      '/notices?unread=true&limit=200',
      { user: 'cw.chen' },
    );
    expect(inbox.body.items.map((notice) => notice.subjectId)).toContain(placement.placementId);

    const changes = await recordedEvents<{ changed: string[]; previousPeriod: unknown }>(
      app,
      'placement.changed',
      { key: 'placementId', value: placement.placementId },
    );
    expect(changes.map((event) => event.data.changed)).toEqual([['to'], ['from', 'to']]);
    expect(changes[1]?.data.previousPeriod).toEqual({ from: day(-10), to: day(30) });
    expect(changes[1]?.actor.userId).toBe('rm.rivera');
  });

  it('PLC-5: lengthening a placement into days its place is held by another is refused (409)', async () => {
    const layout = await smallFacility(1);
    const [bed] = layout.placeIds as [string];
    const first = await placed(layout, { placeId: bed, from: day(-20), to: day(-11) });
    await placed(layout, { placeId: bed, from: day(-10) });
    const longer = await app.request('PATCH', `/placements/${first.placementId}`, {
      user: 'rm.rivera',
      body: { to: day(-5) },
    });
    expect(longer.status).toBe(409);
    expect((longer.body as Problem).rule).toBe('PLC-5');
    const shorter = await app.request<PlacementReply>('PATCH', `/placements/${first.placementId}`, {
      user: 'rm.rivera',
      body: { to: day(-15) },
    });
    expect(shorter.status).toBe(200);
    expect(shorter.body.period.to).toBe(day(-15));
  });
});

describe('contract place limit (PLC-8) and SVC-5', () => {
  type Activation = EventData<typeof contractActivated>;

  it('PLC-8: a contract for 10 of a facility of 20 places takes 10 placements; the 11th is refused', async () => {
    const ownProvider = await approvedProvider(app, 'Limited House');
    const data: Activation = {
      ...contractActivated.example,
      contractId: randomUUID(),
      contractNumber: `C-2026-${randomUUID().slice(0, 6)}`,
      version: 1,
      providerId: ownProvider,
      period: { from: day(-365), to: day(365) },
      providerServiceIds: [randomUUID()],
      boundProviderIds: [],
      placeLimit: 10,
      supersedesContractId: null,
    };
    await app.publish(contractActivated, {
      aggregateId: data.contractId,
      data,
      actor: RESOURCE_MANAGER,
    });
    await app.settled();
    const layout = await insertLayout(app, ownProvider, {
      compartments: [{ name: 'Block A', places: 20 }],
    });
    for (let index = 0; index < 10; index += 1) {
      await placed(layout, { contractId: data.contractId });
    }
    const eleventh = await place(app, {
      facilityId: layout.facilityId,
      client: newClient(),
      from: day(-10),
      contractId: data.contractId,
    });
    expect(eleventh.status).toBe(409);
    expect((eleventh.body as Problem).rule).toBe('PLC-8');
    expect(fields(eleventh.body as Problem)).toEqual(['contractId']);
    // The other ten places are still there for placements outside the contract.
    await placed(layout);

    const unknown = await place(app, {
      facilityId: layout.facilityId,
      client: newClient(),
      from: day(-10),
      contractId: randomUUID(),
    });
    expect(unknown.status).toBe(422);
    expect(fields(unknown.body as Problem)).toEqual(['contractId']);
  });

  it('SVC-5: placement.started says whether finance creates a service authorization', async () => {
    const product = async (prevent: boolean) => {
      const productId = randomUUID();
      await app.publish(serviceProductCreated, {
        aggregateId: productId,
        data: {
          ...serviceProductCreated.example,
          productId,
          name: `Residential ${productId.slice(0, 6)}`,
          preventAuthorizationFromPlacement: prevent,
        },
        actor: RESOURCE_MANAGER,
      });
      return productId;
    };
    const authorizing = await product(false);
    const preventing = await product(true);
    await app.settled();
    const layout = await smallFacility(3);
    const flagOf = async (serviceProductId?: string) => {
      const placement = await placed(layout, serviceProductId ? { serviceProductId } : {});
      const [event] = await recordedEvents<{ createsServiceAuthorization: boolean }>(
        app,
        'placement.started',
        { key: 'placementId', value: placement.placementId },
      );
      return event?.data.createsServiceAuthorization;
    };
    expect(await flagOf(authorizing)).toBe(true);
    expect(await flagOf(preventing)).toBe(false);
    expect(await flagOf()).toBe(false);
  });
});

describe('provider status and roles (PRV-1, ROLE)', () => {
  it('PRV-1: a suspended provider takes no new placements (409) but its placements can still end', async () => {
    const suspendedId = await approvedProvider(app, 'Suspended House');
    const layout = await insertLayout(app, suspendedId, {
      compartments: [{ name: 'Wing', places: 2 }],
    });
    const before = await placed(layout);
    await app.publish(
      providerSuspended,
      fact({ providerId: suspendedId, previousStatus: 'approved', reason: 'Licence lapsed' }),
    );
    await app.settled();
    const refused = await place(app, {
      facilityId: layout.facilityId,
      client: newClient(),
      from: day(0),
    });
    expect(refused.status).toBe(409);
    expect((refused.body as Problem).rule).toBe('PRV-1');
    const longer = await app.request('PATCH', `/placements/${before.placementId}`, {
      user: 'rm.rivera',
      body: { from: day(-20) },
    });
    expect(longer.status).toBe(409);
    expect((longer.body as Problem).rule).toBe('PRV-1');
    const ended = await app.request('POST', `/placements/${before.placementId}/end`, {
      user: 'rm.rivera',
      body: { on: day(0), reason: 'Provider suspended' },
    });
    expect(ended.status).toBe(200);
  });

  it('ROLE: a facility manager places only at assigned providers; readers cannot place', async () => {
    const layout = await smallFacility(2);
    const body = { facilityId: layout.facilityId, client: newClient(), from: day(0) };
    expect((await place(app, body, 'fm.fischer')).status).toBe(403);
    expect((await place(app, body, 'fin.fatima')).status).toBe(403);
    expect((await place(app, body, 'ops.omar')).status).toBe(403);
    await app.query(
      `insert into facility_manager_assignment (user_id, provider_id, assigned_by)
       values ('fm.fischer', $1, 'rm.rivera') on conflict do nothing`,
      [providerId],
    );
    const assigned = await place(app, body, 'fm.fischer');
    expect(assigned.status).toBe(201);
    const read = await app.request('GET', `/placements/${assigned.body.placementId}`, {
      user: 'ops.omar',
    });
    expect(read.status).toBe(200);

    // Another provider's placements stay out of the facility manager's sight and reach.
    const otherProvider = await approvedProvider(app, 'Unassigned House');
    const other = await insertLayout(app, otherProvider, {
      compartments: [{ name: 'Other wing', places: 1 }],
    });
    const theirs = await placed(other);
    const listed = await app.request<{ total: number }>(
      'GET',
      `/placements?facilityId=${other.facilityId}`,
      { user: 'fm.fischer' },
    );
    expect(listed.body.total).toBe(0);
    for (const [method, path, body] of [
      ['GET', `/placements/${theirs.placementId}`, undefined],
      ['POST', `/placements/${theirs.placementId}/end`, { on: day(0), reason: 'x' }],
      ['PATCH', `/placements/${theirs.placementId}`, { to: day(5) }],
    ] as const) {
      const reply = await app.request(method, path, { user: 'fm.fischer', body });
      expect(reply.status).toBe(403);
    }
  });
});

describe('reading placements', () => {
  it('lists by facility, client, state, active day and emergency, paged, with the total', async () => {
    const layout = await smallFacility(3);
    const open = await placed(layout, { from: day(-10) });
    const old = await placed(layout, { from: day(-40), to: day(-30) });
    await app.request('POST', `/placements/${old.placementId}/end`, {
      user: 'cw.chen',
      body: { on: day(-30), reason: 'Left' },
    });
    const list = (query: string) =>
      app.request<{ items: PlacementReply[]; total: number; limit: number; offset: number }>(
        'GET',
        `/placements?facilityId=${layout.facilityId}${query}`,
        { user: 'ops.omar' },
      );
    const all = await list('');
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((item) => item.placementId)).toEqual([
      open.placementId,
      old.placementId,
    ]);
    const paged = await list('&limit=1&offset=1');
    expect(paged.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(paged.body.items.map((item) => item.placementId)).toEqual([old.placementId]);
    expect((await list('&state=ended')).body.items.map((item) => item.placementId)).toEqual([
      old.placementId,
    ]);
    expect(
      (await list(`&activeOn=${day(-35)}`)).body.items.map((item) => item.placementId),
    ).toEqual([old.placementId]);
    expect(
      (await list(`&clientId=${open.clientId}`)).body.items.map((item) => item.placementId),
    ).toEqual([open.placementId]);
    expect((await list('&emergency=true')).body.total).toBe(0);
    const bad = await list('&activeOn=yesterday');
    expect(bad.status).toBe(400);
  });
});
