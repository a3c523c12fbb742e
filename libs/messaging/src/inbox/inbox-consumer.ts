import type { Database as MikroORM, EntityManager } from '@platform/persistence';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import { deadLetterTopicFor, eventKey, parseEvent, type EventEnvelope } from '@platform/contracts';
import { createIdempotentProducer } from '../kafka/kafka-client.js';
import type { MessagingLogger } from '../messaging-logger.js';

/** Runs inside the transaction that also records the event in the inbox. */
export type InboxHandler = (envelope: EventEnvelope, em: EntityManager) => Promise<void>;

export interface InboxConsumerOptions {
  kafka: Kafka;
  orm: MikroORM;
  logger: MessagingLogger;
  /** Consumer group and inbox namespace, e.g. `providers.inquiry-process-starter`. */
  consumer: string;
  topics: readonly string[];
  /** Handlers by `type@vN` (see eventKey); events without a handler are skipped. */
  handlers: ReadonlyMap<string, InboxHandler>;
  /** Attempts before a failing message goes to the dead-letter topic. */
  maxAttempts?: number;
  retryBackoffMs?: number;
}

export type DeliveryOutcome = 'processed' | 'duplicate' | 'skipped' | 'dead-lettered';

/**
 * Idempotent consumer (ARCHITECTURE rule 2): the event id is inserted into the inbox in the same
 * transaction as the handler's effect, so a redelivery finds it there and changes nothing. A
 * message that cannot be parsed, or whose handler keeps failing, is sent to `<topic>.dlq` with the
 * reason, and the offset moves on so one poison message cannot stall its partition.
 */
export class InboxConsumer {
  private readonly consumer: Consumer;
  private readonly deadLetters: Producer;
  /** Observers for tests and metrics; called after each message is settled. */
  readonly settled: ((outcome: DeliveryOutcome, envelopeId: string | null) => void)[] = [];

  constructor(private readonly options: InboxConsumerOptions) {
    this.consumer = options.kafka.consumer({ groupId: options.consumer });
    this.deadLetters = createIdempotentProducer(options.kafka);
  }

  async start(): Promise<void> {
    await this.deadLetters.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
    await this.consumer.run({ eachMessage: (payload) => this.onMessage(payload) });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.deadLetters.disconnect();
  }

  private async onMessage(payload: EachMessagePayload): Promise<void> {
    const outcome = await this.deliver(payload);
    const id = payload.message.headers?.['event-id']?.toString() ?? null;
    for (const observer of this.settled) observer(outcome, id);
  }

  /** Processes one message; never throws, so the partition always moves on. */
  async deliver({ topic, partition, message }: EachMessagePayload): Promise<DeliveryOutcome> {
    const parsed = parseEvent(message.value);
    if (!parsed.ok) {
      await this.deadLetter(topic, partition, message, parsed.reason);
      return 'dead-lettered';
    }
    const handler = this.options.handlers.get(eventKey(parsed.envelope));
    if (!handler) return 'skipped';

    const maxAttempts = this.options.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.processOnce(parsed.envelope, handler);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (attempt >= maxAttempts) {
          this.options.logger.error(
            `${this.options.consumer}: ${parsed.envelope.type} ${parsed.envelope.id} failed ${attempt} times; dead-lettering`,
            error,
          );
          await this.deadLetter(topic, partition, message, reason);
          return 'dead-lettered';
        }
        this.options.logger.warn(
          `${this.options.consumer}: ${parsed.envelope.type} ${parsed.envelope.id} attempt ${attempt} failed: ${reason}`,
        );
        await new Promise((resolve) =>
          setTimeout(resolve, (this.options.retryBackoffMs ?? 200) * 2 ** (attempt - 1)),
        );
      }
    }
  }

  private async processOnce(envelope: EventEnvelope, handler: InboxHandler) {
    return this.options.orm.em.fork().transactional(async (em) => {
      const inserted = await em.execute<{ event_id: string }[]>(
        `insert into inbox_message (consumer, event_id, event_type) values (?, ?, ?)
         on conflict do nothing returning event_id`,
        [this.options.consumer, envelope.id, envelope.type],
      );
      if (inserted.length === 0) return 'duplicate' as const;
      await handler(envelope, em);
      return 'processed' as const;
    });
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: EachMessagePayload['message'],
    reason: string,
  ): Promise<void> {
    await this.deadLetters.send({
      topic: deadLetterTopicFor(topic),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'dlq-reason': reason.slice(0, 2_000),
            'dlq-source': `${topic}/${partition}/${message.offset}`,
            'dlq-consumer': this.options.consumer,
          },
        },
      ],
    });
  }
}
