import { hasAnyRole, type Actor, type Role } from '@platform/contracts';
import type { DecisionField } from './task.entity.js';

/**
 * Who may claim, release, reassign, delegate and decide a task (ROLE, ADR 0006), as pure functions
 * of the task, its queue and the caller: each answers the refusal, or null when the move is allowed.
 * The service turns a refusal into problem+json; these functions touch no database.
 */

export interface AssignableTask {
  id: string;
  status: 'open' | 'completed';
  assignee?: string | null;
  /** None: a to-do its workflow closes itself (e.g. a home study revision, WF-1). */
  allowedOutcomes?: readonly string[];
}

export interface QueueRoles {
  code: string;
  memberRoles: readonly Role[];
  supervisorRoles: readonly Role[];
}

export interface Refusal {
  /** The rule refusing: ROLE (who the caller is) or WF (the state of the task). */
  rule: 'ROLE' | 'WF';
  status: 403 | 409 | 422;
  detail: string;
  /** The request field a person has to change, when one is to blame. */
  field?: string;
}

type Caller = Pick<Actor, 'userId' | 'roles'>;

function notOpen(task: AssignableTask): Refusal | null {
  return task.status === 'open'
    ? null
    : { rule: 'WF', status: 409, detail: `Task ${task.id} is already ${task.status}` };
}

export function isSupervisor(queue: QueueRoles, caller: Caller): boolean {
  return hasAnyRole(caller, queue.supervisorRoles);
}

/** ROLE: a member of the task's queue takes an unassigned task (claiming one's own again is a no-op). */
export function claimRefusal(
  task: AssignableTask,
  queue: QueueRoles,
  caller: Caller,
): Refusal | null {
  const closed = notOpen(task);
  if (closed) return closed;
  if (!hasAnyRole(caller, queue.memberRoles)) {
    return {
      rule: 'ROLE',
      status: 403,
      detail: `Only ${queue.memberRoles.join(', ')} work the ${queue.code} queue`,
    };
  }
  if (task.assignee && task.assignee !== caller.userId) {
    return { rule: 'WF', status: 409, detail: `Task ${task.id} is assigned to ${task.assignee}` };
  }
  return null;
}

/** The assignee gives the task back to the queue; a supervisor of the queue may do it for them. */
export function releaseRefusal(
  task: AssignableTask,
  queue: QueueRoles,
  caller: Caller,
): Refusal | null {
  const closed = notOpen(task);
  if (closed) return closed;
  if (!task.assignee) {
    return { rule: 'WF', status: 409, detail: `Task ${task.id} is not assigned to anyone` };
  }
  if (task.assignee !== caller.userId && !isSupervisor(queue, caller)) {
    return {
      rule: 'ROLE',
      status: 403,
      detail: `Only the assignee or a supervisor of the ${queue.code} queue releases the task`,
    };
  }
  return null;
}

/** ROLE: a supervisor of the task's queue gives the task to someone else. */
export function reassignRefusal(
  task: AssignableTask,
  queue: QueueRoles,
  caller: Caller,
  toUserId: string,
): Refusal | null {
  const closed = notOpen(task);
  if (closed) return closed;
  if (!isSupervisor(queue, caller)) {
    return {
      rule: 'ROLE',
      status: 403,
      detail:
        queue.supervisorRoles.length > 0
          ? `Only ${queue.supervisorRoles.join(', ')} reassign tasks of the ${queue.code} queue`
          : `The ${queue.code} queue has no supervisor role; its tasks are not reassigned`,
    };
  }
  if (task.assignee === toUserId) {
    return {
      rule: 'WF',
      status: 422,
      field: 'userId',
      detail: `Task ${task.id} is already assigned to ${toUserId}`,
    };
  }
  return null;
}

/**
 * ROLE: the assignee hands the task to another user with the same role. Users are known from
 * tokens only, so the delegate's roles come with the request: they must share a role with the
 * assignee that is a member role of the queue.
 */
export function delegateRefusal(
  task: AssignableTask,
  queue: QueueRoles,
  caller: Caller,
  to: { userId: string; roles: readonly Role[] },
): Refusal | null {
  const closed = notOpen(task);
  if (closed) return closed;
  if (task.assignee !== caller.userId) {
    return {
      rule: 'ROLE',
      status: 403,
      detail: task.assignee
        ? `Only the assignee (${task.assignee}) delegates task ${task.id}`
        : `Claim task ${task.id} before delegating it`,
    };
  }
  if (to.userId === caller.userId) {
    return {
      rule: 'WF',
      status: 422,
      field: 'userId',
      detail: 'A task is delegated to another user',
    };
  }
  const shared = to.roles.filter(
    (role) => caller.roles.includes(role) && queue.memberRoles.includes(role),
  );
  if (shared.length === 0) {
    return {
      rule: 'ROLE',
      status: 422,
      field: 'roles',
      detail: `The delegate must hold a role of yours that works the ${queue.code} queue (${queue.memberRoles
        .filter((role) => caller.roles.includes(role))
        .join(', ')})`,
    };
  }
  return null;
}

/**
 * A task someone has claimed is decided by them only (anyone of the deciding roles if unclaimed);
 * a task without outcomes is not decided at all: its process closes it when the work is done.
 */
export function decideRefusal(task: AssignableTask, caller: Caller): Refusal | null {
  const closed = notOpen(task);
  if (closed) return closed;
  if (task.allowedOutcomes?.length === 0) {
    return {
      rule: 'WF',
      status: 409,
      detail:
        `Task ${task.id} has no decision to make: it closes itself when its process sees the ` +
        'work done (e.g. the revised home study resubmitted)',
    };
  }
  if (task.assignee && task.assignee !== caller.userId) {
    return { rule: 'WF', status: 409, detail: `Task ${task.id} is assigned to ${task.assignee}` };
  }
  return null;
}

/** The decision fields the outcome requires that the decision leaves empty (none: none required). */
export function missingDecisionFields(
  requiredFields: Readonly<Record<string, readonly DecisionField[]>> | null | undefined,
  outcome: string,
  decision: Partial<Record<DecisionField, string | null | undefined>>,
): DecisionField[] {
  const required = requiredFields?.[outcome] ?? [];
  return required.filter((field) => !decision[field]?.trim());
}
