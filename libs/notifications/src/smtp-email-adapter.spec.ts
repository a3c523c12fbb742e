// The email channel end to end over real SMTP: SmtpEmailAdapter (nodemailer) talking to the local
// SmtpSink (smtp-server), no mocks. WF-1 (home study approval escalations to the supervisor) and
// WF-2 (licence renewal reminders) are the first users of these notifications.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InMemoryDeliveredKeys } from './idempotency.js';
import { NotificationDeliveryError, type Notification } from './notification-port.js';
import {
  IDEMPOTENCY_KEY_HEADER,
  NOTIFICATION_KIND_HEADER,
  RECIPIENT_USER_HEADER,
  SmtpEmailAdapter,
} from './smtp-email-adapter.js';
import { SmtpSink } from './smtp-sink.js';

const FROM = '"Provider Platform" <no-reply@platform.example>';

function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    recipient: { userId: 'supervisor-1', email: 'supervisor@agency.example' },
    subject: 'Home study awaiting your decision',
    body: 'The home study for provider P-17 was submitted 10 days ago and is still undecided.',
    kind: 'escalation',
    link: 'https://platform.example/tasks/task-42',
    idempotencyKey: `escalation:task-42:${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}

/** A port on the loopback interface that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('SmtpEmailAdapter through the local SMTP sink', () => {
  let sink: SmtpSink;
  let mailDir: string;
  let adapter: SmtpEmailAdapter;

  beforeAll(async () => {
    mailDir = await mkdtemp(path.join(tmpdir(), 'smtp-sink-'));
    sink = await SmtpSink.start({ mailDir });
    adapter = new SmtpEmailAdapter({ url: sink.url, from: FROM });
  });

  afterAll(async () => {
    adapter.close();
    await sink.stop();
    await rm(mailDir, { recursive: true, force: true });
  });

  it('WF-1: an escalation email reaches the supervisor with subject, body, link and headers', async () => {
    const sent = notification();
    await adapter.send(sent);

    const [mail] = await sink.waitFor(
      (m) => m.headers['x-platform-idempotency-key'] === sent.idempotencyKey,
    );
    expect(mail?.envelopeTo).toEqual(['supervisor@agency.example']);
    expect(mail?.envelopeFrom).toBe('no-reply@platform.example');
    expect(mail?.headers.to).toBe('supervisor@agency.example');
    expect(mail?.subject).toBe(sent.subject);
    expect(mail?.text).toContain(sent.body);
    expect(mail?.text).toContain('https://platform.example/tasks/task-42');
    expect(mail?.headers[NOTIFICATION_KIND_HEADER.toLowerCase()]).toBe('escalation');
    expect(mail?.headers[RECIPIENT_USER_HEADER.toLowerCase()]).toBe('supervisor-1');
  });

  it('WF-2: the idempotency key travels in a header and fixes the Message-ID', async () => {
    const sent = notification({
      kind: 'reminder',
      subject: 'Licence renewal due in 30 days — Über Care Ltd',
      recipient: { userId: 'rm-3', email: 'rm@agency.example' },
      idempotencyKey: `renewal-reminder:licence-9:30d:${Math.random().toString(36).slice(2)}`,
    });
    await adapter.send(sent);

    const [mail] = await sink.waitFor(
      (m) => m.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()] === sent.idempotencyKey,
    );
    expect(mail?.messageId).toBe(adapter.messageIdFor(sent.idempotencyKey));
    expect(mail?.messageId).toMatch(/^<[0-9a-f]{32}@platform\.example>$/);
    expect(mail?.subject).toBe(sent.subject);
    expect(mail?.envelopeTo).toEqual(['rm@agency.example']);
  });

  it('WF-2: a reminder sent again with the same idempotency key (a retried activity) is delivered once', async () => {
    const sent = notification({ kind: 'reminder' });
    const marker = (m: { headers: Record<string, string> }) =>
      m.headers['x-platform-idempotency-key'] === sent.idempotencyKey;

    await Promise.all([adapter.send(sent), adapter.send(sent)]);
    await adapter.send(sent);
    // A different notification sent afterwards over the same path proves the sink has caught up.
    const later = notification({ kind: 'info' });
    await adapter.send(later);
    await sink.waitFor((m) => m.headers['x-platform-idempotency-key'] === later.idempotencyKey);

    expect(sink.messages.filter(marker)).toHaveLength(1);
  });

  it('the sink writes each message as an .eml file holding what was received', async () => {
    const sent = notification({ kind: 'info' });
    await adapter.send(sent);
    const [mail] = await sink.waitFor(
      (m) => m.headers['x-platform-idempotency-key'] === sent.idempotencyKey,
    );

    expect(mail?.file).toMatch(/\.eml$/);
    expect(path.dirname(mail?.file ?? '')).toBe(mailDir);
    expect(await readFile(mail?.file ?? '', 'utf8')).toBe(mail?.raw);
  });

  it('a recipient without an email address is rejected, or skipped when the adapter says so', async () => {
    const sent = notification({ recipient: { userId: 'no-mail', email: null } });
    await expect(adapter.send(sent)).rejects.toThrow(/user no-mail has no email address/);

    const skipping = new SmtpEmailAdapter({ url: sink.url, from: FROM, withoutEmail: 'skip' });
    try {
      await expect(skipping.send(sent)).resolves.toBeUndefined();
    } finally {
      skipping.close();
    }
    expect(
      sink.messages.filter((m) => m.headers['x-platform-recipient-user'] === 'no-mail'),
    ).toEqual([]);
  });

  it('an unreachable SMTP server rejects with a clear error, and a retry is not suppressed as a duplicate', async () => {
    const port = await closedPort();
    const delivered = new InMemoryDeliveredKeys();
    const unreachable = new SmtpEmailAdapter({
      url: `smtp://user:secret@127.0.0.1:${port}`,
      from: FROM,
      deliveredKeys: delivered,
    });
    const sent = notification();
    try {
      const error = await unreachable.send(sent).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(NotificationDeliveryError);
      const message = (error as NotificationDeliveryError).message;
      expect(message).toContain(
        `email to supervisor@agency.example (notification ${sent.idempotencyKey})`,
      );
      expect(message).toContain(`could not be sent through smtp://127.0.0.1:${port}`);
      expect(message).toMatch(/ECONNREFUSED/);
      expect(message).not.toContain('secret');
      expect((error as NotificationDeliveryError).idempotencyKey).toBe(sent.idempotencyKey);
      expect(delivered.has(sent.idempotencyKey)).toBe(false);
    } finally {
      unreachable.close();
    }
  });

  it('rejects a URL that is not SMTP', () => {
    expect(() => new SmtpEmailAdapter({ url: 'http://127.0.0.1:2525', from: FROM })).toThrow(
      /smtp:\/\/ or smtps:\/\//,
    );
  });
});
