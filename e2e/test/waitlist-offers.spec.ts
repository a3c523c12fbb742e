import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { reservationCreated } from '@platform/contracts';
import { eventually } from '@platform/testing';
import {
  approvedProviderWithFacility,
  as,
  day,
  expectStatus,
  placeClient,
  places,
} from './placement-fixtures.js';
import { startEndToEnd, type EndToEnd } from './support.js';

/**
 * PRV-10 across three services and the workflow worker (ADR 0020): a place that frees up at the
 * placements service is offered to the first waiting client of the providers service's waitlist
 * as a task for their case worker; a decline offers it to the next one; an acceptance allocates
 * the entry in the providers service, whose event makes the placements service reserve the place.
 */
let e2e: EndToEnd;

beforeAll(async () => {
  e2e = await startEndToEnd('e2e-waitlist', [reservationCreated], ['rm.rivera', 'cw.chen']);
});

afterAll(async () => {
  await e2e?.stop();
});

interface TaskItem {
  id: string;
  title: string;
  status: string;
  assignee: string | null;
}
interface WaitlistEntry {
  id: string;
  status: string;
}

/** The one open offer task in the waitlist-offers queue, once the offer process opened it. */
const openOfferTask = (about: string) =>
  eventually(async () => {
    const page = expectStatus(
      await as<{ items: TaskItem[] }>(
        e2e,
        'cw.chen',
        'GET',
        `${e2e.platform.tasksUrl}/tasks?queue=waitlist-offers&status=open`,
      ),
      200,
      'offer tasks',
    );
    expect(page.items).toHaveLength(1);
    const [task] = page.items as [TaskItem];
    expect(task.title).toContain(about);
    return task;
  });

const decide = async (taskId: string, body: Record<string, string>) =>
  expectStatus(
    await as(e2e, 'cw.chen', 'POST', `${e2e.platform.tasksUrl}/tasks/${taskId}/decision`, body),
    202,
    'offer decision',
  );

/** Waits until the placements service's copy of the list shows `count` waiting entries. */
async function placementsSeesWaiting(providerId: string, count: number): Promise<void> {
  const db = new pg.Client({ connectionString: e2e.platform.databases.placements.url });
  await db.connect();
  try {
    await eventually(async () => {
      const { rows } = await db.query<{ waiting: number }>(
        `select count(*)::int as waiting from waitlist_entry
          where provider_id = $1 and status = 'waiting'`,
        [providerId],
      );
      expect(rows[0]?.waiting).toBe(count);
    });
  } finally {
    await db.end();
  }
}

describe('waitlist allocation across services (PRV-10)', () => {
  it('PRV-10: a freed bed is offered to the first waiting client’s case worker; declined, it goes to the next; accepted, the entry is allocated and the bed reserved for that client', async () => {
    const home = await approvedProviderWithFacility(
      e2e,
      { name: 'Maple Group Home' },
      { name: 'Maple House', designatedCapacity: 1, physicalCapacity: 1 },
    );
    const [bed] = await places(e2e, home.rootCompartmentId, ['Bed 1']);
    const current = await placeClient(e2e, {
      facilityId: home.facilityId,
      placeId: bed,
      client: { clientId: 'WL-CURRENT' },
      from: day(-30),
    });
    const entries: Record<string, string> = {};
    for (const clientReference of ['WL-FIRST', 'WL-SECOND']) {
      const added = expectStatus(
        await as<WaitlistEntry>(
          e2e,
          'cw.chen',
          'POST',
          `${e2e.platform.providersUrl}/waitlist-entries`,
          {
            providerId: home.providerId,
            clientReference,
            placement: true,
          },
        ),
        201,
        `waitlist ${clientReference}`,
      );
      entries[clientReference] = added.id;
    }
    await placementsSeesWaiting(home.providerId, 2);

    // The current resident leaves today: the bed is free from tomorrow.
    expectStatus(
      await as(
        e2e,
        'cw.chen',
        'POST',
        `${e2e.platform.placementsUrl}/placements/${current.placementId}/end`,
        {
          on: day(0),
          reason: 'Moved to independent living',
        },
      ),
      200,
      'end placement',
    );
    const first = await openOfferTask('WL-FIRST');
    expect(first.assignee).toBe('cw.chen');
    await decide(first.id, { outcome: 'decline', reason: 'Family prefers a home nearer school' });

    const second = await openOfferTask('WL-SECOND');
    await decide(second.id, { outcome: 'accept' });

    const allocated = await eventually(async () => {
      const entry = expectStatus(
        await as<WaitlistEntry>(
          e2e,
          'cw.chen',
          'GET',
          `${e2e.platform.providersUrl}/waitlist-entries/${entries['WL-SECOND']}`,
        ),
        200,
        'entry',
      );
      expect(entry.status).toBe('allocated');
      return entry;
    });
    expect(allocated.id).toBe(entries['WL-SECOND']);
    const reservation = await eventually(async () => {
      const page = expectStatus(
        await as<{ items: Record<string, unknown>[] }>(
          e2e,
          'cw.chen',
          'GET',
          `${e2e.platform.placementsUrl}/reservations?clientId=WL-SECOND`,
        ),
        200,
        'reservations',
      );
      expect(page.items).toHaveLength(1);
      return page.items[0];
    });
    expect(reservation).toMatchObject({
      placeId: bed,
      state: 'active',
      waitlistEntryId: entries['WL-SECOND'],
      from: day(1),
    });
    await eventually(() => {
      const [event] = e2e.events('reservation.created', String(reservation?.reservationId));
      expect(event?.data).toMatchObject({ waitlistEntryId: entries['WL-SECOND'], placeId: bed });
    });
    // The client who declined keeps waiting.
    const stillWaiting = expectStatus(
      await as<WaitlistEntry>(
        e2e,
        'cw.chen',
        'GET',
        `${e2e.platform.providersUrl}/waitlist-entries/${entries['WL-FIRST']}`,
      ),
      200,
      'first entry',
    );
    expect(stillWaiting.status).toBe('waiting');
  });
});
