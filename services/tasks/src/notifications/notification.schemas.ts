import { z } from 'zod';
import { pageQuery } from '@platform/http';
import { NOTIFICATION_KINDS } from './notification.entity.js';

export const notificationIdParam = z.uuid('must be a UUID');

export const myNotificationsQuery = pageQuery.extend({
  /** Only notifications the caller has not read. */
  unread: z.stringbool().optional(),
  kind: z.enum(NOTIFICATION_KINDS).optional(),
  /** Only notifications about this task. */
  taskId: z.uuid('must be a UUID').optional(),
});
export type MyNotificationsQuery = z.infer<typeof myNotificationsQuery>;
