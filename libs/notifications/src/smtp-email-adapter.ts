// Email channel of the NotificationPort over plain SMTP (nodemailer), configured by one URL so the
// same code talks to the local sink (`smtp://127.0.0.1:2525`) and to an agency's relay
// (`smtps://user:pass@relay.example.gov`). Idempotency: the key travels in an
// `X-Platform-Idempotency-Key` header and determines the `Message-ID`, so a duplicate that does get
// through is recognisable downstream; in-process, `OncePerKey` keeps a retried send with the same
// key from delivering twice. Durable dedupe is the caller's (its inbox/outbox), which may pass its
// own `deliveredKeys` store.
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import { InMemoryDeliveredKeys, OncePerKey, type DeliveredKeys } from './idempotency.js';
import {
  NotificationDeliveryError,
  type Notification,
  type NotificationPort,
} from './notification-port.js';

export const IDEMPOTENCY_KEY_HEADER = 'X-Platform-Idempotency-Key';
export const NOTIFICATION_KIND_HEADER = 'X-Platform-Notification-Kind';
export const RECIPIENT_USER_HEADER = 'X-Platform-Recipient-User';

export interface SmtpEmailAdapterOptions {
  /** `smtp://host:port` (STARTTLS when offered) or `smtps://host:port`; credentials in the URL. */
  url: string;
  /** Sender, e.g. `"Provider Platform" <no-reply@platform.example>`. */
  from: string;
  /** What to do for a recipient without an email address. Default `reject` (never silent). */
  withoutEmail?: 'reject' | 'skip';
  /** Where delivered keys are remembered; default an in-memory store of the last 10,000 keys. */
  deliveredKeys?: DeliveredKeys;
  /** Bounds the TCP connect and greeting; default 10 s. */
  connectionTimeoutMs?: number;
}

export class SmtpEmailAdapter implements NotificationPort {
  private readonly transport: ReturnType<typeof nodemailer.createTransport>;
  private readonly once: OncePerKey;
  private readonly messageIdDomain: string;
  /** The URL without credentials, for error messages and logs. */
  readonly endpoint: string;

  constructor(private readonly options: SmtpEmailAdapterOptions) {
    const url = new URL(options.url);
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      throw new Error(`SMTP URL must start with smtp:// or smtps://, got ${url.protocol}//`);
    }
    this.endpoint = `${url.protocol}//${url.host}`;
    const timeout = options.connectionTimeoutMs ?? 10_000;
    this.transport = nodemailer.createTransport({
      url: options.url,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
    });
    this.once = new OncePerKey(options.deliveredKeys ?? new InMemoryDeliveredKeys());
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? 'platform.invalid';
  }

  send(notification: Notification): Promise<void> {
    const to = notification.recipient.email;
    const key = notification.idempotencyKey;
    if (!key) {
      return Promise.reject(new NotificationDeliveryError('idempotencyKey must not be empty', key));
    }
    if (!to) {
      if (this.options.withoutEmail === 'skip') return Promise.resolve();
      return Promise.reject(
        new NotificationDeliveryError(
          `user ${notification.recipient.userId} has no email address (notification ${key})`,
          key,
        ),
      );
    }
    return this.once.run(key, async () => {
      try {
        await this.transport.sendMail({
          from: this.options.from,
          to,
          subject: notification.subject,
          text: notification.link
            ? `${notification.body}\n\n${notification.link}\n`
            : notification.body,
          messageId: this.messageIdFor(key),
          headers: {
            [IDEMPOTENCY_KEY_HEADER]: key,
            [NOTIFICATION_KIND_HEADER]: notification.kind,
            [RECIPIENT_USER_HEADER]: notification.recipient.userId,
          },
        });
      } catch (error) {
        throw new NotificationDeliveryError(
          `email to ${to} (notification ${key}) could not be sent through ${this.endpoint}: ` +
            (error instanceof Error ? error.message : String(error)),
          key,
          { cause: error },
        );
      }
    });
  }

  /** The same key always yields the same Message-ID (a hash: keys may hold any characters). */
  messageIdFor(idempotencyKey: string): string {
    const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
    return `<${digest}@${this.messageIdDomain}>`;
  }

  close(): void {
    this.transport.close();
  }
}
