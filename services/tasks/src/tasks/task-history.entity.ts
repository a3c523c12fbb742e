import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const TASK_ACTIONS = [
  'created',
  'decision-accepted',
  'decision-rejected',
  'completed',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** Audit trail of a task: who did what, when (append-only). */
export const TaskHistory = defineEntity({
  name: 'TaskHistory',
  tableName: 'task_history',
  properties: {
    id: p.bigint().primary().autoincrement(),
    taskId: p.uuid().fieldName('task_id'),
    action: p.enum(TASK_ACTIONS),
    actor: p.text(),
    at: p.datetime().onCreate(() => new Date()),
    details: p.json<Record<string, unknown>>(),
  },
});

export type TaskHistoryRecord = InferEntity<typeof TaskHistory>;
