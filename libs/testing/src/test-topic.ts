import type { Kafka } from 'kafkajs';
import { uniqueName } from './kafka-probe.js';

export interface TestTopic {
  name: string;
  /** `<name>.dlq`, created too when asked for. */
  deadLetter: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(kafka: Kafka, run: (admin: ReturnType<Kafka['admin']>) => Promise<T>) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.disconnect();
  }
}

/**
 * A topic of its own for one test (and its dead-letter twin if asked), so no other test or running
 * service ever reads or writes it; deleted afterwards.
 */
export async function createTestTopic(
  kafka: Kafka,
  prefix: string,
  options: { partitions?: number; withDeadLetter?: boolean } = {},
): Promise<TestTopic> {
  const name = uniqueName(`test.${prefix}`);
  const deadLetter = `${name}.dlq`;
  const topics = options.withDeadLetter ? [name, deadLetter] : [name];
  await withAdmin(kafka, (admin) =>
    admin.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic) => ({
        topic,
        numPartitions: options.partitions ?? 3,
        replicationFactor: 1,
      })),
    }),
  );
  return {
    name,
    deadLetter,
    drop: () => withAdmin(kafka, (admin) => admin.deleteTopics({ topics })),
  };
}

/** Deletes the topics a prefixed platform instance created (KAFKA_NAME_PREFIX). */
export async function dropTopicsWithPrefix(kafka: Kafka, prefix: string): Promise<void> {
  if (!prefix) throw new Error('refusing to drop topics without a prefix');
  await withAdmin(kafka, async (admin) => {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  });
}
