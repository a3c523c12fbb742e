import { startDevIssuer, type DevIssuer } from '@platform/auth';
import { databaseQuery, type DatabaseQuery, type QueryRows } from './database-query.js';
import { infraEndpoints } from './endpoints.js';
import { uniqueName, testKafka } from './kafka-probe.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { createTestNamespace, type TestNamespace } from './test-namespace.js';
import { dropTopicsWithPrefix } from './test-topic.js';
import { serviceRequest, type ServiceRequest } from './service-client.js';

const AUDIENCE = 'provider-platform';

/**
 * What an integration suite needs around one service in-process, on the real infrastructure: a
 * fresh database, a Temporal namespace, a Kafka topic prefix of its own (so it sees only the
 * events it caused), a token issuer with the seed users, and the environment that points the
 * service's `load*Config` at all of them.
 */
export interface ServiceTestBed {
  database: TestDatabase;
  namespace: TestNamespace;
  /** KAFKA_NAME_PREFIX of this suite: prepended to its topics and consumer groups. */
  kafkaPrefix: string;
  issuer: DevIssuer;
  /** DATABASE_URL, PORT (0), KAFKA_*, TEMPORAL_*, AUTH_*, LOG_LEVEL for the service's config. */
  env: Record<string, string>;
  /** A seed user's bearer token (signed once per suite). */
  token(username: string): Promise<string>;
  /** Calls a service as a client would; a 5xx throws. */
  requestTo(baseUrl: string): ServiceRequest;
  /** SQL on the suite's database: fixtures the API cannot make, and looks at what was stored. */
  query: QueryRows;
  /** Another fresh database on the same server (dropped with the bed), e.g. to rebuild into. */
  extraDatabase(prefix: string): Promise<TestDatabase & DatabaseQuery>;
  /** Drops everything the bed made; close the service first. */
  close(): Promise<void>;
}

export async function openServiceTestBed(service: string): Promise<ServiceTestBed> {
  const endpoints = infraEndpoints();
  const issuerName = `urn:provider-platform:${service}-tests`;
  const issuer = await startDevIssuer({ port: 0, issuer: issuerName, audience: AUDIENCE });
  const database = await createTestDatabase(`${service}_http`);
  const namespace = await createTestNamespace(endpoints.temporal.address, `${service}-http`);
  const kafkaPrefix = `${namespace.name}.`;
  const own = databaseQuery(database.url);
  const extras: (TestDatabase & DatabaseQuery)[] = [];
  const tokens = new Map<string, Promise<string>>();
  const token = (username: string) => {
    if (!tokens.has(username)) tokens.set(username, issuer.tokenFor(username));
    return tokens.get(username) as Promise<string>;
  };
  return {
    database,
    namespace,
    kafkaPrefix,
    issuer,
    env: {
      DATABASE_URL: database.url,
      PORT: '0',
      KAFKA_BROKERS: endpoints.kafka.brokers.join(','),
      KAFKA_NAME_PREFIX: kafkaPrefix,
      TEMPORAL_ADDRESS: endpoints.temporal.address,
      TEMPORAL_NAMESPACE: namespace.name,
      AUTH_JWKS_URL: issuer.jwksUrl,
      AUTH_ISSUER: issuerName,
      AUTH_AUDIENCE: AUDIENCE,
      LOG_LEVEL: 'error',
    },
    token,
    requestTo: (baseUrl) => serviceRequest(baseUrl, token),
    query: own.query,
    async extraDatabase(prefix) {
      const created = await createTestDatabase(prefix);
      const extra = { ...created, ...databaseQuery(created.url) };
      extras.push(extra);
      return extra;
    },
    async close() {
      await Promise.all([own, ...extras].map((db) => db.end()));
      await issuer.close();
      await Promise.all([database, ...extras].map((db) => db.drop()));
      await namespace.drop();
      await dropTopicsWithPrefix(testKafka(uniqueName(service)), kafkaPrefix);
    },
  };
}
