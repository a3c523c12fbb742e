// .infra/endpoints.json: where each dependency is, for tests and services to read instead of
// hard-coding ports. Written only after a successful `up`.

import fs from 'node:fs';
import path from 'node:path';

export function readEndpointsFile(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw new Error(`cannot read ${file}: ${err.message}`, { cause: err });
  }
}

// Write-then-rename so a reader (a test starting while `up` finishes) never sees half a file.
export function writeEndpointsFile(file, endpoints) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, `${JSON.stringify(endpoints, null, 2)}\n`);
  fs.renameSync(tmp, file);
}
