// `npm test`: everything, against the real infrastructure — bring it up (no-op when it is), build,
// lint, then every project's jest suite one at a time (they share Kafka, Temporal and PostgreSQL),
// and finish with one total line for the whole run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const resultsDir = path.join(root, '.infra', 'test-results');

function step(title, command, args) {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  console.log(
    `=== ${title}: ${status === 0 ? 'ok' : `failed (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
  return status === 0;
}

function summary() {
  const files = fs.existsSync(resultsDir) ? fs.readdirSync(resultsDir) : [];
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const file of files) {
    const result = JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8'));
    console.log(`  ${result.project.padEnd(22)} passed ${result.passed}, failed ${result.failed}`);
    for (const key of Object.keys(totals)) totals[key] += result[key];
  }
  return totals;
}

fs.rmSync(resultsDir, { recursive: true, force: true });
const ok =
  step('infrastructure', process.execPath, [path.join(root, 'infra/launcher/cli.mjs'), 'up']) &&
  step('time-skipping test server (workflow tests)', process.execPath, [
    path.join(root, 'infra/launcher/cli.mjs'),
    'test-server',
  ]) &&
  step('build', bin('tsc'), ['-b', 'tsconfig.json']) &&
  step('type-check tests', bin('tsc'), ['-p', 'tsconfig.spec.json']) &&
  step('lint', bin('eslint'), ['.']) &&
  step('docker-compose.yml in step with the launcher', process.execPath, [
    path.join(root, 'infra/launcher/cli.mjs'),
    'compose',
    '--check',
  ]) &&
  step('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
const testsOk =
  ok &&
  step('tests', bin('nx'), ['run-many', '-t', 'test', '--parallel=1', '--outputStyle=static']);

console.log('\n=== results');
const totals = summary();
const suffix = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${suffix}`);
process.exit(ok && testsOk && totals.failed === 0 && totals.passed > 0 ? 0 : 1);
