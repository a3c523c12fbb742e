import type { Database as MikroORM } from '@platform/persistence';
import type { Kafka, Producer } from 'kafkajs';
import { createIdempotentProducer } from '../kafka/kafka-client.js';
import type { MessagingLogger } from '../messaging-logger.js';
import { OutboxMessage } from './outbox-message.entity.js';

interface PendingRow {
  id: string;
  topic: string;
  message_key: string;
  event_type: string;
  envelope: unknown;
}

export interface OutboxRelayOptions {
  orm: MikroORM;
  kafka: Kafka;
  logger: MessagingLogger;
  batchSize?: number;
  /** How long to sleep when the outbox is empty. */
  idleMs?: number;
  /** Prepended to every topic (KAFKA_TOPIC_PREFIX): isolates an instance on a shared broker. */
  topicPrefix?: string;
}

/**
 * Any integer works; relays of different services use different databases. Holding it makes one
 * relay per database publish at a time, which keeps each aggregate's events in order.
 */
const RELAY_LOCK = 7_411_301;

/**
 * Publishes committed outbox rows to Kafka and marks them published in the same database
 * transaction. If the process dies after Kafka acknowledged but before the mark commits, the rows
 * are sent again on restart: delivery is at-least-once and consumers deduplicate (inbox).
 */
export class OutboxRelay {
  private readonly producer: Producer;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: OutboxRelayOptions) {
    this.producer = createIdempotentProducer(options.kafka);
  }

  async start(): Promise<void> {
    if (this.running) return;
    await this.producer.connect();
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.producer.disconnect();
  }

  /** Publishes one batch; returns how many events went out. */
  async publishBatch(): Promise<number> {
    const batchSize = this.options.batchSize ?? 500;
    return this.options.orm.em.fork().transactional(async (em) => {
      const [lock] = await em.execute<{ locked: boolean }[]>(
        'select pg_try_advisory_xact_lock(?) as locked',
        [RELAY_LOCK],
      );
      if (!lock?.locked) return 0;
      const rows = await em.execute<PendingRow[]>(
        `select id, topic, message_key, event_type, envelope from outbox_message
          where published_at is null order by seq limit ?`,
        [batchSize],
      );
      if (rows.length === 0) return 0;
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: groupByTopic(rows, this.options.topicPrefix ?? ''),
      });
      await em.nativeUpdate(
        OutboxMessage,
        { id: { $in: rows.map((row) => row.id) } },
        { publishedAt: new Date() },
      );
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const published = await this.publishBatch();
        failures = 0;
        if (published === 0) await this.sleep(this.options.idleMs ?? 25);
      } catch (error) {
        failures += 1;
        this.options.logger.error(`outbox relay: publish failed (attempt ${failures})`, error);
        await this.sleep(Math.min(5_000, 100 * 2 ** failures));
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function groupByTopic(rows: readonly PendingRow[], prefix: string) {
  const byTopic = new Map<
    string,
    { key: string; value: string; headers: Record<string, string> }[]
  >();
  for (const row of rows) {
    const topic = `${prefix}${row.topic}`;
    const messages = byTopic.get(topic) ?? [];
    messages.push({
      key: row.message_key,
      value: JSON.stringify(row.envelope),
      headers: { 'event-id': row.id, 'event-type': row.event_type },
    });
    byTopic.set(topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
