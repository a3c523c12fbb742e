import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const NOTIFICATION_KINDS = ['reminder', 'escalation', 'info'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * An entry of the in-app feed, addressed to one user or to everyone holding one role. Its unique
 * request key is the durable record that it was sent (a retried activity writes it once).
 */
export const FeedNotification = defineEntity({
  name: 'FeedNotification',
  tableName: 'notification',
  properties: {
    id: p.uuid().primary(),
    requestKey: p.text().fieldName('request_key').unique(),
    /** Exactly one of the two is set. */
    recipientUser: p.text().fieldName('recipient_user').nullable(),
    recipientRole: p.text().fieldName('recipient_role').nullable(),
    kind: p.enum(NOTIFICATION_KINDS),
    title: p.text(),
    body: p.text(),
    subjectType: p.text().fieldName('subject_type'),
    subjectId: p.text().fieldName('subject_id'),
    taskId: p.uuid().fieldName('task_id').nullable(),
    createdAt: p
      .datetime()
      .fieldName('created_at')
      .onCreate(() => new Date()),
    /** When the email copy went out; null: not (yet) emailed, or email is not configured. */
    emailedAt: p.datetime().fieldName('emailed_at').nullable(),
  },
});

export type FeedNotificationRecord = InferEntity<typeof FeedNotification>;

/** Who has read which notification: role-addressed ones are read per user. */
export const NotificationRead = defineEntity({
  name: 'NotificationRead',
  tableName: 'notification_read',
  properties: {
    notificationId: p.uuid().fieldName('notification_id').primary(),
    userId: p.text().fieldName('user_id').primary(),
    readAt: p.datetime().fieldName('read_at'),
  },
});

export type NotificationReadRecord = InferEntity<typeof NotificationRead>;
