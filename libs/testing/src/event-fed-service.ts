import type { Producer } from 'kafkajs';
import {
  createEvent,
  topicFor,
  type EventDefinition,
  type EventEnvelope,
  type NewEventInput,
} from '@platform/contracts';
import type { z } from 'zod';
import type { QueryRows } from './database-query.js';
import { eventually } from './eventually.js';
import { testKafka } from './kafka-probe.js';
import type { ServiceRequest } from './service-client.js';
import { openServiceTestBed, type ServiceTestBed } from './service-test-bed.js';

export interface PublishOptions {
  /** The event is expected to fail and go to the dead-letter topic: `settled()` does not wait for it. */
  deadLetter?: boolean;
}

/** What the suite starts: the service's own start function over a test bed's environment. */
export interface EventFedServiceDefinition {
  /** The service's name: its test database, namespace and topic prefix are named after it. */
  name: string;
  /** The consumer group of its projections (rebuildFromScratch resets it). */
  consumerGroup: string;
  start(env: NodeJS.ProcessEnv): Promise<{ url: string; close(): Promise<void> }>;
}

export interface EventFedService {
  url: string;
  bed: ServiceTestBed;
  /** Calls the service as a client would; a 5xx throws. */
  request: ServiceRequest;
  /**
   * Publishes an event the way another service's outbox relay does (envelope from the contracts'
   * codec, keyed by aggregate, on the suite's prefixed topic). `replay` sends an envelope
   * published before again, as a redelivery would.
   */
  publish<D extends EventDefinition>(
    definition: D,
    input: NewEventInput<z.infer<D['schema']>>,
    options?: PublishOptions,
  ): Promise<EventEnvelope<z.infer<D['schema']>>>;
  replay(envelope: EventEnvelope): Promise<void>;
  /** Waits until the inbox has taken every event published so far (but dead letters). */
  settled(): Promise<void>;
  /**
   * Throws the projections away and builds them again from the topics: stops the service, resets
   * its consumer group to the beginning, and starts it on an empty database, which it migrates.
   */
  rebuildFromScratch(): Promise<void>;
  /** SQL on the database the running service uses. */
  query: QueryRows;
  close(): Promise<void>;
}

/**
 * A service in-process for integration tests: its own database, Temporal namespace, topics and
 * consumer group on the real infrastructure, fed by events the suite publishes as the owning
 * service would.
 */
export async function startEventFedService(
  definition: EventFedServiceDefinition,
): Promise<EventFedService> {
  const bed = await openServiceTestBed(definition.name);
  const kafka = testKafka(`${definition.name}-tests`);
  let service = await definition.start(bed.env);
  let query = bed.query;
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const published = new Set<string>();
  const topicOf = new Map<string, string>();

  const send = async (envelope: EventEnvelope, topic: string, options: PublishOptions = {}) => {
    await producer.send({
      topic: `${bed.kafkaPrefix}${topic}`,
      acks: -1,
      messages: [
        {
          key: envelope.aggregateId,
          value: JSON.stringify(envelope),
          headers: { 'event-id': envelope.id, 'event-type': envelope.type },
        },
      ],
    });
    if (!options.deadLetter) published.add(envelope.id);
  };

  return {
    get url() {
      return service.url;
    },
    bed,
    get request() {
      return bed.requestTo(service.url);
    },
    async publish(eventDefinition, input, options) {
      const envelope = createEvent(eventDefinition, input);
      topicOf.set(envelope.id, topicFor(eventDefinition));
      await send(envelope, topicFor(eventDefinition), options);
      return envelope;
    },
    async replay(envelope) {
      const topic = topicOf.get(envelope.id);
      if (!topic) throw new Error(`event ${envelope.id} was never published by this suite`);
      await send(envelope, topic);
    },
    settled: () =>
      eventually(async () => {
        const ids = [...published];
        const [row] = await query<{ count: string }>(
          'select count(*)::text as count from inbox_message where event_id = any($1::uuid[])',
          [ids],
        );
        if (Number(row?.count) !== ids.length) {
          throw new Error(`${row?.count ?? 0} of ${ids.length} events taken`);
        }
      }),
    async rebuildFromScratch() {
      await service.close();
      const admin = kafka.admin();
      await admin.connect();
      try {
        // Every topic the group has read so far, back to its first offset.
        const groupId = `${bed.kafkaPrefix}${definition.consumerGroup}`;
        for (const { topic } of await admin.fetchOffsets({ groupId })) {
          await admin.resetOffsets({ groupId, topic, earliest: true });
        }
      } finally {
        await admin.disconnect();
      }
      const fresh = await bed.extraDatabase(`${definition.name}_rebuild`);
      service = await definition.start({ ...bed.env, DATABASE_URL: fresh.url });
      query = fresh.query;
    },
    query: (text, params) => query(text, params),
    async close() {
      await producer.disconnect();
      await service.close();
      await bed.close();
    },
  };
}
