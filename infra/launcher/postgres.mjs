// PostgreSQL: one local server, one database per service.

import fs from 'node:fs';
import path from 'node:path';
import { PG_DATABASES, PG_USER, dataDirOf, logFile, pidFile } from './config.mjs';
import {
  assertPortsFree,
  isExecutable,
  livePid,
  portOpen,
  processMatches,
  removeFile,
  run,
  runLogged,
  runOrThrow,
  spawnDetached,
  stopProcess,
  waitUntil,
  which,
} from './process.mjs';

const NAME = 'postgres';
const START_TIMEOUT_MS = 60000; // includes crash recovery after an unclean stop

// Debian/Ubuntu install server binaries off PATH, one directory per major version.
function systemBinDir() {
  const root = '/usr/lib/postgresql';
  let versions;
  try {
    versions = fs.readdirSync(root);
  } catch {
    return undefined;
  }
  const best = versions
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && isExecutable(path.join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return best && path.join(root, best, 'bin');
}

// Where the server comes from, without side effects (status uses this too).
function locate(cfg) {
  if (cfg.external.databaseUrl) return { source: 'env', detail: 'PP_DATABASE_URL' };
  if (['initdb', 'pg_ctl', 'postgres'].every((c) => which(c, cfg.env))) {
    // Resolve symlinks so the sibling tools (pg_isready, psql) of the same version are found.
    const binDir = path.dirname(fs.realpathSync(which('postgres', cfg.env)));
    return { source: 'PATH', detail: binDir, binDir };
  }
  const binDir = systemBinDir();
  if (binDir) return { source: 'system', detail: binDir, binDir };
  return { source: 'missing', detail: 'no PostgreSQL server binaries found' };
}

function tool(loc, name, env) {
  const candidate = loc.binDir && path.join(loc.binDir, name);
  if (candidate && isExecutable(candidate)) return candidate;
  return which(name, env) ?? (systemBinDir() && path.join(systemBinDir(), name));
}

async function prepare(cfg, progress) {
  let loc = locate(cfg);
  if (loc.source !== 'missing') return loc;
  if (process.getuid?.() !== 0 || !which('apt-get', cfg.env)) {
    throw new Error(
      'postgres: no PostgreSQL server binaries (initdb, pg_ctl, postgres) on PATH or in ' +
        '/usr/lib/postgresql/*/bin. Install PostgreSQL (e.g. `sudo apt-get install postgresql`, ' +
        '`brew install postgresql@16`) or set PP_DATABASE_URL to an existing server.',
    );
  }
  const log = logFile(cfg, NAME);
  const env = { ...cfg.env, DEBIAN_FRONTEND: 'noninteractive' };
  progress.info(NAME, 'installing PostgreSQL with apt-get (first time only)…');
  const stop = progress.heartbeat(NAME, () => 'apt-get still running…');
  try {
    await runLogged('apt-get', ['update'], { logFile: log, env });
    await runLogged('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], {
      logFile: log,
      env,
      onLine: (line) => {
        if (/^Setting up postgresql-\d/.test(line)) progress.info(NAME, line.trim());
      },
    });
  } finally {
    stop();
  }
  loc = locate(cfg);
  if (loc.source === 'missing')
    throw new Error(`postgres: apt-get installed no server binaries (see ${log})`);
  return loc;
}

// PostgreSQL refuses to run as root. When we are root, initdb/postgres/pg_ctl run as the
// `postgres` OS user. We set uid/gid on spawn (libuv also drops supplementary groups) rather
// than wrapping in `runuser`: runuser stays as a parent process, so the pid file would name
// runuser instead of the postmaster and signals would be relayed rather than delivered.
async function osUser(cfg, progress) {
  if (process.getuid?.() !== 0) return { env: cfg.env };
  const lookup = async () => {
    const u = await run('id', ['-u', PG_USER]);
    const g = await run('id', ['-g', PG_USER]);
    return u.code === 0 && g.code === 0
      ? { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) }
      : undefined;
  };
  let ids = await lookup();
  if (!ids) {
    progress.info(NAME, `creating system user '${PG_USER}' (PostgreSQL will not run as root)`);
    await runOrThrow('useradd', ['--system', '--user-group', '--no-create-home', PG_USER]);
    ids = await lookup();
  }
  return { ...ids, env: { ...cfg.env, USER: PG_USER, LOGNAME: PG_USER } };
}

function localUrl(cfg) {
  return `postgres://${PG_USER}@${cfg.host}:${cfg.ports.postgres}/postgres`;
}

function endpoint(cfg) {
  if (cfg.external.databaseUrl) {
    const u = new URL(cfg.external.databaseUrl);
    return {
      url: cfg.external.databaseUrl,
      host: u.hostname.replace(/^\[|\]$/g, ''),
      port: u.port ? Number(u.port) : 5432,
      user: decodeURIComponent(u.username) || PG_USER,
      password: decodeURIComponent(u.password),
      databases: PG_DATABASES,
    };
  }
  return {
    url: localUrl(cfg),
    host: cfg.host,
    port: cfg.ports.postgres,
    user: PG_USER,
    password: '',
    databases: PG_DATABASES,
  };
}

function psqlArgs(url, sql) {
  return ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql];
}

async function psql(cfg, loc, sql) {
  const bin = tool(loc, 'psql', cfg.env);
  if (!bin) return undefined;
  return run(bin, psqlArgs(endpoint(cfg).url, sql), {
    env: { ...cfg.env, PGCONNECT_TIMEOUT: '5' },
    timeoutMs: 30000,
  });
}

async function health(cfg, loc = locate(cfg)) {
  const ep = endpoint(cfg);
  const result = await psql(cfg, loc, 'select datname from pg_database');
  if (!result) {
    // No psql client (possible with PP_DATABASE_URL): a TCP connect is the best we can do.
    const open = await portOpen(ep.host, ep.port);
    return { healthy: open, detail: open ? 'port open (no psql to check further)' : 'port closed' };
  }
  if (result.code !== 0) {
    return {
      healthy: false,
      detail: (result.stderr.trim().split('\n')[0] || 'psql failed').slice(0, 120),
    };
  }
  const existing = new Set(result.stdout.split('\n').map((l) => l.trim()));
  const missing = PG_DATABASES.filter((d) => !existing.has(d));
  return missing.length === 0
    ? { healthy: true, detail: `accepting connections, ${PG_DATABASES.length} service databases` }
    : { healthy: false, detail: `missing databases: ${missing.join(', ')}` };
}

// Idempotent: only databases absent from pg_database are created.
async function ensureDatabases(cfg, loc, progress) {
  const listed = await psql(cfg, loc, 'select datname from pg_database');
  if (!listed) {
    progress.info(NAME, 'warning: no psql client found; cannot create the service databases');
    return;
  }
  if (listed.code !== 0)
    throw new Error(`postgres: cannot list databases: ${listed.stderr.trim()}`);
  const existing = new Set(listed.stdout.split('\n').map((l) => l.trim()));
  const created = [];
  for (const db of PG_DATABASES.filter((d) => !existing.has(d))) {
    const res = await psql(cfg, loc, `CREATE DATABASE "${db}"`);
    // "already exists" means someone else created it meanwhile, which is fine.
    if (res.code !== 0 && !/already exists/.test(res.stderr)) {
      throw new Error(`postgres: CREATE DATABASE ${db} failed: ${res.stderr.trim()}`);
    }
    created.push(db);
  }
  if (created.length) progress.info(NAME, `created databases: ${created.join(', ')}`);
}

// The postmaster's own lock file, in case our pid file was lost (e.g. .infra/run deleted).
function postmasterPid(dataDir) {
  try {
    const pid = Number.parseInt(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8'), 10);
    return processMatches(pid, dataDir) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function runningPid(cfg, progress) {
  const dataDir = dataDirOf(cfg, NAME);
  const { pid, stale } = livePid(pidFile(cfg, NAME), dataDir);
  if (stale) progress?.info(NAME, 'removed stale pid file');
  if (pid) return pid;
  const adopted = postmasterPid(dataDir);
  if (adopted) fs.writeFileSync(pidFile(cfg, NAME), `${adopted}\n`);
  return adopted;
}

// Unix socket paths are limited to ~107 bytes; a deep PP_INFRA_DIR would make the server fail.
function socketDir(cfg) {
  const preferred = path.join(cfg.runDir, 'postgres-socket');
  return `${preferred}/.s.PGSQL.${cfg.ports.postgres}`.length < 100
    ? preferred
    : path.join('/tmp', `pp-postgres-${cfg.ports.postgres}`);
}

function ownDir(dir, user, mode) {
  fs.mkdirSync(dir, { recursive: true, mode });
  fs.chmodSync(dir, mode);
  if (user.uid !== undefined) fs.chownSync(dir, user.uid, user.gid);
}

async function initdb(cfg, loc, user, progress) {
  const dataDir = dataDirOf(cfg, NAME);
  progress.info(NAME, `initializing data directory ${dataDir}…`);
  for (const locale of ['C.UTF-8', 'C']) {
    // initdb wants an empty (or absent) directory; a failed attempt may have left files.
    fs.rmSync(dataDir, { recursive: true, force: true });
    ownDir(dataDir, user, 0o700);
    try {
      await runLogged(
        tool(loc, 'initdb', cfg.env),
        ['-D', dataDir, '-A', 'trust', '-U', PG_USER, '--encoding=UTF8', `--locale=${locale}`],
        // cwd must be readable by the postgres user (root's home is not).
        {
          logFile: logFile(cfg, NAME),
          cwd: cfg.dataDir,
          uid: user.uid,
          gid: user.gid,
          env: user.env,
        },
      );
      return;
    } catch (err) {
      if (locale === 'C') throw err;
      progress.info(NAME, `initdb with locale ${locale} failed; retrying with locale C`);
    }
  }
}

// Data directories are tied to a major version; say so instead of letting postgres exit.
async function checkDataVersion(cfg, loc) {
  const dataDir = dataDirOf(cfg, NAME);
  const dataVersion = fs.readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim();
  const out = (await run(tool(loc, 'postgres', cfg.env), ['--version'])).stdout;
  const binVersion = /\(PostgreSQL\) (\d+)/.exec(out)?.[1];
  if (binVersion && dataVersion !== binVersion) {
    throw new Error(
      `postgres: ${dataDir} was created by PostgreSQL ${dataVersion} but the binaries are ` +
        `version ${binVersion}; run \`node infra/launcher/cli.mjs down --purge\` to recreate it`,
    );
  }
}

async function waitReady(cfg, loc, pid) {
  const isready = tool(loc, 'pg_isready', cfg.env);
  await waitUntil(
    async () =>
      isready
        ? (
            await run(isready, [
              '-h',
              cfg.host,
              '-p',
              String(cfg.ports.postgres),
              '-U',
              PG_USER,
              '-t',
              '2',
            ])
          ).code === 0
        : (await health(cfg, loc)).healthy,
    { timeoutMs: START_TIMEOUT_MS, pid, what: NAME, logFile: logFile(cfg, NAME) },
  );
}

async function start(cfg, progress, loc) {
  const ep = endpoint(cfg);
  if (loc.source === 'env') {
    progress.info(NAME, `using existing server from PP_DATABASE_URL (${ep.host}:${ep.port})`);
    await waitUntil(async () => portOpen(ep.host, ep.port), {
      timeoutMs: 10000,
      what: `${NAME} (PP_DATABASE_URL ${ep.host}:${ep.port})`,
    });
    await ensureDatabases(cfg, loc, progress);
    const h = await health(cfg, loc);
    if (!h.healthy) throw new Error(`postgres (PP_DATABASE_URL): ${h.detail}`);
    return ep;
  }

  const existing = runningPid(cfg, progress);
  if (existing) {
    await waitReady(cfg, loc, existing);
    await ensureDatabases(cfg, loc, progress);
    progress.info(NAME, `already running (pid ${existing}) on ${ep.host}:${ep.port}`);
    return ep;
  }

  await assertPortsFree(cfg.host, { PP_PG_PORT: cfg.ports.postgres }, NAME);
  const user = await osUser(cfg, progress);
  const dataDir = dataDirOf(cfg, NAME);
  fs.mkdirSync(cfg.dataDir, { recursive: true });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await initdb(cfg, loc, user, progress);
  else await checkDataVersion(cfg, loc);
  // Root may have touched files (e.g. a purge-less copy); the server needs to own its data dir.
  ownDir(dataDir, user, 0o700);
  const sockets = socketDir(cfg);
  ownDir(sockets, user, 0o755);

  progress.info(NAME, `starting on ${ep.host}:${ep.port}…`);
  // fsync=off: a throwaway dev/test database; crash safety is not worth the I/O.
  const { pid } = spawnDetached(
    tool(loc, 'postgres', cfg.env),
    [
      '-D',
      dataDir,
      '-p',
      String(cfg.ports.postgres),
      '-k',
      sockets,
      '-c',
      `listen_addresses=${cfg.host}`,
      '-c',
      'fsync=off',
      '-c',
      'max_connections=200',
      '-c',
      'max_prepared_transactions=0',
    ],
    { logFile: logFile(cfg, NAME), pidFile: pidFile(cfg, NAME), cwd: dataDir, ...user },
  );
  await waitReady(cfg, loc, pid);
  await ensureDatabases(cfg, loc, progress);
  progress.info(NAME, `ready on ${ep.host}:${ep.port} (pid ${pid})`);
  return ep;
}

async function stop(cfg, progress) {
  if (cfg.external.databaseUrl) return 'external (PP_DATABASE_URL), not managed';
  const pid = runningPid(cfg);
  if (!pid) {
    removeFile(pidFile(cfg, NAME));
    return 'not running';
  }
  // `pg_ctl stop -m fast` disconnects clients and shuts down cleanly (no recovery on next start).
  const loc = locate(cfg);
  const pgCtl = loc.source !== 'missing' && tool(loc, 'pg_ctl', cfg.env);
  if (pgCtl) {
    const user = await osUser(cfg, progress);
    await run(pgCtl, ['stop', '-D', dataDirOf(cfg, NAME), '-m', 'fast', '-w', '-t', '60'], {
      ...user,
      cwd: cfg.dataDir,
      timeoutMs: 70000,
    });
  }
  // No pg_ctl, or it failed: SIGINT is PostgreSQL's "fast shutdown" signal.
  const result = await stopProcess(pid, { sig: 'SIGINT', timeoutMs: 30000 });
  removeFile(pidFile(cfg, NAME));
  return result === 'not running' ? 'stopped' : result;
}

function status(cfg) {
  const pid = runningPid(cfg);
  return {
    pid,
    address: cfg.external.databaseUrl ? endpoint(cfg).url : `${cfg.host}:${cfg.ports.postgres}`,
  };
}

export default { name: NAME, locate, prepare, start, stop, health, status, endpoint };
