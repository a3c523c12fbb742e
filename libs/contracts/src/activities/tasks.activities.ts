import type { Role } from '../roles.js';

/** Activities hosted by the tasks service on TaskQueues.tasksActivities. */
export interface CreateTaskInput {
  /** Idempotency key: workflow id + step. A retried activity returns the task it already made. */
  requestKey: string;
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
}

export interface CreatedTask {
  taskId: string;
}

export interface CompleteTaskInput {
  taskId: string;
  outcome: string;
  decidedBy: string;
  reason: string | null;
}

export interface TasksActivities {
  createTask(input: CreateTaskInput): Promise<CreatedTask>;
  completeTask(input: CompleteTaskInput): Promise<void>;
}
