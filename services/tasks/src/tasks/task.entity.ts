import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Role } from '@platform/contracts';

export const TASK_STATUSES = ['open', 'completed'] as const;
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** The higher of two priorities: reminders raise a task's priority, never lower it. */
export function higherPriority(
  current: TaskPriority,
  wanted: TaskPriority | undefined,
): TaskPriority {
  if (!wanted) return current;
  return TASK_PRIORITIES.indexOf(wanted) > TASK_PRIORITIES.indexOf(current) ? wanted : current;
}

/** Decision fields an outcome may require (the fields of `POST /tasks/:id/decision`). */
export const DECISION_FIELDS = ['reason', 'comment'] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

/** A human step of a process: who may decide it, by when, and with which outcomes. */
export const Task = defineEntity({
  name: 'Task',
  tableName: 'task',
  properties: {
    id: p.uuid().primary(),
    requestKey: p.text().fieldName('request_key').unique(),
    workflowId: p.text().fieldName('workflow_id'),
    queue: p.text(),
    title: p.text(),
    subjectType: p.text().fieldName('subject_type'),
    subjectId: p.text().fieldName('subject_id'),
    priority: p.enum(TASK_PRIORITIES),
    status: p.enum(TASK_STATUSES).default('open'),
    dueAt: p.datetime().fieldName('due_at'),
    /** userId of who works the task now (from their token); null: unclaimed. */
    assignee: p.text().nullable(),
    assignedAt: p.datetime().fieldName('assigned_at').nullable(),
    allowedOutcomes: p.json<string[]>().fieldName('allowed_outcomes'),
    outcomesRequiringReason: p.json<string[]>().fieldName('outcomes_requiring_reason'),
    deciderRoles: p.json<Role[]>().fieldName('decider_roles'),
    /** Per outcome, the decision fields it needs (e.g. reject: ['reason']); null: none checked here. */
    requiredFields: p
      .json<Record<string, DecisionField[]>>()
      .fieldName('required_fields')
      .nullable(),
    createdAt: p
      .datetime()
      .fieldName('created_at')
      .onCreate(() => new Date()),
    completedAt: p.datetime().fieldName('completed_at').nullable(),
    outcome: p.text().nullable(),
    decidedBy: p.text().fieldName('decided_by').nullable(),
    reason: p.text().nullable(),
    /** Lines the person deciding should read (the recommendation, warnings …), from the workflow. */
    details: p.json<string[]>(),
    /** When the task was last escalated as overdue, and to which roles (null: never). */
    escalatedAt: p.datetime().fieldName('escalated_at').nullable(),
    escalatedTo: p.json<Role[]>().fieldName('escalated_to').nullable(),
  },
});

export type TaskRecord = InferEntity<typeof Task>;
