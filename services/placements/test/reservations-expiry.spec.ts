import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ApplicationFailure } from '@temporalio/common';
import { loadPlacementsConfig } from '../src/config.js';
import { createPlacementsActivities } from '../src/activities/placements.activities.js';
import { openPlacementsDatabase } from '../src/database.js';
import { startPlacementsApp, type PlacementsApp } from './support/placements-app.js';
import { approvedProvider } from './support/provider-facts.js';
import { childClient, inDays, reservationLayout } from './support/reservation-fixtures.js';
import { act, eventsOf, reserved } from './support/reservation-requests.js';

/**
 * PLC-4: the expiry activity the reservation's timer calls, on the real database — decided under
 * the row lock, idempotent (a retried call after a lost reply expires nothing twice), and a
 * confirmed reservation is left alone. The timer itself: reservation-expiry.acceptance.spec.ts.
 */
let app: PlacementsApp;
let orm: MikroORM;
let providerId: string;

beforeAll(async () => {
  app = await startPlacementsApp();
  orm = await openPlacementsDatabase(app.bed.database.url);
  providerId = await approvedProvider(app);
});

afterAll(async () => {
  await orm?.close();
  await app?.close();
});

const activities = () => createPlacementsActivities(orm, loadPlacementsConfig({}));

async function reservation() {
  const house = await reservationLayout(app, providerId);
  return reserved(app, {
    providerId,
    placeId: house.bed1,
    client: childClient(),
    from: inDays(1),
    to: inDays(30),
    gracePeriodDays: 2,
  });
}

const expiredEvents = async (reservationId: string) =>
  (await eventsOf(app, reservationId)).filter((event) => event.type === 'reservation.expired');

describe('reservation expiry activity (PLC-4)', () => {
  it('PLC-4: an active reservation is not due before expiresOn, expires on it exactly once, and a retry answers already-expired', async () => {
    const { reservationId, expiresOn } = await reservation();
    expect(expiresOn).toBe(inDays(4));

    await expect(
      activities().expireReservation({ reservationId, asOf: inDays(3) }),
    ).resolves.toEqual({ outcome: 'not-due', expiresOn });

    await expect(
      activities().expireReservation({ reservationId, asOf: expiresOn }),
    ).resolves.toEqual({ outcome: 'expired' });
    await expect(
      activities().expireReservation({ reservationId, asOf: expiresOn }),
    ).resolves.toEqual({ outcome: 'already-expired' });
    const [row] = await app.query<{ state: string }>(
      'select state from reservation where reservation_id = $1',
      [reservationId],
    );
    expect(row?.state).toBe('expired');
    const expired = await expiredEvents(reservationId);
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ actor: { userId: 'system' }, data: { expiresOn } });
  });

  it('PLC-4: a confirmed reservation is left alone when its timer fires', async () => {
    const { reservationId, expiresOn } = await reservation();
    await act(app, reservationId, 'confirm', {});
    await expect(
      activities().expireReservation({ reservationId, asOf: expiresOn }),
    ).resolves.toEqual({ outcome: 'confirmed' });
    const [row] = await app.query<{ state: string }>(
      'select state from reservation where reservation_id = $1',
      [reservationId],
    );
    expect(row?.state).toBe('confirmed');
    expect(await expiredEvents(reservationId)).toEqual([]);
  });

  it('PLC-4: an unknown reservation is a business rejection, not retried', async () => {
    const failure = await activities()
      .expireReservation({ reservationId: randomUUID(), asOf: inDays(1) })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'ReservationNotFound', nonRetryable: true });
  });
});
