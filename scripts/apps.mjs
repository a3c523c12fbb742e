// The platform's own processes as `npm start` runs them: each built entry point detached, with its
// log in .infra/logs/<name>.log and its pid in .infra/run/app-<name>.pid (same place as the
// infrastructure's). Configuration comes from the launcher's endpoints.json.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, logFile, pidFile, REPO_ROOT } from '../infra/launcher/config.mjs';
import { readEndpointsFile } from '../infra/launcher/endpoints.mjs';
import {
  httpStatus,
  livePid,
  readLogSince,
  sleep,
  spawnDetached,
  stopProcess,
} from '../infra/launcher/process.mjs';

const env = process.env;
export const ports = {
  devIssuer: Number(env.PP_DEV_ISSUER_PORT ?? 58080),
  providers: Number(env.PP_PROVIDERS_PORT ?? 3001),
  tasks: Number(env.PP_TASKS_PORT ?? 3002),
  finance: Number(env.PP_FINANCE_PORT ?? 3003),
  placements: Number(env.PP_PLACEMENTS_PORT ?? 3004),
  taxonomy: Number(env.PP_TAXONOMY_PORT ?? 3005),
  mailSink: Number(env.PP_MAIL_SINK_PORT ?? 2525),
};

function databaseUrl(endpoints, name) {
  const url = new URL(endpoints.postgres.url);
  url.pathname = `/${name}`;
  return url.href;
}

/** What each app runs and how we know it is ready. */
export function appDefinitions(endpoints) {
  const shared = {
    KAFKA_BROKERS: endpoints.kafka.brokers.join(','),
    TEMPORAL_ADDRESS: endpoints.temporal.address,
    TEMPORAL_NAMESPACE: endpoints.temporal.namespace,
    AUTH_JWKS_URL: `http://127.0.0.1:${ports.devIssuer}/.well-known/jwks.json`,
  };
  return [
    {
      name: 'dev-issuer',
      entry: 'libs/auth/dist/dev-issuer/main.js',
      env: { DEV_ISSUER_PORT: String(ports.devIssuer) },
      ready: { url: `http://127.0.0.1:${ports.devIssuer}/.well-known/jwks.json` },
    },
    {
      name: 'mail-sink',
      entry: 'libs/notifications/dist/smtp-sink-main.js',
      env: { MAIL_SINK_PORT: String(ports.mailSink), MAIL_SINK_DIR: '.infra/mail' },
      ready: { logLine: 'listening on smtp://' },
    },
    {
      name: 'workflows-worker',
      entry: 'workflows/worker/dist/main.js',
      env: shared,
      ready: { logLine: 'polling platform-workflows' },
    },
    {
      name: 'providers',
      entry: 'services/providers/dist/main.js',
      env: {
        ...shared,
        PORT: String(ports.providers),
        DATABASE_URL: databaseUrl(endpoints, 'providers'),
      },
      ready: { url: `http://127.0.0.1:${ports.providers}/health` },
    },
    {
      name: 'tasks',
      entry: 'services/tasks/dist/main.js',
      env: {
        ...shared,
        PORT: String(ports.tasks),
        DATABASE_URL: databaseUrl(endpoints, 'tasks'),
        // Reminders and escalations are emailed to the local sink (.infra/mail/*.eml).
        SMTP_URL: `smtp://127.0.0.1:${ports.mailSink}`,
      },
      ready: { url: `http://127.0.0.1:${ports.tasks}/health` },
    },
    {
      name: 'finance',
      entry: 'services/finance/dist/main.js',
      env: {
        ...shared,
        PORT: String(ports.finance),
        DATABASE_URL: databaseUrl(endpoints, 'finance'),
      },
      ready: { url: `http://127.0.0.1:${ports.finance}/health` },
    },
    {
      name: 'placements',
      entry: 'services/placements/dist/main.js',
      env: {
        ...shared,
        PORT: String(ports.placements),
        DATABASE_URL: databaseUrl(endpoints, 'placements'),
      },
      ready: { url: `http://127.0.0.1:${ports.placements}/health` },
    },
    {
      name: 'taxonomy',
      entry: 'services/taxonomy/dist/main.js',
      env: {
        ...shared,
        PORT: String(ports.taxonomy),
        DATABASE_URL: databaseUrl(endpoints, 'taxonomy'),
      },
      ready: { url: `http://127.0.0.1:${ports.taxonomy}/health` },
    },
  ];
}

const files = (cfg, app) => ({
  log: logFile(cfg, app.name),
  pid: pidFile(cfg, `app-${app.name}`),
});

async function waitReady(app, log, logOffset, pid) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (!livePid(files(loadConfig(env), app).pid, app.entry).pid) {
      throw new Error(
        `${app.name} exited during start-up:\n${readLogSince(log, logOffset).slice(-2000)}`,
      );
    }
    if (app.ready.url && (await httpStatus(app.ready.url)) === 200) return;
    if (app.ready.logLine && readLogSince(log, logOffset).includes(app.ready.logLine)) return;
    await sleep(250);
  }
  throw new Error(`${app.name} (pid ${pid}) not ready after 120 s; see ${log}`);
}

/** Starts every app that is not already running; resolves when all are ready. */
export async function startApps(progress = console.log) {
  const cfg = loadConfig(env);
  const endpoints = readEndpointsFile(cfg.endpointsFile);
  if (!endpoints) throw new Error('no .infra/endpoints.json: run `npm run infra:up` first');
  const apps = appDefinitions(endpoints);
  await Promise.all(
    apps.map(async (app) => {
      const { log, pid: pidPath } = files(cfg, app);
      if (!fs.existsSync(path.join(REPO_ROOT, app.entry))) {
        throw new Error(`${app.entry} is missing: run \`npm run build\` first`);
      }
      const running = livePid(pidPath, app.entry).pid;
      if (running) {
        progress(`${app.name}: already running (pid ${running})`);
        return;
      }
      progress(`${app.name}: starting`);
      const { pid, logOffset } = spawnDetached(process.execPath, [app.entry], {
        logFile: log,
        pidFile: pidPath,
        env: { ...env, ...app.env },
        cwd: REPO_ROOT,
      });
      await waitReady(app, log, logOffset, pid);
      progress(`${app.name}: ready (pid ${pid}, log ${path.relative(REPO_ROOT, log)})`);
    }),
  );
  return endpoints;
}

/** Stops the apps (not the infrastructure: `npm run infra:down` does that). */
export async function stopApps(progress = console.log) {
  const cfg = loadConfig(env);
  for (const app of appDefinitions({
    postgres: { url: 'postgres://x/' },
    kafka: { brokers: [] },
    temporal: {},
  }).reverse()) {
    const { pid } = livePid(files(cfg, app).pid, app.entry);
    if (!pid) continue;
    progress(`${app.name}: ${await stopProcess(pid)}`);
    fs.rmSync(files(cfg, app).pid, { force: true });
  }
}
