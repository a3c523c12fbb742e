import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import {
  providerSuspended,
  waitlistEntryAllocated,
  waitlistOfferWorkflowId,
  type EventData,
  type WaitlistOfferInput,
} from '@platform/contracts';
import { eventually } from '@platform/testing';
import { connectTemporalClient } from '@platform/temporal';
import { createPlacementsActivities } from '../src/activities/placements.activities.js';
import { loadPlacementsConfig } from '../src/config.js';
import { openPlacementsDatabase } from '../src/database.js';
import { addPlaces, createFacility } from './support/facility-fixtures.js';
import { startPlacementsApp, type PlacementsApp } from './support/placements-app.js';
import { day, place, recordedEvents } from './support/placement-requests.js';
import {
  approvedProvider,
  CASE_WORKER,
  fact,
  publishWaitlistEntry,
} from './support/provider-facts.js';

/**
 * PRV-10 (ADR 0020): waitlist allocation in the placements service. The providers service's
 * `waitlist-entry.allocated` (published here as its relay would) becomes a reservation or a
 * placement carrying the entry's id, once; a place that frees up is offered to the first suitable
 * waiting entry as an offer and its process (`waitlist-offer/<offerId>`); a declined offer moves
 * on to the next entry. The process itself (task, accept, decline) is workflows'
 * waitlist-offer.workflow.spec.ts; the whole chain across services belongs to the e2e suite.
 */
let app: PlacementsApp;
let orm: MikroORM;
let temporal: Client;

beforeAll(async () => {
  app = await startPlacementsApp();
  orm = await openPlacementsDatabase(app.bed.database.url);
  temporal = await connectTemporalClient({
    address: app.bed.env['TEMPORAL_ADDRESS'] as string,
    namespace: app.bed.namespace.name,
  });
});

afterAll(async () => {
  await temporal?.connection.close();
  await orm?.close();
  await app?.close();
});

const OTHER_CASE_WORKER = { userId: 'cw.cole', roles: ['case-worker' as const] };

/** An approved provider with one facility of `beds` places (Bed 1, Bed 2 …). */
async function providerWithBeds(beds: number) {
  const providerId = await approvedProvider(app);
  const facility = await createFacility(app, providerId);
  const places = await addPlaces(
    app,
    facility.rootCompartmentId,
    Array.from({ length: beds }, (_, i) => `Bed ${i + 1}`),
  );
  return { providerId, facilityId: facility.facilityId, places };
}

type Allocated = EventData<typeof waitlistEntryAllocated>;

/** The providers service allocated the entry (PRV-10): it left the queue. */
async function allocated(
  entry: { entryId: string; waitlistId: string; providerId: string; clientReference: string },
  terms: Partial<Allocated>,
) {
  const data: Allocated = {
    entryId: entry.entryId,
    waitlistId: entry.waitlistId,
    providerId: entry.providerId,
    providerServiceId: null,
    clientReference: entry.clientReference,
    queue: [],
    serviceProductId: null,
    clientName: null,
    kind: 'placement',
    from: day(0),
    to: null,
    placeId: null,
    allocatedOn: day(0),
    lastPosition: 1,
    ...terms,
  };
  return app.publish(waitlistEntryAllocated, {
    aggregateId: data.waitlistId,
    data,
    actor: CASE_WORKER,
  });
}

const rowsFor = async (table: 'reservation' | 'placement', entryId: string) => {
  await app.settled();
  return app.query<Record<string, unknown>>(
    `select *, to_char(starts_on, 'YYYY-MM-DD') as starts from ${table} where waitlist_entry_id = $1`,
    [entryId],
  );
};

const noticesAbout = async (entryId: string) => {
  await app.settled();
  return app.query<{ recipient: string; title: string; body: string }>(
    `select recipient, title, body from notice where subject_type = 'waitlist-entry' and subject_id = $1`,
    [entryId],
  );
};

describe('an allocation becomes a reservation or a placement (PRV-10)', () => {
  it('PRV-10: an allocation starting today becomes a placement in the first free place, carrying the entry id, once — a redelivery adds nothing', async () => {
    const { providerId, places } = await providerWithBeds(2);
    const entry = await publishWaitlistEntry(app, providerId, []);
    const event = await allocated(entry, { kind: 'placement', from: day(0) });
    const [placement] = await rowsFor('placement', entry.entryId);
    expect(placement).toMatchObject({
      client_id: entry.clientReference,
      place_id: places[0]?.placeId,
      starts: day(0),
      state: 'active',
      created_by: CASE_WORKER.userId,
    });
    const started = await recordedEvents(app, 'placement.started', {
      key: 'waitlistEntryId',
      value: entry.entryId,
    });
    expect(started).toHaveLength(1);
    expect(started[0]?.actor.userId).toBe(CASE_WORKER.userId);

    await app.replay(event);
    expect(await rowsFor('placement', entry.entryId)).toHaveLength(1);
    expect(
      await app.query('select 1 from waitlist_entry where entry_id = $1 and status = $2', [
        entry.entryId,
        'allocated',
      ]),
    ).toHaveLength(1);
  });

  it('PRV-10: an allocation for a future period becomes a reservation of the chosen place with the entry id and its expiry timer', async () => {
    const { providerId, places } = await providerWithBeds(2);
    const entry = await publishWaitlistEntry(app, providerId, []);
    const chosen = places[1]?.placeId as string;
    await allocated(entry, { kind: 'reservation', from: day(10), to: day(40), placeId: chosen });
    const [reservation] = await rowsFor('reservation', entry.entryId);
    expect(reservation).toMatchObject({ place_id: chosen, starts: day(10), state: 'active' });
    const created = await recordedEvents<{ waitlistEntryId: string }>(app, 'reservation.created', {
      key: 'waitlistEntryId',
      value: entry.entryId,
    });
    expect(created).toHaveLength(1);
    await eventually(async () => {
      const timer = await temporal.workflow
        .getHandle(`reservation/${reservation?.['reservation_id'] as string}`)
        .describe();
      expect(timer.type).toBe('reservationExpiry');
    });
  });

  it('PRV-10: with no free place the allocation is not carried out; the entry’s case worker is told why', async () => {
    const { providerId, facilityId, places } = await providerWithBeds(1);
    const occupied = await place(app, {
      facilityId,
      placeId: places[0]?.placeId,
      client: { clientId: `CL-${randomUUID().slice(0, 8)}` },
      from: day(0),
    });
    expect(occupied.status).toBe(201);
    const entry = await publishWaitlistEntry(app, providerId, [], {}, OTHER_CASE_WORKER);
    await allocated(entry, { kind: 'placement', from: day(0) });
    expect(await rowsFor('placement', entry.entryId)).toEqual([]);
    const [notice] = await noticesAbout(entry.entryId);
    expect(notice?.recipient).toBe('cw.cole');
    expect(notice?.body).toContain('PRV-10');
  });

  it('PRV-1: an allocation at a suspended provider is not carried out; the notice names PRV-1', async () => {
    const { providerId } = await providerWithBeds(1);
    await app.publish(
      providerSuspended,
      fact({ providerId, previousStatus: 'approved', reason: 'Investigation' }),
    );
    const entry = await publishWaitlistEntry(app, providerId, []);
    await allocated(entry, { kind: 'placement', from: day(0) });
    expect(await rowsFor('placement', entry.entryId)).toEqual([]);
    const [notice] = await noticesAbout(entry.entryId);
    expect(notice?.body).toContain('PRV-1');
  });
});

describe('a freed place is offered to the first suitable waiting entry (PRV-10)', () => {
  const openOffer = async (placeId: string) =>
    eventually(async () => {
      const [offer] = await app.query<{
        offer_id: string;
        entry_id: string;
        offered_to: string;
        available_from: string;
      }>(
        `select offer_id, entry_id, offered_to, to_char(available_from, 'YYYY-MM-DD') as available_from
           from waitlist_offer where place_id = $1 and state = 'open'`,
        [placeId],
      );
      expect(offer).toBeDefined();
      return offer as {
        offer_id: string;
        entry_id: string;
        offered_to: string;
        available_from: string;
      };
    });

  it('PRV-10: a placement ending frees its place: the first waiting entry is offered it from the next day, as a process for its case worker', async () => {
    const { providerId, facilityId, places } = await providerWithBeds(1);
    const bed = places[0]?.placeId as string;
    const first = await publishWaitlistEntry(app, providerId, []);
    await publishWaitlistEntry(app, providerId, [first.entryId], {}, OTHER_CASE_WORKER);
    const placed = await place(app, {
      facilityId,
      placeId: bed,
      client: { clientId: `CL-${randomUUID().slice(0, 8)}` },
      from: day(-5),
    });
    expect(placed.status).toBe(201);
    const ended = await app.request('POST', `/placements/${placed.body.placementId}/end`, {
      user: 'cw.chen',
      body: { on: day(0), reason: 'Returned home' },
    });
    expect(ended.status).toBe(200);

    const offer = await openOffer(bed);
    expect(offer).toMatchObject({
      entry_id: first.entryId,
      offered_to: CASE_WORKER.userId,
      available_from: day(1),
    });
    const process = await temporal.workflow
      .getHandle(waitlistOfferWorkflowId(offer.offer_id))
      .describe();
    expect(process.type).toBe('waitlistOffer');
    expect(process.searchAttributes).toMatchObject({
      ProviderId: [providerId],
      WorkQueue: ['waitlist-offers'],
      Assignee: [CASE_WORKER.userId],
    });
    // One open offer per place: nothing else is offered it meanwhile.
    const offers = await app.query('select 1 from waitlist_offer where place_id = $1', [bed]);
    expect(offers).toHaveLength(1);
  });

  it('PRV-10: a declined offer goes to the next suitable entry (never back to one that declined); an accepted one is closed', async () => {
    const { providerId, facilityId, places } = await providerWithBeds(1);
    const bed = places[0]?.placeId as string;
    const first = await publishWaitlistEntry(app, providerId, []);
    const second = await publishWaitlistEntry(
      app,
      providerId,
      [first.entryId],
      {},
      OTHER_CASE_WORKER,
    );
    const placed = await place(app, {
      facilityId,
      placeId: bed,
      client: { clientId: `CL-${randomUUID().slice(0, 8)}` },
      from: day(-5),
    });
    await app.request('POST', `/placements/${placed.body.placementId}/end`, {
      user: 'cw.chen',
      body: { on: day(0), reason: 'Moved' },
    });
    const offer = await openOffer(bed);
    expect(offer.entry_id).toBe(first.entryId);

    const activities = createPlacementsActivities(orm, loadPlacementsConfig(app.bed.env));
    const declined = await activities.declineWaitlistOffer({
      offerId: offer.offer_id,
      decidedBy: CASE_WORKER.userId,
      reason: 'Family moved away',
    });
    expect(declined.state).toBe('declined');
    expect(declined.nextOffer).toMatchObject({
      entryId: second.entryId,
      placeId: bed,
      offeredTo: 'cw.cole',
      availableFrom: day(1),
      placeName: 'Bed 1',
    });
    // A retry answers the same next offer and makes no other.
    const again = await activities.declineWaitlistOffer({
      offerId: offer.offer_id,
      decidedBy: CASE_WORKER.userId,
      reason: 'Family moved away',
    });
    expect(again.nextOffer?.offerId).toBe(declined.nextOffer?.offerId);

    const next = declined.nextOffer as WaitlistOfferInput;
    const lastDecline = await activities.declineWaitlistOffer({
      offerId: next.offerId,
      decidedBy: 'cw.cole',
      reason: 'No',
    });
    // Nobody else waits: the first entry declined this place already and is not asked again.
    expect(lastDecline.nextOffer).toBeNull();

    const states = await app.query<{ entry_id: string; state: string; decided_by: string }>(
      'select entry_id, state, decided_by from waitlist_offer where place_id = $1 order by created_at',
      [bed],
    );
    expect(states).toEqual([
      { entry_id: first.entryId, state: 'declined', decided_by: 'cw.chen' },
      { entry_id: second.entryId, state: 'declined', decided_by: 'cw.cole' },
    ]);
  });

  it('PRV-10: accepting an offer closes it as accepted, once', async () => {
    const { providerId, facilityId, places } = await providerWithBeds(1);
    const bed = places[0]?.placeId as string;
    await publishWaitlistEntry(app, providerId, []);
    const placed = await place(app, {
      facilityId,
      placeId: bed,
      client: { clientId: `CL-${randomUUID().slice(0, 8)}` },
      from: day(-5),
    });
    await app.request('POST', `/placements/${placed.body.placementId}/end`, {
      user: 'cw.chen',
      body: { on: day(0), reason: 'Moved' },
    });
    const offer = await openOffer(bed);
    const activities = createPlacementsActivities(orm, loadPlacementsConfig(app.bed.env));
    const accept = () =>
      activities.acceptWaitlistOffer({ offerId: offer.offer_id, decidedBy: 'cw.chen' });
    await expect(accept()).resolves.toEqual({
      offerId: offer.offer_id,
      state: 'accepted',
      nextOffer: null,
    });
    await expect(accept()).resolves.toEqual({
      offerId: offer.offer_id,
      state: 'accepted',
      nextOffer: null,
    });
  });
});
