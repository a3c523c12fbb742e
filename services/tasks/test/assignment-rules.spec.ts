import { describe, expect, it } from '@jest/globals';
import type { Role } from '@platform/contracts';
import {
  claimRefusal,
  decideRefusal,
  delegateRefusal,
  missingDecisionFields,
  reassignRefusal,
  releaseRefusal,
  type AssignableTask,
  type QueueRoles,
} from '../src/tasks/assignment-rules.js';

const inquiries: QueueRoles = {
  code: 'provider-inquiries',
  memberRoles: ['resource-manager', 'resource-manager-supervisor'],
  supervisorRoles: ['resource-manager-supervisor'],
};
const finance: QueueRoles = {
  code: 'finance-exceptions',
  memberRoles: ['finance-user'],
  supervisorRoles: [],
};
const user = (userId: string, ...roles: Role[]) => ({ userId, roles });
const rm = user('rm.rivera', 'resource-manager');
const sup = user('sup.sato', 'resource-manager-supervisor');
const cw = user('cw.chen', 'case-worker');
const open = (assignee: string | null = null): AssignableTask => ({
  id: 't1',
  status: 'open',
  assignee,
});
const done: AssignableTask = { id: 't1', status: 'completed', assignee: 'rm.rivera' };

describe('claiming a task (ROLE)', () => {
  it("ROLE: a member of the task's queue claims an unassigned task", () => {
    expect(claimRefusal(open(), inquiries, rm)).toBeNull();
    expect(claimRefusal(open(), inquiries, sup)).toBeNull();
  });

  it("ROLE: someone without a role of the task's queue may not claim it (403)", () => {
    expect(claimRefusal(open(), inquiries, cw)).toMatchObject({ rule: 'ROLE', status: 403 });
    expect(claimRefusal(open(), finance, rm)).toMatchObject({ status: 403 });
  });

  it("a task assigned to someone else can't be claimed (409); one's own again is allowed", () => {
    expect(claimRefusal(open('sup.sato'), inquiries, rm)).toMatchObject({
      rule: 'WF',
      status: 409,
    });
    expect(claimRefusal(open('rm.rivera'), inquiries, rm)).toBeNull();
  });

  it('a closed task is not claimed (409)', () => {
    expect(claimRefusal(done, inquiries, rm)).toMatchObject({ status: 409 });
  });
});

describe('releasing a task', () => {
  it('the assignee releases their task', () => {
    expect(releaseRefusal(open('rm.rivera'), inquiries, rm)).toBeNull();
  });

  it("ROLE: a supervisor of the queue releases anyone's task; another member may not (403)", () => {
    expect(releaseRefusal(open('rm.rivera'), inquiries, sup)).toBeNull();
    expect(releaseRefusal(open('sup.sato'), inquiries, rm)).toMatchObject({ status: 403 });
  });

  it('an unassigned or closed task is not released (409)', () => {
    expect(releaseRefusal(open(), inquiries, rm)).toMatchObject({ status: 409 });
    expect(releaseRefusal(done, inquiries, rm)).toMatchObject({ status: 409 });
  });
});

describe('reassigning a task (ROLE)', () => {
  it("ROLE: a supervisor of the task's queue reassigns it", () => {
    expect(reassignRefusal(open('rm.rivera'), inquiries, sup, 'rm.ramos')).toBeNull();
    expect(reassignRefusal(open(), inquiries, sup, 'rm.ramos')).toBeNull();
  });

  it('ROLE: members who are not supervisors may not reassign (403)', () => {
    expect(reassignRefusal(open('rm.rivera'), inquiries, rm, 'rm.ramos')).toMatchObject({
      rule: 'ROLE',
      status: 403,
    });
  });

  it('ROLE: a queue without supervisor roles (finance exceptions) has no reassignment', () => {
    const refusal = reassignRefusal(open(), finance, user('fin.fatima', 'finance-user'), 'x');
    expect(refusal).toMatchObject({ status: 403 });
    expect(refusal?.detail).toContain('no supervisor role');
  });

  it('reassigning to the current assignee is refused, naming userId (422)', () => {
    expect(reassignRefusal(open('rm.rivera'), inquiries, sup, 'rm.rivera')).toMatchObject({
      status: 422,
      field: 'userId',
    });
  });
});

describe('delegating a task to another user of the same role (ROLE)', () => {
  const to = (userId: string, ...roles: Role[]) => ({ userId, roles });

  it("ROLE: the assignee delegates to a user sharing one of their roles of the task's queue", () => {
    expect(
      delegateRefusal(open('rm.rivera'), inquiries, rm, to('rm.ramos', 'resource-manager')),
    ).toBeNull();
  });

  it('ROLE: only the assignee delegates (403), and only a claimed task', () => {
    expect(
      delegateRefusal(open('rm.rivera'), inquiries, sup, to('x', 'resource-manager-supervisor')),
    ).toMatchObject({ status: 403 });
    expect(delegateRefusal(open(), inquiries, rm, to('x', 'resource-manager'))).toMatchObject({
      status: 403,
    });
  });

  it('ROLE: a delegate without the same role of the queue is refused, naming roles (422)', () => {
    // A supervisor works the queue, but is not of the assignee's role.
    expect(
      delegateRefusal(
        open('rm.rivera'),
        inquiries,
        rm,
        to('sup.sato', 'resource-manager-supervisor'),
      ),
    ).toMatchObject({ rule: 'ROLE', status: 422, field: 'roles' });
    expect(
      delegateRefusal(open('rm.rivera'), inquiries, rm, to('cw.chen', 'case-worker')),
    ).toMatchObject({ status: 422, field: 'roles' });
  });

  it('a task is not delegated to oneself (422)', () => {
    expect(
      delegateRefusal(open('rm.rivera'), inquiries, rm, to('rm.rivera', 'resource-manager')),
    ).toMatchObject({ status: 422, field: 'userId' });
  });
});

describe('deciding a task (WF)', () => {
  it("a claimed task is decided by its assignee only; someone else's decision is refused (409)", () => {
    expect(decideRefusal(open('rm.rivera'), rm)).toBeNull();
    expect(decideRefusal(open('rm.rivera'), sup)).toMatchObject({ rule: 'WF', status: 409 });
  });

  it('an unclaimed task is left to the workflow to judge', () => {
    expect(decideRefusal(open(), cw)).toBeNull();
  });
});

describe('required fields per outcome (WF-1)', () => {
  const required = { approve: [], reject: ['reason'], return: ['comment'] } as const;

  it('WF-1: reject needs a reason and return needs comments; approve needs nothing', () => {
    expect(missingDecisionFields(required, 'approve', {})).toEqual([]);
    expect(missingDecisionFields(required, 'reject', { reason: '  ' })).toEqual(['reason']);
    expect(missingDecisionFields(required, 'reject', { reason: 'Unsafe home' })).toEqual([]);
    expect(missingDecisionFields(required, 'return', { reason: 'x', comment: null })).toEqual([
      'comment',
    ]);
  });

  it('tasks made without required fields check nothing here (the workflow judges)', () => {
    expect(missingDecisionFields(null, 'close', {})).toEqual([]);
    expect(missingDecisionFields(required, 'unknown', {})).toEqual([]);
  });
});
