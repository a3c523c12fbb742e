import { z } from 'zod';
import { ROLES } from '@platform/contracts';
import { pageQuery } from '@platform/http';
import { TASK_PRIORITIES, TASK_STATUSES } from './task.entity.js';

export const taskIdParam = z.uuid('must be a UUID');

export const decisionBody = z
  .object({
    outcome: z.string().trim().min(1, 'outcome is required'),
    reason: z.string().trim().max(2_000).nullable().optional(),
    comment: z.string().trim().max(4_000).nullable().optional(),
  })
  .strict();
export type DecisionBody = z.infer<typeof decisionBody>;

export const listTasksQuery = pageQuery.extend({
  queue: z.string().min(1).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  /** userId of the assignee. */
  assignee: z.string().min(1).optional(),
  /** Only tasks nobody has claimed. */
  unassigned: z.stringbool().optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  subjectType: z.string().min(1).optional(),
  subjectId: z.string().min(1).optional(),
  /** Only open tasks past their due date. */
  overdue: z.stringbool().optional(),
  /** Only tasks due before this instant (ISO date-time). */
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  /** Only tasks escalated as overdue (true) or never escalated (false). */
  escalated: z.stringbool().optional(),
});
export type ListTasksQuery = z.infer<typeof listTasksQuery>;

export const myTasksQuery = pageQuery.extend({
  /** Only my open tasks past their due date. */
  overdue: z.stringbool().optional(),
});
export type MyTasksQuery = z.infer<typeof myTasksQuery>;

const userId = z.string().trim().min(1, 'userId is required').max(200);
const reason = z.string().trim().min(1, 'a reason is required').max(2_000);

/** Optional: a release may say why. */
export const releaseBody = z
  .object({ reason: z.string().trim().max(2_000).nullable().optional() })
  .strict()
  .default({});
export type ReleaseBody = z.infer<typeof releaseBody>;

export const reassignBody = z.object({ userId, reason }).strict();
export type ReassignBody = z.infer<typeof reassignBody>;

/**
 * Users are known from tokens only, so the delegate's roles come with the request; the service
 * checks they share a role of the queue with the assignee (it cannot check them against a directory).
 */
export const delegateBody = z
  .object({
    userId,
    roles: z.array(z.enum(ROLES)).min(1, 'the delegate’s roles are required'),
    reason,
  })
  .strict();
export type DelegateBody = z.infer<typeof delegateBody>;
