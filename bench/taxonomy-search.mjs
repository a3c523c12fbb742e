// Taxonomy search latency (issue 8, TAX-8 / TAX-9): keyword search over --services indexed
// provider services (default 50,000) through the vocabulary of a synthetic AIRS-shaped taxonomy
// of --terms terms (default 9,200, the real file's size).
//
// Runs the taxonomy service as its own process from its build, on a fresh database of the
// launcher's real PostgreSQL, Kafka and Temporal. Loaded with set-based SQL (not measured as
// search): the synthetic taxonomy's terms as an editing version (the term_text trigger builds
// each term's document), providers (10 services each, one service centre in one of 12 cities, one
// of 6 categories), products, approved provider services, and one to three indexes of one to
// three leaf terms per service. Then the version is published with the service's own
// publishVersion, which builds every index's search document in one statement (timed: that is
// what a publish costs at this size). Then, as a case worker over HTTP:
// GET /search/provider-services?q=… with 1–3 consecutive words of a term's name (a quarter of
// them with a location or category filter), one at a time and with --concurrency in flight. Prints figures;
// it is not a test and asserts nothing.
//
//   node bench/taxonomy-search.mjs [--services 50000] [--terms 9200] [--queries 500]
//                                  [--concurrency 4] [--deadline-s 900] [--keep-database 1]
//
// Needs `node infra/launcher/cli.mjs up` and `npx tsc -b tsconfig.json` (it imports dist/).
import pg from 'pg';
import { machineInfo, numericFlags, printBlock } from './lib/cli.mjs';
import { http } from './lib/http.mjs';
import { isolatedService } from './lib/isolated-service.mjs';
import { runBench } from './lib/run.mjs';
import { latencyTable, summarize, timed, seededRandom } from './lib/stats.mjs';
import { syntheticTerms } from '../services/taxonomy/dist/airs/synthetic-taxonomy.js';
import { openTaxonomyDatabase } from '../services/taxonomy/dist/database.js';
import { publishVersion } from '../services/taxonomy/dist/versions/publishing.js';

const flags = numericFlags({
  services: 50_000,
  terms: 9_200,
  queries: 500,
  concurrency: 4,
  'warm-up': 20,
  'deadline-s': 900,
  /** 1: leave the database for EXPLAIN by hand (its URL is printed). */
  'keep-database': 0,
});
const deadline = Date.now() + flags['deadline-s'] * 1000;
const bench = isolatedService('bench-taxonomy-search', 'taxonomy', {
  keepDatabase: flags['keep-database'] === 1,
});
const TAXONOMY_ID = '0199a3c2-0000-7000-8000-00000000a001';
const VERSION_ID = '0199a3c2-0000-7000-8000-00000000a101';
const CITIES = [
  'Los Angeles',
  'Long Beach',
  'Pasadena',
  'Glendale',
  'Burbank',
  'Torrance',
  'Pomona',
  'Santa Monica',
  'Inglewood',
  'Downey',
  'Compton',
  'Whittier',
];
const CATEGORIES = ['community', 'shelter', 'youth', 'health', 'food', 'legal'];
const SERVICES_PER_PROVIDER = 10;

// Deterministic ids from a label (md5 with version/variant digits), as availability.mjs does.
const id = (expr) => `overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`;

/** The synthetic taxonomy as an editing version: terms and their English texts, in batches. */
async function loadTaxonomy(db) {
  const terms = [...syntheticTerms({ count: flags.terms, seed: 7, language: 'en' })];
  await db.query(
    `insert into taxonomy (taxonomy_id, name, kind, default_language, country, created_by)
     values ($1, 'Synthetic 211 Taxonomy of Human Services', 'airs', 'en', 'US', 'bench')`,
    [TAXONOMY_ID],
  );
  await db.query(
    `insert into taxonomy_version (version_id, taxonomy_id, version_label, release_date, status,
                                   created_by)
     values ($1, $2, '2026-07-01', '2026-07-01', 'editing', 'bench')`,
    [VERSION_ID, TAXONOMY_ID],
  );
  for (let start = 0; start < terms.length; start += 2000) {
    const batch = terms.slice(start, start + 2000);
    await db.query(
      `insert into term (version_id, code, parent_code, level, facet, updated_by)
       select $1, code, parent, level, facet, 'bench'
         from unnest($2::text[], $3::text[], $4::int[], $5::text[]) as t(code, parent, level, facet)`,
      [
        VERSION_ID,
        batch.map((t) => t.code),
        batch.map((t) => t.parentCode),
        batch.map((t) => t.level),
        batch.map((t) => t.facet),
      ],
    );
    await db.query(
      `insert into term_text (version_id, code, language, name, definition, use_references)
       select $1, code, 'en', name, definition, array(select jsonb_array_elements_text(refs))
         from unnest($2::text[], $3::text[], $4::text[], $5::jsonb[]) as t(code, name, definition, refs)`,
      [
        VERSION_ID,
        batch.map((t) => t.code),
        batch.map((t) => t.name),
        batch.map((t) => t.definition),
        batch.map((t) => JSON.stringify(t.useReferences)),
      ],
    );
  }
  return terms;
}

/** Providers, products, centres and approved provider services, one statement per table. */
async function loadServices(db, services) {
  const providers = Math.ceil(services / SERVICES_PER_PROVIDER);
  await db.query(
    `insert into provider (provider_id, name, status, occurred_at)
     select ${id("'provider-' || p")}, 'Bench Provider ' || p, 'approved', now()
       from generate_series(1, $1) p`,
    [providers],
  );
  await db.query(
    `insert into provider_classification (provider_id, category_code, category_name, occurred_at)
     select ${id("'provider-' || p")}, ($2::text[])[1 + p % 6], initcap(($2::text[])[1 + p % 6]), now()
       from generate_series(1, $1) p`,
    [providers, CATEGORIES],
  );
  await db.query(
    `insert into service_centre (service_centre_id, provider_id, name, address_line1, city, region,
                                 postal_code, starts_on, occurred_at)
     select ${id("'centre-' || p")}, ${id("'provider-' || p")}, 'Centre ' || p,
            p || ' Main Street', ($2::text[])[1 + p % 12], 'CA', (90000 + p % 900)::text,
            date '2026-01-01', now()
       from generate_series(1, $1) p`,
    [providers, CITIES],
  );
  await db.query(
    `insert into service_product (service_product_id, name, unit_of_measure, occurred_at)
     select ${id("'product-' || k")}, 'Bench product ' || k, 'session', now()
       from generate_series(1, 50) k`,
  );
  await db.query(
    `insert into provider_service (provider_service_id, provider_id, service_product_id, status,
                                   starts_on, occurred_at)
     select ${id("'service-' || s")}, ${id(`'provider-' || (1 + (s - 1) / ${SERVICES_PER_PROVIDER})`)},
            ${id("'product-' || (1 + s % 50)")}, 'approved', date '2026-01-01', now()
       from generate_series(1, $1) s`,
    [services],
  );
}

/** One to three indexes of one to three leaf terms per service (TAX-8), from a seeded generator. */
async function loadIndexes(db, terms, services) {
  const leaves = terms.filter((t) => t.level >= 4).map((t) => t.code);
  const next = seededRandom(11);
  const pick = () => leaves[Math.floor(next() * leaves.length)];
  const rows = { service: [], codes: [] };
  for (let s = 1; s <= services; s += 1) {
    const count = 1 + Math.floor(next() * 3);
    const seen = new Set();
    for (let i = 0; i < count; i += 1) {
      const codes = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, pick))];
      const key = codes.join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      rows.service.push(s);
      rows.codes.push(`{${codes.map((c) => `"${c}"`).join(',')}}`);
    }
  }
  for (let start = 0; start < rows.service.length; start += 20_000) {
    await db.query(
      `insert into service_index (index_id, provider_service_id, taxonomy_id, term_codes, created_by)
       select gen_random_uuid(), ${id("'service-' || s")}, $1, codes::text[], 'bench'
         from unnest($2::int[], $3::text[]) as r(s, codes)`,
      [
        TAXONOMY_ID,
        rows.service.slice(start, start + 20_000),
        rows.codes.slice(start, start + 20_000),
      ],
    );
  }
  await db.query(
    `update term set display_state = 'used'
      where version_id = $1 and code in (select unnest(term_codes) from service_index)`,
    [VERSION_ID],
  );
  return rows.service.length;
}

/** 1–3 consecutive words of a random term's name; a quarter with a location or category filter. */
function queries(terms, count) {
  const next = seededRandom(23);
  return Array.from({ length: count }, (_, i) => {
    const words = terms[Math.floor(next() * terms.length)].name.split(/\s+/);
    const size = Math.min(words.length, 1 + Math.floor(next() * 3));
    const start = Math.floor(next() * (words.length - size + 1));
    const params = new URLSearchParams({
      q: words.slice(start, start + size).join(' '),
      limit: '25',
    });
    if (i % 8 === 1) params.set('location', CITIES[i % CITIES.length]);
    if (i % 8 === 5) params.set('category', CATEGORIES[i % CATEGORIES.length]);
    return params.toString();
  });
}

async function main() {
  const machine = machineInfo();
  const service = await bench.start();
  const db = new pg.Client({ connectionString: service.databaseUrl });
  await db.connect();
  try {
    console.log(`  loading ${flags.terms} terms and ${flags.services} provider services (SQL)...`);
    const loadStart = performance.now();
    const terms = await loadTaxonomy(db);
    await loadServices(db, flags.services);
    const indexes = await loadIndexes(db, terms, flags.services);
    const loadS = (performance.now() - loadStart) / 1000;
    console.log(`  publishing (builds ${indexes} index documents)...`);
    const orm = await openTaxonomyDatabase(service.databaseUrl);
    const publishStart = performance.now();
    try {
      await orm.em
        .fork()
        .transactional((em) =>
          publishVersion(em, VERSION_ID, { userId: 'bench', roles: ['administrator'] }),
        );
    } finally {
      await orm.close();
    }
    const publishS = (performance.now() - publishStart) / 1000;
    await db.query('vacuum analyze');

    const token = await service.token('cw.chen');
    const search = (query) =>
      http('GET', `${service.url}/search/provider-services?${query}`, token);
    const list = queries(terms, flags.queries);
    for (let i = 0; i < flags['warm-up']; i += 1) await search(list[i % list.length]);
    console.log(`  ${list.length} searches, one at a time...`);
    const sequential = [];
    let hits = 0;
    let empty = 0;
    for (const query of list) {
      if (Date.now() > deadline) throw new Error('deadline reached');
      const { ms, answer } = await timed(() => search(query));
      sequential.push(ms);
      hits += answer.total;
      if (answer.total === 0) empty += 1;
    }
    console.log(`  ${list.length} searches, ${flags.concurrency} in flight...`);
    const concurrent = [];
    let next = 0;
    const wallStart = performance.now();
    await Promise.all(
      Array.from({ length: flags.concurrency }, async () => {
        while (next < list.length) {
          const query = list[next];
          next += 1;
          const { ms } = await timed(() => search(query));
          concurrent.push(ms);
        }
      }),
    );
    const wallS = (performance.now() - wallStart) / 1000;
    printBlock('taxonomy search', {
      terms: terms.length,
      'provider services (approved)': flags.services,
      indexes,
      'load (SQL, not measured)': `${loadS.toFixed(1)} s`,
      'publish incl. all index documents': `${publishS.toFixed(1)} s`,
      'services found per query (mean total)': (hits / sequential.length).toFixed(0),
      'queries finding nothing': empty,
      [`throughput at ${flags.concurrency} in flight`]: `${(concurrent.length / wallS).toFixed(1)} requests/s`,
      ...Object.fromEntries(Object.entries(machine).map(([k, v]) => [`machine ${k}`, v])),
    });
    latencyTable([
      ['one at a time', sequential],
      [`${flags.concurrency} in flight`, concurrent],
    ]);
    const { p50, p99 } = summarize(sequential);
    console.log(
      `\ntaxonomy search p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (one at a time)`,
    );
    return true;
  } finally {
    await db.end();
  }
}

await runBench({
  label: 'taxonomy search bench',
  deadline,
  cleanUpSteps: bench.cleanUpSteps,
  main,
});
