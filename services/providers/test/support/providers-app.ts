import pg from 'pg';
import { startDevIssuer } from '@platform/auth';
import { expect } from '@jest/globals';
import { EVENT_CATALOG, parseEvent, topicFor, type EventEnvelope } from '@platform/contracts';
import {
  createTestDatabase,
  createTestNamespace,
  infraEndpoints,
  dropTopicsWithPrefix,
  eventually,
  testKafka,
  TopicProbe,
} from '@platform/testing';
import type { Client } from '@temporalio/client';
import { connectTemporalClient } from '@platform/temporal';
import { loadProvidersConfig } from '../../src/config.js';
import { startProvidersService } from '../../src/providers.service-runtime.js';

export type { HttpMethod, Reply, RequestOptions } from '@platform/testing';
import { serviceRequest, type ServiceRequest } from '@platform/testing';

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
  query<R extends pg.QueryResultRow = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<R[]>;
  close(): Promise<void>;
}

const ISSUER = 'urn:provider-platform:providers-tests';
const AUDIENCE = 'provider-platform';

/**
 * The providers service in-process for integration tests over HTTP: its own database, Temporal
 * namespace and consumer groups on the real infrastructure, and a probe on its topics.
 */
export async function startProvidersApp(): Promise<ProvidersApp> {
  const endpoints = infraEndpoints();
  const kafka = testKafka('providers-tests');
  const issuer = await startDevIssuer({ port: 0, issuer: ISSUER, audience: AUDIENCE });
  const database = await createTestDatabase('providers_http');
  const namespace = await createTestNamespace(endpoints.temporal.address, 'providers-http');
  // Topics and consumer groups of its own: the suite sees only the events it caused.
  const kafkaPrefix = `${namespace.name}.`;
  const topics = EVENT_CATALOG.filter((d) => d.owner === 'providers').map(
    (definition) => `${kafkaPrefix}${topicFor(definition)}`,
  );
  const service = await startProvidersService(
    loadProvidersConfig({
      DATABASE_URL: database.url,
      PORT: '0',
      KAFKA_BROKERS: endpoints.kafka.brokers.join(','),
      KAFKA_NAME_PREFIX: kafkaPrefix,
      TEMPORAL_ADDRESS: endpoints.temporal.address,
      TEMPORAL_NAMESPACE: namespace.name,
      AUTH_JWKS_URL: issuer.jwksUrl,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      LOG_LEVEL: 'error',
    }),
  );
  const events = await TopicProbe.start(kafka, [...new Set(topics)]);
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await issuer.tokenFor(username));
    return tokens.get(username) as string;
  };

  // Opened on first use; suites that never query the database hold no connection.
  let pool: pg.Pool | undefined;
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
    databaseUrl: database.url,
    temporalNamespace: namespace.name,
    temporal: () =>
      (temporal ??= connectTemporalClient({
        address: endpoints.temporal.address,
        namespace: namespace.name,
      })),
    events,
    token,
    request: serviceRequest(service.url, token),
    async query<R extends pg.QueryResultRow>(text: string, params: unknown[] = []) {
      pool ??= new pg.Pool({ connectionString: database.url, max: 2 });
      return (await pool.query<R>(text, params)).rows;
    },
    async close() {
      await pool?.end();
      if (temporal) await (await temporal).connection.close();
      await events.stop();
      await service.close();
      await issuer.close();
      await database.drop();
      await namespace.drop();
      await dropTopicsWithPrefix(kafka, kafkaPrefix);
    },
  };
}
