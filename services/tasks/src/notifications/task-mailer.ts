import { SmtpEmailAdapter, type NotificationPort } from '@platform/notifications';
import type { TasksConfig } from '../config.js';

/** The email channel of task reminders and escalations, when one is configured. */
export interface TaskMailer {
  port: NotificationPort;
  /** Recipients' addresses are built on this domain (see emailAddressOf). */
  domain: string;
  /** Base URL of the staff application for links to the task; none: no link. */
  appUrl?: string | undefined;
  close(): void;
}

/** SMTP from the configuration; null without `SMTP_URL` (the in-app feed is then the only channel). */
export function taskMailerFrom(config: TasksConfig): TaskMailer | null {
  if (!config.SMTP_URL) return null;
  const adapter = new SmtpEmailAdapter({ url: config.SMTP_URL, from: config.MAIL_FROM });
  return {
    port: adapter,
    domain: config.MAIL_DOMAIN,
    appUrl: config.APP_URL,
    close: () => adapter.close(),
  };
}
