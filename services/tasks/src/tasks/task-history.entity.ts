import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const TASK_ACTIONS = [
  'created',
  'decision-accepted',
  'decision-rejected',
  'completed',
  'claimed',
  'released',
  'reassigned',
  'delegated',
  /** A workflow created the task already assigned (e.g. a returned home study, WF-1). */
  'assigned',
  'reminded',
  'escalated',
  /** The process replaced what the task says (e.g. new reasons a resubmitted line fails for, WF-4). */
  'details-updated',
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
    /** Assignment changes: the assignee before and after. */
    fromUser: p.text().fieldName('from_user').nullable(),
    toUser: p.text().fieldName('to_user').nullable(),
    reason: p.text().nullable(),
    details: p.json<Record<string, unknown>>(),
    /** Reminders and escalations: the activity's request key, so a retry records them once. */
    requestKey: p.text().fieldName('request_key').nullable(),
  },
});

export type TaskHistoryRecord = InferEntity<typeof TaskHistory>;
