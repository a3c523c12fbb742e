import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { SmtpSink, type ReceivedMail } from '@platform/notifications/smtp-sink';
import { loadTasksConfig } from '../src/config.js';
import { taskMailerFrom } from '../src/notifications/task-mailer.js';
import { createTasksActivities } from '../src/tasks/task-activities.js';
import { feedRequest } from './support/feed.js';
import { startTasksApp, type TasksApp } from './support/tasks-app.js';

/**
 * Reminders and escalations of tasks (WF-1, WF-2) as the workflows send them: the activities on the
 * real database, email over real SMTP into a local sink, the in-app feed over HTTP.
 */
let sink: SmtpSink;
let app: TasksApp;

beforeAll(async () => {
  sink = await SmtpSink.start();
  app = await startTasksApp({ smtpUrl: sink.url });
});

afterAll(async () => {
  await app?.close();
  await sink?.stop();
});

interface TaskView {
  id: string;
  priority: string;
  assignee: string | null;
  escalatedAt: string | null;
  escalatedTo: string[] | null;
}

const feed = async (user: string, query = '') => (await feedRequest(app, user, query)).body;
const feedFor = async (user: string, taskId: string) =>
  (await feed(user, `taskId=${taskId}`)).items;
const mailsAbout = (taskId: string) => (mail: ReceivedMail) =>
  mail.headers['x-platform-idempotency-key']?.includes(taskId) ?? false;
const mailCount = (taskId: string) => sink.messages.filter(mailsAbout(taskId)).length;
const renewalRoles = ['role:resource-manager', 'role:resource-manager-supervisor'];
const claim = (id: string, user: string) => app.request('POST', `/tasks/${id}/claim`, { user });
const task = async (id: string) =>
  (await app.request<TaskView>('GET', `/tasks/${id}`, { user: 'sup.sato' })).body;
const historyOf = async (id: string) =>
  (
    await app.request<{ action: string; actor: string; details: Record<string, unknown> }[]>(
      'GET',
      `/tasks/${id}/history`,
      { user: 'sup.sato' },
    )
  ).body;
const renewalTask = () =>
  app.createTask({
    queue: 'licence-renewals',
    title: 'Licence renewal: Sunrise',
    subject: { type: 'licence', id: randomUUID() },
    allowedOutcomes: ['renew', 'non-compliant'],
  });

describe('reminders (WF-2)', () => {
  it('WF-2: a reminder of an unclaimed task reaches every member role of its queue, in the feed and by email', async () => {
    const id = await renewalTask();
    const notified = await app.activities.remindTask({
      taskId: id,
      requestKey: `${id}/reminder-30d`,
      message: 'Licence expires in 30 days',
    });

    expect(notified).toEqual({ taskId: id, recipients: renewalRoles, assignee: null, sent: true });
    const mails = await sink.waitFor(mailsAbout(id), 2);
    expect(mails.flatMap((mail) => mail.envelopeTo).sort()).toEqual([
      'resource-manager-supervisor@agency.example',
      'resource-manager@agency.example',
    ]);
    expect(mails[0]?.subject).toBe('Reminder: Licence renewal: Sunrise');
    expect(mails[0]?.text).toContain('Licence expires in 30 days');
    expect(await feedFor('rm.rivera', id)).toMatchObject([
      { kind: 'reminder', recipient: { role: 'resource-manager' }, taskId: id, read: false },
    ]);
    expect(await feedFor('sup.sato', id)).toMatchObject([
      { kind: 'reminder', recipient: { role: 'resource-manager-supervisor' } },
    ]);
    expect(await feedFor('cw.chen', id)).toEqual([]);
    expect((await historyOf(id)).at(-1)).toMatchObject({
      action: 'reminded',
      actor: 'system',
      details: { message: 'Licence expires in 30 days' },
    });
  });

  it('WF-2: a reminder of a claimed task reaches the assignee only, and raises its priority (never lowers it)', async () => {
    const id = await renewalTask();
    await claim(id, 'rm.rivera');
    const notified = await app.activities.remindTask({
      taskId: id,
      requestKey: `${id}/reminder-7d`,
      message: 'Licence expires in 7 days',
      priority: 'high',
    });

    expect(notified).toMatchObject({ recipients: ['rm.rivera'], assignee: 'rm.rivera' });
    const [mail] = await sink.waitFor(mailsAbout(id));
    expect(mail?.envelopeTo).toEqual(['rm.rivera@agency.example']);
    expect(await feedFor('rm.rivera', id)).toMatchObject([{ recipient: { userId: 'rm.rivera' } }]);
    expect(await feedFor('sup.sato', id)).toEqual([]);
    expect((await task(id)).priority).toBe('high');

    await app.activities.remindTask({
      taskId: id,
      requestKey: `${id}/reminder-1d`,
      message: 'Licence expires tomorrow',
      priority: 'low',
    });
    expect((await task(id)).priority).toBe('high');
  });

  it('WF-2: a repeated reminder with the same request key sends nothing more', async () => {
    const id = await renewalTask();
    const input = { taskId: id, requestKey: `${id}/reminder-30d`, message: 'Expires soon' };
    const first = await app.activities.remindTask(input);
    await sink.waitFor(mailsAbout(id), 2);
    // A retry on a restarted worker: a fresh mailer that remembers nothing in memory.
    const freshMailer = taskMailerFrom(loadTasksConfig({ SMTP_URL: sink.url }));
    const restarted = createTasksActivities(app.orm, freshMailer);
    const again = await restarted.remindTask(input);
    const racing = await Promise.all([restarted.remindTask(input), restarted.remindTask(input)]);
    freshMailer?.close();

    expect(first.sent).toBe(true);
    expect([again, ...racing].map((notified) => notified.sent)).toEqual([false, false, false]);
    expect(again.recipients).toEqual(first.recipients);
    // The sink stores a message before it acknowledges it, so every email sent is counted here.
    expect(mailCount(id)).toBe(2);
    expect((await feed('rm.rivera', `taskId=${id}`)).total).toBe(1);
    expect((await feed('sup.sato', `taskId=${id}`)).total).toBe(1);
    expect((await historyOf(id)).filter((row) => row.action === 'reminded')).toHaveLength(1);
  });

  it('WF-2: a failed email fails the activity (to be retried); the retry sends only the missing emails', async () => {
    const id = await renewalTask();
    const input = { taskId: id, requestKey: `${id}/reminder-30d`, message: 'Expires soon' };
    const unreachable = taskMailerFrom(
      loadTasksConfig({ SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` }),
    );
    const broken = createTasksActivities(app.orm, unreachable);

    await expect(broken.remindTask(input)).rejects.toThrow(/could not be sent/);
    unreachable?.close();
    expect((await feed('rm.rivera', `taskId=${id}`)).total).toBe(1);
    expect(mailCount(id)).toBe(0);

    const retried = await app.activities.remindTask(input);
    expect(retried).toMatchObject({ sent: false, recipients: renewalRoles });
    expect(mailCount(id)).toBe(2);
    expect((await feed('rm.rivera', `taskId=${id}`)).total).toBe(1);
    expect((await feed('sup.sato', `taskId=${id}`)).total).toBe(1);
  });

  it('WF-2: reminding a task that does not exist is a non-retryable failure', async () => {
    await expect(
      app.activities.remindTask({ taskId: randomUUID(), requestKey: randomUUID(), message: 'x' }),
    ).rejects.toMatchObject({ type: 'TaskNotFound', nonRetryable: true });
  });
});

describe('escalations (WF-1)', () => {
  const homeStudyTask = () =>
    app.createTask({
      queue: 'supervisor-approvals',
      title: 'Home study: Sunrise',
      subject: { type: 'home-study', id: randomUUID() },
      allowedOutcomes: ['approve', 'reject', 'return'],
      deciderRoles: ['resource-manager-supervisor'],
    });

  it('WF-1: an overdue task is escalated: urgent, marked, in its history, to the supervisor roles and the assignee', async () => {
    const id = await homeStudyTask();
    await claim(id, 'sup.sato');
    const notified = await app.activities.escalateTask({
      taskId: id,
      requestKey: `${id}/escalation`,
      message: 'Undecided for 10 business days',
    });

    expect(notified).toEqual({
      taskId: id,
      recipients: ['role:resource-manager-supervisor', 'sup.sato'],
      assignee: 'sup.sato',
      sent: true,
    });
    const escalated = await task(id);
    expect(escalated).toMatchObject({
      priority: 'urgent',
      escalatedTo: ['resource-manager-supervisor'],
    });
    expect(escalated.escalatedAt).not.toBeNull();
    expect((await historyOf(id)).at(-1)).toMatchObject({
      action: 'escalated',
      actor: 'system',
      details: { toRoles: ['resource-manager-supervisor'], assignee: 'sup.sato' },
    });
    const mails = await sink.waitFor(mailsAbout(id), 2);
    expect(mails.flatMap((mail) => mail.envelopeTo).sort()).toEqual([
      'resource-manager-supervisor@agency.example',
      'sup.sato@agency.example',
    ]);
    expect(
      mails.every((mail) => mail.headers['x-platform-notification-kind'] === 'escalation'),
    ).toBe(true);
    expect((await feedFor('sup.sato', id)).map((item) => item.recipient)).toEqual(
      expect.arrayContaining([{ role: 'resource-manager-supervisor' }, { userId: 'sup.sato' }]),
    );

    const list = await app.request<{ items: TaskView[] }>(
      'GET',
      `/tasks?escalated=true&queue=supervisor-approvals`,
      { user: 'sup.sato' },
    );
    expect(list.body.items.map((item) => item.id)).toContain(id);
    const notEscalated = await app.request<{ items: TaskView[] }>(
      'GET',
      `/tasks?escalated=false&queue=supervisor-approvals`,
      { user: 'sup.sato' },
    );
    expect(notEscalated.body.items.map((item) => item.id)).not.toContain(id);
  });

  it('WF-2: an escalation goes to the roles the workflow names, once per request key', async () => {
    const id = await renewalTask();
    const input = {
      taskId: id,
      requestKey: `${id}/escalation`,
      message: 'Licence expired undecided',
      toRoles: ['facility-manager' as const],
    };
    const first = await app.activities.escalateTask(input);
    const again = await app.activities.escalateTask(input);

    expect(first).toMatchObject({ recipients: ['role:facility-manager'], sent: true });
    expect(again).toMatchObject({ recipients: ['role:facility-manager'], sent: false });
    expect(await feedFor('fm.fischer', id)).toHaveLength(1);
    expect((await historyOf(id)).filter((row) => row.action === 'escalated')).toHaveLength(1);
    expect(mailCount(id)).toBe(1);
  });
});

describe('task details updated by the process (WF-4)', () => {
  const exceptionTask = () =>
    app.createTask({
      queue: 'finance-exceptions',
      title: 'Invoice INV-2026-0042 line 3: 1 reason',
      subject: { type: 'invoice-line-item', id: randomUUID() },
      allowedOutcomes: ['resubmit', 'deny'],
      outcomesRequiringReason: ['deny'],
      deciderRoles: ['finance-user'],
      details: ['FIN-4 · not-enough-unbilled-units: 12 units billed, 10 unbilled'],
    });
  const stored = async (id: string) => {
    const [row] = await app.query<{ title: string; details: string[]; status: string }>(
      'select title, details, status from task where id = $1',
      [id],
    );
    return row;
  };
  const detailRows = async (id: string) =>
    app.query<{
      actor: string;
      reason: string | null;
      request_key: string | null;
      details: unknown;
    }>(
      `select actor, reason, request_key, details from task_history
        where task_id = $1 and action = 'details-updated' order by id`,
      [id],
    );
  const newReasons = [
    'FIN-4 · authorization-not-active: The authorization ended on 2026-02-28',
    'Modify the line item, then resubmit it; or deny it with a reason',
  ];

  it('WF-4: the process replaces the details and title of an open task and records why in its history', async () => {
    const id = await exceptionTask();
    await app.activities.updateTaskDetails({
      taskId: id,
      requestKey: `${id}/details/2`,
      title: 'Invoice INV-2026-0042 line 3: still failing (attempt 2)',
      details: newReasons,
      note: 'Resubmitted by fu.fong; still failing (attempt 2)',
    });

    expect(await stored(id)).toEqual({
      title: 'Invoice INV-2026-0042 line 3: still failing (attempt 2)',
      details: newReasons,
      status: 'open',
    });
    expect(await detailRows(id)).toEqual([
      {
        actor: 'system',
        reason: 'Resubmitted by fu.fong; still failing (attempt 2)',
        request_key: `${id}/details/2`,
        details: {
          title: 'Invoice INV-2026-0042 line 3: still failing (attempt 2)',
          details: newReasons,
        },
      },
    ]);
  });

  it('WF-4: without a title only the details change', async () => {
    const id = await exceptionTask();
    await app.activities.updateTaskDetails({
      taskId: id,
      requestKey: `${id}/details/2`,
      details: newReasons,
      note: 'Still failing',
    });
    expect(await stored(id)).toMatchObject({
      title: 'Invoice INV-2026-0042 line 3: 1 reason',
      details: newReasons,
    });
  });

  it('WF-4: a retried update with the same request key changes and records nothing twice', async () => {
    const id = await exceptionTask();
    const input = {
      taskId: id,
      requestKey: `${id}/details/2`,
      details: newReasons,
      note: 'Still failing (attempt 2)',
    };
    await app.activities.updateTaskDetails(input);
    // Meanwhile a later update replaced the details: the retry of the first must not undo it.
    await app.activities.updateTaskDetails({
      ...input,
      requestKey: `${id}/details/3`,
      details: ['FIN-4 · attempt 3'],
      note: 'Still failing (attempt 3)',
    });
    await Promise.all([
      app.activities.updateTaskDetails(input),
      app.activities.updateTaskDetails(input),
    ]);

    expect((await stored(id))?.details).toEqual(['FIN-4 · attempt 3']);
    expect((await detailRows(id)).map((row) => row.reason)).toEqual([
      'Still failing (attempt 2)',
      'Still failing (attempt 3)',
    ]);
  });

  it('WF-4: a completed task is left as it was', async () => {
    const id = await exceptionTask();
    await app.activities.completeTask({
      taskId: id,
      outcome: 'resubmitted',
      decidedBy: 'fu.fong',
      reason: null,
    });
    await app.activities.updateTaskDetails({
      taskId: id,
      requestKey: `${id}/details/2`,
      title: 'changed',
      details: newReasons,
      note: 'Still failing',
    });

    expect(await stored(id)).toEqual({
      title: 'Invoice INV-2026-0042 line 3: 1 reason',
      details: ['FIN-4 · not-enough-unbilled-units: 12 units billed, 10 unbilled'],
      status: 'completed',
    });
    expect(await detailRows(id)).toEqual([]);
  });

  it('WF-4: updating a task that does not exist is a non-retryable failure', async () => {
    await expect(
      app.activities.updateTaskDetails({
        taskId: randomUUID(),
        requestKey: randomUUID(),
        details: [],
        note: 'x',
      }),
    ).rejects.toMatchObject({ type: 'TaskNotFound', nonRetryable: true });
  });
});

/** A port on the loopback interface that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
