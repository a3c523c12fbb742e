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

interface QueueView {
  code: string;
  memberRoles: string[];
  supervisorRoles: string[];
  open: number;
  unassigned: number;
}
interface TaskView {
  id: string;
  queue: string;
  assignee: string | null;
  priority: string;
  status: string;
}
interface HistoryRow {
  action: string;
  actor: string;
  fromUser: string | null;
  toUser: string | null;
  reason: string | null;
  at: string;
}

describe('work queues as data (ROLE)', () => {
  it('ROLE: the seeded queues name the roles that work and supervise them', async () => {
    const queues = await app.request<QueueView[]>('GET', '/queues', { user: 'ops.omar' });
    expect(queues.status).toBe(200);
    expect(queues.body.map((queue) => queue.code)).toEqual([
      'contract-activations',
      'contract-signatures',
      'finance-exceptions',
      'home-study-revisions',
      'licence-renewals',
      'provider-inquiries',
      'supervisor-approvals',
      'taxonomy-reviews',
      'waitlist-offers',
    ]);
    expect(queues.body.find((queue) => queue.code === 'supervisor-approvals')).toMatchObject({
      memberRoles: ['resource-manager-supervisor'],
      supervisorRoles: ['resource-manager-supervisor'],
    });
    expect(queues.body.find((queue) => queue.code === 'finance-exceptions')).toMatchObject({
      memberRoles: ['finance-user'],
    });
    // WF-3: resource managers follow up unsigned contracts and activate signed ones.
    expect(queues.body.find((queue) => queue.code === 'contract-activations')).toMatchObject({
      memberRoles: ['resource-manager', 'resource-manager-supervisor'],
      supervisorRoles: ['resource-manager-supervisor'],
    });
  });

  it("ROLE: my queues are those whose roles the caller holds, with their open tasks' counts", async () => {
    await app.createTask({ queue: 'licence-renewals' });
    const mine = (user: string) => app.request<QueueView[]>('GET', '/queues/mine', { user });

    const rm = await mine('rm.rivera');
    expect(rm.body.map((queue) => queue.code)).toEqual([
      'contract-activations',
      'contract-signatures',
      'home-study-revisions',
      'licence-renewals',
      'provider-inquiries',
    ]);
    expect(rm.body.find((queue) => queue.code === 'licence-renewals')).toMatchObject({
      open: 1,
      unassigned: 1,
    });
    expect((await mine('sup.sato')).body.map((queue) => queue.code)).toEqual([
      'contract-activations',
      'contract-signatures',
      'home-study-revisions',
      'licence-renewals',
      'provider-inquiries',
      'supervisor-approvals',
    ]);
    expect((await mine('fin.fatima')).body.map((queue) => queue.code)).toEqual([
      'finance-exceptions',
    ]);
    // PRV-10: case workers answer the places offered to their waitlist entries.
    expect((await mine('cw.chen')).body.map((queue) => queue.code)).toEqual(['waitlist-offers']);
    // TAX-5: administrators review update imports of the taxonomy.
    expect((await mine('admin.ada')).body.map((queue) => queue.code)).toEqual(['taxonomy-reviews']);
  });
});

describe('claim, release, reassign and delegate, with audit (ROLE)', () => {
  const post = (id: string, action: string, user: string, body?: unknown) =>
    app.request<TaskView>('POST', `/tasks/${id}/${action}`, { user, body });
  const history = async (id: string) =>
    (await app.request<HistoryRow[]>('GET', `/tasks/${id}/history`, { user: 'ops.omar' })).body;

  it("ROLE: a member of the task's queue claims it; someone else then gets 409", async () => {
    const id = await app.createTask();
    const claimed = await post(id, 'claim', 'rm.rivera');
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ assignee: 'rm.rivera' });
    // Claiming one's own task again changes nothing.
    expect((await post(id, 'claim', 'rm.rivera')).status).toBe(200);

    const taken = await post(id, 'claim', 'sup.sato');
    expect(taken.status).toBe(409);
    expect(taken.contentType).toContain('application/problem+json');
    expect(taken.body).toMatchObject({ rule: 'WF' });
    expect((await history(id)).filter((row) => row.action === 'claimed')).toHaveLength(1);
  });

  it("ROLE: staff without a role of the task's queue may not claim it (403)", async () => {
    const id = await app.createTask({ queue: 'supervisor-approvals' });
    const refused = await post(id, 'claim', 'rm.rivera');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ rule: 'ROLE' });
    expect((await post(id, 'claim', 'fin.fatima')).status).toBe(403);
    expect((await post(id, 'claim', 'sup.sato')).status).toBe(200);
  });

  it('two people claiming at once: exactly one wins', async () => {
    const id = await app.createTask();
    const answers = await Promise.all([
      post(id, 'claim', 'rm.rivera'),
      post(id, 'claim', 'sup.sato'),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });

  it('the assignee or a supervisor releases; another member may not (403)', async () => {
    const id = await app.createTask();
    expect((await post(id, 'release', 'rm.rivera')).status).toBe(409); // nobody has it
    await post(id, 'claim', 'sup.sato');
    expect((await post(id, 'release', 'rm.rivera')).status).toBe(403);
    const released = await post(id, 'release', 'sup.sato', { reason: 'On leave' });
    expect(released.status).toBe(200);
    expect(released.body.assignee).toBeNull();

    await post(id, 'claim', 'rm.rivera');
    expect((await post(id, 'release', 'sup.sato')).status).toBe(200);
  });

  it('ROLE: a supervisor of the queue reassigns with a reason; a resource manager may not', async () => {
    const id = await app.createTask();
    await post(id, 'claim', 'sup.sato');
    const refused = await post(id, 'reassign', 'rm.rivera', {
      userId: 'rm.rivera',
      reason: 'Mine',
    });
    expect(refused.status).toBe(403);
    const noReason = await post(id, 'reassign', 'sup.sato', { userId: 'rm.rivera' });
    expect(noReason.status).toBe(400);

    const reassigned = await post(id, 'reassign', 'sup.sato', {
      userId: 'rm.rivera',
      reason: 'Balancing the workload',
    });
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.assignee).toBe('rm.rivera');
    expect(await history(id)).toEqual([
      expect.objectContaining({ action: 'created', actor: 'system' }),
      expect.objectContaining({
        action: 'claimed',
        actor: 'sup.sato',
        fromUser: null,
        toUser: 'sup.sato',
      }),
      expect.objectContaining({
        action: 'reassigned',
        actor: 'sup.sato',
        fromUser: 'sup.sato',
        toUser: 'rm.rivera',
        reason: 'Balancing the workload',
      }),
    ]);
  });

  it('ROLE: the finance exceptions queue has no supervisor role, so nobody reassigns its tasks (WF-4)', async () => {
    const id = await app.createTask({ queue: 'finance-exceptions' });
    const refused = await post(id, 'reassign', 'fin.fatima', { userId: 'fin.other', reason: 'x' });
    expect(refused.status).toBe(403);
  });

  it("ROLE: the assignee delegates to another user of the same role, stating the delegate's roles", async () => {
    const id = await app.createTask();
    await post(id, 'claim', 'sup.sato');
    const otherRole = await post(id, 'delegate', 'sup.sato', {
      userId: 'rm.rivera',
      roles: ['resource-manager'],
      reason: 'Knows the provider',
    });
    expect(otherRole.status).toBe(422);
    expect(otherRole.body).toMatchObject({ rule: 'ROLE', errors: [{ field: 'roles' }] });
    const notAssignee = await post(id, 'delegate', 'rm.rivera', {
      userId: 'rm.ramos',
      roles: ['resource-manager'],
      reason: 'x',
    });
    expect(notAssignee.status).toBe(403);

    const delegated = await post(id, 'delegate', 'sup.sato', {
      userId: 'sup.silva',
      roles: ['resource-manager-supervisor'],
      reason: 'Knows the provider',
    });
    expect(delegated.status).toBe(200);
    expect(delegated.body.assignee).toBe('sup.silva');
    expect((await history(id)).at(-1)).toMatchObject({
      action: 'delegated',
      actor: 'sup.sato',
      fromUser: 'sup.sato',
      toUser: 'sup.silva',
      reason: 'Knows the provider',
    });
    // sup.sato no longer holds it.
    expect((await post(id, 'release', 'rm.rivera')).status).toBe(403);
  });

  it('an unknown task is 404; a malformed id 400', async () => {
    expect((await post(randomUUID(), 'claim', 'rm.rivera')).status).toBe(404);
    expect((await post('nope', 'claim', 'rm.rivera')).status).toBe(400);
  });
});
