import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import { createProvidersActivities } from '../src/activities/providers.activities.js';
import { openProvidersDatabase } from '../src/database.js';
import { eventually } from '@platform/testing';
import { expectProblem, withoutEvents } from './support/expectations.js';
import {
  addProviderService,
  createServiceProduct,
  enrolProvider,
  insertDemoProvider,
  listIds,
  uniqueName,
  UNKNOWN_ID,
} from './support/fixtures.js';
import {
  startProvidersApp,
  type HttpMethod,
  type ProvidersApp,
  type Reply,
  type RequestOptions,
} from './support/providers-app.js';
import type { Json, Page, Problem } from './support/types.js';
import { ADMIN, CASE_WORKER, PROVIDER_USER, RM } from './support/users.js';

/** Integration tests of waitlists (PRV-10) over HTTP, with ROLE and SS-3 / ROLE-2. */

const FAR_EXPIRY = '2099-12-31';
interface Entry {
  id: string;
  waitlistId: string;
  providerId: string;
  providerServiceId: string | null;
  serviceProductId: string | null;
  placement: boolean;
  clientReference: string;
  clientName: string | null;
  priority: string;
  status: string;
  position: number | null;
  expiryDate: string | null;
  reviewDate: string | null;
  reviewDateComputed: boolean;
  notes: string | null;
  left: { on: string | null; lastPosition: number | null; reason: string | null } | null;
  allocation: { kind: string; from: string; to: string | null; placeId: string | null } | null;
}

let app: ProvidersApp;
let placeProductId: string;
let dayProductId: string;
/** Today as the service sees it (UTC). */
const today = () => new Date().toISOString().slice(0, 10);
function daysFrom(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  app = await startProvidersApp();
  await insertDemoProvider(app);
  placeProductId = await product('place');
  dayProductId = await product('day');
});

afterAll(async () => {
  await app?.close();
});

/** Requests as the case worker unless another user is named. */
const call = <T = Json>(method: HttpMethod, path: string, options: RequestOptions = {}) =>
  app.request<T>(method, path, { user: CASE_WORKER, ...options });

function expectFieldError(reply: Reply<Problem>, field: string, rule?: string) {
  expectProblem(reply, 400);
  expect(reply.body.errors).toEqual([
    { field, message: rule ? expect.stringMatching(new RegExp(`^${rule}: `)) : expect.any(String) },
  ]);
}

/** A residential product counted in `unitOfMeasure` (a place, a day …). */
const product = (unitOfMeasure: string) =>
  createServiceProduct(app, { name: uniqueName(`Residential ${unitOfMeasure}`), unitOfMeasure });

/** PRV-6: the provider offers the product (its own waitlist); answers the service's id. */
const providerService = async (providerId: string, serviceProductId: string) =>
  (await addProviderService(app, providerId, { serviceProductId })).id;

const client = () => `CL-${randomUUID().slice(0, 8)}`;

async function add(providerId: string, overrides: Json = {}, user = CASE_WORKER): Promise<Entry> {
  const reply = await call<Entry>('POST', '/waitlist-entries', {
    user,
    body: { providerId, clientReference: client(), ...overrides },
  });
  expect(reply.status).toBe(201);
  return reply.body;
}

/** The waiting entries of one list, in position order. */
async function queue(waitlistId: string, providerId = waitlistId): Promise<Entry[]> {
  const listFilter =
    waitlistId === providerId ? 'providerLevel=true' : `providerServiceId=${waitlistId}`;
  const reply = await call<Page<Entry>>(
    'GET',
    `/waitlist-entries?providerId=${providerId}&${listFilter}&status=waiting&limit=200`,
  );
  expect(reply.status).toBe(200);
  return reply.body.items;
}

/**
 * Waits until the list's published events (aggregate `waitlist`, keyed by the list's id) are
 * exactly `types`, in order. A provider-level list shares its key with the provider's own events
 * on another topic; only one topic's order is guaranteed, so those are left out.
 */
function expectListEvents(waitlistId: string, types: string[]) {
  return eventually(() => {
    const published = app
      .eventsOf(waitlistId)
      .filter((event) => event.aggregateType === 'waitlist');
    expect(published.map((event) => event.type)).toEqual(types);
    return published;
  });
}

async function expectQueue(waitlistId: string, ids: string[], providerId = waitlistId) {
  const entries = await queue(waitlistId, providerId);
  expect(entries.map((entry) => entry.id)).toEqual(ids);
  expect(entries.map((entry) => entry.position)).toEqual(ids.map((_, index) => index + 1));
}

describe('joining a waitlist (PRV-10)', () => {
  it('PRV-10: a new entry gets position = current entries + 1 (10 entries → 11), announced once as waitlist-entry.added', async () => {
    const providerId = await enrolProvider(app, 'Ten Waiting Home');
    const first10: Entry[] = [];
    for (let i = 0; i < 10; i += 1) first10.push(await add(providerId));
    expect(first10.map((entry) => entry.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    const eleventh = await add(providerId, {
      clientReference: 'CL-2026-0042',
      clientName: 'Jamie Doe',
      priority: 'high',
      expiryDate: FAR_EXPIRY,
      notes: 'Needs a ground-floor room',
    });
    expect(eleventh).toMatchObject({
      waitlistId: providerId,
      providerId,
      providerServiceId: null,
      placement: false,
      clientReference: 'CL-2026-0042',
      clientName: 'Jamie Doe',
      priority: 'high',
      status: 'waiting',
      position: 11,
      expiryDate: FAR_EXPIRY,
      notes: 'Needs a ground-floor room',
      left: null,
      allocation: null,
    });

    const events = await expectListEvents(providerId, [
      ...Array<string>(11).fill('waitlist-entry.added'),
    ]);
    const added = events.at(-1)!;
    expect(added).toMatchObject({
      version: 1,
      aggregateType: 'waitlist',
      aggregateId: providerId,
      actor: { userId: CASE_WORKER },
      data: {
        entryId: eleventh.id,
        waitlistId: providerId,
        providerId,
        providerServiceId: null,
        clientReference: 'CL-2026-0042',
        priority: 'high',
        position: 11,
        placement: false,
        queue: [...first10.map((entry) => entry.id), eleventh.id],
      },
    });
    expect(events.map((event) => event.data['position'])).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
  });

  it("PRV-10: a provider service has its own list, keyed by its id; placement follows the product's unit", async () => {
    const providerId = await enrolProvider(app, 'Residential Home');
    const placeServiceId = await providerService(providerId, placeProductId);
    const dayServiceId = await providerService(providerId, dayProductId);
    await add(providerId); // the provider-level list does not count for the service's list

    const entry = await add(providerId, { providerServiceId: placeServiceId });
    expect(entry).toMatchObject({
      waitlistId: placeServiceId,
      providerServiceId: placeServiceId,
      serviceProductId: placeProductId,
      placement: true,
      position: 1,
    });
    const [event] = await expectListEvents(placeServiceId, ['waitlist-entry.added']);
    expect(event).toMatchObject({
      aggregateType: 'waitlist',
      data: {
        providerServiceId: placeServiceId,
        serviceProductId: placeProductId,
        placement: true,
      },
    });
    expect(await add(providerId, { providerServiceId: dayServiceId })).toMatchObject({
      placement: false,
      position: 1,
    });

    const mismatch = await withoutEvents(app, () =>
      call<Problem>('POST', '/waitlist-entries', {
        body: {
          providerId,
          providerServiceId: dayServiceId,
          clientReference: client(),
          placement: true,
        },
      }),
    );
    expectFieldError(mismatch, 'placement', 'PRV-10');
  });

  it('PRV-10: a client waits on a list once (409 naming PRV-10, no event); on another list it may', async () => {
    const providerId = await enrolProvider(app, 'Once Only Home');
    const serviceId = await providerService(providerId, placeProductId);
    const first = await add(providerId, { clientReference: 'CL-TWICE' });
    const again = await withoutEvents(app, () =>
      call<Problem>('POST', '/waitlist-entries', {
        body: { providerId, clientReference: 'CL-TWICE' },
      }),
    );
    expectProblem(again, 409);
    expect(again.body.rule).toBe('PRV-10');
    expect(again.body.detail).toContain(first.id);
    expect(
      await add(providerId, { clientReference: 'CL-TWICE', providerServiceId: serviceId }),
    ).toMatchObject({
      position: 1,
    });
  });

  it('PRV-10: the review date is given, or the configured 14 days before the expiry date; never after it', async () => {
    const providerId = await enrolProvider(app, 'Review Home');
    const computed = await add(providerId, { expiryDate: FAR_EXPIRY });
    expect(computed).toMatchObject({ reviewDate: '2099-12-17', reviewDateComputed: true });
    const given = await add(providerId, { expiryDate: FAR_EXPIRY, reviewDate: '2099-06-30' });
    expect(given).toMatchObject({ reviewDate: '2099-06-30', reviewDateComputed: false });
    expect(await add(providerId)).toMatchObject({ reviewDate: null, expiryDate: null });

    const afterExpiry = await withoutEvents(app, () =>
      call<Problem>('POST', '/waitlist-entries', {
        body: {
          providerId,
          clientReference: client(),
          expiryDate: '2099-01-31',
          reviewDate: '2099-02-01',
        },
      }),
    );
    expectFieldError(afterExpiry, 'reviewDate', 'PRV-10');
    const pastExpiry = await withoutEvents(app, () =>
      call<Problem>('POST', '/waitlist-entries', {
        body: { providerId, clientReference: client(), expiryDate: '2000-01-01' },
      }),
    );
    expectFieldError(pastExpiry, 'expiryDate', 'PRV-10');

    // a computed review date follows a new expiry date; a given one must stay before it
    const moved = await call<Entry>('PATCH', `/waitlist-entries/${computed.id}`, {
      body: { expiryDate: '2099-06-30' },
    });
    expect(moved.body).toMatchObject({
      expiryDate: '2099-06-30',
      reviewDate: '2099-06-16',
      reviewDateComputed: true,
    });
    const tooEarly = await withoutEvents(app, () =>
      call<Problem>('PATCH', `/waitlist-entries/${given.id}`, {
        body: { expiryDate: '2099-06-29' },
      }),
    );
    expectFieldError(tooEarly, 'reviewDate', 'PRV-10');
    const back = await call<Entry>('PATCH', `/waitlist-entries/${given.id}`, {
      body: { reviewDate: null },
    });
    expect(back.body).toMatchObject({ reviewDate: '2099-12-17', reviewDateComputed: true });
    const [, , , updated] = await expectListEvents(providerId, [
      'waitlist-entry.added',
      'waitlist-entry.added',
      'waitlist-entry.added',
      'waitlist-entry.updated',
      'waitlist-entry.updated',
    ]);
    expect(updated?.data).toMatchObject({
      entryId: computed.id,
      changed: ['expiryDate', 'reviewDate'],
      expiryDate: '2099-06-30',
      reviewDate: '2099-06-16',
      fromPosition: 1,
      position: 1,
    });
  });

  it('PRV-10: bad input and unknown references are refused with problem+json, recording nothing', async () => {
    const providerId = await enrolProvider(app, 'Strict Waitlist Home');
    const otherId = await enrolProvider(app, 'Other Home');
    const othersService = await providerService(otherId, placeProductId);

    const noClient = await withoutEvents(app, () =>
      call<Problem>('POST', '/waitlist-entries', { body: { providerId } }),
    );
    expectFieldError(noClient, 'clientReference');
    const badPriority = await call<Problem>('POST', '/waitlist-entries', {
      body: { providerId, clientReference: client(), priority: 'urgent' },
    });
    expectFieldError(badPriority, 'priority');
    expectProblem(
      await call<Problem>('POST', '/waitlist-entries', {
        body: { providerId: UNKNOWN_ID, clientReference: client() },
      }),
      404,
    );
    // another provider's service is not one of this provider's lists
    expectProblem(
      await withoutEvents(app, () =>
        call<Problem>('POST', '/waitlist-entries', {
          body: { providerId, providerServiceId: othersService, clientReference: client() },
        }),
      ),
      404,
    );
    expectProblem(await call<Problem>('GET', `/waitlist-entries/${UNKNOWN_ID}`), 404);
    expectProblem(await call<Problem>('GET', '/waitlist-entries/nope'), 400);
    expectProblem(await call<Problem>('GET', `/providers/${UNKNOWN_ID}/waitlist-entries`), 404);
    expectProblem(
      await call<Problem>('POST', `/waitlist-entries/${UNKNOWN_ID}/move`, {
        body: { direction: 'up' },
      }),
      404,
    );
  });

  it('PRV-10: an ended provider service or a closed provider takes no new entries (409 naming PRV-10)', async () => {
    const providerId = await enrolProvider(app, 'Ending Home');
    const serviceId = await providerService(providerId, placeProductId);
    const ended = await call('POST', `/providers/${providerId}/services/${serviceId}/end`, {
      user: RM,
      body: { reason: 'No longer offered' },
    });
    expect(ended.status).toBe(200);
    const refused = await withoutEvents(app, () =>
      call<Problem>('POST', '/waitlist-entries', {
        body: { providerId, providerServiceId: serviceId, clientReference: client() },
      }),
    );
    expectProblem(refused, 409);
    expect(refused.body.rule).toBe('PRV-10');

    await call('POST', `/providers/${providerId}/lifecycle`, {
      user: RM,
      body: { action: 'close', reason: 'Retired' },
    });
    const closed = await withoutEvents(app, () =>
      call<Problem>('POST', '/waitlist-entries', {
        body: { providerId, clientReference: client() },
      }),
    );
    expectProblem(closed, 409);
    expect(closed.body.rule).toBe('PRV-10');
  });
});

describe('positions under concurrent requests (PRV-10)', () => {
  it('PRV-10: concurrent adds get positions 1..N without gaps or repeats', async () => {
    const providerId = await enrolProvider(app, 'Rush Hour Home');
    const replies = await Promise.all(
      Array.from({ length: 12 }, () =>
        call<Entry>('POST', '/waitlist-entries', {
          body: { providerId, clientReference: client() },
        }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array<number>(12).fill(201));
    const positions = replies.map((reply) => reply.body.position as number).sort((a, b) => a - b);
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const stored = await queue(providerId);
    expect(stored.map((entry) => entry.position)).toEqual(positions);

    // the events of one list arrive in the order the positions were given
    const events = await expectListEvents(providerId, [
      ...Array<string>(12).fill('waitlist-entry.added'),
    ]);
    expect(events.map((event) => event.data['position'])).toEqual(positions);
  });

  it('PRV-10: concurrent adds, moves and removals keep positions contiguous', async () => {
    const providerId = await enrolProvider(app, 'Busy Queue Home');
    const initial: Entry[] = [];
    for (let i = 0; i < 6; i += 1) initial.push(await add(providerId));
    const [a, b, c, d, e, f] = initial as [Entry, Entry, Entry, Entry, Entry, Entry];
    const replies = await Promise.all([
      call('POST', `/waitlist-entries/${f.id}/move`, { body: { position: 1 } }),
      call('POST', `/waitlist-entries/${b.id}/remove`, { body: { reason: 'Moved away' } }),
      call('POST', '/waitlist-entries', { body: { providerId, clientReference: client() } }),
      call('POST', `/waitlist-entries/${d.id}/move`, { body: { position: 2 } }),
      call('POST', '/waitlist-entries', { body: { providerId, clientReference: client() } }),
      call('PATCH', `/waitlist-entries/${e.id}`, { body: { priority: 'high' } }),
      call('POST', `/waitlist-entries/${a.id}/move`, { body: { direction: 'down' } }),
    ]);
    for (const reply of replies) expect([200, 201]).toContain(reply.status);
    const stored = await queue(providerId);
    expect(stored).toHaveLength(7);
    expect(stored.map((entry) => entry.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(stored.map((entry) => entry.id)).size).toBe(7);
    expect(stored.map((entry) => entry.id)).not.toContain(b.id);
    expect(stored.map((entry) => entry.id)).toEqual(
      expect.arrayContaining([a.id, c.id, d.id, e.id, f.id]),
    );
  });
});

describe('moving entries (PRV-10)', () => {
  it('PRV-10: manual moves up, down and to a position renumber the others; each is announced once', async () => {
    const providerId = await enrolProvider(app, 'Moving Home');
    const entries: Entry[] = [];
    for (let i = 0; i < 4; i += 1) entries.push(await add(providerId));
    const [a, b, c, d] = entries.map((entry) => entry.id) as [string, string, string, string];

    const up = await call<Entry>('POST', `/waitlist-entries/${c}/move`, {
      body: { direction: 'up' },
    });
    expect(up).toMatchObject({ status: 200, body: { position: 2 } });
    await expectQueue(providerId, [a, c, b, d]);

    const down = await call<Entry>('POST', `/waitlist-entries/${a}/move`, {
      body: { direction: 'down' },
    });
    expect(down.body.position).toBe(2);
    await expectQueue(providerId, [c, a, b, d]);

    const toFirst = await call<Entry>('POST', `/waitlist-entries/${d}/move`, {
      body: { position: 1 },
    });
    expect(toFirst.body.position).toBe(1);
    await expectQueue(providerId, [d, c, a, b]);

    const events = await expectListEvents(providerId, [
      ...Array<string>(4).fill('waitlist-entry.added'),
      'waitlist-entry.moved',
      'waitlist-entry.moved',
      'waitlist-entry.moved',
    ]);
    expect(events.at(-1)).toMatchObject({
      aggregateType: 'waitlist',
      data: { entryId: d, fromPosition: 4, position: 1, queue: [d, c, a, b] },
    });

    // the first cannot move up, the last not down: 409 naming PRV-10, no event
    const firstUp = await withoutEvents(app, () =>
      call<Problem>('POST', `/waitlist-entries/${d}/move`, { body: { direction: 'up' } }),
    );
    expectProblem(firstUp, 409);
    expect(firstUp.body.rule).toBe('PRV-10');
    const lastDown = await withoutEvents(app, () =>
      call<Problem>('POST', `/waitlist-entries/${b}/move`, { body: { direction: 'down' } }),
    );
    expectProblem(lastDown, 409);
    expectFieldError(
      await withoutEvents(app, () =>
        call<Problem>('POST', `/waitlist-entries/${b}/move`, { body: { position: 5 } }),
      ),
      'position',
      'PRV-10',
    );
    expectFieldError(
      await call<Problem>('POST', `/waitlist-entries/${b}/move`, {
        body: { direction: 'up', position: 1 },
      }),
      'direction',
      'PRV-10',
    );
    // to where it already is: nothing changes, nothing is announced
    const stay = await withoutEvents(app, () =>
      call<Entry>('POST', `/waitlist-entries/${b}/move`, { body: { position: 4 } }),
    );
    expect(stay.body.position).toBe(4);
  });

  it('PRV-10: move by priority — a raised entry passes the lower priorities just ahead of it, not an equal one', async () => {
    const providerId = await enrolProvider(app, 'Priority Home');
    const h1 = await add(providerId, { priority: 'high' });
    const m1 = await add(providerId, { priority: 'medium' });
    const l1 = await add(providerId, { priority: 'low' });
    const x = await add(providerId, { priority: 'low' });

    const raised = await call<Entry>('PATCH', `/waitlist-entries/${x.id}`, {
      body: { priority: 'medium' },
    });
    expect(raised.body).toMatchObject({ priority: 'medium', position: 3 });
    await expectQueue(providerId, [h1.id, m1.id, x.id, l1.id]);

    const lowered = await call<Entry>('PATCH', `/waitlist-entries/${h1.id}`, {
      body: { priority: 'low' },
    });
    expect(lowered.body).toMatchObject({ priority: 'low', position: 3 });
    await expectQueue(providerId, [m1.id, x.id, h1.id, l1.id]);

    const events = await expectListEvents(providerId, [
      ...Array<string>(4).fill('waitlist-entry.added'),
      'waitlist-entry.updated',
      'waitlist-entry.updated',
    ]);
    expect(events.at(-2)?.data).toMatchObject({
      entryId: x.id,
      changed: ['priority'],
      priority: 'medium',
      fromPosition: 4,
      position: 3,
      queue: [h1.id, m1.id, x.id, l1.id],
    });

    // notes only: no move
    const noted = await call<Entry>('PATCH', `/waitlist-entries/${l1.id}`, {
      body: { notes: 'Family visit on Fridays' },
    });
    expect(noted.body).toMatchObject({ notes: 'Family visit on Fridays', position: 4 });
    expectProblem(await call<Problem>('PATCH', `/waitlist-entries/${l1.id}`, { body: {} }), 400);
  });
});

describe('leaving the waitlist (PRV-10)', () => {
  it('PRV-10: allocating a place for a future period makes a reservation; the entry is allocated and the gap closes', async () => {
    const providerId = await enrolProvider(app, 'Allocation Home');
    const serviceId = await providerService(providerId, placeProductId);
    const first = await add(providerId, { providerServiceId: serviceId, clientName: 'Jamie Doe' });
    const second = await add(providerId, { providerServiceId: serviceId });
    const third = await add(providerId, { providerServiceId: serviceId });
    const from = daysFrom(today(), 10);
    const to = daysFrom(today(), 100);
    const placeId = randomUUID();

    const allocated = await call<Entry>('POST', `/waitlist-entries/${first.id}/allocate`, {
      body: { from, to, placeId },
    });
    expect(allocated).toMatchObject({
      status: 200,
      body: {
        status: 'allocated',
        position: null,
        left: { on: today(), lastPosition: 1 },
        allocation: { kind: 'reservation', from, to, placeId },
      },
    });
    await expectQueue(serviceId, [second.id, third.id], providerId);

    const [, , , event] = await expectListEvents(serviceId, [
      'waitlist-entry.added',
      'waitlist-entry.added',
      'waitlist-entry.added',
      'waitlist-entry.allocated',
    ]);
    expect(event).toMatchObject({
      aggregateType: 'waitlist',
      aggregateId: serviceId,
      actor: { userId: CASE_WORKER },
      data: {
        entryId: first.id,
        providerId,
        providerServiceId: serviceId,
        serviceProductId: placeProductId,
        clientReference: first.clientReference,
        clientName: 'Jamie Doe',
        kind: 'reservation',
        from,
        to,
        placeId,
        allocatedOn: today(),
        lastPosition: 1,
        queue: [second.id, third.id],
      },
    });

    // allocating again: 409 naming PRV-10, no event
    const twice = await withoutEvents(app, () =>
      call<Problem>('POST', `/waitlist-entries/${first.id}/allocate`, { body: {} }),
    );
    expectProblem(twice, 409);
    expect(twice.body.rule).toBe('PRV-10');
    const moveAllocated = await withoutEvents(app, () =>
      call<Problem>('POST', `/waitlist-entries/${first.id}/move`, { body: { direction: 'up' } }),
    );
    expectProblem(moveAllocated, 409);
  });

  it('PRV-10: a period starting today makes a placement; one starting in the past is refused (400 naming from)', async () => {
    const providerId = await enrolProvider(app, 'Placement Now Home');
    const serviceId = await providerService(providerId, placeProductId);
    const entry = await add(providerId, { providerServiceId: serviceId });
    const past = await withoutEvents(app, () =>
      call<Problem>('POST', `/waitlist-entries/${entry.id}/allocate`, {
        body: { from: daysFrom(today(), -1) },
      }),
    );
    expectFieldError(past, 'from', 'PRV-10');
    const backwards = await call<Problem>('POST', `/waitlist-entries/${entry.id}/allocate`, {
      body: { from: daysFrom(today(), 5), to: daysFrom(today(), 4) },
    });
    expectFieldError(backwards, 'to', 'PRV-10');

    const placed = await call<Entry>('POST', `/waitlist-entries/${entry.id}/allocate`, {
      body: {},
    });
    expect(placed.body).toMatchObject({
      status: 'allocated',
      allocation: { kind: 'placement', from: today(), to: null, placeId: null },
    });
    const [, event] = await expectListEvents(serviceId, [
      'waitlist-entry.added',
      'waitlist-entry.allocated',
    ]);
    expect(event?.data).toMatchObject({ kind: 'placement', from: today(), to: null, queue: [] });
  });

  it('PRV-10: only entries waiting for a placement are allocated a place (409 naming PRV-10)', async () => {
    const providerId = await enrolProvider(app, 'Day Service Home');
    const entry = await add(providerId);
    const refused = await withoutEvents(app, () =>
      call<Problem>('POST', `/waitlist-entries/${entry.id}/allocate`, { body: {} }),
    );
    expectProblem(refused, 409);
    expect(refused.body.rule).toBe('PRV-10');
    // a provider-level entry may wait for a placement
    const placementEntry = await add(providerId, { placement: true });
    const allocated = await call<Entry>('POST', `/waitlist-entries/${placementEntry.id}/allocate`, {
      body: { from: daysFrom(today(), 30) },
    });
    expect(allocated.body.allocation).toMatchObject({ kind: 'reservation' });
  });

  it('PRV-10: removing an entry needs a reason and closes the gap; announced once', async () => {
    const providerId = await enrolProvider(app, 'Removal Home');
    const a = await add(providerId);
    const b = await add(providerId);
    const c = await add(providerId);
    expectFieldError(
      await withoutEvents(app, () =>
        call<Problem>('POST', `/waitlist-entries/${b.id}/remove`, { body: {} }),
      ),
      'reason',
    );
    const removed = await call<Entry>('POST', `/waitlist-entries/${b.id}/remove`, {
      body: { reason: 'Client no longer needs the service' },
    });
    expect(removed.body).toMatchObject({
      status: 'removed',
      position: null,
      left: { lastPosition: 2, reason: 'Client no longer needs the service' },
    });
    await expectQueue(providerId, [a.id, c.id]);
    const events = await expectListEvents(providerId, [
      'waitlist-entry.added',
      'waitlist-entry.added',
      'waitlist-entry.added',
      'waitlist-entry.removed',
    ]);
    expect(events.at(-1)?.data).toMatchObject({
      entryId: b.id,
      reason: 'Client no longer needs the service',
      lastPosition: 2,
      queue: [a.id, c.id],
    });
    const again = await withoutEvents(app, () =>
      call<Problem>('POST', `/waitlist-entries/${b.id}/remove`, { body: { reason: 'Twice' } }),
    );
    expectProblem(again, 409);
    expect(again.body.rule).toBe('PRV-10');
    // the client may join the list again
    expect((await add(providerId, { clientReference: b.clientReference })).position).toBe(3);
  });

  it('PRV-10: entries past their expiry date expire and leave the queue; the run is idempotent', async () => {
    const providerId = await enrolProvider(app, 'Expiry Home');
    const keep1 = await add(providerId, { expiryDate: FAR_EXPIRY });
    const lapse1 = await add(providerId, { expiryDate: today() });
    const keep2 = await add(providerId, { expiryDate: today() });
    const lapse2 = await add(providerId, { expiryDate: today() });
    // time passes: the lapsing entries' last day to wait was yesterday
    await app.query(
      'update waitlist_entry set expiry_date = $1, review_date = $1 where id = any($2)',
      [daysFrom(today(), -1), [lapse1.id, lapse2.id]],
    );

    const run = await call<{ onDate: string; expiredEntryIds: string[] }>(
      'POST',
      '/waitlist-entries/expiry-runs',
      { body: {} },
    );
    expect(run.status).toBe(200);
    expect(run.body.onDate).toBe(today());
    expect([...run.body.expiredEntryIds].sort()).toEqual([lapse1.id, lapse2.id].sort());
    // an entry may still wait on its expiry date itself
    await expectQueue(providerId, [keep1.id, keep2.id]);
    const expired = await call<Entry>('GET', `/waitlist-entries/${lapse1.id}`);
    expect(expired.body).toMatchObject({
      status: 'expired',
      position: null,
      left: { lastPosition: 2 },
    });

    const events = await expectListEvents(providerId, [
      ...Array<string>(4).fill('waitlist-entry.added'),
      'waitlist-entry.expired',
      'waitlist-entry.expired',
    ]);
    expect(events.at(-2)?.data).toMatchObject({
      entryId: lapse1.id,
      onDate: today(),
      lastPosition: 2,
      queue: [keep1.id, keep2.id, lapse2.id],
    });
    expect(events.at(-1)?.data).toMatchObject({
      entryId: lapse2.id,
      lastPosition: 3,
      queue: [keep1.id, keep2.id],
    });

    const rerun = await withoutEvents(app, () =>
      call<{ expiredEntryIds: string[] }>('POST', '/waitlist-entries/expiry-runs', {
        body: { onDate: today() },
      }),
    );
    expect(rerun.body.expiredEntryIds).toEqual([]);
    expectFieldError(
      await call<Problem>('POST', '/waitlist-entries/expiry-runs', {
        body: { onDate: daysFrom(today(), 1) },
      }),
      'onDate',
      'PRV-10',
    );
    const expiredList = await call<Page<Entry>>(
      'GET',
      `/waitlist-entries?providerId=${providerId}&status=expired`,
    );
    expect(expiredList.body.items.map((entry) => entry.id).sort()).toEqual(
      [lapse1.id, lapse2.id].sort(),
    );
  });

  it('PRV-10: the expireWaitlistEntries activity expires for the date it is given, idempotently', async () => {
    const providerId = await enrolProvider(app, 'Activity Expiry Home');
    const lapsing = await add(providerId, { expiryDate: '2080-06-30' });
    const waiting = await add(providerId, { expiryDate: FAR_EXPIRY });
    const orm: MikroORM = await openProvidersDatabase(app.databaseUrl);
    try {
      const activities = createProvidersActivities(orm);
      const input = { onDate: '2080-07-01', workflowId: `waitlist-expiry/2080-07-01` };
      const first = await activities.expireWaitlistEntries(input);
      // (entries of other tests that expire before 2080 expire too)
      expect(first.onDate).toBe('2080-07-01');
      expect(first.expiredEntryIds).toContain(lapsing.id);
      expect(first.expiredEntryIds).not.toContain(waiting.id);
      expect(await activities.expireWaitlistEntries(input)).toEqual({
        onDate: '2080-07-01',
        expiredEntryIds: [],
      });
    } finally {
      await orm.close();
    }
    await expectQueue(providerId, [waiting.id]);
    const [, , expired] = await expectListEvents(providerId, [
      'waitlist-entry.added',
      'waitlist-entry.added',
      'waitlist-entry.expired',
    ]);
    expect(expired).toMatchObject({
      correlationId: 'waitlist-expiry/2080-07-01',
      actor: { userId: 'system' },
      data: { entryId: lapsing.id, expiryDate: '2080-06-30', onDate: '2080-07-01' },
    });
  });

  it('PRV-10: the allocateWaitlistEntry activity (an accepted waitlist offer) allocates as the case worker, idempotently; an entry that left the list is refused', async () => {
    const providerId = await enrolProvider(app, 'Offer Acceptance Home');
    const offered = await add(providerId, { placement: true });
    const removed = await add(providerId, { placement: true });
    await call('POST', `/waitlist-entries/${removed.id}/remove`, { body: { reason: 'Moved' } });
    const placeId = randomUUID();
    const orm: MikroORM = await openProvidersDatabase(app.databaseUrl);
    try {
      const activities = createProvidersActivities(orm);
      const input = {
        entryId: offered.id,
        from: daysFrom(today(), 7),
        to: null,
        placeId,
        allocatedBy: 'cw.chen',
        workflowId: 'waitlist-offer/test',
      };
      await expect(activities.allocateWaitlistEntry(input)).resolves.toEqual({
        entryId: offered.id,
        outcome: 'allocated',
      });
      await expect(activities.allocateWaitlistEntry(input)).resolves.toEqual({
        entryId: offered.id,
        outcome: 'already-allocated',
      });
      await expect(
        activities.allocateWaitlistEntry({ ...input, entryId: removed.id }),
      ).rejects.toMatchObject({ type: 'PRV-10', nonRetryable: true });
    } finally {
      await orm.close();
    }
    const events = await expectListEvents(providerId, [
      'waitlist-entry.added',
      'waitlist-entry.added',
      'waitlist-entry.removed',
      'waitlist-entry.allocated',
    ]);
    expect(events.at(-1)).toMatchObject({
      correlationId: 'waitlist-offer/test',
      actor: { userId: 'cw.chen' },
      data: { entryId: offered.id, kind: 'reservation', placeId, to: null },
    });
  });
});

describe('searching waitlists (PRV-10)', () => {
  it('PRV-10: search by client, status, priority, provider, provider service and review due, with pagination', async () => {
    const providerId = await enrolProvider(app, 'Search Home');
    const serviceId = await providerService(providerId, placeProductId);
    const ref = client();
    const high = await add(providerId, {
      clientReference: ref,
      clientName: 'Alex Moreno',
      priority: 'high',
      expiryDate: '2099-03-31',
      reviewDate: '2099-01-15',
    });
    const low = await add(providerId, { priority: 'low', expiryDate: FAR_EXPIRY });
    const onService = await add(providerId, {
      providerServiceId: serviceId,
      clientName: 'Sam Moreno',
      reviewDate: '2099-02-01',
    });
    await call('POST', `/waitlist-entries/${onService.id}/allocate`, {
      body: { from: daysFrom(today(), 3) },
    });

    const ids = (query: string) =>
      listIds(app, `/waitlist-entries?providerId=${providerId}&${query}`, CASE_WORKER);
    expect(await ids('')).toEqual([high.id, low.id, onService.id]);
    expect(await ids(`clientReference=${ref}`)).toEqual([high.id]);
    expect(await ids('clientName=moreno')).toEqual([high.id, onService.id]);
    expect(await ids('status=allocated')).toEqual([onService.id]);
    expect(await ids('status=waiting&priority=low')).toEqual([low.id]);
    expect(await ids(`providerServiceId=${serviceId}`)).toEqual([onService.id]);
    expect(await ids('providerLevel=true')).toEqual([high.id, low.id]);
    expect(await ids('placement=true')).toEqual([onService.id]);
    // review due: waiting entries only (the allocated one's review no longer matters)
    expect(await ids('reviewDueBy=2099-02-01')).toEqual([high.id]);
    expect(await ids('reviewDueBy=2099-12-17')).toEqual([high.id, low.id]);
    expect(await ids('reviewDueBy=2099-01-14')).toEqual([]);

    const page = await call<Page<Entry>>(
      'GET',
      `/providers/${providerId}/waitlist-entries?limit=1&offset=1`,
    );
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.body.items.map((entry) => entry.id)).toEqual([low.id]);

    expectFieldError(await call<Problem>('GET', '/waitlist-entries?status=pending'), 'status');
    const badDay = await call<Problem>('GET', '/waitlist-entries?reviewDueBy=2099-02-30');
    expectFieldError(badDay, 'reviewDueBy');
  });
});

describe('who may manage and read waitlists (ROLE, SS-3)', () => {
  it("SS-3: a provider's token reads its own waitlists and gets 404 for another provider's", async () => {
    const otherId = await enrolProvider(app, 'Not Sunrise Home');
    const foreign = await add(otherId);
    const mine = await add(DEMO_PROVIDER_ID);

    const own = await call<Entry>('GET', `/waitlist-entries/${mine.id}`, { user: PROVIDER_USER });
    expect(own).toMatchObject({ status: 200, body: { id: mine.id, providerId: DEMO_PROVIDER_ID } });
    const ownList = await call<Page<Entry>>(
      'GET',
      `/providers/${DEMO_PROVIDER_ID}/waitlist-entries`,
      {
        user: PROVIDER_USER,
      },
    );
    expect(ownList.body.items.map((entry) => entry.id)).toContain(mine.id);
    const all = await call<Page<Entry>>('GET', '/waitlist-entries?limit=200', {
      user: PROVIDER_USER,
    });
    expect([...new Set(all.body.items.map((entry) => entry.providerId))]).toEqual([
      DEMO_PROVIDER_ID,
    ]);

    expectProblem(
      await call<Problem>('GET', `/waitlist-entries/${foreign.id}`, { user: PROVIDER_USER }),
      404,
    );
    expectProblem(
      await call<Problem>('GET', `/providers/${otherId}/waitlist-entries`, { user: PROVIDER_USER }),
      404,
    );
    expectProblem(
      await call<Problem>('GET', `/waitlist-entries?providerId=${otherId}`, {
        user: PROVIDER_USER,
      }),
      404,
    );
  });

  it('ROLE: operators read but do not manage; finance users, administrators and providers cannot add (403)', async () => {
    const providerId = await enrolProvider(app, 'Guarded Waitlist Home');
    const entry = await add(providerId);
    const read = await call<Entry>('GET', `/waitlist-entries/${entry.id}`, { user: 'ops.omar' });
    expect(read.status).toBe(200);
    for (const user of ['ops.omar', 'fin.fatima', ADMIN, PROVIDER_USER]) {
      expectProblem(
        await withoutEvents(app, () =>
          call<Problem>('POST', '/waitlist-entries', {
            user,
            body: { providerId, clientReference: client() },
          }),
        ),
        403,
      );
    }
    for (const [method, path, body] of [
      ['POST', `/waitlist-entries/${entry.id}/move`, { direction: 'down' }],
      ['PATCH', `/waitlist-entries/${entry.id}`, { priority: 'high' }],
      ['POST', `/waitlist-entries/${entry.id}/remove`, { reason: 'x' }],
      ['POST', '/waitlist-entries/expiry-runs', {}],
    ] as const) {
      expectProblem(await call<Problem>(method, path, { user: 'ops.omar', body }), 403);
      expectProblem(await call<Problem>(method, path, { user: PROVIDER_USER, body }), 403);
    }
    // resource managers, supervisors and facility managers manage waitlists like case workers
    for (const user of [RM, 'sup.sato', 'fm.fischer']) {
      expect((await add(providerId, {}, user)).status).toBe('waiting');
    }
  });
});
