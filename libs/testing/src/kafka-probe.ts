import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { infraEndpoints } from './endpoints.js';

export function testKafka(clientId = 'tests'): Kafka {
  return new Kafka({ clientId, brokers: infraEndpoints().kafka.brokers, logLevel: logLevel.ERROR });
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * Reads topics from the beginning into memory, so a test can wait until a message it expects has
 * arrived (and assert that nothing else did).
 */
export class TopicProbe {
  readonly messages: ReceivedMessage[] = [];
  private readonly consumer: Consumer;
  private readonly waiters = new Set<() => void>();
  /** A consumer-group rebalance may hand the probe a message again; the topic holds it once. */
  private readonly seenOffsets = new Set<string>();

  private constructor(kafka: Kafka) {
    this.consumer = kafka.consumer({ groupId: uniqueName('probe') });
  }

  static async start(kafka: Kafka, topics: readonly string[]): Promise<TopicProbe> {
    const probe = new TopicProbe(kafka);
    await probe.consumer.connect();
    await probe.consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await probe.consumer.run({
      eachMessage: async ({ topic, partition, message }) => probe.record(topic, partition, message),
    });
    return probe;
  }

  private record(topic: string, partition: number, message: KafkaMessage): void {
    const position = `${topic}/${partition}/${message.offset}`;
    if (this.seenOffsets.has(position)) return;
    this.seenOffsets.add(position);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(message.headers ?? {})) {
      if (value !== undefined) headers[name] = value.toString();
    }
    this.messages.push({
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString() ?? null,
      value: message.value?.toString() ?? null,
      headers,
    });
    for (const wake of this.waiters) wake();
  }

  /** Resolves once `predicate` matches `count` messages; the suite's timeout bounds the wait. */
  async waitFor(
    predicate: (message: ReceivedMessage) => boolean,
    count = 1,
  ): Promise<ReceivedMessage[]> {
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
    await this.consumer.disconnect();
  }
}
