// A local SMTP server that accepts every message and keeps it, so tests can assert on real SMTP
// deliveries (`waitFor`, like the Kafka TopicProbe) and `npm start` can show what the platform
// would have emailed (one `.eml` file per message, e.g. in `.infra/mail/`, openable in any mail
// client). Built on `smtp-server` and `mailparser`, the real protocol and MIME parsing. It is
// exported only from `@platform/notifications/smtp-sink`, so services never load it.
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope sender (MAIL FROM). */
  envelopeFrom: string | null;
  /** Envelope recipients (RCPT TO): who the message was actually delivered to. */
  envelopeTo: string[];
  subject: string;
  /** The plain-text body, decoded. */
  text: string;
  messageId: string | null;
  /** Decoded header values by lower-cased name (the last one wins for repeated headers). */
  headers: Record<string, string>;
  /** The message as received (RFC 5322), which is also what the `.eml` file holds. */
  raw: string;
  /** Path of the `.eml` file when the sink writes them. */
  file: string | null;
}

export interface SmtpSinkOptions {
  /** Default 0 (any free port); `npm start` uses a fixed one such as 2525. */
  port?: number;
  /** Default 127.0.0.1: the sink accepts anything, so it never listens beyond the machine. */
  host?: string;
  /** When set, each message is also written there as `<time>-<n>.eml`. */
  mailDir?: string;
}

export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private readonly waiters = new Set<() => void>();
  private sequence = 0;
  private readonly server: SMTPServer;

  private constructor(private readonly mailDir: string | null) {
    this.server = new SMTPServer({
      banner: 'platform smtp sink',
      authOptional: true,
      // Plain TCP on the loopback interface; clients must not be steered into TLS.
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 1_000,
      onData: (stream, session, callback) => {
        this.receive(stream, session).then(
          () => callback(),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
  }

  static async start(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
    const sink = new SmtpSink(options.mailDir ?? null);
    if (sink.mailDir) await mkdir(sink.mailDir, { recursive: true });
    await new Promise<void>((resolve, reject) => {
      const server = sink.server.server;
      const onError = (error: Error) => reject(error);
      server.once('error', onError);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', onError);
        resolve();
      });
    });
    return sink;
  }

  /** `smtp://host:port` for an SMTP client such as SmtpEmailAdapter. */
  get url(): string {
    const address = this.server.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `smtp://${host}:${address.port}`;
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const parsed = await simpleParser(raw);
    let file: string | null = null;
    if (this.mailDir) {
      file = path.join(this.mailDir, `${Date.now()}-${++this.sequence}.eml`);
      await writeFile(file, raw);
    }
    const mailFrom = session.envelope.mailFrom;
    this.messages.push({
      envelopeFrom: mailFrom ? mailFrom.address : null,
      envelopeTo: session.envelope.rcptTo.map(({ address }) => address),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      messageId: parsed.messageId ?? null,
      headers: headersOf(parsed),
      raw: raw.toString('utf8'),
      file,
    });
    for (const wake of this.waiters) wake();
  }

  /** Resolves once `predicate` matches `count` messages; the test's timeout bounds the wait. */
  async waitFor(predicate: (mail: ReceivedMail) => boolean, count = 1): Promise<ReceivedMail[]> {
    for (;;) {
      const matches = this.messages.filter(predicate);
      if (matches.length >= count) return matches;
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
      });
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function headersOf(parsed: ParsedMail): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of parsed.headers) {
    if (typeof value === 'string') headers[name] = value;
    else if (value instanceof Date) headers[name] = value.toISOString();
    else if (Array.isArray(value)) headers[name] = value.map(String).join(', ');
    else if ('text' in value && typeof value.text === 'string') headers[name] = value.text;
    else if ('value' in value && typeof value.value === 'string') headers[name] = value.value;
  }
  return headers;
}
