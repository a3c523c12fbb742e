// Availability search latency (issue 7, PLC-1…PLC-3, PLC-8): "free places for this client from D1
// to D2" on facilities of 1,000 places each, with the placements service holding --facilities of
// them (default 100, so 100,000 places), half the places occupied, some reserved, a room of each
// facility out of service and a contract place limit on every provider.
//
// Runs the placements service as its own process from its build, on a fresh database of the
// launcher's real PostgreSQL, Kafka and Temporal. The layouts and occupancies are loaded with
// set-based SQL (not measured): per facility a top-level compartment, 4 buildings × 5 floors × 5
// rooms × 10 places, with mixed characteristics (a same-gender building, a Spanish-speaking one,
// a 12–17 one, one for a given placement product; same-language floors; age-limited rooms). Then,
// as a case worker over HTTP: POST /facilities/{id}/availability for a random facility and one of
// four client profiles, sequentially (latency as one user sees it) and with --concurrency
// requests in flight. Prints figures; it is not a test and asserts nothing.
//
//   node bench/availability.mjs [--facilities 100] [--requests 300] [--concurrency 4]
//                               [--deadline-s 900]
//
// Needs `node infra/launcher/cli.mjs up` and `npx tsc -b tsconfig.json` (it imports dist/).
import pg from 'pg';
import { machineInfo, numericFlags, printBlock } from './lib/cli.mjs';
import { http } from './lib/http.mjs';
import { isolatedService } from './lib/isolated-service.mjs';
import { runBench } from './lib/run.mjs';
import { latencyTable, summarize, timed } from './lib/stats.mjs';

const flags = numericFlags({
  facilities: 100,
  requests: 300,
  concurrency: 4,
  'warm-up': 20,
  'deadline-s': 900,
});
const deadline = Date.now() + flags['deadline-s'] * 1000;
const bench = isolatedService('bench-availability', 'placements');
const PRODUCT_ID = '0199a3c2-0000-7000-8000-00000000c001';

// Deterministic ids from a label, so every statement can name the rows of another: an md5 with
// the version (4) and variant digits set, since the API accepts only RFC 9562 UUIDs.
const id = (expr) => `overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`;

/** One statement per table, generate_series over facilities × buildings × floors × rooms × places. */
async function loadLayouts(db, facilities) {
  const started = performance.now();
  await db.query(
    `insert into provider_status (provider_id, name, status, occurred_at)
     select ${id("'provider-' || f")}, 'Bench Provider ' || f, 'approved', now()
       from generate_series(1, $1) f`,
    [facilities],
  );
  await db.query(
    `insert into facility (facility_id, provider_id, name, designated_capacity,
                           physical_capacity, created_by)
     select ${id("'facility-' || f")}, ${id("'provider-' || f")}, 'Bench Facility ' || f,
            1000, 1000, 'bench'
       from generate_series(1, $1) f`,
    [facilities],
  );
  // The top-level compartment, then buildings with one characteristic family each.
  await db.query(
    `insert into compartment (compartment_id, facility_id, parent_id, name, characteristics,
                              created_by)
     select ${id("'root-' || f")}, ${id("'facility-' || f")}, null, 'Bench Facility ' || f, '{}',
            'bench'
       from generate_series(1, $1) f`,
    [facilities],
  );
  await db.query(
    `insert into compartment (compartment_id, facility_id, parent_id, name, characteristics,
                              created_by)
     select ${id("'building-' || f || '-' || b")}, ${id("'facility-' || f")},
            ${id("'root-' || f")}, 'Building ' || b,
            case b when 1 then '{"sameGenderOnly": true}'::jsonb
                   when 2 then '{"language": "es"}'::jsonb
                   when 3 then '{"minimumAge": 12, "maximumAge": 17}'::jsonb
                   else jsonb_build_object('serviceProductId', $2::text) end,
            'bench'
       from generate_series(1, $1) f, generate_series(1, 4) b`,
    [facilities, PRODUCT_ID],
  );
  await db.query(
    `insert into compartment (compartment_id, facility_id, parent_id, name, characteristics,
                              created_by)
     select ${id("'floor-' || f || '-' || b || '-' || fl")}, ${id("'facility-' || f")},
            ${id("'building-' || f || '-' || b")}, 'Floor ' || fl,
            case when fl % 2 = 1 then '{"sameLanguageOnly": true}'::jsonb else '{}'::jsonb end,
            'bench'
       from generate_series(1, $1) f, generate_series(1, 4) b, generate_series(1, 5) fl`,
    [facilities],
  );
  await db.query(
    `insert into compartment (compartment_id, facility_id, parent_id, name, characteristics,
                              created_by)
     select ${id("'room-' || f || '-' || b || '-' || fl || '-' || r")}, ${id("'facility-' || f")},
            ${id("'floor-' || f || '-' || b || '-' || fl")}, 'Room ' || fl || '0' || r,
            case when r = 5 then '{"maximumAge": 13}'::jsonb else '{}'::jsonb end, 'bench'
       from generate_series(1, $1) f, generate_series(1, 4) b, generate_series(1, 5) fl,
            generate_series(1, 5) r`,
    [facilities],
  );
  await db.query(
    `insert into place (place_id, facility_id, compartment_id, name, created_by)
     select ${id("'place-' || f || '-' || b || '-' || fl || '-' || r || '-' || p")},
            ${id("'facility-' || f")},
            ${id("'room-' || f || '-' || b || '-' || fl || '-' || r")},
            'B' || b || '-' || fl || '0' || r || '-' || p, 'bench'
       from generate_series(1, $1) f, generate_series(1, 4) b, generate_series(1, 5) fl,
            generate_series(1, 5) r, generate_series(1, 10) p`,
    [facilities],
  );
  // Half the places hold an open-ended placement since January; one in twenty a reservation
  // from December. Occupants vary in gender, language and age.
  const occupant = (n) =>
    `jsonb_build_object('clientId', 'BENCH-' || ${n}, 'birthDate',
       (date '2005-01-01' + ((${n}) % 4000)::int)::text,
       'gender', (array['female', 'male'])[1 + ((${n}) % 2)::int],
       'language', (array['en', 'es', 'fr'])[1 + ((${n}) % 3)::int],
       'gangAffiliation', null, 'race', null, 'religion', null)`;
  await db.query(
    `insert into placement (placement_id, provider_id, facility_id, place_id, client_id, client,
                            starts_on, state, created_by)
     select gen_random_uuid(), p.provider_id, p.facility_id, pl.place_id,
            'BENCH-' || pl.n, ${occupant('pl.n')}, date '2026-01-01', 'active', 'bench'
       from (select place_id, facility_id, row_number() over () as n from place) pl
       join facility p on p.facility_id = pl.facility_id
      where pl.n % 2 = 0`,
  );
  await db.query(
    `insert into reservation (reservation_id, provider_id, facility_id, place_id, client_id,
                              client, starts_on, ends_on, grace_period_days, expires_on, state,
                              created_by)
     select gen_random_uuid(), p.provider_id, p.facility_id, pl.place_id, 'BENCH-R' || pl.n,
            ${occupant('pl.n')}, date '2026-12-01', date '2027-02-28', 3, date '2026-12-05',
            'active', 'bench'
       from (select place_id, facility_id, row_number() over () as n from place) pl
       join facility p on p.facility_id = pl.facility_id
      where pl.n % 20 = 1`,
  );
  // Room 101 of building 1 out of service (PLC-3); a contract limit of 900 places (PLC-8).
  await db.query(
    `insert into out_of_service (out_of_service_id, facility_id, compartment_id, starts_on,
                                 ends_on, reason, recorded_by)
     select gen_random_uuid(), ${id("'facility-' || f")},
            ${id("'room-' || f || '-1-1-1'")}, date '2026-11-01', date '2027-06-30',
            'Water damage', 'bench'
       from generate_series(1, $1) f`,
    [facilities],
  );
  await db.query(
    `insert into contract_version (contract_id, provider_id, status, starts_on, ends_on,
                                   place_limit, provider_service_ids, bound_provider_ids,
                                   occurred_at)
     select ${id("'contract-' || f")}, ${id("'provider-' || f")}, 'active', date '2026-01-01',
            date '2027-12-31', 900, '{}', '{}', now()
       from generate_series(1, $1) f`,
    [facilities],
  );
  await db.query('vacuum analyze');
  return (performance.now() - started) / 1000;
}

const CLIENTS = [
  { clientId: 'Q-1', birthDate: '2011-03-01', gender: 'female', language: 'es' },
  { clientId: 'Q-2', birthDate: '2014-07-15', gender: 'male', language: 'en' },
  { clientId: 'Q-3', birthDate: '1990-01-01', gender: 'female', language: 'fr' },
  { clientId: 'Q-4', birthDate: null, gender: null, language: null },
];

async function facilityIds(db) {
  const { rows } = await db.query('select facility_id as id from facility order by facility_id');
  return rows.map((row) => row.id);
}

function request(url, token, facilities, index) {
  const facilityId = facilities[index % facilities.length];
  const client = CLIENTS[index % CLIENTS.length];
  return http('POST', `${url}/facilities/${facilityId}/availability`, token, {
    client,
    from: '2026-12-10',
    to: '2027-03-31',
    contractId: null,
  });
}

async function main() {
  const machine = machineInfo();
  const service = await bench.start();
  const db = new pg.Client({ connectionString: service.databaseUrl });
  await db.connect();
  try {
    console.log(`  loading ${flags.facilities} facilities × 1,000 places (SQL, not measured)...`);
    const loadS = await loadLayouts(db, flags.facilities);
    const facilities = await facilityIds(db);
    const token = await service.token('cw.chen');
    // Shuffled so consecutive requests hit different facilities (no warm row cache per facility).
    const order = Array.from({ length: flags.requests }, () =>
      Math.floor(Math.random() * facilities.length * CLIENTS.length),
    );
    for (let i = 0; i < flags['warm-up']; i += 1) await request(service.url, token, facilities, i);

    console.log(`  ${flags.requests} requests, one at a time...`);
    const sequential = [];
    let freeCounts = 0;
    for (const index of order) {
      if (Date.now() > deadline) throw new Error('deadline reached');
      const { ms, answer } = await timed(() => request(service.url, token, facilities, index));
      sequential.push(ms);
      freeCounts += answer.free.length;
    }

    console.log(`  ${flags.requests} requests, ${flags.concurrency} in flight...`);
    const concurrent = [];
    let next = 0;
    const wallStart = performance.now();
    await Promise.all(
      Array.from({ length: flags.concurrency }, async () => {
        while (next < order.length) {
          const index = order[next];
          next += 1;
          const { ms } = await timed(() => request(service.url, token, facilities, index));
          concurrent.push(ms);
        }
      }),
    );
    const wallS = (performance.now() - wallStart) / 1000;

    printBlock('availability search', {
      facilities: flags.facilities,
      'places per facility': 1000,
      'places in the database': flags.facilities * 1000,
      'load (SQL, not measured)': `${loadS.toFixed(1)} s`,
      'free places per answer (mean)': (freeCounts / sequential.length).toFixed(0),
      [`throughput at ${flags.concurrency} in flight`]: `${(concurrent.length / wallS).toFixed(1)} requests/s`,
      ...Object.fromEntries(Object.entries(machine).map(([k, v]) => [`machine ${k}`, v])),
    });
    latencyTable([
      ['one at a time', sequential],
      [`${flags.concurrency} in flight`, concurrent],
    ]);
    const { p50, p99 } = summarize(sequential);
    console.log(
      `\navailability p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (one at a time)`,
    );
    return true;
  } finally {
    await db.end();
  }
}

await runBench({
  label: 'availability bench',
  deadline,
  cleanUpSteps: bench.cleanUpSteps,
  main,
});
