import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Launcher {
  up(options: { quiet: boolean }): Promise<unknown>;
}

/**
 * Jest global setup for integration suites: brings the launcher's real Kafka, Temporal and
 * PostgreSQL up once per run (a no-op when `npm test` already did) and leaves them running.
 */
export default async function globalSetup(): Promise<void> {
  const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
  const launcherUrl = pathToFileURL(join(repoRoot, 'infra/launcher/index.mjs')).href;
  const launcher = (await import(launcherUrl)) as Launcher;
  await launcher.up({ quiet: true });
}
