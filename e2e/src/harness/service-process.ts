import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@platform/testing';

export interface ServiceProcess {
  name: string;
  url: string | null;
  logFile: string;
  /** The operating-system process id (benchmarks read its peak memory from /proc). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * Runs one built entry point (`dist/main.js`) as its own process, the way `npm start` does, with
 * its output in `.infra/logs/<name>.log`.
 */
export async function spawnService(
  name: string,
  entry: string,
  env: Record<string, string>,
  healthUrl: string | null,
): Promise<ServiceProcess> {
  const logDir = join(repoRoot, '.infra', 'logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'w' });
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, entry)], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  if (healthUrl) {
    try {
      await waitUntilHealthy(name, healthUrl, exited, logFile);
    } catch (error) {
      // Never leave a process behind that nobody will stop: it would keep the test run alive.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      throw error;
    }
  }
  return {
    name,
    url: healthUrl ? new URL(healthUrl).origin : null,
    logFile,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      // A service whose shutdown hangs (e.g. its database already gone) is killed after 15 s,
      // so stopping never hangs the run that started it.
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

async function waitUntilHealthy(
  name: string,
  url: string,
  exited: Promise<number | null>,
  logFile: string,
): Promise<void> {
  let stoppedWith: number | null | undefined;
  void exited.then((code) => (stoppedWith = code));
  const giveUpAt = Date.now() + 120_000;
  for (;;) {
    if (stoppedWith !== undefined) {
      throw new Error(`${name} exited with ${stoppedWith} during start-up; see ${logFile}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > giveUpAt) throw new Error(`${name} not healthy at ${url}; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
