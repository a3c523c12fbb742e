import type { Kafka } from 'kafkajs';

/**
 * Commits the current end of each topic as the starting point of new consumer groups, so a
 * platform instance started for a test handles the events of its own run, not the whole history
 * other runs left on the shared topics. (In production a new group reads from the beginning.)
 */
export async function startConsumerGroupsAtEnd(
  kafka: Kafka,
  groupIds: readonly string[],
  topics: readonly string[],
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    for (const topic of topics.filter((t) => existing.has(t))) {
      const ends = await admin.fetchTopicOffsets(topic);
      const partitions = ends.map(({ partition, high }) => ({ partition, offset: high }));
      for (const groupId of groupIds) await admin.setOffsets({ groupId, topic, partitions });
    }
  } finally {
    await admin.disconnect();
  }
}
