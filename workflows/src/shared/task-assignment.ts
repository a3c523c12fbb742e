import { setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { SearchAttributes, taskAssignedSignal } from '@platform/contracts/workflows';

/** What a workflow with a human step knows about its open task. */
export interface OpenTaskState {
  taskId: string | null;
  assignee: string | null;
}

/**
 * Follows the tasks service's `taskAssigned` signals for the process's open task, keeping the
 * `Assignee` search attribute (ARCHITECTURE rule 7) and `state.assignee` current. Signals about a
 * task the process has already closed are ignored.
 */
export function followTaskAssignment(state: OpenTaskState, onChange?: () => void): void {
  setHandler(taskAssignedSignal, (assignment) => {
    if (assignment.taskId !== state.taskId) return;
    state.assignee = assignment.assignee;
    upsertSearchAttributes([{ key: SearchAttributes.assignee, value: assignment.assignee }]);
    onChange?.();
  });
}

/** Clears the assignee when the process closes or replaces its open task. */
export function clearAssignee(state: OpenTaskState): void {
  state.taskId = null;
  if (state.assignee !== null) {
    state.assignee = null;
    upsertSearchAttributes([{ key: SearchAttributes.assignee, value: null }]);
  }
}
