import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startPlacementsApp, type PlacementsApp } from './support/placements-app.js';
import { approvedProvider } from './support/provider-facts.js';
import {
  childClient,
  inDays,
  reservationLayout,
  today,
  type ReservationLayout,
} from './support/reservation-fixtures.js';
import { act, eventsOf, expectRefusal, reserved } from './support/reservation-requests.js';

/**
 * PLC-4: the client arrives — a reservation becomes a placement (reserved place, a place chosen
 * then, the first suitable free one, or an emergency place in the top-level compartment, PLC-6),
 * with reservation.confirmed and placement.started in one transaction. Settled reservations are
 * refused.
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

interface PlacementRow {
  placementId: string;
  placeId: string;
  from: string;
  to: string | null;
  emergency: boolean;
  reservationId: string;
  state: string;
}

async function placementOf(reservationId: string): Promise<PlacementRow | undefined> {
  const [row] = await app.query<PlacementRow>(
    `select placement_id as "placementId", place_id as "placeId",
            to_char(starts_on, 'YYYY-MM-DD') as "from", to_char(ends_on, 'YYYY-MM-DD') as "to",
            emergency, reservation_id as "reservationId", state
       from placement where reservation_id = $1`,
    [reservationId],
  );
  return row;
}

function reservationAt(house: ReservationLayout, placeId: string | null, extra = {}) {
  return reserved(app, {
    providerId,
    facilityId: house.facilityId,
    placeId,
    client: childClient(),
    from: inDays(1),
    to: inDays(30),
    ...extra,
  });
}

describe('confirming a reservation (PLC-4)', () => {
  it('PLC-4: the client arrives — the reservation becomes a placement in the reserved place from today, with reservation.confirmed and placement.started', async () => {
    const house = await reservationLayout(app, providerId);
    const reservation = await reservationAt(house, house.bed1);

    const confirmed = await act(app, reservation.reservationId, 'confirm', {});
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.state).toBe('confirmed');
    const placement = await placementOf(reservation.reservationId);
    expect(placement).toMatchObject({
      placementId: confirmed.body.placementId,
      placeId: house.bed1,
      from: today(),
      to: inDays(30),
      emergency: false,
      state: 'active',
    });
    const events = await eventsOf(app, reservation.reservationId);
    expect(events.map((event) => event.type)).toEqual([
      'reservation.created',
      'reservation.confirmed',
    ]);
    expect(events[1]?.data).toMatchObject({ placementId: placement?.placementId });
    const started = await eventsOf(app, reservation.clientId);
    expect(started).toEqual([
      expect.objectContaining({
        type: 'placement.started',
        data: expect.objectContaining({
          placementId: placement?.placementId,
          reservationId: reservation.reservationId,
          period: { from: today(), to: inDays(30) },
        }),
      }),
    ]);
  });

  it('PLC-4: the period may change on confirmation (the day the client arrives, a new end)', async () => {
    const house = await reservationLayout(app, providerId);
    const reservation = await reservationAt(house, house.bed1);
    await act(app, reservation.reservationId, 'confirm', { from: inDays(1), to: inDays(60) });
    expect(await placementOf(reservation.reservationId)).toMatchObject({
      from: inDays(1),
      to: inDays(60),
    });
  });

  it('PLC-4: a placement from a reservation never starts before today (422 naming from)', async () => {
    const house = await reservationLayout(app, providerId);
    const reservation = await reservationAt(house, house.bed1);
    const reply = await act(app, reservation.reservationId, 'confirm', { from: inDays(-1) });
    expectRefusal(reply, 422, 'PLC-4', 'from');
    expect(await placementOf(reservation.reservationId)).toBeUndefined();
  });

  it('PLC-4: a place may be chosen on confirmation; a chosen place that is held is refused with the reason', async () => {
    const house = await reservationLayout(app, providerId);
    const holder = await reservationAt(house, house.bed2);
    const reservation = await reservationAt(house, null);

    const held = await act(app, reservation.reservationId, 'confirm', { placeId: house.bed2 });
    expectRefusal(held, 409, 'PLC-4', 'placeId');
    expect(held.body.detail).toContain(holder.reservationId);

    await act(app, holder.reservationId, 'cancel', { reason: 'Moved away' });
    const chosen = await act(app, reservation.reservationId, 'confirm', { placeId: house.bed2 });
    expect(chosen.status).toBe(200);
    expect(await placementOf(reservation.reservationId)).toMatchObject({ placeId: house.bed2 });
  });

  it('PLC-4: a reservation of the facility only is placed in the first free suitable place', async () => {
    const house = await reservationLayout(app, providerId);
    await reservationAt(house, house.bed1);
    const reservation = await reservationAt(house, null);
    await act(app, reservation.reservationId, 'confirm', {});
    expect(await placementOf(reservation.reservationId)).toMatchObject({
      placeId: house.bed2,
      emergency: false,
    });
  });

  it('PLC-4 + PLC-6: with no suitable free place, an emergency place is created in the top-level compartment', async () => {
    const house = await reservationLayout(app, providerId);
    await reservationAt(house, house.bed1);
    await reservationAt(house, house.bed2);
    // Bed 3 is for adults: the child suits no free place.
    const reservation = await reservationAt(house, null);

    const confirmed = await act(app, reservation.reservationId, 'confirm', {});
    expect(confirmed.status).toBe(200);
    const placement = await placementOf(reservation.reservationId);
    expect(placement?.emergency).toBe(true);
    const [place] = await app.query<{ name: string; compartmentId: string; emergency: boolean }>(
      `select name, compartment_id as "compartmentId", emergency from place where place_id = $1`,
      [placement?.placeId],
    );
    expect(place).toEqual({ name: 'Emergency 1', compartmentId: house.rootId, emergency: true });
  });

  it('PLC-4: a reservation of the provider only needs a place to be confirmed (422 naming placeId)', async () => {
    const house = await reservationLayout(app, providerId);
    const reservation = await reserved(app, { providerId, client: childClient(), from: inDays(1) });
    expectRefusal(
      await act(app, reservation.reservationId, 'confirm', {}),
      422,
      'PLC-4',
      'placeId',
    );
    const placed = await act(app, reservation.reservationId, 'confirm', { placeId: house.bed1 });
    expect(placed.body).toMatchObject({ state: 'confirmed', facilityId: house.facilityId });
  });

  it('PLC-4: confirmed, cancelled and expired reservations cannot be confirmed (409 naming PLC-4)', async () => {
    const house = await reservationLayout(app, providerId);
    const confirmed = await reservationAt(house, house.bed1);
    await act(app, confirmed.reservationId, 'confirm', {});
    expectRefusal(await act(app, confirmed.reservationId, 'confirm', {}), 409, 'PLC-4', 'id');
    expectRefusal(
      await act(app, confirmed.reservationId, 'cancel', { reason: 'late' }),
      409,
      'PLC-4',
      'id',
    );

    const cancelled = await reservationAt(house, house.bed2);
    await act(app, cancelled.reservationId, 'cancel', { reason: 'Not coming' });
    expectRefusal(await act(app, cancelled.reservationId, 'confirm', {}), 409, 'PLC-4', 'id');

    // Expired as the expiry activity leaves it (its own suite runs the activity).
    const expired = await reservationAt(house, null);
    await app.query(`update reservation set state = 'expired' where reservation_id = $1`, [
      expired.reservationId,
    ]);
    expectRefusal(await act(app, expired.reservationId, 'confirm', {}), 409, 'PLC-4', 'id');
    expect(await placementOf(expired.reservationId)).toBeUndefined();
  });

  it('PLC-4: the creating case worker is told when someone else confirms their reservation', async () => {
    const house = await reservationLayout(app, providerId);
    const reservation = await reservationAt(house, house.bed1);
    await act(app, reservation.reservationId, 'confirm', {}, 'rm.rivera');
    const notices = await app.request<{ items: { subjectId: string; title: string }[] }>(
      'GET',
      '/notices?unread=true&limit=200',
      { user: 'cw.chen' },
    );
    const about = notices.body.items.filter((n) => n.subjectId === reservation.reservationId);
    expect(about).toHaveLength(1);
    expect(about[0]?.title).toContain('was confirmed');
  });
});
