#!/usr/bin/env node
// Local infrastructure for development and tests: PostgreSQL, Kafka (KRaft) and the Temporal
// dev server, as plain processes (no Docker). Node built-ins only, so it runs before any
// workspace is built or even installed.
//
//   node infra/launcher/cli.mjs up     [component…] [--quiet]
//   node infra/launcher/cli.mjs down   [component…] [--purge]
//   node infra/launcher/cli.mjs status [component…] [--json]
//   node infra/launcher/cli.mjs logs   [component…] [--follow] [--lines N]
//   node infra/launcher/cli.mjs compose [--check]   (docker-compose.yml; see compose.mjs)
//   node infra/launcher/cli.mjs test-server         (fetch the time-skipping test server)
//
// Ports and overrides: see config.mjs.

import { COMPONENTS } from './config.mjs';
import { down, logs, prepareTestServer, status, up } from './index.mjs';

const USAGE = `usage: node infra/launcher/cli.mjs <command> [component…] [options]

commands:
  up       start (or reuse) ${COMPONENTS.join(', ')}; writes .infra/endpoints.json
  down     stop the managed processes (data is kept); --purge also deletes .infra/data
  status   state, pid, address, source and health of each component; exit 0 only if all healthy
  logs     last 100 lines of each log (--lines N, --follow to keep tailing)
  compose  write docker-compose.yml from this configuration (needs \`npm run build\`);
           --check: exit 1 if the committed file differs from what would be written
  test-server  fetch (or find cached) Temporal's time-skipping test server for workflow tests
           and print the executable to pass to TestWorkflowEnvironment.createTimeSkipping

options: --quiet (up), --purge (down), --json (status), --follow/-f, --lines N (logs),
         --check (compose)`;

function parse(argv) {
  const [command, ...rest] = argv;
  const opts = { command, components: [], flags: new Set(), lines: 100 };
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--lines' || arg === '-n') opts.lines = Number(rest[++i]);
    else if (arg.startsWith('--lines=')) opts.lines = Number(arg.slice(8));
    else if (arg === '-f') opts.flags.add('--follow');
    else if (arg.startsWith('-')) opts.flags.add(arg);
    else opts.components.push(arg);
  }
  return opts;
}

function printStatus(result) {
  console.log(`ports: ${result.ports}`);
  const rows = result.components.map((c) => [
    c.name,
    c.state,
    c.pid ? String(c.pid) : '-',
    c.address,
    c.sourceDetail && c.source !== 'env' ? `${c.source} (${c.sourceDetail})` : c.source,
    `${c.healthy ? 'healthy' : 'UNHEALTHY'}: ${c.detail}`,
  ]);
  const header = ['component', 'state', 'pid', 'address', 'source', 'health'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [header, ...rows]) {
    console.log(
      row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '),
    );
  }
}

async function main() {
  const opts = parse(process.argv.slice(2));
  const known = {
    up: ['--quiet', '-q'],
    down: ['--purge'],
    status: ['--json'],
    logs: ['--follow'],
    compose: ['--check'],
    'test-server': [],
  };
  const wantsHelp =
    ['help', '--help', '-h'].includes(opts.command) ||
    opts.flags.has('--help') ||
    opts.flags.has('-h');
  if (!opts.command || wantsHelp) {
    console.log(USAGE);
    return 0;
  }
  if (!known[opts.command]) {
    console.error(`unknown command '${opts.command}'\n\n${USAGE}`);
    return 2;
  }
  const unknown = [...opts.flags].filter((f) => !known[opts.command].includes(f));
  if (unknown.length) {
    console.error(`unknown option(s) for ${opts.command}: ${unknown.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  const components = opts.components;
  switch (opts.command) {
    case 'up':
      await up({ quiet: opts.flags.has('--quiet') || opts.flags.has('-q'), components });
      return 0;
    case 'down':
      await down({ purge: opts.flags.has('--purge'), components });
      return 0;
    case 'status': {
      const result = await status({ components });
      if (opts.flags.has('--json')) console.log(JSON.stringify(result, null, 2));
      else printStatus(result);
      return result.healthy ? 0 : 1;
    }
    case 'logs':
      if (!Number.isInteger(opts.lines) || opts.lines < 0)
        throw new Error('--lines needs a number');
      await logs({ components, lines: opts.lines, follow: opts.flags.has('--follow') });
      return 0;
    case 'compose': {
      if (components.length) throw new Error('compose takes no components');
      const { compose } = await import('./compose.mjs');
      return compose({ check: opts.flags.has('--check') });
    }
    case 'test-server': {
      if (components.length) throw new Error('test-server takes no components');
      const { executable } = await prepareTestServer();
      console.log(executable);
      return 0;
    }
  }
  return 2;
}

// Ctrl-C: exit through process.exit so the lock's 'exit' handler releases it. Servers already
// started are in their own process groups and keep running.
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`\n${err.message}`);
    process.exit(1);
  },
);
