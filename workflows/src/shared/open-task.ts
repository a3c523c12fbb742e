import { uuid4 } from '@temporalio/workflow';
import type { CreateTaskInput } from '@platform/contracts/workflows';
import { tasksActivities as tasks } from './activities.js';

/**
 * Opens a human task whose id the process chooses first (uuid4 is replay-safe). `named` runs with
 * that id before the task is created, so the process's `decide` validator already accepts a
 * decision on it the moment the task shows in an inbox — which can be before the createTask
 * activity's result reaches the process. Answers the task's id as the tasks service confirms it.
 */
export async function openTask(
  input: Omit<CreateTaskInput, 'taskId'>,
  named: (taskId: string) => void,
): Promise<string> {
  const taskId = uuid4();
  named(taskId);
  const created = await tasks.createTask({ ...input, taskId });
  if (created.taskId !== taskId) named(created.taskId);
  return created.taskId;
}
