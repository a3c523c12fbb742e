import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startPlacementsApp, type PlacementsApp } from './support/placements-app.js';
import { approvedProvider } from './support/provider-facts.js';
import { childClient, inDays } from './support/reservation-fixtures.js';
import { change, expectInvalid, reserved } from './support/reservation-requests.js';

/**
 * PLC-4/PLC-5 notices: each person reads only their own (newest first, paged, unread filter) and
 * marks them read; anyone else's notice is a 404.
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

interface NoticeView {
  noticeId: string;
  recipient: string;
  subjectId: string;
  changedBy: string;
  readAt: string | null;
}
interface NoticePage {
  items: NoticeView[];
  total: number;
  limit: number;
  offset: number;
}

const list = (user: string, query = '') =>
  app.request<NoticePage>('GET', `/notices${query}`, { user });

/** Two notices for cw.chen: a resource manager changes two of their reservations. */
async function twoNoticesForCaseWorker(): Promise<string[]> {
  const ids: string[] = [];
  for (const days of [3, 4]) {
    const reservation = await reserved(app, {
      providerId,
      client: childClient(),
      from: inDays(days),
    });
    await change(app, reservation.reservationId, { to: inDays(days + 5) }, 'rm.rivera');
    ids.push(reservation.reservationId);
  }
  return ids;
}

describe('notices', () => {
  it('PLC-4: a person lists only their own notices, newest first, paged and filtered by unread', async () => {
    const [older, newer] = await twoNoticesForCaseWorker();
    const first = await list('cw.chen', '?limit=1');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(first.body.items.map((n) => n.subjectId)).toEqual([newer]);
    const second = await list('cw.chen', '?limit=1&offset=1');
    expect(second.body.items.map((n) => n.subjectId)).toEqual([older]);
    expect(first.body.items[0]).toMatchObject({ recipient: 'cw.chen', changedBy: 'rm.rivera' });

    const theirs = await list('rm.rivera');
    expect(theirs.body.total).toBe(0);

    const read = await app.request<NoticeView>(
      'POST',
      `/notices/${first.body.items[0]?.noticeId}/read`,
      { user: 'cw.chen' },
    );
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const unread = await list('cw.chen', '?unread=true');
    expect(unread.body.items.map((n) => n.subjectId)).toEqual([older]);
    const readOnes = await list('cw.chen', '?unread=false');
    expect(readOnes.body.items.map((n) => n.subjectId)).toEqual([newer]);
  });

  it("PLC-4: only the recipient marks a notice read; someone else's or an unknown one is 404", async () => {
    const { body } = await list('cw.chen', '?unread=true');
    const notice = body.items[0] as NoticeView;
    const other = await app.request('POST', `/notices/${notice.noticeId}/read`, {
      user: 'rm.rivera',
    });
    expect(other.status).toBe(404);
    const unknown = await app.request('POST', `/notices/${randomUUID()}/read`, { user: 'cw.chen' });
    expect(unknown.status).toBe(404);
    const still = await list('cw.chen', '?unread=true');
    expect(still.body.items.map((n) => n.noticeId)).toContain(notice.noticeId);
  });

  it('rejects bad input with 400 naming the field, and anonymous callers with 401', async () => {
    expectInvalid(await list('cw.chen', '?unread=maybe'), 'unread');
    expectInvalid(await list('cw.chen', '?limit=0'), 'limit');
    expectInvalid(await app.request('POST', '/notices/not-a-uuid/read', { user: 'cw.chen' }), 'id');
    expect((await app.request('GET', '/notices')).status).toBe(401);
  });
});
