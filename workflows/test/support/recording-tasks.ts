import type {
  CompleteTaskInput,
  CreateTaskInput,
  EscalateTaskInput,
  RemindTaskInput,
  TaskNotified,
  TasksActivities,
  UpdateTaskDetailsInput,
} from '@platform/contracts';

/** A task as the in-memory tasks service keeps it. */
export interface RecordedTask extends CreateTaskInput {
  taskId: string;
  status: 'open' | 'completed';
  completion: CompleteTaskInput | null;
  escalated: boolean;
}

/**
 * The tasks service's activities in memory, recording every call, so workflow tests can see which
 * tasks a process opened, reminded, escalated and closed. Idempotent by request key, like the real
 * one (the end-to-end suite runs the real service).
 */
export class RecordingTasks implements TasksActivities {
  readonly tasks: RecordedTask[] = [];
  readonly reminders: RemindTaskInput[] = [];
  readonly escalations: EscalateTaskInput[] = [];
  readonly detailUpdates: UpdateTaskDetailsInput[] = [];
  private readonly usedKeys = new Set<string>();

  async createTask(input: CreateTaskInput) {
    const existing = this.tasks.find((task) => task.requestKey === input.requestKey);
    if (existing) return { taskId: existing.taskId };
    const taskId = input.taskId ?? `task-${this.tasks.length + 1}-${input.requestKey}`;
    this.tasks.push({ ...input, taskId, status: 'open', completion: null, escalated: false });
    return { taskId };
  }

  async completeTask(input: CompleteTaskInput) {
    const task = this.task(input.taskId);
    if (task.status === 'completed') return;
    task.status = 'completed';
    task.completion = input;
  }

  async remindTask(input: RemindTaskInput): Promise<TaskNotified> {
    const task = this.task(input.taskId);
    const sent = this.firstUse(input.requestKey);
    if (sent) this.reminders.push(input);
    return {
      taskId: task.taskId,
      recipients: [`role:${task.deciderRoles[0]}`],
      assignee: task.assignee ?? null,
      sent,
    };
  }

  async escalateTask(input: EscalateTaskInput): Promise<TaskNotified> {
    const task = this.task(input.taskId);
    const sent = this.firstUse(input.requestKey);
    if (sent) {
      this.escalations.push(input);
      task.escalated = true;
    }
    return {
      taskId: task.taskId,
      recipients: (input.toRoles ?? []).map((role) => `role:${role}`),
      assignee: task.assignee ?? null,
      sent,
    };
  }

  async updateTaskDetails(input: UpdateTaskDetailsInput): Promise<void> {
    const task = this.task(input.taskId);
    if (task.status === 'completed' || !this.firstUse(input.requestKey)) return;
    this.detailUpdates.push(input);
    task.details = [...input.details];
    if (input.title) task.title = input.title;
  }

  /** The tasks opened for one process (by workflow id), oldest first. */
  of(workflowId: string): RecordedTask[] {
    return this.tasks.filter((task) => task.workflowId === workflowId);
  }

  task(taskId: string): RecordedTask {
    const task = this.tasks.find((candidate) => candidate.taskId === taskId);
    if (!task) throw new Error(`no task ${taskId}`);
    return task;
  }

  private firstUse(key: string): boolean {
    if (this.usedKeys.has(key)) return false;
    this.usedKeys.add(key);
    return true;
  }
}
