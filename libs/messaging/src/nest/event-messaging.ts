import { Logger, type INestApplication } from '@nestjs/common';
import type { Database as MikroORM } from '@platform/persistence';
import type { Kafka } from 'kafkajs';
import { EVENT_CATALOG, deadLetterTopicFor, topicFor } from '@platform/contracts';
import { ensureTopics } from '../kafka/kafka-client.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { KafkaInboxServer } from './kafka-inbox.server.js';

export interface EventMessagingOptions {
  orm: MikroORM;
  kafka: Kafka;
  /** The service whose events these are (`EventDefinition.owner`): its topics are created. */
  owner: string;
  /** KAFKA_NAME_PREFIX: prepended to every topic and to the consumer group. */
  topicPrefix: string;
  /** The consumer group (and inbox namespace) of the service's `@OnEvent` handlers. */
  consumerGroup: string;
}

/** Runs beside a service's HTTP API; the shape `startService` takes as an extension. */
export interface EventMessagingPart {
  attach?(app: INestApplication): void;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

/**
 * A service's event plumbing (ARCHITECTURE rules 2–3, ADR 0005): its own topics and their
 * dead-letter topics exist, the outbox relay publishes what its transactions recorded, and its
 * `@OnEvent` handlers consume through the inbox under its consumer group.
 */
export async function eventMessaging(
  options: EventMessagingOptions,
): Promise<EventMessagingPart[]> {
  const { orm, kafka, topicPrefix } = options;
  const ownTopics = EVENT_CATALOG.filter((d) => d.owner === options.owner).map(
    (definition) => `${topicPrefix}${topicFor(definition)}`,
  );
  if (ownTopics.length > 0) {
    await ensureTopics(kafka, [...new Set([...ownTopics, ...ownTopics.map(deadLetterTopicFor)])]);
  }
  const relay = new OutboxRelay({ orm, kafka, topicPrefix, logger: new Logger('OutboxRelay') });
  const consumers = new KafkaInboxServer({
    kafka,
    orm,
    consumer: `${topicPrefix}${options.consumerGroup}`,
    topicPrefix,
  });
  return [
    { attach: (app) => void app.connectMicroservice({ strategy: consumers }) },
    { start: () => relay.start(), stop: () => relay.stop() },
  ];
}
