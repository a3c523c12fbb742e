import { Kafka, logLevel, Partitioners, type LogEntry, type Producer } from 'kafkajs';

export interface KafkaOptions {
  brokers: readonly string[];
  clientId: string;
}

/**
 * kafkajs warns that bounded retries "may invalidate EoS guarantees" for every idempotent producer.
 * Our delivery guarantee does not rest on the producer: an unsent outbox row is sent again by the
 * relay, and consumers drop duplicates in their inbox (ADR 0005). Unbounded retries would instead
 * hang a relay whose broker is gone, so the retries stay bounded and this one warning is dropped.
 */
const EXPECTED_WARNINGS = new Set([
  'Limiting retries for the idempotent producer may invalidate EoS guarantees',
]);

function kafkaLog({ namespace, level, label, log }: LogEntry): void {
  if (EXPECTED_WARNINGS.has(log.message)) return;
  const line = JSON.stringify({ level: label, logger: 'kafkajs', namespace, ...log });
  if (level <= logLevel.ERROR) console.error(line);
  else console.warn(line);
}

export function createKafka(options: KafkaOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    logCreator: () => kafkaLog,
    retry: { retries: 8, initialRetryTime: 100 },
  });
}

/**
 * Idempotent producer: the broker drops retried duplicates within a session, and one request in
 * flight keeps each partition in order.
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

/** Creates missing topics up front so the first publish does not race topic auto-creation. */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly string[],
  numPartitions = 3,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor: 1 })),
      });
    } catch (error) {
      // kafkajs waits for leaders by reading metadata and retries "leader not available", but
      // not "unknown topic or partition", which the broker may answer for a topic it created a
      // moment ago (it failed a service's start-up in the end-to-end suite once). Wait ourselves.
      if (!isUnknownTopicOrPartition(error)) throw error;
    }
    await waitForLeaders(admin, missing);
  } finally {
    await admin.disconnect();
  }
}

type Admin = ReturnType<Kafka['admin']>;

function isUnknownTopicOrPartition(error: unknown): boolean {
  return (error as { type?: string } | null)?.type === 'UNKNOWN_TOPIC_OR_PARTITION';
}

/** Until every partition of `topics` has a leader (100 ms apart, at most 30 s). */
async function waitForLeaders(admin: Admin, topics: readonly string[]): Promise<void> {
  const giveUpAt = Date.now() + 30_000;
  for (;;) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics: [...topics] });
      const led = found.every(
        (topic) =>
          topic.partitions.length > 0 &&
          topic.partitions.every((partition) => partition.leader >= 0),
      );
      if (led && found.length === topics.length) return;
    } catch (error) {
      if (!isUnknownTopicOrPartition(error)) throw error;
    }
    if (Date.now() > giveUpAt) {
      throw new Error(`topics without a leader after 30 s: ${topics.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
