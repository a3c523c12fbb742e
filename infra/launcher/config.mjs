// Ports, paths and environment for the local infrastructure launcher.
//
// Environment variables (all optional):
//
//   PP_PG_PORT=55432                PostgreSQL (TCP on 127.0.0.1)
//   PP_KAFKA_PORT=59092             Kafka client (PLAINTEXT) listener
//   PP_KAFKA_CONTROLLER_PORT=59093  Kafka KRaft controller listener
//   PP_TEMPORAL_PORT=57233          Temporal frontend gRPC
//   PP_TEMPORAL_UI_PORT=58233       Temporal Web UI (HTTP)
//
//   PP_DATABASE_URL      admin URL of an existing PostgreSQL; the launcher then does not start one
//   PP_KAFKA_BROKERS     comma list host:port of existing Kafka brokers; ditto
//   PP_TEMPORAL_ADDRESS  host:port of an existing Temporal frontend; ditto
//   PP_TEMPORAL_UI_URL   Web UI of that Temporal (only used with PP_TEMPORAL_ADDRESS)
//
//   PP_INFRA_DIR         state directory (default <repo>/.infra): logs/, run/, data/, endpoints.json
//   PP_CACHE_DIR         downloads and builds shared by all clones and CI
//                        (default ~/.cache/provider-platform)
//
// The default ports sit in a high range so they do not collide with a developer's own
// PostgreSQL/Kafka/Temporal on their standard ports (5432/9092/7233).

import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository root is two directories above this file (infra/launcher/config.mjs), so the
// launcher works from any cwd, e.g. when jest's global setup imports it.
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const COMPONENTS = ['postgres', 'kafka', 'temporal'];

// One database per service; created (if missing) on every `up`.
export const PG_DATABASES = ['providers', 'tasks', 'placements', 'finance', 'taxonomy'];
export const PG_USER = 'postgres';

export const KAFKA_VERSION = '3.9.2';

// Releases of the Temporal CLI since v1.6 carry a `replace` directive in their go.mod, which makes
// `go install github.com/temporalio/cli/cmd/temporal@<version>` refuse to build them. v1.5.1 is the
// newest release that installs directly from the Go module proxy.
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli';
export const TEMPORAL_CLI_PACKAGE = `${TEMPORAL_CLI_MODULE}/cmd/temporal`;
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
// The SQLite driver the dev server persists with. v1.5.1 pins modernc.org/sqlite v1.34.1, whose
// connection stays "interrupted (9)" for good once a query's context is cancelled mid-transaction
// (cznic/sqlite#241): after that every call fails and the dev server never recovers. It happened
// in a full test run, where hundreds of workers stop and cancel their polls. Temporal itself
// moved to v1.44.3 for the same errors (temporalio/temporal#9198), so the CLI is built with it.
export const TEMPORAL_SQLITE_VERSION = 'v1.44.3';
export const TEMPORAL_NAMESPACE = 'default';

// The time-skipping test server for workflow tests (test-server.mjs): io.temporal:temporal-test-server
// from Maven Central, the Java build of the server the TypeScript SDK would download from GitHub.
export const TEMPORAL_TEST_SERVER_VERSION = '1.32.1';

export const PORT_VARS = {
  PP_PG_PORT: 55432,
  PP_KAFKA_PORT: 59092,
  PP_KAFKA_CONTROLLER_PORT: 59093,
  PP_TEMPORAL_PORT: 57233,
  PP_TEMPORAL_UI_PORT: 58233,
};

function port(env, name) {
  const raw = env[name];
  if (raw === undefined || raw === '') return PORT_VARS[name];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new Error(`${name}=${raw} is not a valid TCP port`);
  }
  return n;
}

function nonEmpty(value) {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

// Computed on demand (not at import time) so callers can pass a modified environment.
export function loadConfig(env = process.env) {
  const infraDir = path.resolve(nonEmpty(env.PP_INFRA_DIR) ?? path.join(REPO_ROOT, '.infra'));
  const cacheDir = path.resolve(
    nonEmpty(env.PP_CACHE_DIR) ?? path.join(homedir(), '.cache', 'provider-platform'),
  );
  return {
    env,
    repoRoot: REPO_ROOT,
    infraDir,
    cacheDir,
    logsDir: path.join(infraDir, 'logs'),
    runDir: path.join(infraDir, 'run'),
    dataDir: path.join(infraDir, 'data'),
    endpointsFile: path.join(infraDir, 'endpoints.json'),
    host: '127.0.0.1',
    ports: {
      postgres: port(env, 'PP_PG_PORT'),
      kafka: port(env, 'PP_KAFKA_PORT'),
      kafkaController: port(env, 'PP_KAFKA_CONTROLLER_PORT'),
      temporal: port(env, 'PP_TEMPORAL_PORT'),
      temporalUi: port(env, 'PP_TEMPORAL_UI_PORT'),
    },
    external: {
      databaseUrl: nonEmpty(env.PP_DATABASE_URL),
      kafkaBrokers: nonEmpty(env.PP_KAFKA_BROKERS)
        ?.split(',')
        .map((b) => b.trim())
        .filter(Boolean),
      temporalAddress: nonEmpty(env.PP_TEMPORAL_ADDRESS),
      temporalUiUrl: nonEmpty(env.PP_TEMPORAL_UI_URL),
    },
    searchAttributesFile: path.join(REPO_ROOT, 'libs', 'contracts', 'search-attributes.json'),
    kafkaPom: path.join(REPO_ROOT, 'infra', 'kafka', 'pom.xml'),
    testServerPom: path.join(REPO_ROOT, 'infra', 'temporal-test-server', 'pom.xml'),
  };
}

export const logFile = (cfg, component) => path.join(cfg.logsDir, `${component}.log`);
export const pidFile = (cfg, component) => path.join(cfg.runDir, `${component}.pid`);
export const dataDirOf = (cfg, component) => path.join(cfg.dataDir, component);

// "PP_PG_PORT=55432 ..." with the values in force, for `status` and error messages.
export function describePorts(cfg) {
  const p = cfg.ports;
  return [
    `PP_PG_PORT=${p.postgres}`,
    `PP_KAFKA_PORT=${p.kafka}`,
    `PP_KAFKA_CONTROLLER_PORT=${p.kafkaController}`,
    `PP_TEMPORAL_PORT=${p.temporal}`,
    `PP_TEMPORAL_UI_PORT=${p.temporalUi}`,
  ].join('  ');
}
