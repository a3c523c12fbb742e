import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startTasksApp, type TasksApp } from './support/tasks-app.js';

let app: TasksApp;

beforeAll(async () => {
  app = await startTasksApp();
});

afterAll(async () => {
  await app?.close();
});

interface TaskView {
  id: string;
  assignee: string | null;
  assignedAt: string | null;
  details: string[];
  allowedOutcomes: string[];
  priority: string;
  dueAt: string;
  requiredFields: Record<string, string[]> | null;
}
interface Page {
  items: TaskView[];
  total: number;
  limit: number;
  offset: number;
}
const claim = (id: string, user: string) => app.request('POST', `/tasks/${id}/claim`, { user });
const ids = (page: Page) => page.items.map((task) => task.id);

describe('inbox queries', () => {
  it('"my tasks": open tasks assigned to me, soonest due first, paged', async () => {
    const later = await app.createTask({ dueAt: '2030-03-01T09:00:00.000Z' });
    const sooner = await app.createTask({ dueAt: '2030-02-01T09:00:00.000Z' });
    const overdue = await app.createTask({ dueAt: '2020-01-01T09:00:00.000Z' });
    const someoneElses = await app.createTask();
    for (const id of [later, sooner, overdue]) await claim(id, 'sup.sato');
    await claim(someoneElses, 'rm.rivera');

    const mine = await app.request<Page>('GET', '/tasks/mine', { user: 'sup.sato' });
    expect(mine.status).toBe(200);
    expect(ids(mine.body)).toEqual([overdue, sooner, later]);
    const page2 = await app.request<Page>('GET', '/tasks/mine?limit=1&offset=1', {
      user: 'sup.sato',
    });
    expect(page2.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(ids(page2.body)).toEqual([sooner]);
    const myOverdue = await app.request<Page>('GET', '/tasks/mine?overdue=true', {
      user: 'sup.sato',
    });
    expect(ids(myOverdue.body)).toEqual([overdue]);
  });

  it('the task list filters by queue, assignee, priority, subject, due date and overdue', async () => {
    const subjectId = randomUUID();
    const urgent = await app.createTask({
      queue: 'licence-renewals',
      priority: 'urgent',
      subject: { type: 'licence', id: subjectId },
      dueAt: '2020-06-01T00:00:00.000Z',
    });
    const normal = await app.createTask({
      queue: 'licence-renewals',
      subject: { type: 'licence', id: subjectId },
      dueAt: '2031-06-01T00:00:00.000Z',
    });
    await claim(normal, 'rm.rivera');
    const list = async (query: string) =>
      (
        await app.request<Page>('GET', `/tasks?subjectId=${subjectId}&${query}`, {
          user: 'ops.omar',
        })
      ).body;

    expect(ids(await list('queue=licence-renewals'))).toEqual([urgent, normal]);
    expect(ids(await list('priority=urgent'))).toEqual([urgent]);
    expect(ids(await list('assignee=rm.rivera'))).toEqual([normal]);
    expect(ids(await list('unassigned=true'))).toEqual([urgent]);
    expect(ids(await list('subjectType=licence'))).toEqual([urgent, normal]);
    expect(ids(await list('subjectType=home-study'))).toEqual([]);
    expect(ids(await list('overdue=true'))).toEqual([urgent]);
    expect(ids(await list('dueBefore=2030-01-01T00:00:00Z'))).toEqual([urgent]);
    expect(await list('limit=1')).toMatchObject({ total: 2, limit: 1 });
    const bad = await app.request('GET', '/tasks?priority=whenever', { user: 'ops.omar' });
    expect(bad.status).toBe(400);
  });

  it('priority defaults to normal for workflows that do not give one', async () => {
    const id = await app.createTask();
    const task = await app.request<TaskView>('GET', `/tasks/${id}`, { user: 'rm.rivera' });
    expect(task.body).toMatchObject({ priority: 'normal', requiredFields: null });
  });
});

describe('decisions: the assignee decides; required fields per outcome (WF-1, WF-4)', () => {
  const decide = (id: string, user: string, body: Record<string, unknown>) =>
    app.request<Record<string, unknown>>('POST', `/tasks/${id}/decision`, { user, body });
  const homeStudy = () =>
    app.createTask({
      queue: 'supervisor-approvals',
      subject: { type: 'home-study', id: randomUUID() },
      allowedOutcomes: ['approve', 'reject', 'return'],
      outcomesRequiringReason: ['reject', 'return'],
      deciderRoles: ['resource-manager-supervisor'],
      requiredFields: { approve: [], reject: ['reason'], return: ['comment'] },
    });

  it('deciding a task assigned to someone else is refused (409) and recorded', async () => {
    const id = await app.createTask();
    await claim(id, 'rm.rivera');
    const refused = await decide(id, 'sup.sato', { outcome: 'convert' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ rule: 'WF' });
    const history = await app.request<{ action: string; actor: string }[]>(
      'GET',
      `/tasks/${id}/history`,
      { user: 'rm.rivera' },
    );
    expect(history.body.at(-1)).toMatchObject({ action: 'decision-rejected', actor: 'sup.sato' });
  });

  it('WF-1: reject without a reason and return without comments are 400s naming field and outcome', async () => {
    const id = await homeStudy();
    const task = await app.request<TaskView>('GET', `/tasks/${id}`, { user: 'sup.sato' });
    expect(task.body.requiredFields).toEqual({
      approve: [],
      reject: ['reason'],
      return: ['comment'],
    });

    const reject = await decide(id, 'sup.sato', { outcome: 'reject', reason: ' ' });
    expect(reject.status).toBe(400);
    expect(reject.body['errors']).toEqual([
      { field: 'reason', message: 'reason is required for the outcome reject' },
    ]);
    const giveBack = await decide(id, 'sup.sato', { outcome: 'return', reason: 'see notes' });
    expect(giveBack.status).toBe(400);
    expect(giveBack.body['errors']).toEqual([
      { field: 'comment', message: 'comment is required for the outcome return' },
    ]);
  });

  it('WF-1: a decision with its required fields goes on to the owning workflow', async () => {
    // The test task has no running workflow: reaching Temporal answers "no longer running".
    const id = await homeStudy();
    const sent = await decide(id, 'sup.sato', { outcome: 'reject', reason: 'Unsafe home' });
    expect(sent.status).toBe(409);
    expect(String(sent.body['detail'])).toContain('no longer running');
  });

  it('tasks made without required fields leave the reason check to the workflow', async () => {
    const id = await app.createTask();
    const sent = await decide(id, 'rm.rivera', { outcome: 'close' });
    expect(sent.status).toBe(409);
    expect(String(sent.body['detail'])).toContain('no longer running');
  });
});

describe('tasks a workflow assigns, explains and closes itself (WF-1)', () => {
  it('WF-1: a task created for a named assignee is theirs at once, with the details to read', async () => {
    const id = await app.createTask({
      queue: 'home-study-revisions',
      subject: { type: 'home-study', id: randomUUID() },
      assignee: 'rm.rivera',
      details: ['Returned by sup.sato: add the fire inspection', 'CRD-3: first aid expires soon'],
    });
    const task = await app.request<TaskView>('GET', `/tasks/${id}`, { user: 'rm.rivera' });
    expect(task.body).toMatchObject({
      assignee: 'rm.rivera',
      details: ['Returned by sup.sato: add the fire inspection', 'CRD-3: first aid expires soon'],
    });
    expect(task.body.assignedAt).not.toBeNull();
    const mine = await app.request<Page>('GET', '/tasks/mine', { user: 'rm.rivera' });
    expect(ids(mine.body)).toContain(id);
    const history = await app.request<{ action: string; actor: string; toUser: string }[]>(
      'GET',
      `/tasks/${id}/history`,
      { user: 'rm.rivera' },
    );
    expect(history.body.map(({ action, actor }) => [action, actor])).toEqual([
      ['created', 'system'],
      ['assigned', 'system'],
    ]);
    expect(history.body[1]?.toUser).toBe('rm.rivera');
    // Someone else cannot take it (it is assigned), as with any claimed task.
    expect((await claim(id, 'sup.sato')).status).toBe(409);
  });

  it('WF-1: a task without outcomes is not decided over HTTP (409): its process closes it', async () => {
    const id = await app.createTask({
      queue: 'home-study-revisions',
      subject: { type: 'home-study', id: randomUUID() },
      allowedOutcomes: [],
      outcomesRequiringReason: [],
      assignee: 'rm.rivera',
    });
    const task = await app.request<TaskView>('GET', `/tasks/${id}`, { user: 'rm.rivera' });
    expect(task.body).toMatchObject({ allowedOutcomes: [], details: [] });
    const decided = await app.request<Record<string, unknown>>('POST', `/tasks/${id}/decision`, {
      user: 'rm.rivera',
      body: { outcome: 'resubmitted' },
    });
    expect(decided.status).toBe(409);
    expect(decided.body).toMatchObject({ rule: 'WF' });
    expect(String(decided.body['detail'])).toContain('closes itself');
  });

  it('WF-1: the home study revisions queue is worked by resource managers, supervised by their supervisors', async () => {
    const queues = await app.request<
      { code: string; memberRoles: string[]; supervisorRoles: string[] }[]
    >('GET', '/queues', { user: 'rm.rivera' });
    expect(queues.body.find((queue) => queue.code === 'home-study-revisions')).toMatchObject({
      memberRoles: ['resource-manager', 'resource-manager-supervisor'],
      supervisorRoles: ['resource-manager-supervisor'],
    });
  });
});
