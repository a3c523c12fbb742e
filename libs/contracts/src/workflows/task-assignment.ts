import { defineSignal } from '@temporalio/workflow';

/**
 * Sent by the tasks service to the workflow that owns a task whenever the task is claimed,
 * released, reassigned or delegated, so the process's `Assignee` search attribute and memo say
 * who is working on it (ARCHITECTURE rule 7). Informational: the workflow decides nothing on it.
 */
export interface TaskAssignment {
  taskId: string;
  /** userId of the new assignee; null when the task was released back to its queue. */
  assignee: string | null;
  queue: string;
}

export const taskAssignedSignal = defineSignal<[TaskAssignment]>('taskAssigned');
