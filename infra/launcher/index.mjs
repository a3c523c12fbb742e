// Programmatic API (used by cli.mjs and by jest's global setup):
//
//   import { up, down, status, readEndpoints } from '<repo>/infra/launcher/index.mjs';
//   const endpoints = await up({ quiet: true }); // { postgres, kafka, temporal }, see endpoints.json
//
// All functions accept { env } (defaults to process.env) and { components } (a subset of
// 'postgres' | 'kafka' | 'temporal'; default all).

import fs from 'node:fs';
import path from 'node:path';
import { COMPONENTS, dataDirOf, describePorts, loadConfig } from './config.mjs';
import { readEndpointsFile, writeEndpointsFile } from './endpoints.mjs';
import kafka from './kafka.mjs';
import { acquireLock } from './lock.mjs';
import { printLogs } from './logs.mjs';
import postgres from './postgres.mjs';
import { portOpen } from './process.mjs';
import { createProgress } from './progress.mjs';
import temporal from './temporal.mjs';
import * as testServer from './test-server.mjs';

const MODULES = { postgres, kafka, temporal };

function select(components) {
  const names = components?.length ? components : COMPONENTS;
  for (const name of names) {
    if (!MODULES[name])
      throw new Error(`unknown component '${name}' (expected one of: ${COMPONENTS.join(', ')})`);
  }
  // Keep the canonical order (postgres, kafka, temporal) whatever order was asked for.
  return COMPONENTS.filter((n) => names.includes(n)).map((n) => MODULES[n]);
}

function ensureDirs(cfg) {
  for (const dir of [cfg.logsDir, cfg.runDir, cfg.dataDir]) fs.mkdirSync(dir, { recursive: true });
}

// Most component errors already start with the component name; do not say it twice.
function describeFailure(name, reason) {
  const message = String(reason?.message ?? reason);
  return message.startsWith(name) ? message : `${name}: ${message}`;
}

const lockDir = (cfg) => path.join(cfg.runDir, 'lock');

export async function up({ quiet = false, env = process.env, components, stream } = {}) {
  const cfg = loadConfig(env);
  const progress = createProgress({ quiet, stream });
  const modules = select(components);
  ensureDirs(cfg);
  const release = await acquireLock(lockDir(cfg), { action: 'up', progress });
  try {
    // Downloads and builds (apt-get, Maven, go install) run one after another: on a 2-core
    // machine running them in parallel only makes each slower. Each component starts as soon as
    // its own binaries are ready, so postgres is up while the Temporal CLI is still compiling.
    let previous = Promise.resolve();
    const tasks = modules.map((m) => {
      const prepared = previous.then(() => m.prepare(cfg, progress));
      previous = prepared.catch(() => {});
      return prepared.then((loc) => m.start(cfg, progress, loc));
    });
    const results = await Promise.allSettled(tasks);

    const failures = results
      .map((r, i) =>
        r.status === 'rejected' ? describeFailure(modules[i].name, r.reason) : undefined,
      )
      .filter(Boolean);
    if (failures.length) {
      const err = new Error(
        `infra up failed:\n\n${failures.join('\n\n')}\n\nLogs: ${cfg.logsDir}/<component>.log`,
      );
      err.failures = failures;
      throw err;
    }

    // A partial `up` (some components) keeps the other components' entries.
    const endpoints = components?.length ? { ...(readEndpointsFile(cfg.endpointsFile) ?? {}) } : {};
    modules.forEach((m, i) => (endpoints[m.name] = results[i].value));
    writeEndpointsFile(cfg.endpointsFile, endpoints);
    printSummary(progress, cfg, endpoints);
    return endpoints;
  } finally {
    release();
  }
}

function printSummary(progress, cfg, endpoints) {
  progress.line(`infra ready in ${progress.elapsed().toFixed(1)}s`);
  const { postgres: pg, kafka: k, temporal: t } = endpoints;
  // An external PP_DATABASE_URL may carry a password; terminals and CI logs need not show it.
  const pgUrl = pg?.url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  if (pg) progress.line(`  postgres     ${pgUrl}  (databases: ${pg.databases.join(', ')})`);
  if (k) progress.line(`  kafka        ${k.brokers.join(',')}`);
  if (t) progress.line(`  temporal     ${t.address}  (namespace ${t.namespace})`);
  if (t?.uiUrl) progress.line(`  Temporal UI  ${t.uiUrl}`);
  progress.line(`  endpoints    ${cfg.endpointsFile}`);
  progress.line(`  logs         ${cfg.logsDir}/<component>.log`);
}

export async function down({
  purge = false,
  quiet = false,
  env = process.env,
  components,
  stream,
} = {}) {
  const cfg = loadConfig(env);
  const progress = createProgress({ quiet, stream });
  const modules = select(components);
  ensureDirs(cfg);
  const release = await acquireLock(lockDir(cfg), { action: 'down', progress });
  try {
    const results = await Promise.allSettled(modules.map((m) => m.stop(cfg, progress)));
    const failures = [];
    modules.forEach((m, i) => {
      const r = results[i];
      if (r.status === 'fulfilled') progress.info(m.name, r.value);
      else failures.push(describeFailure(m.name, r.reason));
    });
    if (failures.length) throw new Error(`infra down failed:\n${failures.join('\n')}`);
    if (purge) {
      // Only reached when every selected process is stopped, so no server loses files under it.
      if (components?.length) {
        for (const m of modules)
          fs.rmSync(dataDirOf(cfg, m.name), { recursive: true, force: true });
      } else {
        fs.rmSync(cfg.dataDir, { recursive: true, force: true });
        fs.rmSync(cfg.endpointsFile, { force: true });
      }
      progress.line(
        `purged ${components?.length ? modules.map((m) => dataDirOf(cfg, m.name)).join(', ') : `${cfg.dataDir} and ${cfg.endpointsFile}`}`,
      );
    }
  } finally {
    release();
  }
}

// Per component: { name, state: running|stopped|external, pid, address, source, sourceDetail,
// healthy, detail }. `healthy` overall is true only if every selected component is healthy.
export async function status({ env = process.env, components } = {}) {
  const cfg = loadConfig(env);
  const modules = select(components);
  const rows = await Promise.all(
    modules.map(async (m) => {
      const loc = m.locate(cfg);
      const { pid, address } = m.status(cfg);
      const state = loc.source === 'env' ? 'external' : pid ? 'running' : 'stopped';
      let health;
      if (state === 'stopped') {
        const port = {
          postgres: cfg.ports.postgres,
          kafka: cfg.ports.kafka,
          temporal: cfg.ports.temporal,
        }[m.name];
        const busy = await portOpen(cfg.host, port);
        health = {
          healthy: false,
          detail: busy ? `not running (port ${port} used by another process)` : 'not running',
        };
      } else {
        health = await m.health(cfg, loc).catch((err) => ({ healthy: false, detail: err.message }));
      }
      return {
        name: m.name,
        state,
        pid,
        address,
        source: loc.source,
        sourceDetail: loc.detail,
        ...health,
      };
    }),
  );
  return { ports: describePorts(cfg), components: rows, healthy: rows.every((r) => r.healthy) };
}

export function readEndpoints({ env = process.env } = {}) {
  return readEndpointsFile(loadConfig(env).endpointsFile);
}

export async function logs({
  env = process.env,
  components,
  lines = 100,
  follow = false,
  out,
} = {}) {
  const cfg = loadConfig(env);
  await printLogs(
    cfg,
    select(components).map((m) => m.name),
    { lines, follow, out },
  );
}

// Temporal's time-skipping test server for workflow tests (see test-server.mjs): fetched into the
// cache if missing; returns { source, detail, executable }, the executable to hand to
// TestWorkflowEnvironment.createTimeSkipping. No server is started and no lock is taken (the
// fetch is atomic by itself), so tests may call it while `up` runs.
export async function prepareTestServer({ quiet = false, env = process.env, stream } = {}) {
  const cfg = loadConfig(env);
  fs.mkdirSync(cfg.logsDir, { recursive: true });
  return testServer.prepare(cfg, createProgress({ quiet, stream }));
}

export { loadConfig } from './config.mjs';
