import { expect } from '@jest/globals';
import { EVENT_CATALOG, parseEvent, topicFor, type EventEnvelope } from '@platform/contracts';
import {
  infraEndpoints,
  eventually,
  openServiceTestBed,
  testKafka,
  TopicProbe,
  type QueryRows,
} from '@platform/testing';
import type { Client } from '@temporalio/client';
import { connectTemporalClient } from '@platform/temporal';
import { loadProvidersConfig } from '../../src/config.js';
import { startProvidersService } from '../../src/providers.service-runtime.js';

export type { HttpMethod, Reply, RequestOptions } from '@platform/testing';
import type { ServiceRequest } from '@platform/testing';

export interface ProvidersApp {
  url: string;
  /** Prepended to this instance's topics (KAFKA_NAME_PREFIX): `${kafkaPrefix}providers.provider`. */
  kafkaPrefix: string;
  databaseUrl: string;
  /** The suite's Temporal namespace, where the service starts its processes (no worker runs them). */
  temporalNamespace: string;
  /** A client in the suite's namespace, to see what reached Temporal (connected on first use). */
  temporal(): Promise<Client>;
  /** Every event the service publishes during the suite. */
  events: TopicProbe;
  /** The published events of one aggregate, in order; each must be a valid envelope. */
  eventsOf(aggregateId: string): EventEnvelope<Record<string, unknown>>[];
  /** Waits until the aggregate's published events are exactly `types`, in order. */
  expectEvents(
    aggregateId: string,
    types: string[],
  ): Promise<EventEnvelope<Record<string, unknown>>[]>;
  token(username: string): Promise<string>;
  /** Calls the service as a client would; a 5xx throws. */
  request: ServiceRequest;
  /** SQL on the suite's database: fixtures the API cannot make, and looks into the outbox. */
  query: QueryRows;
  close(): Promise<void>;
}

/**
 * The providers service in-process for integration tests over HTTP: its own database, Temporal
 * namespace and consumer groups on the real infrastructure, and a probe on its topics.
 */
export async function startProvidersApp(): Promise<ProvidersApp> {
  const endpoints = infraEndpoints();
  const kafka = testKafka('providers-tests');
  // Topics and consumer groups of its own: the suite sees only the events it caused.
  const bed = await openServiceTestBed('providers');
  const { kafkaPrefix } = bed;
  const topics = EVENT_CATALOG.filter((d) => d.owner === 'providers').map(
    (definition) => `${kafkaPrefix}${topicFor(definition)}`,
  );
  const service = await startProvidersService(loadProvidersConfig(bed.env));
  const events = await TopicProbe.start(kafka, [...new Set(topics)]);

  // Connected on first use; suites that never look into Temporal hold no connection.
  let temporal: Promise<Client> | undefined;

  const eventsOf = (aggregateId: string) =>
    events.messages
      .filter((message) => message.key === aggregateId)
      .map((message) => {
        const parsed = parseEvent(message.value);
        if (!parsed.ok) throw new Error(`invalid event on ${message.topic}: ${parsed.reason}`);
        return parsed.envelope as EventEnvelope<Record<string, unknown>>;
      });

  return {
    url: service.url,
    eventsOf,
    expectEvents: (aggregateId, types) =>
      eventually(() => {
        const published = eventsOf(aggregateId);
        expect(published.map((event) => event.type)).toEqual(types);
        return published;
      }),
    kafkaPrefix,
    databaseUrl: bed.database.url,
    temporalNamespace: bed.namespace.name,
    temporal: () =>
      (temporal ??= connectTemporalClient({
        address: endpoints.temporal.address,
        namespace: bed.namespace.name,
      })),
    events,
    token: bed.token,
    request: bed.requestTo(service.url),
    query: bed.query,
    async close() {
      if (temporal) await (await temporal).connection.close();
      await events.stop();
      await service.close();
      await bed.close();
    },
  };
}
