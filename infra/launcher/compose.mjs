// docker-compose.yml, generated from the configuration the launcher and the services use, so that
// `docker compose up` runs the same topology as `npm start` without Docker:
//
//   node infra/launcher/cli.mjs compose           write docker-compose.yml
//   node infra/launcher/cli.mjs compose --check   exit 1 if the committed file differs
//
// Where each part comes from:
//   - ports, Kafka version, Temporal CLI version and namespace, database names, search attributes:
//     config.mjs (loadConfig honours the same PP_* overrides as `up`) and temporal.mjs;
//   - the Kafka broker settings, the PostgreSQL `-c` settings, the Kafka heap and the Temporal log
//     flags: read out of kafka.mjs / postgres.mjs / temporal.mjs, which do not export them (a
//     change in their shape makes this script fail loudly rather than drift);
//   - the services' environment: their own built config modules (variable names and defaults);
//     addresses are re-pointed at the containers. So the generator needs `npm run build` first.
//
// The YAML is written by hand (no dependencies, like the rest of the launcher): the document is
// plain objects, arrays, strings and numbers, emitted in insertion order.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  KAFKA_VERSION,
  PG_DATABASES,
  PG_USER,
  PORT_VARS,
  REPO_ROOT,
  TEMPORAL_CLI_VERSION,
  TEMPORAL_NAMESPACE,
  loadConfig,
} from './config.mjs';
import { searchAttributes } from './temporal.mjs';

export const COMPOSE_FILE = path.join(REPO_ROOT, 'docker-compose.yml');

// Ports inside the compose network (each image's own default). Host ports come from config.mjs.
const INNER = { postgres: 5432, kafka: 9092, temporal: 7233, temporalUi: 8233 };
const APP_IMAGE = 'provider-platform:local';
const DOCKERFILE = 'infra/docker/Dockerfile';
const ISSUER_KEY_FILE = '/var/lib/dev-issuer/key.json';

const rel = (p) => path.relative(REPO_ROOT, p);

function drift(file, what) {
  return new Error(
    `compose: cannot find ${what} in ${file}; its code changed shape — update infra/launcher/compose.mjs`,
  );
}

// --- settings the launcher modules keep to themselves ------------------------------------------

function launcherSource(name) {
  return fs.readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
}

// Every `key=value` line of kafka.mjs's serverProperties() template. Lines with ${…} are the
// addresses and paths, which compose sets itself; the set of those is checked so a new one
// cannot slip through unnoticed.
function kafkaProperties() {
  const src = launcherSource('kafka.mjs');
  const body = /function serverProperties\(cfg\) \{[\s\S]*?return `([\s\S]*?)`;/.exec(src)?.[1];
  if (!body) throw drift('kafka.mjs', 'the serverProperties(cfg) template');
  const fixed = [];
  const templated = [];
  for (const line of body.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 1) throw drift('kafka.mjs', `a key=value line (got "${line}")`);
    (line.includes('${') ? templated : fixed).push([line.slice(0, eq), line.slice(eq + 1)]);
  }
  const expected = ['advertised.listeners', 'controller.quorum.voters', 'listeners', 'log.dirs'];
  const found = templated.map(([k]) => k).sort();
  if (found.join() !== expected.join()) {
    throw new Error(
      `compose: kafka.mjs server.properties has computed settings ${found.join(', ')}; ` +
        `compose.mjs maps only ${expected.join(', ')} — update infra/launcher/compose.mjs`,
    );
  }
  const xms = /'-Xms(\d+[kmg])'/.exec(src)?.[1];
  const xmx = /'-Xmx(\d+[kmg])'/.exec(src)?.[1];
  if (!xms || !xmx) throw drift('kafka.mjs', 'the -Xms/-Xmx heap flags');
  return { fixed: new Map(fixed), heap: `-Xms${xms} -Xmx${xmx}` };
}

// The `-c name=value` settings postgres.mjs starts the server with (listen_addresses, a template
// literal there, is the image's default '*' here).
function postgresSettings() {
  const settings = [...launcherSource('postgres.mjs').matchAll(/'-c',\s*'([^']+)'/g)].map(
    (m) => m[1],
  );
  if (!settings.length) throw drift('postgres.mjs', "the server's '-c' settings");
  return settings;
}

function temporalLogFlags() {
  const src = launcherSource('temporal.mjs');
  return ['--log-format', '--log-level'].flatMap((flag) => {
    const value = new RegExp(`'${flag}',\\s*'([\\w-]+)'`).exec(src)?.[1];
    if (!value) throw drift('temporal.mjs', `the ${flag} argument of start-dev`);
    return [flag, value];
  });
}

// Kafka's Docker image turns KAFKA_FOO_BAR into foo.bar (`_` → `.`, `__` → `_`, `___` → `-`).
const kafkaEnvName = (key) =>
  `KAFKA_${key.replace(/-/g, '___').replace(/_/g, '__').replace(/\./g, '_').toUpperCase()}`;

// --- the services' own configuration ------------------------------------------------------------

async function importBuilt(file) {
  const full = path.join(REPO_ROOT, file);
  if (!fs.existsSync(full)) {
    throw new Error(
      `compose: ${file} is missing — run \`npm run build\` first (the generator reads the ` +
        "services' environment variables and defaults from their builds)",
    );
  }
  return import(pathToFileURL(full).href);
}

function requireSource(file) {
  const full = path.join(REPO_ROOT, file);
  if (!fs.existsSync(full)) throw new Error(`compose: ${file} does not exist — update compose.mjs`);
  return fs.readFileSync(full, 'utf8');
}

// Every variable a service reads, with its default: its load*Config applied to an empty
// environment (which also proves no variable is required without a default). Addresses are
// re-pointed at the other containers; a default that still names the host's loopback and that
// this table does not know about stops the generator.
function serviceEnv(name, defaults, net) {
  const env = {};
  for (const [key, value] of Object.entries(defaults)) {
    switch (key) {
      case 'DATABASE_URL': {
        const url = new URL(value);
        const database = url.pathname.slice(1);
        if (!PG_DATABASES.includes(database)) {
          throw new Error(
            `compose: ${name} defaults to database "${database}", which config.mjs PG_DATABASES ` +
              'does not create',
          );
        }
        env[key] = `postgres://${PG_USER}@postgres:${INNER.postgres}/${database}`;
        break;
      }
      case 'PORT':
        env[key] = String(value);
        break;
      case 'HOST':
        env[key] = '0.0.0.0';
        break;
      case 'KAFKA_BROKERS':
        env[key] = `kafka:${INNER.kafka}`;
        break;
      case 'TEMPORAL_ADDRESS':
        env[key] = `temporal:${INNER.temporal}`;
        break;
      case 'TEMPORAL_NAMESPACE':
        env[key] = TEMPORAL_NAMESPACE;
        break;
      case 'AUTH_JWKS_URL':
        env[key] = `http://dev-issuer:${net.issuerPort}${new URL(value).pathname}`;
        break;
      case 'AUTH_ISSUER':
      case 'AUTH_AUDIENCE':
      case 'LOG_LEVEL':
        env[key] = String(value); // the default, spelled out so the file shows it
        break;
      default:
        if (/127\.0\.0\.1|localhost/.test(JSON.stringify(value))) {
          throw new Error(
            `compose: ${name}: ${key} defaults to ${JSON.stringify(value)}, a loopback address ` +
              'that means nothing inside a container — teach infra/launcher/compose.mjs where it points',
          );
        }
      // Anything else keeps the service's default by not being set.
    }
  }
  return env;
}

async function appConfig() {
  const platform = await importBuilt('libs/config/dist/index.js');
  const { DEFAULT_PORTS, authVars } = platform;
  // The services' defaults and the launcher's must name the same ports, or `npm start` itself
  // would not connect; checked here against the launcher's defaults (not PP_* overrides).
  const pairs = [
    ['postgres', 'PP_PG_PORT'],
    ['kafka', 'PP_KAFKA_PORT'],
    ['temporal', 'PP_TEMPORAL_PORT'],
    ['temporalUi', 'PP_TEMPORAL_UI_PORT'],
  ];
  for (const [key, launcherVar] of pairs) {
    if (DEFAULT_PORTS[key] !== PORT_VARS[launcherVar]) {
      throw new Error(
        `compose: libs/config DEFAULT_PORTS.${key}=${DEFAULT_PORTS[key]} but the launcher's ` +
          `${launcherVar} defaults to ${PORT_VARS[launcherVar]}`,
      );
    }
  }
  const { loadProvidersConfig } = await importBuilt('services/providers/dist/config.js');
  const { loadTasksConfig } = await importBuilt('services/tasks/dist/config.js');
  const { loadFinanceConfig } = await importBuilt('services/finance/dist/config.js');
  const { loadPlacementsConfig } = await importBuilt('services/placements/dist/config.js');
  const { loadTaxonomyConfig } = await importBuilt('services/taxonomy/dist/config.js');
  const { loadWorkerConfig } = await importBuilt('workflows/worker/dist/config.js');

  // The dev issuer's variables are declared inline in its main.ts (nothing to import without
  // starting it): its own ones are checked by name in the source, the shared ones come from
  // @platform/config.
  const issuerSrc = requireSource('libs/auth/src/dev-issuer/main.ts');
  for (const v of ['DEV_ISSUER_PORT', 'DEV_ISSUER_HOST', 'DEV_ISSUER_KEY_FILE', 'authVars']) {
    if (!issuerSrc.includes(v)) throw drift('libs/auth/src/dev-issuer/main.ts', v);
  }
  for (const entry of [
    'services/providers/src/main.ts',
    'services/tasks/src/main.ts',
    'services/finance/src/main.ts',
    'services/placements/src/main.ts',
    'services/taxonomy/src/main.ts',
    'workflows/worker/src/main.ts',
  ]) {
    requireSource(entry);
  }
  const issuer = {
    port: DEFAULT_PORTS.devIssuer,
    // It signs with AUTH_ISSUER/AUTH_AUDIENCE; AUTH_JWKS_URL (in authVars too) is for verifiers.
    auth: Object.fromEntries(
      Object.entries(authVars)
        .filter(([k]) => k !== 'AUTH_JWKS_URL')
        .map(([k, schema]) => [k, schema.parse()]),
    ),
  };
  return {
    issuer,
    providers: loadProvidersConfig({}),
    tasks: loadTasksConfig({}),
    finance: loadFinanceConfig({}),
    placements: loadPlacementsConfig({}),
    taxonomy: loadTaxonomyConfig({}),
    worker: loadWorkerConfig({}),
  };
}

// --- the document --------------------------------------------------------------------------------

const nodeCheck = (url) => [
  'CMD',
  'node',
  '-e',
  `fetch('${url}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`,
];

const healthy = (...names) =>
  Object.fromEntries(names.map((n) => [n, { condition: 'service_healthy' }]));

function appService(command, extra) {
  return {
    build: { context: '.', dockerfile: DOCKERFILE },
    image: APP_IMAGE,
    command,
    ...extra,
  };
}

export async function buildCompose(env = process.env) {
  const cfg = loadConfig(env);
  const { host, ports } = cfg;
  const publish = (hostPort, containerPort) => `${host}:${hostPort}:${containerPort}`;
  const kafka = kafkaProperties();
  const attrs = searchAttributes(cfg);
  const app = await appConfig();
  const net = { issuerPort: app.issuer.port };

  const kafkaEnv = {
    // Two client listeners: INTERNAL for the containers, EXTERNAL on the launcher's port for the
    // host (what `npm start` clients and the README use); the controller stays inside.
    KAFKA_LISTENERS:
      `INTERNAL://0.0.0.0:${INNER.kafka},EXTERNAL://0.0.0.0:${ports.kafka},` +
      `CONTROLLER://localhost:${ports.kafkaController}`,
    KAFKA_ADVERTISED_LISTENERS: `INTERNAL://kafka:${INNER.kafka},EXTERNAL://${host}:${ports.kafka}`,
    KAFKA_LISTENER_SECURITY_PROTOCOL_MAP:
      'INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT',
    KAFKA_INTER_BROKER_LISTENER_NAME: 'INTERNAL',
    KAFKA_CONTROLLER_QUORUM_VOTERS: `${kafka.fixed.get('node.id')}@localhost:${ports.kafkaController}`,
    KAFKA_LOG_DIRS: '/var/lib/kafka/data',
  };
  const ownListeners = new Set(['listener.security.protocol.map', 'inter.broker.listener.name']);
  for (const [key, value] of kafka.fixed) {
    if (!ownListeners.has(key)) kafkaEnv[kafkaEnvName(key)] = value;
  }
  kafkaEnv.KAFKA_HEAP_OPTS = kafka.heap;

  const issuerEnv = {
    DEV_ISSUER_PORT: String(app.issuer.port),
    DEV_ISSUER_KEY_FILE: ISSUER_KEY_FILE,
    ...app.issuer.auth,
    // Inside a container the issuer must listen beyond loopback.
    DEV_ISSUER_HOST: '0.0.0.0',
  };
  const issuerCommand = ['node', 'libs/auth/dist/dev-issuer/main.js'];

  const providersEnv = serviceEnv('providers', app.providers, net);
  const tasksEnv = serviceEnv('tasks', app.tasks, net);
  const financeEnv = serviceEnv('finance', app.finance, net);
  const placementsEnv = serviceEnv('placements', app.placements, net);
  const taxonomyEnv = serviceEnv('taxonomy', app.taxonomy, net);
  const workerEnv = serviceEnv('workflows-worker', app.worker, net);
  // Each service waits for what its configuration points at.
  const needs = (svcEnv) => [
    ...(svcEnv.DATABASE_URL ? ['postgres'] : []),
    ...(svcEnv.KAFKA_BROKERS ? ['kafka'] : []),
    ...(svcEnv.TEMPORAL_ADDRESS ? ['temporal'] : []),
    ...(svcEnv.AUTH_JWKS_URL ? ['dev-issuer'] : []),
  ];
  const httpService = (entry, svcEnv) =>
    appService(['node', entry], {
      environment: svcEnv,
      ports: [publish(svcEnv.PORT, svcEnv.PORT)],
      healthcheck: {
        test: nodeCheck(`http://127.0.0.1:${svcEnv.PORT}/health`),
        interval: '3s',
        timeout: '5s',
        retries: 40,
        start_period: '10s',
      },
      depends_on: healthy(...needs(svcEnv)),
    });

  return {
    services: {
      postgres: {
        image: 'postgres:16',
        command: ['postgres', ...postgresSettings().flatMap((s) => ['-c', s])],
        environment: {
          POSTGRES_USER: PG_USER,
          // Like the launcher's cluster (initdb -A trust): no password, port published on the
          // host's loopback only.
          POSTGRES_HOST_AUTH_METHOD: 'trust',
          PP_DATABASES: PG_DATABASES.join(','),
        },
        ports: [publish(ports.postgres, INNER.postgres)],
        volumes: [
          'postgres-data:/var/lib/postgresql/data',
          './infra/docker/postgres/init-databases.sh:/docker-entrypoint-initdb.d/init-databases.sh:ro',
        ],
        healthcheck: {
          // Over TCP: the image's first-start initialisation runs on the Unix socket only.
          test: [
            'CMD',
            'pg_isready',
            '-h',
            '127.0.0.1',
            '-p',
            String(INNER.postgres),
            '-U',
            PG_USER,
          ],
          interval: '2s',
          timeout: '5s',
          retries: 30,
        },
      },
      kafka: {
        image: `apache/kafka:${KAFKA_VERSION}`,
        environment: kafkaEnv,
        ports: [publish(ports.kafka, ports.kafka)],
        volumes: ['kafka-data:/var/lib/kafka/data'],
        healthcheck: {
          test: [
            'CMD',
            '/opt/kafka/bin/kafka-broker-api-versions.sh',
            '--bootstrap-server',
            `localhost:${INNER.kafka}`,
          ],
          interval: '5s',
          timeout: '20s',
          retries: 24,
          start_period: '10s',
        },
      },
      temporal: {
        // The Temporal CLI image (entrypoint /temporal), at the launcher's CLI version.
        image: `temporalio/temporal:${TEMPORAL_CLI_VERSION.replace(/^v/, '')}`,
        // The image runs as uid 1000 and has no directory it owns; a fresh named volume is
        // root-owned, so the dev server runs as root to write its SQLite file.
        user: '0:0',
        command: [
          'server',
          'start-dev',
          '--ip',
          '0.0.0.0',
          '--port',
          String(INNER.temporal),
          '--ui-port',
          String(INNER.temporalUi),
          '--db-filename',
          '/var/lib/temporal/temporal.db',
          '--namespace',
          TEMPORAL_NAMESPACE,
          ...temporalLogFlags(),
          ...Object.entries(attrs).flatMap(([key, type]) => [
            '--search-attribute',
            `${key}=${type}`,
          ]),
        ],
        ports: [
          publish(ports.temporal, INNER.temporal),
          publish(ports.temporalUi, INNER.temporalUi),
        ],
        volumes: ['temporal-data:/var/lib/temporal'],
        healthcheck: {
          test: [
            'CMD',
            '/temporal',
            'operator',
            'cluster',
            'health',
            '--address',
            `127.0.0.1:${INNER.temporal}`,
          ],
          interval: '2s',
          timeout: '10s',
          retries: 45,
        },
      },
      'dev-issuer': appService(issuerCommand, {
        environment: issuerEnv,
        ports: [publish(app.issuer.port, app.issuer.port)],
        volumes: ['dev-issuer-keys:/var/lib/dev-issuer'],
        healthcheck: {
          test: nodeCheck(`http://127.0.0.1:${app.issuer.port}/.well-known/jwks.json`),
          interval: '2s',
          timeout: '5s',
          retries: 15,
        },
      }),
      providers: httpService('services/providers/dist/main.js', providersEnv),
      tasks: httpService('services/tasks/dist/main.js', tasksEnv),
      finance: httpService('services/finance/dist/main.js', financeEnv),
      placements: httpService('services/placements/dist/main.js', placementsEnv),
      taxonomy: httpService('services/taxonomy/dist/main.js', taxonomyEnv),
      // No HTTP endpoint to probe; nothing waits for the worker.
      'workflows-worker': appService(['node', 'workflows/worker/dist/main.js'], {
        environment: workerEnv,
        depends_on: healthy(...needs(workerEnv)),
      }),
    },
    volumes: {
      'postgres-data': {},
      'kafka-data': {},
      'temporal-data': {},
      'dev-issuer-keys': {},
    },
  };
}

// --- YAML ----------------------------------------------------------------------------------------

const PLAIN = /^[A-Za-z_/.][A-Za-z0-9_./-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

function scalar(value) {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') throw new Error(`compose: cannot write ${typeof value} as YAML`);
  if (PLAIN.test(value) && !RESERVED.test(value)) return value;
  // Quoted the way prettier (singleQuote) leaves YAML: single quotes unless the text has more
  // single than double quotes. A JSON string is a valid YAML double-quoted scalar.
  const count = (ch) => value.split(ch).length - 1;
  const needsEscapes = [...value].some((ch) => ch < ' ' || ch === '\\');
  if (needsEscapes || count("'") > count('"')) return JSON.stringify(value);
  return `'${value.replaceAll("'", "''")}'`;
}

const isMap = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function writeNode(key, value, indent, out) {
  const pad = ' '.repeat(indent);
  if (isMap(value)) {
    if (!Object.keys(value).length) return out.push(`${pad}${scalar(key)}: {}`);
    out.push(`${pad}${scalar(key)}:`);
    return writeMap(value, indent + 2, out);
  }
  if (Array.isArray(value)) {
    if (!value.length) return out.push(`${pad}${scalar(key)}: []`);
    out.push(`${pad}${scalar(key)}:`);
    for (const item of value) {
      if (isMap(item) || Array.isArray(item)) throw new Error('compose: nested sequences unused');
      out.push(`${pad}  - ${scalar(item)}`);
    }
    return;
  }
  out.push(`${pad}${scalar(key)}: ${scalar(value)}`);
}

// Blank lines between top-level sections and between services, for reading.
function writeMap(map, indent, out, { spaced = false } = {}) {
  Object.entries(map).forEach(([key, value], i) => {
    if (spaced && i > 0) out.push('');
    if (key === 'services' && indent === 0) {
      out.push('services:');
      writeMap(value, 2, out, { spaced: true });
    } else {
      writeNode(key, value, indent, out);
    }
  });
}

export function toYaml(doc) {
  const out = [];
  writeMap(doc, 0, out, { spaced: true });
  return `${out.join('\n')}\n`;
}

const HEADER = `# Generated by infra/launcher/compose.mjs from the launcher's configuration
# (infra/launcher/config.mjs) and the services' own config modules — do not edit by hand:
#   npm run build && node infra/launcher/cli.mjs compose          regenerate
#   node infra/launcher/cli.mjs compose --check                   verify it is up to date
# \`docker compose up --build\` runs the same topology as \`npm start\`, on the same host ports.
# See infra/docker/README.md.
`;

export async function renderCompose(env = process.env) {
  return `${HEADER}\n${toYaml(await buildCompose(env))}`;
}

function firstDifferences(expected, actual, max = 8) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const lines = [];
  for (let i = 0; i < Math.max(a.length, b.length) && lines.length < max * 2; i += 1) {
    if (a[i] === b[i]) continue;
    if (i < b.length) lines.push(`  line ${i + 1} committed: ${b[i]}`);
    if (i < a.length) lines.push(`  line ${i + 1} generated: ${a[i]}`);
  }
  return lines.join('\n');
}

// Returns the process exit code.
export async function compose({ check = false, env = process.env } = {}) {
  const overrides = Object.keys(PORT_VARS).filter((v) => env[v]?.trim());
  if (overrides.length) {
    console.error(
      `note: ${overrides.map((v) => `${v}=${env[v]}`).join(' ')} in force; the committed ` +
        'docker-compose.yml is generated with the launcher defaults',
    );
  }
  const generated = await renderCompose(env);
  if (!check) {
    fs.writeFileSync(COMPOSE_FILE, generated);
    console.log(`wrote ${rel(COMPOSE_FILE)}`);
    return 0;
  }
  let committed;
  try {
    committed = fs.readFileSync(COMPOSE_FILE, 'utf8');
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
    console.error(`${rel(COMPOSE_FILE)} does not exist; run: node infra/launcher/cli.mjs compose`);
    return 1;
  }
  if (committed === generated) {
    console.log(`${rel(COMPOSE_FILE)} is up to date`);
    return 0;
  }
  console.error(
    `${rel(COMPOSE_FILE)} differs from what infra/launcher/compose.mjs generates:\n` +
      `${firstDifferences(generated, committed)}\n` +
      (overrides.length
        ? `(generated with ${overrides.join(', ')} as set above; unset them to check the defaults)`
        : 'regenerate it with: node infra/launcher/cli.mjs compose'),
  );
  return 1;
}
