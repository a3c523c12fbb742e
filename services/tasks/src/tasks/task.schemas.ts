import { z } from 'zod';
import { pageQuery } from '@platform/http';
import { TASK_STATUSES } from './task.entity.js';

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
  subjectId: z.string().min(1).optional(),
  /** Only tasks past their due date. */
  overdue: z.stringbool().optional(),
});
export type ListTasksQuery = z.infer<typeof listTasksQuery>;
