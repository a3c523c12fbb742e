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
import {
  act,
  change,
  eventsOf,
  expectInvalid,
  expectRefusal,
  reserved,
} from './support/reservation-requests.js';

/**
 * PLC-4: cancelling and changing reservations — only active ones, still in the future, conflicts
 * and places checked again, expiry recomputed — and the notice the creating case worker gets when
 * someone else does it (and only then).
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

interface NoticeItem {
  noticeId: string;
  subjectType: string;
  subjectId: string;
  title: string;
  changedBy: string;
}

async function noticesAbout(user: string, subjectId: string): Promise<NoticeItem[]> {
  const reply = await app.request<{ items: NoticeItem[] }>('GET', '/notices?limit=200', { user });
  expect(reply.status).toBe(200);
  return reply.body.items.filter((notice) => notice.subjectId === subjectId);
}

async function reservationAt(house: ReservationLayout, placeId: string, extra = {}) {
  return reserved(app, {
    providerId,
    placeId,
    client: childClient(),
    from: inDays(3),
    to: inDays(30),
    ...extra,
  });
}

describe('cancelling a reservation (PLC-4)', () => {
  it('PLC-4: an active reservation is cancelled with a reason and reservation.cancelled is recorded; cancelling again is 409', async () => {
    const house = await reservationLayout(app, providerId);
    const reservation = await reservationAt(house, house.bed1);

    const cancelled = await act(app, reservation.reservationId, 'cancel', {
      reason: 'Family found a relative',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      state: 'cancelled',
      cancelReason: 'Family found a relative',
      updatedBy: 'cw.chen',
    });
    const events = await eventsOf(app, reservation.reservationId);
    expect(events.map((event) => event.type)).toEqual([
      'reservation.created',
      'reservation.cancelled',
    ]);
    expect(events[1]?.data).toMatchObject({
      reason: 'Family found a relative',
      replacedByReservationId: null,
    });

    const again = await act(app, reservation.reservationId, 'cancel', { reason: 'twice' });
    expectRefusal(again, 409, 'PLC-4', 'id');
    // The place is free again for someone else.
    await reservationAt(house, house.bed1);
  });

  it('PLC-4: a cancellation needs a reason (400 naming reason)', async () => {
    const house = await reservationLayout(app, providerId);
    const reservation = await reservationAt(house, house.bed1);
    expectInvalid(await act(app, reservation.reservationId, 'cancel', {}), 'reason');
    expectInvalid(await act(app, reservation.reservationId, 'cancel', { reason: '  ' }), 'reason');
  });

  it('ROLE: an operator cannot cancel (403)', async () => {
    const house = await reservationLayout(app, providerId);
    const reservation = await reservationAt(house, house.bed1);
    const reply = await act(app, reservation.reservationId, 'cancel', { reason: 'x' }, 'ops.omar');
    expect(reply.status).toBe(403);
  });
});

describe('changing a reservation (PLC-4)', () => {
  it('PLC-4: moving a reservation recomputes its expiry and records reservation.changed; it stays in the future (422 naming from)', async () => {
    const house = await reservationLayout(app, providerId);
    const reservation = await reservationAt(house, house.bed1);

    const moved = await change(app, reservation.reservationId, {
      from: inDays(10),
      to: inDays(11),
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ from: inDays(10), to: inDays(11), expiresOn: inDays(12) });
    const changes = (await eventsOf(app, reservation.reservationId)).filter(
      (event) => event.type === 'reservation.changed',
    );
    expect(changes.map((event) => event.data)).toEqual([
      expect.objectContaining({
        changed: ['from', 'to'],
        period: { from: inDays(10), to: inDays(11) },
        previousPeriod: { from: inDays(3), to: inDays(30) },
        expiresOn: inDays(12),
        previousPlaceId: house.bed1,
      }),
    ]);

    expectRefusal(
      await change(app, reservation.reservationId, { from: today() }),
      422,
      'PLC-4',
      'from',
    );
    expectRefusal(
      await change(app, reservation.reservationId, { from: inDays(12) }),
      422,
      'PLC-4',
      'from',
    );
    expectInvalid(await change(app, reservation.reservationId, {}), '(root)');
  });

  it('PLC-4: a change onto a held or unsuitable place is refused (409 with the reason); a free one is taken', async () => {
    const house = await reservationLayout(app, providerId);
    const holder = await reservationAt(house, house.bed2);
    const reservation = await reservationAt(house, house.bed1);

    const held = await change(app, reservation.reservationId, { placeId: house.bed2 });
    expectRefusal(held, 409, 'PLC-4', 'confirmCancellationOf');
    expect(held.body.conflicts).toEqual([
      { reservationId: holder.reservationId, reason: 'same-place-other-client' },
    ]);
    expectRefusal(
      await change(app, reservation.reservationId, { placeId: house.adultBed }),
      409,
      'PLC-2',
      'placeId',
    );

    await change(app, holder.reservationId, { placeId: null });
    const taken = await change(app, reservation.reservationId, { placeId: house.bed2 });
    expect(taken.body).toMatchObject({ placeId: house.bed2, facilityId: house.facilityId });
  });

  it('PLC-4: a cancelled reservation cannot be changed (409)', async () => {
    const house = await reservationLayout(app, providerId);
    const reservation = await reservationAt(house, house.bed1);
    await act(app, reservation.reservationId, 'cancel', { reason: 'No longer needed' });
    expectRefusal(
      await change(app, reservation.reservationId, { to: inDays(40) }),
      409,
      'PLC-4',
      'id',
    );
  });
});

describe('notices of reservation changes (PLC-4)', () => {
  it('PLC-4: the creating case worker is told when a resource manager changes or cancels their reservation, not when they do it themselves', async () => {
    const house = await reservationLayout(app, providerId);
    const reservation = await reservationAt(house, house.bed1);

    await change(app, reservation.reservationId, { to: inDays(20) });
    expect(await noticesAbout('cw.chen', reservation.reservationId)).toEqual([]);

    const changed = await change(app, reservation.reservationId, { to: inDays(25) }, 'rm.rivera');
    expect(changed.status).toBe(200);
    const [notice] = await noticesAbout('cw.chen', reservation.reservationId);
    expect(notice).toMatchObject({ subjectType: 'reservation', changedBy: 'rm.rivera' });
    expect(notice?.title).toContain('was changed');
    // Only the creator is told: the one who changed it gets nothing.
    expect(await noticesAbout('rm.rivera', reservation.reservationId)).toEqual([]);

    await act(app, reservation.reservationId, 'cancel', { reason: 'Bed needed' }, 'sup.sato');
    const notices = await noticesAbout('cw.chen', reservation.reservationId);
    expect(notices.map((n) => [n.changedBy, n.title.includes('was cancelled')])).toEqual([
      ['sup.sato', true],
      ['rm.rivera', false],
    ]);
  });

  it('PLC-4: a reservation replaced by someone else confirming the conflict tells its creator', async () => {
    const house = await reservationLayout(app, providerId);
    const reservation = await reservationAt(house, house.bed1);
    await reserved(
      app,
      {
        providerId,
        placeId: house.bed1,
        client: childClient(),
        from: inDays(3),
        confirmCancellationOf: [reservation.reservationId],
      },
      'rm.rivera',
    );
    const [notice] = await noticesAbout('cw.chen', reservation.reservationId);
    expect(notice).toMatchObject({ changedBy: 'rm.rivera' });
    expect(notice?.title).toContain('was cancelled');
  });
});
