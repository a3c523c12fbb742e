import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { providerSuspended } from '@platform/contracts';
import { insertLayout, type InsertedLayout } from './support/layout-fixtures.js';
import {
  day,
  newClient,
  place,
  recordedEvents,
  type PlacementReply,
} from './support/placement-requests.js';
import { startPlacementsApp, type PlacementsApp } from './support/placements-app.js';
import { approvedProvider, fact } from './support/provider-facts.js';

/**
 * PLC-6 across facilities (the guide's Joan): a client in an emergency place at one foster home
 * moves to a place that came free at the preferred one — one transaction over HTTP, real
 * database and outbox.
 */
let app: PlacementsApp;
let fosterHome: string;
let preferredHome: string;

beforeAll(async () => {
  app = await startPlacementsApp();
  fosterHome = await approvedProvider(app, 'Willing Foster Family');
  preferredHome = await approvedProvider(app, 'Preferred Foster Family');
});

afterAll(async () => {
  await app?.close();
});

const oneBedHome = (providerId: string) =>
  insertLayout(app, providerId, { compartments: [{ name: 'Bedroom', places: 1 }] });

async function placed(layout: InsertedLayout, body: Record<string, unknown> = {}) {
  const reply = await place(app, {
    facilityId: layout.facilityId,
    client: newClient(),
    from: day(-20),
    ...body,
  });
  expect(reply.status).toBe(201);
  return reply.body;
}

const move = (placementId: string, body: Record<string, unknown>, user = 'cw.chen') =>
  app.request<PlacementReply & { rule?: string }>('POST', `/placements/${placementId}/move`, {
    user,
    body: { reason: 'A place came free at the preferred home', ...body },
  });

describe('moving a client to another facility (PLC-6)', () => {
  it('PLC-6: Joan moves from an emergency place to the preferred home; the emergency place closes', async () => {
    const willing = await oneBedHome(fosterHome);
    const preferred = await oneBedHome(preferredHome);
    await placed(willing);
    const other = await placed(preferred);
    const joan = await placed(willing, {
      client: newClient({ birthDate: '2021-05-01', gender: 'female' }),
      from: day(-4),
      emergency: true,
    });
    expect(joan.emergency).toBe(true);

    // Not while the preferred home is full: nothing changes.
    const full = await move(joan.placementId, { facilityId: preferred.facilityId, on: day(0) });
    expect(full.status).toBe(409);
    expect(full.body.rule).toBe('PLC-6');
    const stillThere = await app.request<PlacementReply>('GET', `/placements/${joan.placementId}`, {
      user: 'cw.chen',
    });
    expect(stillThere.body.state).toBe('active');

    await app.request('POST', `/placements/${other.placementId}/end`, {
      user: 'cw.chen',
      body: { on: day(-1), reason: 'Returned home' },
    });
    const moved = await move(joan.placementId, { facilityId: preferred.facilityId, on: day(0) });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      clientId: joan.clientId,
      placeId: preferred.placeIds[0],
      emergency: false,
      period: { from: day(0), to: null },
      transferredFrom: joan.placementId,
    });
    const before = await app.request<PlacementReply>('GET', `/placements/${joan.placementId}`, {
      user: 'cw.chen',
    });
    expect(before.body).toMatchObject({ state: 'ended', period: { from: day(-4), to: day(-1) } });
    const [closed] = await app.query<{ closed: string }>(
      "select to_char(closed_on, 'YYYY-MM-DD') as closed from place where place_id = $1",
      [joan.placeId],
    );
    expect(closed?.closed).toBe(day(0));
    const ended = await recordedEvents(app, 'placement.ended', {
      key: 'placementId',
      value: joan.placementId,
    });
    const started = await recordedEvents(app, 'placement.started', {
      key: 'placementId',
      value: moved.body.placementId,
    });
    expect(ended).toHaveLength(1);
    expect(started).toHaveLength(1);
  });

  it('PLC-7: a move within the same facility is refused (that is a transfer)', async () => {
    const home = await insertLayout(app, fosterHome, {
      compartments: [{ name: 'Bedroom', places: 2 }],
    });
    const child = await placed(home);
    const reply = await move(child.placementId, { facilityId: home.facilityId, on: day(0) });
    expect(reply.status).toBe(422);
    expect(reply.body.rule).toBe('PLC-7');
  });

  it('PRV-1: no move to a suspended provider, and nothing changes', async () => {
    const from = await oneBedHome(fosterHome);
    const suspendedProvider = await approvedProvider(app, 'Soon Suspended Home');
    const to = await oneBedHome(suspendedProvider);
    const child = await placed(from);
    await app.publish(
      providerSuspended,
      fact({ providerId: suspendedProvider, previousStatus: 'approved', reason: 'Licence lapsed' }),
    );
    await app.settled();
    const reply = await move(child.placementId, { facilityId: to.facilityId, on: day(0) });
    expect(reply.status).toBe(409);
    expect(reply.body.rule).toBe('PRV-1');
    const after = await app.request<PlacementReply>('GET', `/placements/${child.placementId}`, {
      user: 'cw.chen',
    });
    expect(after.body.state).toBe('active');
  });

  it('PLC-5: a move must start after the placement does and be in the past or today', async () => {
    const from = await oneBedHome(fosterHome);
    const to = await oneBedHome(preferredHome);
    const child = await placed(from, { from: day(-2) });
    const tooEarly = await move(child.placementId, { facilityId: to.facilityId, on: day(-2) });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.rule).toBe('PLC-5');
    const future = await move(child.placementId, { facilityId: to.facilityId, on: day(1) });
    expect(future.status).toBe(422);
    expect(future.body.rule).toBe('PLC-5');
  });
});
