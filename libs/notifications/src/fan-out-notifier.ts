// Sends one notification through several ports (email and, next, the in-app feed) so callers see
// a single NotificationPort. Every port is tried even when one fails (an SMTP outage must not
// keep the in-app entry from being written), and any failure rejects the whole send: the caller's
// activity retries, and each port's idempotency key keeps the ports that already succeeded from
// delivering twice. Nothing is swallowed.
import {
  NotificationDeliveryError,
  type Notification,
  type NotificationPort,
} from './notification-port.js';

export interface NamedPort {
  name: string;
  port: NotificationPort;
}

/** Rejects with this when at least one port failed; `errors` has one entry per failed port. */
export class FanOutDeliveryError extends NotificationDeliveryError {
  override readonly name: string = 'FanOutDeliveryError';

  constructor(
    idempotencyKey: string,
    readonly failures: ReadonlyArray<{ port: string; error: unknown }>,
  ) {
    super(
      `notification ${idempotencyKey} failed on ${failures.length} port(s): ` +
        failures.map(({ port, error }) => `${port}: ${describe(error)}`).join('; '),
      idempotencyKey,
      { cause: new AggregateError(failures.map(({ error }) => error)) },
    );
  }
}

export class FanOutNotifier implements NotificationPort {
  private readonly ports: readonly NamedPort[];

  constructor(ports: readonly NamedPort[]) {
    if (ports.length === 0) throw new Error('FanOutNotifier needs at least one port');
    const names = new Set(ports.map(({ name }) => name));
    if (names.size !== ports.length) throw new Error('FanOutNotifier port names must be unique');
    this.ports = [...ports];
  }

  async send(notification: Notification): Promise<void> {
    const results = await Promise.allSettled(this.ports.map(({ port }) => port.send(notification)));
    const failures = results.flatMap((result, index) =>
      result.status === 'rejected'
        ? [{ port: this.ports[index]?.name ?? String(index), error: result.reason as unknown }]
        : [],
    );
    if (failures.length > 0) throw new FanOutDeliveryError(notification.idempotencyKey, failures);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
