// Temporal: the CLI's dev server (`temporal server start-dev`): frontend, history, matching,
// worker and the Web UI in one process, persisted to a SQLite file.

import fs from 'node:fs';
import path from 'node:path';
import {
  TEMPORAL_CLI_MODULE,
  TEMPORAL_CLI_PACKAGE,
  TEMPORAL_CLI_VERSION,
  TEMPORAL_NAMESPACE,
  TEMPORAL_SQLITE_VERSION,
  dataDirOf,
  logFile,
  pidFile,
} from './config.mjs';
import {
  assertPortsFree,
  httpStatus,
  isExecutable,
  livePid,
  portOpen,
  removeFile,
  removeStaleTemps,
  run,
  runLogged,
  spawnDetached,
  stopProcess,
  waitUntil,
  which,
} from './process.mjs';

const NAME = 'temporal';
const START_TIMEOUT_MS = 90000;
const SEARCH_ATTRIBUTE_TYPES = [
  'Text',
  'Keyword',
  'Int',
  'Double',
  'Bool',
  'Datetime',
  'KeywordList',
];

// One directory per build recipe, so a changed version is built afresh rather than an older
// binary reused from the cache.
const BUILD_ID = `${TEMPORAL_CLI_VERSION}-sqlite-${TEMPORAL_SQLITE_VERSION}`;
const cacheBin = (cfg) => path.join(cfg.cacheDir, 'temporal', BUILD_ID, 'bin', 'temporal');

/**
 * A throw-away module that requires the CLI and the SQLite driver we want: Go's minimal version
 * selection then builds the CLI with that driver (a `replace` would be needed for anything else).
 */
function buildModule(dir) {
  fs.writeFileSync(
    path.join(dir, 'go.mod'),
    [
      'module provider-platform/temporal-dev-server',
      '',
      'go 1.24',
      '',
      `require ${TEMPORAL_CLI_MODULE} ${TEMPORAL_CLI_VERSION}`,
      '',
      `require modernc.org/sqlite ${TEMPORAL_SQLITE_VERSION}`,
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'tools.go'),
    `//go:build tools\n\npackage tools\n\nimport _ "${TEMPORAL_CLI_PACKAGE}"\n`,
  );
}

function locate(cfg) {
  if (cfg.external.temporalAddress) {
    // Health checks still use a local CLI if there is one.
    const cli =
      which('temporal', cfg.env) ?? (isExecutable(cacheBin(cfg)) ? cacheBin(cfg) : undefined);
    return { source: 'env', detail: 'PP_TEMPORAL_ADDRESS', bin: cli };
  }
  const onPath = which('temporal', cfg.env);
  if (onPath) return { source: 'PATH', detail: onPath, bin: onPath };
  if (isExecutable(cacheBin(cfg)))
    return { source: 'cache', detail: cacheBin(cfg), bin: cacheBin(cfg) };
  return { source: 'missing', detail: `no temporal CLI on PATH or at ${cacheBin(cfg)}` };
}

// Build the CLI from its Go module (there is no other registry it is published to). We pin
// v1.5.1: releases since v1.6 carry a `replace` directive in go.mod, which a module requiring them
// cannot honour. It is built in a temporary module (see buildModule) into a temporary directory
// and renamed into place, so an interrupted build never leaves a partial binary where the next
// run would pick it up.
async function build(cfg, progress) {
  const go = which('go', cfg.env);
  if (!go) {
    throw new Error(
      `temporal: no \`temporal\` CLI on PATH or at ${cacheBin(cfg)}, and no \`go\` to build it; ` +
        'install the Temporal CLI, install Go, or set PP_TEMPORAL_ADDRESS',
    );
  }
  const target = cacheBin(cfg);
  const buildRoot = path.join(cfg.cacheDir, 'temporal');
  fs.mkdirSync(buildRoot, { recursive: true });
  const tmpDir = path.join(buildRoot, `.build-${process.pid}`);
  removeStaleTemps(buildRoot, '.build-');
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  buildModule(tmpDir);
  progress.info(
    NAME,
    `building the Temporal CLI ${TEMPORAL_CLI_VERSION} (SQLite ${TEMPORAL_SQLITE_VERSION}) from its Go module (first time only, several minutes)…`,
  );
  let packages = 0;
  const stop = progress.heartbeat(
    NAME,
    () => `still building… (${packages} packages compiled)`,
    30000,
  );
  // GOWORK/GOFLAGS from the caller's environment must not interfere; cwd is the temporary
  // module, so no go.mod around the repository is picked up either.
  const options = {
    logFile: logFile(cfg, NAME),
    env: { ...cfg.env, GOWORK: 'off', GOFLAGS: '-mod=mod' },
    cwd: tmpDir,
  };
  try {
    await runLogged(go, ['mod', 'tidy'], options);
    const built = path.join(tmpDir, 'temporal');
    await runLogged(go, ['build', '-v', '-o', built, TEMPORAL_CLI_PACKAGE], {
      ...options,
      onLine: () => (packages += 1), // `-v` prints one line per package compiled
    });
    if (!isExecutable(built))
      throw new Error(`temporal: go build produced no binary (see ${logFile(cfg, NAME)})`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(built, target);
  } finally {
    stop();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  progress.info(NAME, `built ${target}`);
}

async function prepare(cfg, progress) {
  const loc = locate(cfg);
  if (loc.source !== 'missing') return loc;
  await build(cfg, progress);
  return locate(cfg);
}

// libs/contracts/search-attributes.json declares the custom search attributes; a unit test in
// libs/contracts keeps it in step with the typed keys the workflows use.
export function searchAttributes(cfg) {
  const file = cfg.searchAttributesFile;
  let attrs;
  try {
    attrs = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`temporal: ${file} is not valid JSON: ${err.message}`, { cause: err });
  }
  if (!attrs || typeof attrs !== 'object' || Array.isArray(attrs)) {
    throw new Error(`temporal: ${file} must be a JSON object of { "Name": "Type" }`);
  }
  for (const [key, type] of Object.entries(attrs)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) || !SEARCH_ATTRIBUTE_TYPES.includes(type)) {
      throw new Error(
        `temporal: ${file}: "${key}": "${type}" — names must be identifiers and types one of ` +
          SEARCH_ATTRIBUTE_TYPES.join(', '),
      );
    }
  }
  return attrs;
}

function endpoint(cfg) {
  if (cfg.external.temporalAddress) {
    return {
      address: cfg.external.temporalAddress,
      namespace: TEMPORAL_NAMESPACE,
      uiUrl: cfg.external.temporalUiUrl ?? null,
    };
  }
  return {
    address: `${cfg.host}:${cfg.ports.temporal}`,
    namespace: TEMPORAL_NAMESPACE,
    uiUrl: `http://${cfg.host}:${cfg.ports.temporalUi}`,
  };
}

function hostPort(address) {
  const i = address.lastIndexOf(':');
  return { host: address.slice(0, i), port: Number(address.slice(i + 1)) };
}

// The CLI picks up TEMPORAL_* variables and ~/.config profiles; --address is explicit, and the
// env var that could redirect it to a cloud namespace with TLS is dropped.
function cliEnv(cfg) {
  const env = { ...cfg.env };
  for (const key of Object.keys(env)) if (key.startsWith('TEMPORAL_')) delete env[key];
  return env;
}

async function health(cfg, loc = locate(cfg), { checkAttributes = true } = {}) {
  const ep = endpoint(cfg);
  const { host, port } = hostPort(ep.address);
  if (!(await portOpen(host, port)))
    return { healthy: false, detail: `${ep.address} not accepting connections` };
  if (!loc.bin) return { healthy: true, detail: 'port open (no temporal CLI to check further)' };

  const common = ['--address', ep.address, '--command-timeout', '5s'];
  const cluster = await run(loc.bin, ['operator', 'cluster', 'health', ...common], {
    env: cliEnv(cfg),
    timeoutMs: 15000,
  });
  if (cluster.code !== 0 || !/SERVING/.test(cluster.stdout)) {
    return {
      healthy: false,
      detail: `cluster health: ${(cluster.stdout + cluster.stderr).trim().split('\n')[0]}`,
    };
  }
  if (checkAttributes) {
    const list = await run(
      loc.bin,
      [
        'operator',
        'search-attribute',
        'list',
        '--namespace',
        ep.namespace,
        '-o',
        'json',
        ...common,
      ],
      { env: cliEnv(cfg), timeoutMs: 15000 },
    );
    if (list.code !== 0)
      return { healthy: false, detail: `search attributes: ${list.stderr.trim().split('\n')[0]}` };
    const missing = Object.keys(searchAttributes(cfg)).filter(
      (name) => !list.stdout.includes(`"${name}"`),
    );
    if (missing.length)
      return { healthy: false, detail: `search attributes missing: ${missing.join(', ')}` };
  }
  if (ep.uiUrl) {
    const code = await httpStatus(`${ep.uiUrl}/`);
    if (code !== 200)
      return { healthy: false, detail: `UI ${ep.uiUrl} answered ${code ?? 'nothing'}` };
  }
  return {
    healthy: true,
    detail: `SERVING, namespace ${ep.namespace}${ep.uiUrl ? ', UI up' : ''}`,
  };
}

function runningPid(cfg, progress) {
  const { pid, stale } = livePid(pidFile(cfg, NAME), dataDirOf(cfg, NAME));
  if (stale) progress?.info(NAME, 'removed stale pid file');
  return pid;
}

async function waitReady(cfg, loc, pid, { checkAttributes = true } = {}) {
  let last;
  await waitUntil(
    async () => {
      last = await health(cfg, loc, { checkAttributes });
      return last.healthy;
    },
    { timeoutMs: START_TIMEOUT_MS, intervalMs: 1000, pid, what: NAME, logFile: logFile(cfg, NAME) },
  ).catch((err) => {
    throw new Error(`${err.message}\nlast health check: ${last?.detail}`);
  });
}

// start-dev registers --search-attribute values only when it starts; a server that was already
// running when search-attributes.json gained an entry gets the new ones registered here.
async function ensureSearchAttributes(cfg, loc, progress) {
  const ep = endpoint(cfg);
  const common = ['--address', ep.address, '--namespace', ep.namespace, '--command-timeout', '10s'];
  const list = await run(
    loc.bin,
    ['operator', 'search-attribute', 'list', '-o', 'json', ...common],
    {
      env: cliEnv(cfg),
    },
  );
  if (list.code !== 0)
    throw new Error(`temporal: cannot list search attributes: ${list.stderr.trim()}`);
  const missing = Object.entries(searchAttributes(cfg)).filter(
    ([name]) => !list.stdout.includes(`"${name}"`),
  );
  for (const [name, type] of missing) {
    const res = await run(
      loc.bin,
      ['operator', 'search-attribute', 'create', '--name', name, '--type', type, ...common],
      { env: cliEnv(cfg) },
    );
    if (res.code !== 0)
      throw new Error(`temporal: cannot create search attribute ${name}: ${res.stderr.trim()}`);
  }
  if (missing.length)
    progress.info(NAME, `registered search attributes: ${missing.map(([n]) => n).join(', ')}`);
}

async function start(cfg, progress, loc) {
  const ep = endpoint(cfg);
  if (loc.source === 'env') {
    progress.info(NAME, `using existing server from PP_TEMPORAL_ADDRESS (${ep.address})`);
    const h = await health(cfg, loc, { checkAttributes: false });
    if (!h.healthy) throw new Error(`temporal (PP_TEMPORAL_ADDRESS): ${h.detail}`);
    return ep;
  }

  const attrs = searchAttributes(cfg);
  const existing = runningPid(cfg, progress);
  if (existing) {
    await waitReady(cfg, loc, existing, { checkAttributes: false });
    await ensureSearchAttributes(cfg, loc, progress);
    await waitReady(cfg, loc, existing);
    progress.info(NAME, `already running (pid ${existing}) on ${ep.address}`);
    return ep;
  }

  await assertPortsFree(
    cfg.host,
    { PP_TEMPORAL_PORT: cfg.ports.temporal, PP_TEMPORAL_UI_PORT: cfg.ports.temporalUi },
    NAME,
  );
  const dir = dataDirOf(cfg, NAME);
  fs.mkdirSync(dir, { recursive: true });
  progress.info(NAME, `starting dev server on ${ep.address} (UI ${ep.uiUrl})…`);
  const { pid } = spawnDetached(
    loc.bin,
    [
      'server',
      'start-dev',
      '--ip',
      cfg.host,
      '--port',
      String(cfg.ports.temporal),
      '--ui-port',
      String(cfg.ports.temporalUi),
      '--db-filename',
      path.join(dir, 'temporal.db'),
      '--namespace',
      TEMPORAL_NAMESPACE,
      '--log-format',
      'json',
      '--log-level',
      'warn',
      ...Object.entries(attrs).flatMap(([key, type]) => ['--search-attribute', `${key}=${type}`]),
    ],
    { logFile: logFile(cfg, NAME), pidFile: pidFile(cfg, NAME), cwd: dir, env: cliEnv(cfg) },
  );
  await waitReady(cfg, loc, pid, { checkAttributes: false });
  await ensureSearchAttributes(cfg, loc, progress); // normally a no-op: start-dev registered them
  await waitReady(cfg, loc, pid);
  progress.info(NAME, `ready on ${ep.address} (pid ${pid}), UI ${ep.uiUrl}`);
  return ep;
}

async function stop(cfg) {
  if (cfg.external.temporalAddress) return 'external (PP_TEMPORAL_ADDRESS), not managed';
  const pid = runningPid(cfg);
  const result = pid ? await stopProcess(pid, { sig: 'SIGTERM', timeoutMs: 20000 }) : 'not running';
  removeFile(pidFile(cfg, NAME));
  return result;
}

function status(cfg) {
  return { pid: runningPid(cfg), address: endpoint(cfg).address };
}

export default { name: NAME, locate, prepare, start, stop, health, status, endpoint };
