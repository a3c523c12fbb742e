// The one way the platform tells a person something (reminders, escalations, notices), so callers
// (task activities, workflows' activities) depend on a port and not on SMTP or the in-app feed.
// The idempotency key is part of the contract because notifications are sent from retried
// activities: every adapter must make a repeated send with the same key a no-op, at least within
// its own memory. Durable, cross-process dedupe belongs to the caller (its inbox/outbox row is the
// record that a notification was already sent); the adapters only close the in-process retry gap.

export type NotificationKind = 'reminder' | 'escalation' | 'info';

export interface NotificationRecipient {
  userId: string;
  /** The in-app feed reaches every user; email only those with an address. */
  email?: string | null;
}

export interface Notification {
  recipient: NotificationRecipient;
  subject: string;
  body: string;
  kind: NotificationKind;
  /** Where the recipient acts on it (e.g. the task's page). */
  link?: string;
  /** Stable across retries of the same logical notification (e.g. `reminder:<taskId>:<dueAt>`). */
  idempotencyKey: string;
}

export interface NotificationPort {
  /** Resolves once delivered (or already delivered under the same key); rejects otherwise. */
  send(notification: Notification): Promise<void>;
}

/** A notification could not be delivered; `cause` is the transport's own error. */
export class NotificationDeliveryError extends Error {
  override readonly name: string = 'NotificationDeliveryError';

  constructor(
    message: string,
    readonly idempotencyKey: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
