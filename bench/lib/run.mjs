// How every benchmark runs: main() once, then clean-up whatever happened — each step on its own,
// so one failing never leaves the others (a database, topics, a namespace) behind — and an exit
// code a script or CI can read.
import { sleep } from './cli.mjs';

/**
 * Runs `main` (answering true when the run finished and nothing failed) and always cleans up with
 * `cleanUpSteps()` (evaluated at clean-up time, so it sees what main started), once. A hard
 * deadline — `deadline` plus `graceMs` for clean-up — is the backstop for a phase that hangs
 * before the work can notice the deadline (e.g. a service that never becomes healthy); Ctrl-C or
 * SIGTERM clean up too. Exits 0 only after a finished run.
 */
export async function runBench({ label, deadline, graceMs = 60_000, cleanUpSteps, main }) {
  let cleanedUp = false;
  const cleanUp = async () => {
    if (cleanedUp) return;
    cleanedUp = true;
    for (const step of cleanUpSteps()) {
      await Promise.resolve()
        .then(step)
        .catch((error) => console.error(`clean-up step failed: ${error}`));
    }
  };
  setTimeout(
    () => {
      console.error(`hard deadline (+${graceMs / 1000} s for clean-up) passed; giving up`);
      void Promise.race([cleanUp(), sleep(graceMs)]).finally(() => process.exit(1));
    },
    deadline - Date.now() + graceMs,
  ).unref();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      console.error(`\n${signal}; cleaning up`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  let ok = false;
  try {
    ok = await main();
  } catch (error) {
    console.error(`${label} failed:`, error);
  } finally {
    await cleanUp();
  }
  process.exit(ok ? 0 : 1);
}
