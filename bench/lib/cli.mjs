// Flag parsing and machine facts shared by the benchmarks. Kept tiny on purpose: the benches have a
// handful of numeric flags, and a dependency would be more than they need.
import os from 'node:os';

/**
 * Reads `--name N` / `--name=N` flags into numbers, falling back to the defaults. Unknown flags are
 * an error, so a typo cannot silently run the default workload.
 */
export function numericFlags(defaults, argv = process.argv.slice(2)) {
  const values = { ...defaults };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2);
    const name = flag.replace(/^--/, '');
    if (!flag.startsWith('--') || !(name in defaults)) {
      throw new Error(
        `unknown argument ${argv[i]}; flags: ${Object.keys(defaults)
          .map((n) => `--${n}`)
          .join(' ')}`,
      );
    }
    const raw = inline ?? argv[(i += 1)];
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0)
      throw new Error(`--${name} needs a number, got ${raw}`);
    values[name] = value;
  }
  return values;
}

/** What a figure needs next to it to mean anything: the machine it was measured on. */
export function machineInfo() {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism(),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    // The machine may be shared (a test run beside the bench); figures taken under load say so.
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

/** Prints a titled block of aligned `key  value` lines. */
export function printBlock(title, entries) {
  const width = Math.max(...Object.keys(entries).map((key) => key.length));
  console.log(`\n=== ${title} ===`);
  for (const [key, value] of Object.entries(entries)) console.log(`${key.padEnd(width)}  ${value}`);
}

/** Logs `label: done/total (pct%)` each time another tenth of the work has finished. */
export function progressReporter(label, total) {
  let reported = 0;
  return (done) => {
    const tenth = total > 0 ? Math.floor((done * 10) / total) : 0;
    if (tenth <= reported) return;
    reported = tenth;
    console.log(`  ${label}: ${done}/${total} (${Math.round((done * 100) / total)}%)`);
  };
}

/**
 * Runs `work(i)` for i = 0 … count − 1, `concurrency` at a time, until all are done or `deadline`
 * (epoch ms) passes; a failed item is collected, not thrown, so one bad sample cannot end a run.
 */
export async function runConcurrently({ label, count, concurrency, deadline, work }) {
  const results = [];
  const failures = [];
  const progress = progressReporter(label, count);
  let next = 0;
  const worker = async () => {
    while (next < count && Date.now() < deadline) {
      const index = next;
      next += 1;
      try {
        results.push(await work(index));
      } catch (error) {
        failures.push(`#${index}: ${error.message}`);
      }
      progress(results.length + failures.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { results, failures };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
