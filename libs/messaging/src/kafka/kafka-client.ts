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
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor: 1 })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}
