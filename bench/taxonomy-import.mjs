// Taxonomy import (issue 8, TAX-1): a synthetic AIRS/211 file of the real size (--terms, default
// 9,200; ten top categories, six levels) POSTed to the taxonomy service, which streams it into
// its staging table and creates the taxonomy, a version and every term in one transaction.
//
// Runs the taxonomy service as its own process from its build, on a fresh database of the
// launcher's real PostgreSQL, Kafka and Temporal. Prints the seconds of the request (upload,
// parse, staging and the set-based copy into the version), terms per second, the time the
// service recorded for parsing + staging (taxonomy_import.parse_ms), and the service process's
// memory: resident set size before the import and its peak, read from /proc/<pid>/status
// (VmRSS; VmHWM is the kernel's high-water mark of the process since it started, so it is the
// peak whatever the sampling missed). Prints figures; it is not a test and asserts nothing.
//
//   node bench/taxonomy-import.mjs [--terms 9200] [--seed 1] [--deadline-s 600]
//
// Needs `node infra/launcher/cli.mjs up` and `npx tsc -b tsconfig.json` (it imports dist/).
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { syntheticHeader, syntheticTerms, taxonomyXmlChunks } from '@platform/taxonomy';
import { machineInfo, numericFlags, printBlock } from './lib/cli.mjs';
import { isolatedService } from './lib/isolated-service.mjs';
import { runBench } from './lib/run.mjs';

const flags = numericFlags({ terms: 9_200, seed: 1, 'deadline-s': 600 });
const deadline = Date.now() + flags['deadline-s'] * 1000;
const bench = isolatedService('bench-taxonomy-import', 'taxonomy');
const MiB = 2 ** 20;

/** VmRSS and VmHWM (peak) of a process in bytes, from /proc (Linux). */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** The file as bytes, generated term by term (never a list of terms). */
function syntheticFile() {
  const header = syntheticHeader('2026-07-01');
  const terms = syntheticTerms({ count: flags.terms, seed: flags.seed });
  return Buffer.from([...taxonomyXmlChunks(header, terms)].join(''));
}

async function main() {
  const machine = machineInfo();
  console.log(`  generating a ${flags.terms}-term synthetic file...`);
  const file = syntheticFile();
  const service = await bench.start();
  const token = await service.token('admin.ada');
  const before = memoryOf(service.pid);
  let sampledPeak = before.rss;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, memoryOf(service.pid).rss);
  }, 20);
  console.log(`  POST /taxonomy-imports (${(file.length / MiB).toFixed(1)} MiB)...`);
  const started = performance.now();
  const response = await fetch(`${service.url}/taxonomy-imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
    body: file,
    signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
  });
  const text = await response.text();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const after = memoryOf(service.pid);
  if (response.status !== 201) throw new Error(`import answered ${response.status}: ${text}`);
  const answer = JSON.parse(text);
  const db = new pg.Client({ connectionString: service.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(
      `select i.parse_ms as "parseMs", (select count(*)::int from term t
          where t.version_id = i.version_id) as terms,
              (select count(*)::int from term t where t.version_id = i.version_id and level = 1)
          as "topLevel"
         from taxonomy_import i where i.import_id = $1`,
      [answer.importId],
    );
    const stored = rows[0];
    printBlock('taxonomy import', {
      'terms in the file': flags.terms,
      'file size': `${(file.length / MiB).toFixed(1)} MiB`,
      'terms stored / top level': `${stored.terms} / ${stored.topLevel}`,
      'import request': `${seconds.toFixed(2)} s`,
      'terms per second': (flags.terms / seconds).toFixed(0),
      'parse + staging (parse_ms)': `${(stored.parseMs / 1000).toFixed(2)} s`,
      'service RSS before': `${(before.rss / MiB).toFixed(0)} MiB`,
      'service RSS peak during import (sampled every 20 ms)': `${(sampledPeak / MiB).toFixed(0)} MiB`,
      'service VmHWM (peak since start)': `${(after.peak / MiB).toFixed(0)} MiB`,
      ...Object.fromEntries(Object.entries(machine).map(([k, v]) => [`machine ${k}`, v])),
    });
    console.log(
      `\ntaxonomy import ${flags.terms} terms in ${seconds.toFixed(2)} s ` +
        `(${(flags.terms / seconds).toFixed(0)} terms/s), service peak RSS ${(after.peak / MiB).toFixed(0)} MiB`,
    );
    return stored.terms === flags.terms;
  } finally {
    await db.end();
  }
}

await runBench({
  label: 'taxonomy import bench',
  deadline,
  cleanUpSteps: bench.cleanUpSteps,
  main,
});
