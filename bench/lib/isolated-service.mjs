// One service of the platform as its own process from its build, on the launcher's real
// infrastructure but isolated from everything else: a fresh database, Temporal namespace and topic
// prefix, and a token issuer of its own. What a benchmark that measures one service starts.
import { startDevIssuer } from '@platform/auth';
import { freePort, spawnService } from '@platform/e2e';
import {
  createTestDatabase,
  createTestNamespace,
  dropTopicsWithPrefix,
  infraEndpoints,
  testKafka,
} from '@platform/testing';

const ISSUER = 'urn:provider-platform:bench-issuer';
const AUDIENCE = 'provider-platform';

/**
 * Starts `services/<name>/dist/main.js` under `label` (e.g. 'bench-search') with `env` on top of
 * the connection settings, once healthy. `parts` is filled as each piece starts, so `cleanUpSteps`
 * can stop what exists even when a later step failed; `keepDatabase` leaves the database for
 * EXPLAIN by hand (its URL is printed).
 */
export function isolatedService(label, name, { env = {}, keepDatabase = false } = {}) {
  const parts = {};
  return {
    parts,
    async start() {
      const endpoints = infraEndpoints();
      parts.issuer = await startDevIssuer({ port: 0, issuer: ISSUER, audience: AUDIENCE });
      parts.database = await createTestDatabase(label.replaceAll('-', '_'));
      parts.namespace = await createTestNamespace(endpoints.temporal.address, label);
      parts.kafkaPrefix = `${parts.namespace.name}.`;
      const port = await freePort();
      console.log(`  starting the ${name} service (fresh database, migrations)...`);
      parts.service = await spawnService(
        `${label}-${name}`,
        `services/${name}/dist/main.js`,
        {
          DATABASE_URL: parts.database.url,
          PORT: String(port),
          KAFKA_BROKERS: endpoints.kafka.brokers.join(','),
          KAFKA_NAME_PREFIX: parts.kafkaPrefix,
          TEMPORAL_ADDRESS: endpoints.temporal.address,
          TEMPORAL_NAMESPACE: parts.namespace.name,
          AUTH_JWKS_URL: parts.issuer.jwksUrl,
          AUTH_ISSUER: ISSUER,
          AUTH_AUDIENCE: AUDIENCE,
          LOG_LEVEL: 'warn',
          ...env,
        },
        `http://127.0.0.1:${port}/health`,
      );
      return {
        url: `http://127.0.0.1:${port}`,
        databaseUrl: parts.database.url,
        pid: parts.service.pid,
        token: (username) => parts.issuer.tokenFor(username),
      };
    },
    cleanUpSteps: () => [
      () => parts.service?.stop(),
      () => parts.issuer?.close(),
      () => {
        if (!keepDatabase) return parts.database?.drop();
        console.log(`  kept database ${parts.database?.url}: drop it when done`);
      },
      () => parts.namespace?.drop(),
      () => parts.kafkaPrefix && dropTopicsWithPrefix(testKafka(label), parts.kafkaPrefix),
    ],
  };
}
