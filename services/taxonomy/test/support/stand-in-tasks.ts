import type {
  CompleteTaskInput,
  CreateTaskInput,
  EscalateTaskInput,
  RemindTaskInput,
  TaskNotified,
  TasksActivities,
  UpdateTaskDetailsInput,
} from '@platform/contracts';

/** A task as the stand-in keeps it. */
export interface StandInTask extends CreateTaskInput {
  taskId: string;
  completion: CompleteTaskInput | null;
}

/**
 * The tasks service's activities in memory, for the TAX-5 review process this suite runs: the
 * process opens its review task, reminds and completes it; the tasks service's own suites run the
 * real ones. Idempotent by request key, like them.
 */
export class StandInTasks {
  readonly tasks: StandInTask[] = [];

  /** The review task the process of a version opened, if any. */
  ofSubject(id: string): StandInTask | undefined {
    return this.tasks.find((task) => task.subject.id === id);
  }

  /** Plain functions, as a Temporal worker registers activities. */
  activities(): TasksActivities {
    const find = (taskId: string) => {
      const task = this.tasks.find((candidate) => candidate.taskId === taskId);
      if (!task) throw new Error(`no task ${taskId}`);
      return task;
    };
    const notified = (taskId: string): TaskNotified => ({
      taskId,
      recipients: [],
      assignee: null,
      sent: true,
    });
    return {
      createTask: async (input: CreateTaskInput) => {
        const existing = this.tasks.find((task) => task.requestKey === input.requestKey);
        const taskId = existing?.taskId ?? input.taskId ?? `task-${this.tasks.length + 1}`;
        if (!existing) this.tasks.push({ ...input, taskId, completion: null });
        return { taskId };
      },
      completeTask: async (input: CompleteTaskInput) => {
        const task = find(input.taskId);
        task.completion ??= input;
      },
      remindTask: async (input: RemindTaskInput) => notified(find(input.taskId).taskId),
      escalateTask: async (input: EscalateTaskInput) => notified(find(input.taskId).taskId),
      updateTaskDetails: async (input: UpdateTaskDetailsInput) => {
        find(input.taskId);
      },
    };
  }
}
