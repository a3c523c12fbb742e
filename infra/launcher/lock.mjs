// Mutual exclusion between launcher runs (two terminals, or parallel jest projects each running
// global setup): two `up`s racing would both see "not running" and start servers on the same
// ports. mkdir is atomic on every filesystem we care about, so the lock is a directory with an
// `owner` file naming the holder's pid; a lock whose holder is gone is stale and is taken over.

import fs from 'node:fs';
import path from 'node:path';
import { hostname } from 'node:os';
import { isAlive, sleep } from './process.mjs';

function readOwner(lockDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(lockDir, 'owner'), 'utf8'));
  } catch {
    return undefined;
  }
}

function isStale(lockDir) {
  const owner = readOwner(lockDir);
  if (!owner) {
    // mkdir happened but `owner` is not written yet, or the holder died in between. Give a
    // live holder a moment to write it before calling the lock abandoned.
    try {
      return Date.now() - fs.statSync(lockDir).mtimeMs > 5000;
    } catch {
      return true; // vanished meanwhile: retry
    }
  }
  // A pid from another machine (shared network home) cannot be checked; trust it.
  if (owner.host !== hostname()) return false;
  return !isAlive(owner.pid);
}

export async function acquireLock(lockDir, { action, progress, timeoutMs = 20 * 60 * 1000 } = {}) {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    if (isStale(lockDir)) {
      progress?.info('lock', `removing stale lock ${lockDir}`);
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    const owner = readOwner(lockDir);
    if (!announced) {
      progress?.info(
        'lock',
        `waiting for another launcher run (pid ${owner?.pid ?? '?'}: ${owner?.action ?? '?'}) to finish…`,
      );
      announced = true;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for the launcher lock ${lockDir} held by pid ${owner?.pid ?? '?'}; ` +
          `if that process is gone, delete the directory`,
      );
    }
    await sleep(500);
  }
  const owner = { pid: process.pid, host: hostname(), action, since: new Date().toISOString() };
  fs.writeFileSync(path.join(lockDir, 'owner'), JSON.stringify(owner));

  // Released on normal completion, on errors (finally in the caller) and on process exit
  // (Ctrl-C in the CLI turns into process.exit), whichever comes first.
  const release = () => {
    process.removeListener('exit', release);
    const current = readOwner(lockDir);
    if (current?.pid === process.pid && current?.since === owner.since) {
      fs.rmSync(lockDir, { recursive: true, force: true });
    }
  };
  process.on('exit', release);
  return release;
}
