// Provider search latency (GET /providers, PRV-3): how long a user waits for a page of providers by
// name, category, specialty, service, and all of them combined, with 10,000 and then 100,000
// providers in the register. Runs the providers service as a process from its build against the
// launcher's real PostgreSQL (a fresh database of its own), loads the rows with set-based SQL
// (generate_series), then times HTTP requests as a case worker would make them. Prints figures and
// the indexes PostgreSQL chose; it is not a test and asserts nothing.
//
//   node bench/provider-search.mjs [--small 10000] [--large 100000] [--queries 200] [--warmup 10]
//                                  [--products 40] [--keep-db 0] [--deadline-s 900]
//
// Needs `node infra/launcher/cli.mjs up` and `npx tsc -b tsconfig.json` (it imports dist/).
import pg from 'pg';
import { machineInfo, numericFlags, printBlock, progressReporter } from './lib/cli.mjs';
import { isolatedService } from './lib/isolated-service.mjs';
import { runBench } from './lib/run.mjs';
import { seededRandom, summarize } from './lib/stats.mjs';
import { http } from './lib/http.mjs';

const flags = numericFlags({
  small: 10_000,
  large: 100_000,
  queries: 200,
  warmup: 10,
  products: 40,
  /** 1: leave the database (name printed) for EXPLAIN by hand; drop it yourself afterwards. */
  'keep-db': 0,
  'deadline-s': 900,
});
const deadline = Date.now() + flags['deadline-s'] * 1000;
const bench = isolatedService('bench-search', 'providers', {
  keepDatabase: flags['keep-db'] === 1,
});

// ---------------------------------------------------------------------------------------------
// A deterministic pseudo-random source, so every run asks the same questions.
const random = seededRandom(20261122);
const pick = (items) => items[Math.floor(random() * items.length)];

/**
 * An "urn": each value repeated by its weight, so SQL picks a value with the right frequency by
 * indexing the array at random (`urn[1 + floor(random() * n)]`).
 */
function urn(weighted) {
  return weighted.flatMap(([value, weight]) => Array.from({ length: weight }, () => value));
}
/** Zipf-like weights: the first items are common, the tail rare, as in a real register. */
const zipf = (items, scale = 100) =>
  items.map((item, rank) => [item, Math.max(1, Math.round(scale / (rank + 1)))]);

// ---------------------------------------------------------------------------------------------
// The register's vocabulary and distributions.
const PREFIXES = (
  'Sunrise Hilltop Maple Riverside Oak Cedar Willow Harbor Meadow Summit Lakeside Pine Brook ' +
  'Valley Evergreen Golden Silver Bright Little Kind Safe Haven Harmony Northside Southside ' +
  'Eastside Westside Central Greenfield Fairview Rosewood Ashford Bayview Clearwater Springdale ' +
  'Stonebridge Woodland Highland Parkside Redwood Rainbow Sunflower Lighthouse Compass Anchor ' +
  'Bridge Horizon Journey Pathway Beacon Cornerstone Heritage Unity Kindred Shelter'
).split(' ');
const SURNAMES = (
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez ' +
  'Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris ' +
  'Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill ' +
  'Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Okafor Chen Patel ' +
  'Kim Singh Ali Khan Murphy Kelly Schmidt Fischer Weber Rossi Russo Novak Kowalski Silva Santos ' +
  'Costa Dubois Moreau Laurent Jensen Hansen Larsen Nielsen Sato Suzuki Tanaka Watanabe Ito ' +
  'Yamamoto Nakamura Wang Zhang Liu Yang Huang Zhao Zhou Sun Zhu Guo Okonkwo Mensah Haddad'
).split(' ');
const CITIES = (
  'Springfield Shelbyville Riverton Fairhaven Lakewood Brookfield Greenville Franklin Clinton ' +
  'Georgetown Madison Salem Bristol Oxford Arlington Ashland Burlington Chester Dayton Dover ' +
  'Hudson Kingston Lexington Milford Newport Plymouth Richmond Troy Winchester Auburn Bedford ' +
  'Camden Dalton Easton Florence Glendale Hamilton Jackson Lancaster Marion Norwood Oakland ' +
  'Princeton Quincy Rochester Stratford Trenton Union Vernon Warren'
).split(' ');

/** category, its types, its share of providers (%), and how its providers are named. */
const CATEGORIES = [
  ['foster-home', ['traditional', 'therapeutic', 'emergency', 'kinship'], 30, 'Foster Home'],
  ['day-care', ['centre-based', 'home-based', 'after-school'], 20, 'Day Care'],
  ['therapy', ['physiotherapy', 'speech', 'occupational'], 12, 'Therapy Services'],
  ['counselling', ['individual', 'family', 'group'], 8, 'Counselling'],
  ['residential', ['short-stay', 'long-stay'], 6, 'Residential Care'],
  ['home-health', ['nursing', 'personal-care'], 6, 'Home Health'],
  ['respite', ['in-home', 'out-of-home'], 4, 'Respite Care'],
  ['group-home', ['small', 'large'], 4, 'Group Home'],
];
const UNCLASSIFIED_SHARE = 10; // % of providers not (yet) classified
const SPECIALTIES = (
  'autism-support developmental-delay spanish-speaking french-speaking sign-language ' +
  'trauma-informed sibling-groups infants teenagers medical-needs behavioural-support ' +
  'substance-misuse mental-health physical-disability visual-impairment hearing-impairment ' +
  'refugee-families lgbtq-youth young-parents kinship-care arabic-speaking mandarin-speaking ' +
  'polish-speaking eating-disorders palliative-care dementia brain-injury epilepsy diabetes-care ' +
  'tube-feeding'
).split(' ');
const STATUSES = urn([
  ['approved', 70],
  ['enrolled', 15],
  ['suspended', 5],
  ['closed', 10],
]);
const SERVICE_STATUSES = urn([
  ['approved', 75],
  ['pending', 10],
  ['suspended', 5],
  ['ended', 10],
]);

/** "category|type|suffix" drawn with the categories' shares; '||Services' for unclassified. */
const CLASSIFICATIONS = urn([
  ...CATEGORIES.flatMap(([code, types, share, suffix]) => {
    // Within a category, the first type is the most common (1, 1/2, 1/3 …).
    const weights = types.map((_, rank) => 1 / (rank + 1));
    const sum = weights.reduce((a, b) => a + b, 0);
    return types.map((type, rank) => [
      `${code}|${type}|${suffix}`,
      Math.max(1, Math.round((share * 20 * weights[rank]) / sum)),
    ]);
  }),
  ['||Services', UNCLASSIFIED_SHARE * 20],
]);
const CITY_URN = urn(zipf(CITIES, 60));
const SPECIALTY_URN = urn(zipf(SPECIALTIES, 60));

// ---------------------------------------------------------------------------------------------

/** The registries, through the API as an administrator would configure them. */
async function configureRegistries(url, adminToken) {
  for (const [code, types] of CATEGORIES) {
    await http('POST', `${url}/provider-categories`, adminToken, { code, name: title(code) });
    for (const type of types) {
      await http('POST', `${url}/provider-categories/${code}/types`, adminToken, {
        code: type,
        name: title(type),
      });
    }
  }
  for (const code of SPECIALTIES) {
    await http('POST', `${url}/specialties`, adminToken, { code, name: title(code) });
  }
  const products = [];
  for (let i = 0; i < flags.products; i += 1) {
    const product = await http('POST', `${url}/service-products`, adminToken, {
      name: `${pick(['Respite', 'Therapy', 'Day care', 'Counselling', 'Nursing'])} service ${i + 1}`,
      unitOfMeasure: pick(['session', 'hour', 'day', 'visit']),
      payBasedOnAttendance: false,
      payBasedOnPlacement: false,
      attendanceTracking: {},
      delivery: { type: 'service-delivery' },
      paymentOptions: { fixed: 'pay-fixed', minimum: 'pay-billed', maximum: 'pay-maximum' },
    });
    products.push(product.id);
  }
  return products;
}

const title = (code) => code.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());

/**
 * Adds `count` providers, their specialties (0–4 each, popular ones more often) and provider
 * services (0–3 each, of the products, popular ones more often), all set-based in PostgreSQL.
 * `batch` tags the rows so the later steps pick up only this load's providers.
 */
async function loadProviders(db, count, batch, productUrn) {
  const started = performance.now();
  const timed = async (label, sql, params) => {
    const t = performance.now();
    const result = await db.query(sql, params);
    console.log(
      `    ${label}: ${result.rowCount} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  };
  await db.query('select setseed($1)', [0.1 + batch / 10]);
  // Volatile random() in a FROM subquery runs per row; the outer select only indexes arrays.
  await timed(
    'providers',
    `insert into provider (id, name, status, city, category_code, type_code, enrolled_by,
                           updated_by, preferred_language, preferred_communication)
     select gen_random_uuid(),
            case when r.shape < 0.5 then p.prefix || ' ' || split_part(c.ct, '|', 3)
                 when r.shape < 0.85 then 'The ' || p.surname || ' Family ' || split_part(c.ct, '|', 3)
                 else p.prefix || ' ' || p.surname || ' ' || split_part(c.ct, '|', 3) end,
            ($1::text[])[r.s], ($2::text[])[r.c],
            nullif(split_part(c.ct, '|', 1), ''), nullif(split_part(c.ct, '|', 2), ''),
            'bench-${batch}', 'bench', 'en', 'email'
       from (select g,
                    random() as shape,
                    1 + floor(random() * cardinality($1::text[]))::int as s,
                    1 + floor(random() * cardinality($2::text[]))::int as c,
                    1 + floor(random() * cardinality($3::text[]))::int as k,
                    1 + floor(random() * cardinality($4::text[]))::int as pr,
                    1 + floor(random() * cardinality($5::text[]))::int as su
               from generate_series(1, $6::int) g) r
       cross join lateral (select ($3::text[])[r.k] as ct) c
       cross join lateral (select ($4::text[])[r.pr] as prefix, ($5::text[])[r.su] as surname) p`,
    [STATUSES, CITY_URN, CLASSIFICATIONS, PREFIXES, SURNAMES, count],
  );
  await timed(
    'specialties',
    `insert into provider_specialty (provider_id, specialty_code, added_by)
     select distinct p.id, ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int], 'bench'
       from (select id, floor(random() * random() * 5)::int as n
               from provider where enrolled_by = 'bench-${batch}') p
       cross join lateral generate_series(1, p.n)
     on conflict do nothing`,
    [SPECIALTY_URN],
  );
  await timed(
    'provider services',
    `insert into provider_service (id, provider_id, service_product_id, status, from_date,
                                   created_by, updated_by)
     select gen_random_uuid(), x.provider_id, x.product_id,
            ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int],
            date '2025-01-01' + floor(random() * 365)::int, 'bench', 'bench'
       from (select distinct p.id as provider_id,
                    ($1::uuid[])[1 + floor(random() * cardinality($1::uuid[]))::int] as product_id
               from (select id, floor(random() * 4)::int as n
                       from provider where enrolled_by = 'bench-${batch}') p
               cross join lateral generate_series(1, p.n)) x
     on conflict do nothing`,
    [productUrn, SERVICE_STATUSES],
  );
  const t = performance.now();
  await db.query('vacuum analyze');
  console.log(`    vacuum analyze in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return (performance.now() - started) / 1000;
}

// ---------------------------------------------------------------------------------------------
// The questions. Name terms mix common words, surnames and 3-letter fragments, so the figures
// cover both broad and narrow searches.
function nameTerm() {
  const shape = random();
  if (shape < 0.35) return pick(PREFIXES).toLowerCase();
  if (shape < 0.7) return pick(SURNAMES).toLowerCase();
  const word = pick([...PREFIXES, ...SURNAMES]).toLowerCase();
  const start = Math.floor(random() * Math.max(1, word.length - 2));
  return word.slice(start, start + 3);
}

const KINDS = {
  name: () => ({ name: nameTerm() }),
  category: () => ({ category: pick(CATEGORIES)[0] }),
  specialty: () => ({ specialty: pick(SPECIALTIES) }),
  service: (products) => ({ serviceProductId: pick(products) }),
  combined: (products) => {
    const [category, types] = pick(CATEGORIES);
    return random() < 0.5
      ? {
          category,
          type: pick(types),
          specialty: pick(SPECIALTIES.slice(0, 10)),
          status: 'approved',
        }
      : {
          name: pick(PREFIXES).toLowerCase(),
          serviceProductId: pick(products),
          city: pick(CITIES.slice(0, 10)).toLowerCase(),
        };
  },
};

async function measureKind(url, token, kind, products) {
  const samples = [];
  const totals = [];
  const slowest = [];
  const progress = progressReporter(kind, flags.queries);
  for (let i = 0; i < flags.warmup + flags.queries && Date.now() < deadline; i += 1) {
    const query = new URLSearchParams(KINDS[kind](products)).toString();
    const began = performance.now();
    const page = await http('GET', `${url}/providers?${query}`, token);
    const ms = performance.now() - began;
    if (i < flags.warmup) continue;
    samples.push(ms);
    totals.push(page.total);
    slowest.push({ ms, query: decodeURIComponent(query), total: page.total });
    progress(samples.length);
  }
  slowest.sort((a, b) => b.ms - a.ms);
  return { samples, totals, slowest: slowest.slice(0, 3) };
}

// ---------------------------------------------------------------------------------------------
// EXPLAIN: the SQL of `services/providers/src/providers/provider-search.ts` as MikroORM sends it
// (the page, then the count), with one representative question per kind.
const FILTER_SQL = {
  name: `lower(p0.name) like lower($1)`,
  category: `p0.category_code = $1`,
  specialty: `p0.id in (select ps.provider_id from provider_specialty ps where ps.specialty_code = $1)`,
  service: `p0.id in (select sv.provider_id from provider_service sv where sv.service_product_id = $1 and sv.status <> 'ended')`,
  combined: `p0.status = $1 and p0.category_code = $2 and p0.type_code = $3 and p0.id in (select ps.provider_id from provider_specialty ps where ps.specialty_code = $4)`,
};

function indexesIn(plan, found = new Set()) {
  if (plan['Index Name']) found.add(plan['Index Name']);
  if (plan['Node Type'] === 'Seq Scan') found.add(`seq scan ${plan['Relation Name']}`);
  for (const child of plan.Plans ?? []) indexesIn(child, found);
  return found;
}

async function explainAll(db, products) {
  const params = {
    name: ['%river%'],
    category: ['therapy'],
    specialty: ['trauma-informed'],
    service: [products[0]],
    combined: ['approved', 'foster-home', 'therapeutic', 'autism-support'],
  };
  const rows = [];
  for (const [kind, where] of Object.entries(FILTER_SQL)) {
    const plans = [];
    for (const sql of [
      `select p0.* from provider as p0 where ${where} order by ${kind === 'name' ? "p0.name || ''" : 'p0.name'} asc, p0.id asc limit 25`,
      `select count(*) as count from provider as p0 where ${where}`,
    ]) {
      const [
        {
          'QUERY PLAN': [result],
        },
      ] = (await db.query(`explain (analyze, format json) ${sql}`, params[kind])).rows;
      plans.push(
        `${[...indexesIn(result.Plan)].join(', ')} (${result['Execution Time'].toFixed(1)} ms)`,
      );
    }
    rows.push([kind, ...plans]);
  }
  console.log('\n  EXPLAIN ANALYZE (page query | count query: plan nodes, execution time)');
  for (const [kind, page, count] of rows) {
    console.log(`    ${kind.padEnd(10)} page: ${page}\n    ${''.padEnd(10)} count: ${count}`);
  }
}

// ---------------------------------------------------------------------------------------------
const fmt = (ms) => (Number.isNaN(ms) ? 'n/a' : `${ms.toFixed(1)} ms`);

function table(rows) {
  const header = ['', 'queries', 'mean', 'p50', 'p90', 'p99', 'max', 'matches (median)'];
  const lines = rows.map(([label, s, matches]) => [
    label,
    String(s.count),
    fmt(s.mean),
    fmt(s.p50),
    fmt(s.p90),
    fmt(s.p99),
    fmt(s.max),
    String(matches),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((l) => l[i].length)));
  for (const line of [header, ...lines]) {
    console.log(
      '  ' +
        line
          .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
          .join('  '),
    );
  }
}

async function main() {
  const machine = machineInfo();
  console.log(
    `provider search: ${flags.small} then ${flags.large} providers, ${flags.queries} queries per kind (after ${flags.warmup} warm-up), one at a time`,
  );
  const running = await bench.start();
  const { url } = running;
  const token = await running.token('cw.chen');
  console.log('  configuring categories, types, specialties and service products via the API...');
  const products = await configureRegistries(url, await running.token('admin.ada'));
  const productUrn = urn(zipf(products, 40));

  const db = new pg.Client({ connectionString: running.databaseUrl });
  await db.connect();
  const results = [];
  try {
    let loaded = 0;
    for (const [batch, size] of [flags.small, flags.large].entries()) {
      if (Date.now() > deadline || size <= loaded) continue;
      console.log(`\n  loading providers up to ${size} (adding ${size - loaded})...`);
      const seconds = await loadProviders(db, size - loaded, batch, productUrn);
      loaded = size;
      const counts = (
        await db.query(
          `select (select count(*) from provider) as providers,
                  (select count(*) from provider_specialty) as specialties,
                  (select count(*) from provider_service) as services`,
        )
      ).rows[0];
      console.log(
        `  loaded in ${seconds.toFixed(1)} s: ${counts.providers} providers, ${counts.specialties} provider specialties, ${counts.services} provider services`,
      );
      await explainAll(db, products);
      console.log(`\n  measuring at ${counts.providers} providers...`);
      const rows = [];
      const slow = [];
      for (const kind of Object.keys(KINDS)) {
        const { samples, totals, slowest } = await measureKind(url, token, kind, products);
        const sorted = [...totals].sort((a, b) => a - b);
        rows.push([kind, summarize(samples), sorted[Math.floor(sorted.length / 2)] ?? 0]);
        slow.push(
          ...slowest.map(
            (s) => `${kind.padEnd(10)} ${fmt(s.ms).padStart(9)}  ${s.total} matches  ${s.query}`,
          ),
        );
      }
      results.push({ size: Number(counts.providers), counts, rows, slow });
    }
  } finally {
    await db.end();
  }

  const finished =
    results.length === new Set([flags.small, flags.large].filter((n) => n > 0)).size &&
    results.every((r) => r.rows.every(([, s]) => s.count === flags.queries));
  printBlock(`provider search${finished ? '' : ' (INCOMPLETE: deadline reached)'}`, {
    date: new Date().toISOString(),
    requests: `GET /providers (default page of 25, name order) as a case worker, over HTTP, one at a time`,
    samples: `${flags.queries} per kind and size (after ${flags.warmup} warm-up requests)`,
    machine: `${machine.cores} cores (${machine.cpu}), ${machine.memory}, node ${machine.node}, ${machine.os}`,
    'load average at start': machine.load,
  });
  for (const { size, counts, rows, slow } of results) {
    console.log(
      `\n  ${size} providers (${counts.specialties} provider specialties, ${counts.services} provider services)`,
    );
    table(rows);
    console.log('  slowest three of each kind:');
    for (const line of slow) console.log(`    ${line}`);
  }
  return finished;
}

await runBench({
  label: 'provider search bench',
  deadline,
  cleanUpSteps: bench.cleanUpSteps,
  main,
});
