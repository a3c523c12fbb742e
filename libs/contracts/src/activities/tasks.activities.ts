import type { Role } from '../roles.js';

/** Activities hosted by the tasks service on TaskQueues.tasksActivities. */
export interface CreateTaskInput {
  /** Idempotency key: workflow id + step. A retried activity returns the task it already made. */
  requestKey: string;
  /**
   * The task's id, chosen by the process (a replay-safe uuid4) before it asks for the task, so its
   * `decide` validator knows the task the moment the task is visible in the inbox; a decision can
   * arrive before the activity's result does. Default: the tasks service chooses one.
   */
  taskId?: string;
  workflowId: string;
  queue: string;
  title: string;
  subject: { type: string; id: string };
  /** Default `normal`. */
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  /** ISO date-time by which the task should be decided. */
  dueAt: string;
  allowedOutcomes: readonly string[];
  /** Outcomes that need a reason (e.g. close, reject, return). */
  outcomesRequiringReason: readonly string[];
  /** Roles whose members may decide the task. */
  deciderRoles: readonly Role[];
  /**
   * Per outcome, the decision fields it needs, checked by the tasks service before the decision is
   * sent (e.g. `{ approve: [], reject: ['reason'], return: ['comment'] }`). Optional.
   */
  requiredFields?: Readonly<Record<string, readonly ('reason' | 'comment')[]>>;
  /** Assign the task at once (e.g. a returned home study goes back to who submitted it). */
  assignee?: string | null;
  /** Lines the person deciding should read: the recommendation, CRD-3 warnings … Optional. */
  details?: readonly string[];
}

export interface CreatedTask {
  taskId: string;
}

export interface CompleteTaskInput {
  taskId: string;
  /**
   * The decided outcome, or how the process closed a task nobody decided (e.g. `resubmitted` for a
   * revision task, `expired` for a renewal task when the licence expired).
   */
  outcome: string;
  decidedBy: string;
  reason: string | null;
}

/**
 * Reminds whoever works a task: its assignee, or every member role of its queue when nobody has
 * claimed it — in the in-app feed and by email. Idempotent by `requestKey` (workflow id + step).
 */
export interface RemindTaskInput {
  taskId: string;
  requestKey: string;
  /** What the reminder says, e.g. "Decision due on 2026-03-31". */
  message: string;
  /** Raise the task's priority with the reminder (never lowers it). */
  priority?: 'low' | 'normal' | 'high' | 'urgent';
}

/**
 * Escalates an overdue task: marks it escalated, raises it to `urgent`, records who it was
 * escalated to in its history and notifies them (and the assignee). Idempotent by `requestKey`.
 */
export interface EscalateTaskInput {
  taskId: string;
  requestKey: string;
  message: string;
  /** Who the task is escalated to; default: the queue's supervisor roles, else its member roles. */
  toRoles?: readonly Role[];
}

/** Who a reminder or escalation reached: user ids, and `role:<role>` for whole roles. */
export interface TaskNotified {
  taskId: string;
  recipients: string[];
  /** The task's assignee when notified (null: unclaimed). */
  assignee: string | null;
  /** False when the request key had been used already: nothing was sent again. */
  sent: boolean;
}

/**
 * Replaces what an open task tells the person working it (its `details`, and its title when
 * given), e.g. the new reasons an invoice line still fails for (WF-4); recorded in the task's
 * history with `note`. Idempotent by `requestKey`.
 */
export interface UpdateTaskDetailsInput {
  taskId: string;
  requestKey: string;
  title?: string;
  details: readonly string[];
  /** Why the task changed, for its history, e.g. "Resubmitted; still failing (attempt 2)". */
  note: string;
}

export interface TasksActivities {
  createTask(input: CreateTaskInput): Promise<CreatedTask>;
  completeTask(input: CompleteTaskInput): Promise<void>;
  remindTask(input: RemindTaskInput): Promise<TaskNotified>;
  escalateTask(input: EscalateTaskInput): Promise<TaskNotified>;
  updateTaskDetails(input: UpdateTaskDetailsInput): Promise<void>;
}
