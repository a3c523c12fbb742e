import { startDevIssuer, type DevIssuer } from '@platform/auth';
import {
  createTestDatabase,
  createTestNamespace,
  infraEndpoints,
  dropTopicsWithPrefix,
  testKafka,
  type TestDatabase,
} from '@platform/testing';
import { SmtpSink } from '@platform/notifications/smtp-sink';
import { freePort } from './free-port.js';
import { spawnService, type ServiceProcess } from './service-process.js';

export interface Platform {
  /** The Temporal namespace this instance runs its processes in. */
  namespace: string;
  /** Prepended to this instance's topics and consumer groups. */
  kafkaPrefix: string;
  providersUrl: string;
  tasksUrl: string;
  financeUrl: string;
  placementsUrl: string;
  taxonomyUrl: string;
  databases: {
    providers: TestDatabase;
    tasks: TestDatabase;
    finance: TestDatabase;
    placements: TestDatabase;
    taxonomy: TestDatabase;
  };
  issuer: DevIssuer;
  /** Where the tasks service emails reminders and escalations. */
  mail: SmtpSink;
  token(username: string): Promise<string>;
  stop(): Promise<void>;
}

const ISSUER = 'urn:provider-platform:test-issuer';
const AUDIENCE = 'provider-platform';

/**
 * The whole platform for end-to-end tests and benchmarks: fresh databases, an in-process token
 * issuer, and every service and worker as its own process from its build, against the launcher's
 * real Kafka, Temporal and PostgreSQL.
 */
export async function startPlatform(prefix = 'e2e'): Promise<Platform> {
  const endpoints = infraEndpoints();
  const issuer = await startDevIssuer({ port: 0, issuer: ISSUER, audience: AUDIENCE });
  const mail = await SmtpSink.start();
  const databases = {
    providers: await createTestDatabase(`${prefix}_providers`),
    tasks: await createTestDatabase(`${prefix}_tasks`),
    finance: await createTestDatabase(`${prefix}_finance`),
    placements: await createTestDatabase(`${prefix}_placements`),
    taxonomy: await createTestDatabase(`${prefix}_taxonomy`),
  };
  // Its own namespace and consumer groups: several instances (a benchmark beside the end-to-end
  // suite, or beside `npm start`) share the infrastructure without taking each other's work.
  const temporalNamespace = await createTestNamespace(endpoints.temporal.address, prefix);
  const namespace = temporalNamespace.name;
  // Topics and consumer groups of its own too, so it handles only the events of its own run.
  const kafkaPrefix = `${namespace}.`;
  const common = {
    KAFKA_BROKERS: endpoints.kafka.brokers.join(','),
    KAFKA_NAME_PREFIX: kafkaPrefix,
    TEMPORAL_ADDRESS: endpoints.temporal.address,
    TEMPORAL_NAMESPACE: namespace,
    AUTH_JWKS_URL: issuer.jwksUrl,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    LOG_LEVEL: 'warn',
  };
  const [providersPort, tasksPort, financePort, placementsPort, taxonomyPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const processes: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await issuer.close();
    await mail.stop();
    await Promise.all(Object.values(databases).map((db) => db.drop()));
    await temporalNamespace.drop();
    await dropTopicsWithPrefix(testKafka(prefix), kafkaPrefix);
  };
  // Every process is waited for, so when one fails to start the others are stopped with it
  // rather than left running (a leftover process keeps the test run from ever exiting).
  const started = await Promise.allSettled([
    spawnService(`${prefix}-workflows-worker`, 'workflows/worker/dist/main.js', common, null),
    spawnService(
      `${prefix}-providers`,
      'services/providers/dist/main.js',
      { ...common, DATABASE_URL: databases.providers.url, PORT: String(providersPort) },
      `http://127.0.0.1:${providersPort}/health`,
    ),
    spawnService(
      `${prefix}-tasks`,
      'services/tasks/dist/main.js',
      {
        ...common,
        DATABASE_URL: databases.tasks.url,
        PORT: String(tasksPort),
        SMTP_URL: mail.url,
      },
      `http://127.0.0.1:${tasksPort}/health`,
    ),
    spawnService(
      `${prefix}-finance`,
      'services/finance/dist/main.js',
      { ...common, DATABASE_URL: databases.finance.url, PORT: String(financePort) },
      `http://127.0.0.1:${financePort}/health`,
    ),
    spawnService(
      `${prefix}-placements`,
      'services/placements/dist/main.js',
      { ...common, DATABASE_URL: databases.placements.url, PORT: String(placementsPort) },
      `http://127.0.0.1:${placementsPort}/health`,
    ),
    spawnService(
      `${prefix}-taxonomy`,
      'services/taxonomy/dist/main.js',
      { ...common, DATABASE_URL: databases.taxonomy.url, PORT: String(taxonomyPort) },
      `http://127.0.0.1:${taxonomyPort}/health`,
    ),
  ]);
  for (const result of started) if (result.status === 'fulfilled') processes.push(result.value);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return {
    namespace,
    kafkaPrefix,
    providersUrl: `http://127.0.0.1:${providersPort}`,
    tasksUrl: `http://127.0.0.1:${tasksPort}`,
    financeUrl: `http://127.0.0.1:${financePort}`,
    placementsUrl: `http://127.0.0.1:${placementsPort}`,
    taxonomyUrl: `http://127.0.0.1:${taxonomyPort}`,
    databases,
    issuer,
    mail,
    token: (username) => issuer.tokenFor(username),
    stop,
  };
}
