// Process plumbing: find executables, run commands, spawn detached servers with pid files,
// stop them, and poll for readiness.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import http from 'node:http';
import path from 'node:path';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

// Like `command -v`, without spawning a shell.
export function which(command, env = process.env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

// Run to completion and collect output. Never rejects on a non-zero exit (callers decide);
// rejects only if the command cannot be started at all.
export function run(command, args, { env, cwd, uid, gid, timeoutMs = 120000, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      cwd,
      uid,
      gid,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), signal, stdout, stderr });
    });
    if (input !== undefined) child.stdin.end(input);
  });
}

export async function runOrThrow(command, args, options = {}) {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    const output = (result.stderr || result.stdout).trim().split('\n').slice(-15).join('\n');
    throw new Error(
      `\`${path.basename(command)} ${args.join(' ')}\` failed (exit ${result.code}):\n${output}`,
    );
  }
  return result;
}

// Long-running one-shot command (apt-get, mvn, go install): output is appended to `logFile`
// (so a failure can be investigated there) and each line is handed to `onLine` for progress.
export function runLogged(
  command,
  args,
  { logFile, onLine = () => {}, env, cwd, uid, gid, timeoutMs } = {},
) {
  return new Promise((resolve, reject) => {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const log = fs.createWriteStream(logFile, { flags: 'a' });
    log.write(`\n=== ${new Date().toISOString()} $ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, { env, cwd, uid, gid, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = timeoutMs ? setTimeout(() => child.kill('SIGKILL'), timeoutMs) : undefined;
    let tail = [];
    const feed = (stream) => {
      let partial = '';
      stream.on('data', (chunk) => {
        log.write(chunk);
        const lines = (partial + chunk).split('\n');
        partial = lines.pop();
        for (const line of lines) {
          tail = [...tail.slice(-19), line];
          onLine(line);
        }
      });
    };
    feed(child.stdout);
    feed(child.stderr);
    child.on('error', (err) => {
      clearTimeout(timer);
      log.end();
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      log.end(() => {
        if (code === 0) resolve();
        else
          reject(
            new Error(
              `\`${path.basename(command)} ${args.join(' ')}\` failed (exit ${code ?? signal}); ` +
                `last output:\n${tail.join('\n')}\nfull log: ${logFile}`,
            ),
          );
      });
    });
  });
}

// A server that outlives the launcher: its own process group (so `down` can signal the whole
// tree), stdio straight into the log file (no pipe back to us that could fill up or break when
// we exit), and unref() so our event loop does not wait for it.
// Returns the pid and the log offset at which this run's output starts.
export function spawnDetached(command, args, { logFile, pidFile, env, cwd, uid, gid }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  fs.appendFileSync(
    logFile,
    `\n=== ${new Date().toISOString()} starting: ${command} ${args.join(' ')}\n`,
  );
  const logOffset = fs.statSync(logFile).size;
  const fd = fs.openSync(logFile, 'a');
  let child;
  try {
    child = spawn(command, args, { env, cwd, uid, gid, detached: true, stdio: ['ignore', fd, fd] });
  } finally {
    fs.closeSync(fd);
  }
  // Start failures (ENOENT, EACCES) arrive as an 'error' event; the missing pid below reports them.
  child.on('error', () => {});
  if (child.pid === undefined) throw new Error(`could not start ${command} (see ${logFile})`);
  child.unref();
  fs.writeFileSync(pidFile, `${child.pid}\n`);
  return { pid: child.pid, logOffset };
}

export function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  // A zombie still answers kill(0) but is dead for our purposes.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

// Guards against pid reuse: a pid file left over from before a reboot may now name an unrelated
// process. On Linux the command line must contain `token` (e.g. the component's data dir).
export function processMatches(pid, token) {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').includes(token);
  } catch {
    return true;
  }
}

export function readPid(file) {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

// The pid recorded in `file` if that process is still ours; a stale file is deleted.
export function livePid(file, token) {
  const pid = readPid(file);
  if (pid === undefined) return { pid: undefined, stale: false };
  if (processMatches(pid, token)) return { pid, stale: false };
  fs.rmSync(file, { force: true });
  return { pid: undefined, stale: true };
}

// Refuse to start on a port something else already listens on: the new server would fail with
// a less obvious bind error, or worse, health checks would pass against the wrong server.
export async function assertPortsFree(host, ports, component) {
  for (const [envVar, port] of Object.entries(ports)) {
    if (await portOpen(host, port)) {
      throw new Error(
        `${component}: ${host}:${port} is already in use by a process the launcher did not start; ` +
          `stop it or choose another port with ${envVar}=<port>`,
      );
    }
  }
}

// Temporary download/build directories are named `<prefix><pid>`; those whose process is gone
// were left by an interrupted run (Ctrl-C during a download) and are deleted.
export function removeStaleTemps(dir, prefix) {
  let entries;
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length));
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) {
      fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
    }
  }
}

export function removeFile(file) {
  fs.rmSync(file, { force: true });
}

function signal(pid, sig) {
  try {
    process.kill(-pid, sig); // the whole process group (we started it as group leader)
    return;
  } catch {
    // not a group leader (adopted process) or already gone
  }
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

export async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(200);
  }
  return !isAlive(pid);
}

// Polite signal first, SIGKILL for the group if it does not exit in time.
export async function stopProcess(pid, { sig = 'SIGTERM', timeoutMs = 20000 } = {}) {
  if (!isAlive(pid)) return 'not running';
  signal(pid, sig);
  if (await waitForExit(pid, timeoutMs)) return 'stopped';
  signal(pid, 'SIGKILL');
  await waitForExit(pid, 5000);
  return 'killed';
}

export function portOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function httpStatus(url, timeoutMs = 3000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(undefined));
  });
}

// Log text written since `offset` (this run's output only, not earlier runs').
export function readLogSince(file, offset) {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      if (size <= offset) return '';
      const buf = Buffer.alloc(size - offset);
      fs.readSync(fd, buf, 0, buf.length, offset);
      return buf.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

export function lastLines(file, count) {
  try {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines.slice(-count);
  } catch {
    return [];
  }
}

// Poll `check` (async, returns truthy when ready) until `timeoutMs`. Fails fast if the server
// process `pid` dies, pointing at its log instead of waiting out the deadline.
export async function waitUntil(check, { timeoutMs, intervalMs = 500, pid, what, logFile }) {
  const deadline = Date.now() + timeoutMs;
  // Read the log only when failing, so the excerpt shows why.
  const hint = () =>
    logFile ? `\n--- last lines of ${logFile} ---\n${lastLines(logFile, 25).join('\n')}` : '';
  for (;;) {
    if (await check()) return;
    if (pid && !isAlive(pid)) {
      throw new Error(`${what}: the process exited during startup${hint()}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not ready after ${Math.round(timeoutMs / 1000)}s${hint()}`);
    }
    await sleep(intervalMs);
  }
}
