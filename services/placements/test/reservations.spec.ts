import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { providerSuspended } from '@platform/contracts';
import { startPlacementsApp, type PlacementsApp } from './support/placements-app.js';
import { placeOutOfService } from './support/layout-fixtures.js';
import { approvedProvider, fact } from './support/provider-facts.js';
import {
  childClient,
  inDays,
  reservationLayout,
  today,
  type ReservationLayout,
} from './support/reservation-fixtures.js';
import {
  eventsOf,
  expectInvalid,
  expectRefusal,
  reserve,
  reserved,
  type ReservationView,
} from './support/reservation-requests.js';

/**
 * PLC-4 reservations over HTTP on the real database: future periods only, conflicts that need
 * explicit confirmation of the cancellation, a named place free and suitable, expiry computed;
 * ROLE and input validation. Providers are made known by their events (projections).
 */
let app: PlacementsApp;
let providerId: string;

beforeAll(async () => {
  app = await startPlacementsApp();
  providerId = await approvedProvider(app);
});

afterAll(async () => {
  await app?.close();
});

async function layout(): Promise<ReservationLayout> {
  return reservationLayout(app, providerId);
}

const ofPlace = (
  house: ReservationLayout,
  placeId: string,
  extra: Record<string, unknown> = {},
) => ({
  providerId: house.providerId,
  placeId,
  client: childClient(),
  from: inDays(3),
  to: inDays(30),
  ...extra,
});

describe('reservations (PLC-4)', () => {
  it('PLC-4: a free place is reserved for a future period; it expires at start + grace period and reservation.created names the case worker', async () => {
    const house = await layout();
    const body = ofPlace(house, house.bed1);
    const reservation = await reserved(app, body);

    expect(reservation).toMatchObject({
      providerId,
      facilityId: house.facilityId,
      placeId: house.bed1,
      clientId: body.client.clientId,
      from: inDays(3),
      to: inDays(30),
      gracePeriodDays: 3,
      // The client may arrive until start + 3 days; expired from the day after.
      expiresOn: inDays(7),
      state: 'active',
      createdBy: 'cw.chen',
    });
    const events = await eventsOf(app, reservation.reservationId);
    expect(events).toEqual([
      {
        type: 'reservation.created',
        actor: expect.objectContaining({ userId: 'cw.chen' }),
        data: expect.objectContaining({
          reservationId: reservation.reservationId,
          placeId: house.bed1,
          period: { from: inDays(3), to: inDays(30) },
          expiresOn: inDays(7),
          cancelledReservationIds: [],
        }),
      },
    ]);
    const fetched = await app.request<ReservationView>(
      'GET',
      `/reservations/${reservation.reservationId}`,
      { user: 'ops.omar' },
    );
    expect(fetched.body).toMatchObject({
      reservationId: reservation.reservationId,
      state: 'active',
    });
  });

  it('PLC-4: a reservation ending before start + grace period expires the day after its end', async () => {
    const house = await layout();
    const reservation = await reserved(
      app,
      ofPlace(house, house.bed1, { from: inDays(2), to: inDays(3), gracePeriodDays: 5 }),
    );
    expect(reservation.expiresOn).toBe(inDays(4));
  });

  it('PLC-4: a reservation of only a provider is allowed (no facility, no place)', async () => {
    const reservation = await reserved(app, {
      providerId,
      client: childClient(),
      from: inDays(5),
      to: null,
    });
    expect(reservation).toMatchObject({
      facilityId: null,
      placeId: null,
      to: null,
      expiresOn: inDays(9),
    });
  });

  it('PLC-4: a reservation cannot start today or in the past (422 naming from)', async () => {
    const house = await layout();
    for (const from of [today(), inDays(-1)]) {
      const reply = await reserve(app, ofPlace(house, house.bed1, { from }));
      expectRefusal(reply, 422, 'PLC-4', 'from');
    }
    const rows = await app.query('select 1 from reservation where place_id = $1', [house.bed1]);
    expect(rows).toEqual([]);
  });

  it('PLC-4: the same client reserved for an overlapping period anywhere is a 409 listing it, until its cancellation is confirmed; then it is cancelled with the creation', async () => {
    const house = await layout();
    const otherProvider = await approvedProvider(app, 'Elsewhere House');
    const client = childClient();
    const first = await reserved(app, {
      providerId: otherProvider,
      client,
      from: inDays(4),
      to: inDays(10),
    });

    const refused = await reserve(app, ofPlace(house, house.bed1, { client, from: inDays(8) }));
    expectRefusal(refused, 409, 'PLC-4', 'confirmCancellationOf');
    expect(refused.body.conflicts).toEqual([
      { reservationId: first.reservationId, reason: 'same-client' },
    ]);

    const second = await reserved(
      app,
      ofPlace(house, house.bed1, {
        client,
        from: inDays(8),
        confirmCancellationOf: [first.reservationId],
      }),
    );
    const cancelled = await app.request<ReservationView>(
      'GET',
      `/reservations/${first.reservationId}`,
      {
        user: 'cw.chen',
      },
    );
    expect(cancelled.body.state).toBe('cancelled');
    expect((await eventsOf(app, first.reservationId)).map((event) => event.type)).toEqual([
      'reservation.created',
      'reservation.cancelled',
    ]);
    const [, cancellation] = await eventsOf(app, first.reservationId);
    expect(cancellation?.data).toMatchObject({ replacedByReservationId: second.reservationId });
    const [creation] = await eventsOf(app, second.reservationId);
    expect(creation?.data).toMatchObject({ cancelledReservationIds: [first.reservationId] });
  });

  it('PLC-4: back-to-back reservations of the same client do not conflict', async () => {
    const house = await layout();
    const client = childClient();
    await reserved(app, ofPlace(house, house.bed1, { client, from: inDays(3), to: inDays(5) }));
    await reserved(app, { providerId, client, from: inDays(6), to: inDays(9) });
  });

  it('PLC-4: the same place for another client lists both conflicts; confirming only one is still refused, confirming both cancels both', async () => {
    const house = await layout();
    const holder = await reserved(
      app,
      ofPlace(house, house.bed2, { from: inDays(5), to: inDays(10) }),
    );
    const client = childClient();
    const own = await reserved(app, { providerId, client, from: inDays(5), to: inDays(10) });

    const request = ofPlace(house, house.bed2, { client, from: inDays(6), to: inDays(8) });
    const both = await reserve(app, request);
    expectRefusal(both, 409, 'PLC-4', 'confirmCancellationOf');
    expect(both.body.conflicts).toEqual(
      expect.arrayContaining([
        { reservationId: holder.reservationId, reason: 'same-place-other-client' },
        { reservationId: own.reservationId, reason: 'same-client' },
      ]),
    );
    expect(both.body.conflicts).toHaveLength(2);

    const one = await reserve(app, { ...request, confirmCancellationOf: [holder.reservationId] });
    expectRefusal(one, 409, 'PLC-4', 'confirmCancellationOf');
    expect(one.body.conflicts).toHaveLength(2);
    const [stillActive] = await app.query<{ n: string }>(
      `select count(*)::text as n from reservation where reservation_id in ($1, $2) and state = 'active'`,
      [holder.reservationId, own.reservationId],
    );
    expect(stillActive?.n).toBe('2');

    const created = await reserved(app, {
      ...request,
      confirmCancellationOf: [holder.reservationId, own.reservationId],
    });
    const states = await app.query<{ state: string }>(
      'select state from reservation where reservation_id in ($1, $2)',
      [holder.reservationId, own.reservationId],
    );
    expect(states).toEqual([{ state: 'cancelled' }, { state: 'cancelled' }]);
    expect(created.placeId).toBe(house.bed2);
  });

  it('PLC-4: a named place must suit the client (PLC-2) and not be out of service (PLC-3): 409 with each reason', async () => {
    const house = await layout();
    const unsuitable = await reserve(app, ofPlace(house, house.adultBed));
    expectRefusal(unsuitable, 409, 'PLC-2', 'placeId');

    await placeOutOfService(app, house.layout, house.bed1, { from: inDays(10), to: inDays(12) });
    const broken = await reserve(app, ofPlace(house, house.bed1));
    expectRefusal(broken, 409, 'PLC-3', 'placeId');
    // Before the repairs the bed is free.
    await reserved(app, ofPlace(house, house.bed1, { to: inDays(9) }));
  });

  it('PLC-4: a place or facility of another provider is refused (422 naming the field)', async () => {
    const house = await layout();
    const other = await reservationLayout(app, await approvedProvider(app, 'Other House'));
    expectRefusal(await reserve(app, ofPlace(house, other.bed1)), 422, 'PLC-4', 'placeId');
    expectRefusal(
      await reserve(app, {
        providerId,
        facilityId: other.facilityId,
        client: childClient(),
        from: inDays(3),
      }),
      422,
      'PLC-4',
      'facilityId',
    );
  });

  it('PRV-1: an unknown provider takes no reservation (422), a suspended one neither (409)', async () => {
    const unknown = await reserve(app, {
      providerId: randomUUID(),
      client: childClient(),
      from: inDays(3),
    });
    expectRefusal(unknown, 422, 'PRV-1', 'providerId');

    const suspended = await approvedProvider(app, 'Suspended House');
    await app.publish(
      providerSuspended,
      fact({ providerId: suspended, previousStatus: 'approved', reason: 'Investigation' }),
    );
    await app.settled();
    const refused = await reserve(app, {
      providerId: suspended,
      client: childClient(),
      from: inDays(3),
    });
    expectRefusal(refused, 409, 'PRV-1', 'providerId');
  });

  it('lists reservations by provider, facility, client, state and day, paged', async () => {
    const house = await layout();
    const client = childClient();
    const a = await reserved(
      app,
      ofPlace(house, house.bed1, { client, from: inDays(3), to: inDays(5) }),
    );
    const b = await reserved(app, ofPlace(house, house.bed2, { from: inDays(4), to: inDays(20) }));

    const byFacility = await app.request<{ items: ReservationView[]; total: number }>(
      'GET',
      `/reservations?facilityId=${house.facilityId}&limit=1`,
      { user: 'fin.fatima' },
    );
    expect(byFacility.status).toBe(200);
    expect(byFacility.body.total).toBe(2);
    expect(byFacility.body.items.map((r) => r.reservationId)).toEqual([a.reservationId]);
    const second = await app.request<{ items: ReservationView[] }>(
      'GET',
      `/reservations?facilityId=${house.facilityId}&limit=1&offset=1`,
      { user: 'ops.omar' },
    );
    expect(second.body.items.map((r) => r.reservationId)).toEqual([b.reservationId]);

    const byClient = await app.request<{ items: ReservationView[] }>(
      'GET',
      `/reservations?clientId=${client.clientId}&state=active&providerId=${providerId}`,
      { user: 'cw.chen' },
    );
    expect(byClient.body.items.map((r) => r.reservationId)).toEqual([a.reservationId]);
    const onDay = await app.request<{ items: ReservationView[] }>(
      'GET',
      `/reservations?facilityId=${house.facilityId}&activeOn=${inDays(10)}`,
      { user: 'cw.chen' },
    );
    expect(onDay.body.items.map((r) => r.reservationId)).toEqual([b.reservationId]);

    const missing = await app.request('GET', `/reservations/${randomUUID()}`, { user: 'cw.chen' });
    expect(missing.status).toBe(404);
  });
});

describe('reservations: ROLE and input', () => {
  it('ROLE: a finance user and an operator read reservations but cannot reserve (403)', async () => {
    const house = await layout();
    for (const user of ['fin.fatima', 'ops.omar', 'provider.harbor']) {
      const reply = await reserve(app, ofPlace(house, house.bed1), user);
      expect(reply.status).toBe(403);
    }
    const read = await app.request('GET', `/reservations?providerId=${providerId}`, {
      user: 'ops.omar',
    });
    expect(read.status).toBe(200);
    const anonymous = await app.request('GET', '/reservations');
    expect(anonymous.status).toBe(401);
  });

  it('ROLE: a facility manager reserves only at providers assigned to them', async () => {
    const house = await layout();
    const refused = await reserve(app, ofPlace(house, house.bed1), 'fm.fischer');
    expect(refused.status).toBe(403);
    await app.query(
      `insert into facility_manager_assignment (user_id, provider_id, assigned_by)
       values ('fm.fischer', $1, 'rm.rivera') on conflict do nothing`,
      [providerId],
    );
    await reserved(app, ofPlace(house, house.bed1), 'fm.fischer');
  });

  it('rejects bad input with 400 naming the field', async () => {
    const house = await layout();
    const valid = ofPlace(house, house.bed1);
    expectInvalid(await reserve(app, { ...valid, providerId: 'nope' }), 'providerId');
    expectInvalid(await reserve(app, { ...valid, from: '2027-02-30' }), 'from');
    expectInvalid(await reserve(app, { ...valid, to: inDays(1) }), 'to');
    expectInvalid(await reserve(app, { ...valid, client: {} }), 'client.clientId');
    expectInvalid(await reserve(app, { ...valid, gracePeriodDays: -1 }), 'gracePeriodDays');
    expectInvalid(
      await reserve(app, { ...valid, confirmCancellationOf: ['x'] }),
      'confirmCancellationOf.0',
    );
    const path = await app.request('GET', '/reservations/not-a-uuid', { user: 'cw.chen' });
    expectInvalid(path, 'id');
    const query = await app.request('GET', '/reservations?state=gone', { user: 'cw.chen' });
    expectInvalid(query, 'state');
  });
});
