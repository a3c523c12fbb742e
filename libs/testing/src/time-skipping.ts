import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { repoRoot } from './endpoints.js';
import { platformSearchAttributes } from './test-namespace.js';

interface Launcher {
  prepareTestServer(options: {
    quiet: boolean;
    stream: NodeJS.WritableStream;
  }): Promise<{ executable: string }>;
}

/** How often the JVM may miss the SDK's 5-second start-up window before we give up. */
const START_ATTEMPTS = 3;

/**
 * A Temporal test environment whose clock jumps: while a test awaits a workflow's result (or calls
 * `env.sleep`), the server fires the next timer at once, so a workflow that waits 90 days
 * completes in about a second. Workers connect with `env.nativeConnection`, clients use
 * `env.client`; call `env.teardown()` in `afterAll`.
 *
 * The server is Temporal's time-skipping test server, the Java build from Maven Central (the SDK's
 * own download comes from GitHub, which these machines cannot reach); the infrastructure launcher
 * fetches it into `~/.cache/provider-platform` once per machine (`npm test` does so before the
 * suites run) and this starts one on a free port. It is a separate, in-memory server with only the
 * `default` namespace: not the shared dev server of `infraEndpoints()`. The platform's custom
 * search attributes are registered there, so workflows that set them run as they do in production.
 */
export async function startTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const launcherUrl = pathToFileURL(join(repoRoot, 'infra/launcher/index.mjs')).href;
  const launcher = (await import(launcherUrl)) as Launcher;
  // stderr, not jest's buffered console: a first fetch takes a while and should be seen.
  const { executable } = await launcher.prepareTestServer({ quiet: false, stream: process.stderr });
  for (let attempt = 1; ; attempt += 1) {
    try {
      const env = await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: executable } },
      });
      await env.connection.operatorService.addSearchAttributes({
        namespace: env.namespace ?? 'default',
        searchAttributes: platformSearchAttributes(),
      });
      return env;
    } catch (err) {
      // The SDK kills a server that does not answer within 5 s; a JVM on a busy 2-core machine
      // can be that slow to start. Anything else is a real failure.
      const message = err instanceof Error ? err.message : String(err);
      if (attempt >= START_ATTEMPTS || !/did not start within/.test(message)) throw err;
      process.stderr.write(
        `temporal-test-server: did not start in time (attempt ${attempt}), retrying\n`,
      );
    }
  }
}
