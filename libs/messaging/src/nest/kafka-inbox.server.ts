import {
  BaseRpcContext,
  EventPattern,
  Server,
  type CustomTransportStrategy,
} from '@nestjs/microservices';
import type { Database as MikroORM, EntityManager } from '@platform/persistence';
import type { Kafka } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import {
  EVENT_CATALOG,
  deadLetterTopicFor,
  eventKey,
  topicFor,
  type EventDefinition,
  type EventEnvelope,
} from '@platform/contracts';
import { InboxConsumer, type InboxHandler } from '../inbox/inbox-consumer.js';
import { ensureTopics } from '../kafka/kafka-client.js';

/** Handed to `@EventPattern` handlers as `@Ctx()`: the inbox transaction's EntityManager. */
export class InboxContext extends BaseRpcContext<[EntityManager, EventEnvelope]> {
  get em(): EntityManager {
    return this.getArgByIndex(0) as EntityManager;
  }

  get envelope(): EventEnvelope {
    return this.getArgByIndex(1) as EventEnvelope;
  }
}

export interface KafkaInboxServerOptions {
  kafka: Kafka;
  orm: MikroORM;
  consumer: string;
  /** Prepended to every topic (KAFKA_TOPIC_PREFIX), as the producing relays do. */
  topicPrefix?: string;
}

/**
 * A NestJS microservice transport over the inbox consumer: controllers declare
 * `@EventPattern(eventKey(providerInquiryReceived))` and receive validated envelopes exactly once.
 */
export class KafkaInboxServer extends Server implements CustomTransportStrategy {
  private inbox: InboxConsumer | undefined;

  constructor(private readonly options: KafkaInboxServerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const handlers = new Map<string, InboxHandler>();
      for (const [pattern, handler] of this.getHandlers()) {
        handlers.set(pattern, async (envelope, em) => {
          const result = await handler(envelope, new InboxContext([em, envelope]));
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
        });
      }
      const prefix = this.options.topicPrefix ?? '';
      const topics = EVENT_CATALOG.filter((definition) => handlers.has(eventKey(definition))).map(
        (definition) => `${prefix}${topicFor(definition)}`,
      );
      await ensureTopics(this.options.kafka, [...topics, ...topics.map(deadLetterTopicFor)]);
      this.inbox = new InboxConsumer({
        kafka: this.options.kafka,
        orm: this.options.orm,
        logger: this.logger as never,
        consumer: this.options.consumer,
        topics: [...new Set(topics)],
        handlers,
      });
      await this.inbox.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.inbox?.stop();
  }

  on(): never {
    throw new Error('KafkaInboxServer does not emit transport events');
  }

  unwrap<T>(): T {
    return this.inbox as T;
  }
}

/**
 * Marks a controller method as the handler of one event contract (type + version), delivered
 * through the inbox. The method receives the validated envelope as its payload.
 */
export function OnEvent(definition: EventDefinition): MethodDecorator {
  const pattern: string = eventKey(definition);
  return EventPattern(pattern) as MethodDecorator;
}
