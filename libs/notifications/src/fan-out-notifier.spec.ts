// FanOutNotifier over real ports: the SMTP adapter into the local sink, next to an in-memory feed
// standing in for the in-app feed of the next issue. A failing channel fails the send, loudly.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FanOutDeliveryError, FanOutNotifier } from './fan-out-notifier.js';
import { InMemoryDeliveredKeys, OncePerKey } from './idempotency.js';
import type { Notification, NotificationPort } from './notification-port.js';
import { SmtpEmailAdapter } from './smtp-email-adapter.js';
import { SmtpSink } from './smtp-sink.js';

/** The shape the in-app feed will have: one entry per user and idempotency key. */
class FeedPort implements NotificationPort {
  readonly entries: Notification[] = [];
  private readonly once = new OncePerKey(new InMemoryDeliveredKeys());

  send(notification: Notification): Promise<void> {
    return this.once.run(notification.idempotencyKey, async () => {
      this.entries.push(notification);
    });
  }
}

class BrokenPort implements NotificationPort {
  async send(): Promise<void> {
    throw new Error('feed database unavailable');
  }
}

const escalation = (key: string): Notification => ({
  recipient: { userId: 'supervisor-1', email: 'supervisor@agency.example' },
  subject: 'Home study awaiting your decision',
  body: 'Still undecided after 10 days.',
  kind: 'escalation',
  idempotencyKey: key,
});

describe('FanOutNotifier', () => {
  let sink: SmtpSink;
  let email: SmtpEmailAdapter;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    email = new SmtpEmailAdapter({ url: sink.url, from: 'no-reply@platform.example' });
  });

  afterAll(async () => {
    email.close();
    await sink.stop();
  });

  it('WF-1: an escalation reaches the supervisor by email and in the feed', async () => {
    const feed = new FeedPort();
    const notifier = new FanOutNotifier([
      { name: 'email', port: email },
      { name: 'feed', port: feed },
    ]);

    await notifier.send(escalation('escalation:task-1'));

    await sink.waitFor((m) => m.headers['x-platform-idempotency-key'] === 'escalation:task-1');
    expect(feed.entries.map((entry) => entry.idempotencyKey)).toEqual(['escalation:task-1']);
  });

  it('WF-1: a failing channel fails the send, the other channels still deliver, and the retry delivers nothing twice', async () => {
    const feed = new FeedPort();
    const notifier = new FanOutNotifier([
      { name: 'email', port: email },
      { name: 'feed', port: feed },
      { name: 'broken', port: new BrokenPort() },
    ]);

    const error = await notifier.send(escalation('escalation:task-2')).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(FanOutDeliveryError);
    expect((error as FanOutDeliveryError).message).toBe(
      'notification escalation:task-2 failed on 1 port(s): broken: feed database unavailable',
    );
    expect((error as FanOutDeliveryError).failures.map(({ port }) => port)).toEqual(['broken']);

    await expect(notifier.send(escalation('escalation:task-2'))).rejects.toThrow(
      FanOutDeliveryError,
    );
    const later = escalation('escalation:task-2-later');
    await email.send(later);
    await sink.waitFor((m) => m.headers['x-platform-idempotency-key'] === later.idempotencyKey);
    expect(
      sink.messages.filter((m) => m.headers['x-platform-idempotency-key'] === 'escalation:task-2'),
    ).toHaveLength(1);
    expect(feed.entries).toHaveLength(1);
  });

  it('needs at least one port, each with its own name', () => {
    expect(() => new FanOutNotifier([])).toThrow(/at least one port/);
    const feed = new FeedPort();
    expect(
      () =>
        new FanOutNotifier([
          { name: 'feed', port: feed },
          { name: 'feed', port: feed },
        ]),
    ).toThrow(/unique/);
  });
});
