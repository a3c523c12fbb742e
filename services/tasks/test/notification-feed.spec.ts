import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@platform/contracts';
import { NotificationsService } from '../src/notifications/notifications.service.js';
import { feedRequest, type FeedItem } from './support/feed.js';
import { startTasksApp, type TasksApp } from './support/tasks-app.js';

/**
 * The in-app feed over HTTP, without email configured (no SMTP_URL: the feed is the only channel).
 * Each test works on tasks of its own and filters the feed by them, so tests do not see each other.
 */
let app: TasksApp;

beforeAll(async () => {
  app = await startTasksApp();
});

afterAll(async () => {
  await app?.close();
});

const feed = async (user: string, query: string) => {
  const reply = await feedRequest(app, user, query);
  expect(reply.status).toBe(200);
  return reply.body;
};
const markRead = (id: string, user: string) =>
  app.request<FeedItem>('POST', `/notifications/${id}/read`, { user });
/** An unclaimed licence renewal task, reminded: one notification per member role of its queue. */
async function remindedTask(): Promise<string> {
  const id = await app.createTask({
    queue: 'licence-renewals',
    subject: { type: 'licence', id: randomUUID() },
  });
  await app.activities.remindTask({ taskId: id, requestKey: `${id}/r`, message: 'Due soon' });
  return id;
}

describe('the in-app notification feed (WF-1, WF-2, ROLE)', () => {
  it('WF-2: my feed holds the reminders for my roles, newest first, paged, filtered by kind and unread', async () => {
    const older = await remindedTask();
    const newer = await remindedTask();
    await app.activities.escalateTask({
      taskId: newer,
      requestKey: `${newer}/e`,
      message: 'Overdue',
      toRoles: ['resource-manager'],
    });

    const olderItems = (await feed('rm.rivera', `taskId=${older}`)).items;
    const newerPage = await feed('rm.rivera', `taskId=${newer}`);
    expect(olderItems).toMatchObject([{ kind: 'reminder', read: false }]);
    expect(newerPage.items.map((item) => item.kind)).toEqual(['escalation', 'reminder']);

    const all = await feed('rm.rivera', 'limit=200');
    const ids = all.items.map((item) => item.id);
    const position = (id: string | undefined) => ids.indexOf(id ?? '');
    expect(position(newerPage.items[0]?.id)).toBeLessThan(position(olderItems[0]?.id));
    const page = await feed('rm.rivera', 'limit=1&offset=1');
    expect(page).toMatchObject({ total: all.total, limit: 1, offset: 1 });
    expect(page.items.map((item) => item.id)).toEqual([ids[1]]);

    expect((await feed('rm.rivera', `taskId=${newer}&kind=escalation`)).items).toHaveLength(1);
    const [first] = olderItems;
    expect((await markRead(first?.id ?? '', 'rm.rivera')).body).toMatchObject({ read: true });
    expect((await feed('rm.rivera', `taskId=${older}&unread=true`)).items).toEqual([]);
    expect((await feed('rm.rivera', `taskId=${older}`)).items).toMatchObject([{ read: true }]);
    const badKind = await app.request('GET', '/notifications/mine?kind=whenever', {
      user: 'rm.rivera',
    });
    expect(badKind.status).toBe(400);
  });

  it('ROLE: a notification addressed to someone else cannot be marked read (404), nor seen', async () => {
    const id = await remindedTask();
    const [forManagers] = (await feed('rm.rivera', `taskId=${id}`)).items;
    const notMine = await markRead(forManagers?.id ?? '', 'cw.chen');
    expect(notMine.status).toBe(404);
    expect((await feed('cw.chen', `taskId=${id}`)).items).toEqual([]);
    expect((await markRead(randomUUID(), 'rm.rivera')).status).toBe(404);
    expect((await markRead('not-a-uuid', 'rm.rivera')).status).toBe(400);
    // Marking read twice is fine (idempotent).
    expect((await markRead(forManagers?.id ?? '', 'rm.rivera')).status).toBe(200);
    expect((await markRead(forManagers?.id ?? '', 'rm.rivera')).body).toMatchObject({ read: true });
  });

  it('ROLE: a role notification is read per user: one member reading it leaves it unread for the others', async () => {
    const id = await remindedTask();
    // Two holders of the same role (the seed users have one user per role, hence the service).
    const notifications = new NotificationsService(app.orm);
    const rivera: Actor = { userId: 'rm.rivera', roles: ['resource-manager'] };
    const ramos: Actor = { userId: 'rm.ramos', roles: ['resource-manager'] };
    const window = { limit: 25, offset: 0, taskId: id };
    const [forRole] = (await notifications.mine(rivera, window)).items;
    await notifications.markRead(forRole?.id ?? '', rivera);

    expect((await notifications.mine(rivera, window)).items).toMatchObject([{ read: true }]);
    expect((await notifications.mine(ramos, window)).items).toMatchObject([{ read: false }]);
    expect((await notifications.mine(ramos, { ...window, unread: true })).total).toBe(1);
  });

  it('marking all my notifications read leaves other users’ read state alone', async () => {
    const id = await remindedTask();
    const readAll = await app.request<{ marked: number }>('POST', '/notifications/read-all', {
      user: 'rm.rivera',
    });
    expect(readAll.status).toBe(200);
    expect(readAll.body.marked).toBeGreaterThanOrEqual(1);
    expect((await feed('rm.rivera', 'unread=true')).total).toBe(0);
    expect((await feed('sup.sato', `taskId=${id}&unread=true`)).total).toBe(1);
    const again = await app.request<{ marked: number }>('POST', '/notifications/read-all', {
      user: 'rm.rivera',
    });
    expect(again.body.marked).toBe(0);
  });
});
