// `logs [component] [--follow]`: the tail of each component's log in .infra/logs/.

import fs from 'node:fs';
import { logFile } from './config.mjs';
import { lastLines, sleep } from './process.mjs';

export async function printLogs(
  cfg,
  components,
  { lines = 100, follow = false, out = process.stdout } = {},
) {
  // With several logs interleaved, prefix each line with its component.
  const prefix = (name) => (components.length > 1 ? `${name.padEnd(8)} | ` : '');
  const offsets = {};
  for (const name of components) {
    const file = logFile(cfg, name);
    if (components.length > 1) out.write(`==> ${file} <==\n`);
    if (!fs.existsSync(file)) {
      out.write(`${prefix(name)}(no log yet: ${file})\n`);
    } else {
      for (const line of lastLines(file, lines)) out.write(`${prefix(name)}${line}\n`);
    }
    offsets[name] = fs.existsSync(file) ? fs.statSync(file).size : 0;
  }
  if (!follow) return;

  // Polling instead of fs.watch: works the same on every platform and survives the file being
  // recreated (e.g. after someone deletes .infra/logs).
  const partial = {};
  for (;;) {
    await sleep(500);
    for (const name of components) {
      const file = logFile(cfg, name);
      let size;
      try {
        size = fs.statSync(file).size;
      } catch {
        continue;
      }
      if (size < offsets[name]) offsets[name] = 0; // truncated or recreated
      if (size === offsets[name]) continue;
      const fd = fs.openSync(file, 'r');
      const buf = Buffer.alloc(size - offsets[name]);
      fs.readSync(fd, buf, 0, buf.length, offsets[name]);
      fs.closeSync(fd);
      offsets[name] = size;
      const text = (partial[name] ?? '') + buf.toString('utf8');
      const parts = text.split('\n');
      partial[name] = parts.pop();
      for (const line of parts) out.write(`${prefix(name)}${line}\n`);
    }
  }
}
