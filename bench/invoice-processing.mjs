// Invoice processing throughput (issue 6, ADR 0019): an invoice of 10,000 line items, then 100,000
// line items across many invoices, from submission to payments calculated and their events
// published — with the finance service's peak memory — and, over the same data in the same run,
// the same matching as one SQL statement: the ceiling a set-based design is compared against.
//
// Runs the finance service as its own process from its build, on a fresh database of the
// launcher's real PostgreSQL, Kafka and Temporal. The facts finance keeps of providers (ADR 0018)
// and the clients, cases and authorizations are loaded with set-based SQL (not measured). Then, as
// a finance user over HTTP: POST /invoices (timed as "entry"), POST /invoices/{id}/submit
// ("processing": validation and matching in batches, pricing, payees, payments — the request
// returns when they are committed), and the wait until the outbox has published every event the
// submission recorded ("events published"). A share of lines (--failure-pct) bills a client
// nobody registered, so the exception path (FIN-6, one `invoice-line.failed` each, and the WF-4
// starts they cause) is part of the figures. Prints figures; it is not a test and asserts nothing.
//
//   node bench/invoice-processing.mjs [--lines 10000] [--many-lines 100000] [--invoices 20]
//                                     [--failure-pct 1] [--batch 1000] [--deadline-s 1500]
//
// Needs `node infra/launcher/cli.mjs up` and `npx tsc -b tsconfig.json` (it imports dist/).
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { machineInfo, numericFlags, printBlock, sleep } from './lib/cli.mjs';
import { isolatedService } from './lib/isolated-service.mjs';
import { runBench } from './lib/run.mjs';
import { http } from './lib/http.mjs';

const flags = numericFlags({
  lines: 10_000,
  'many-lines': 100_000,
  invoices: 20,
  'failure-pct': 1,
  batch: 1000,
  /** 1: leave the database (name printed) for EXPLAIN by hand; drop it yourself afterwards. */
  'keep-db': 0,
  'deadline-s': 1500,
});
const deadline = Date.now() + flags['deadline-s'] * 1000;
const bench = isolatedService('bench-invoices', 'finance', {
  env: { INVOICE_PROCESSING_BATCH_SIZE: String(flags.batch) },
  keepDatabase: flags['keep-db'] === 1,
});
const PRODUCT_ID = '0199a3c2-0000-7000-8000-00000000b001';
const SERVICE_FROM = '2026-01-01';

// ---------------------------------------------------------------------------------------------
// Peak memory of the finance process: the kernel's high-water mark of its resident set (VmHWM),
// read from /proc — the whole process, heap and native, as an operator would see it.
function peakRssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}
function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

// ---------------------------------------------------------------------------------------------
// The world the invoices bill for, loaded with generate_series (one statement per table).
async function loadFacts(db, providers, clients) {
  const started = performance.now();
  await db.query(
    `insert into service_product (product_id, name, unit_of_measure, payment_channels,
                                  pay_based_on_attendance, pay_based_on_placement,
                                  payment_options, occurred_at)
     values ($1, 'Bench therapy session', 'session', '["invoice"]', false, false,
             '{"fixed":"pay-fixed","minimum":"pay-billed","maximum":"pay-maximum"}', now())`,
    [PRODUCT_ID],
  );
  await db.query(
    `insert into service_product_rate (rate_id, product_id, kind, amount_cents, effective_from,
                                       occurred_at)
     values (gen_random_uuid(), $1, 'fixed', 5000, $2, now())`,
    [PRODUCT_ID, SERVICE_FROM],
  );
  // Providers b000…: approved, each approved for the product for 2026 with its own rate.
  await db.query(
    `insert into provider_status (provider_id, name, status, occurred_at)
     select ('0199a3c2-0000-7000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
            'Bench Therapy ' || n, 'approved', now()
       from generate_series(1, $1) n`,
    [providers],
  );
  await db.query(
    `insert into provider_service (provider_service_id, provider_id, service_product_id, status,
                                   from_date, to_date, rate_kind, rate_amount_cents,
                                   approved_on, occurred_at)
     select gen_random_uuid(), ('0199a3c2-0000-7000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
            $2, 'approved', $3, date '2026-12-31', 'fixed', 5000, $3, now()
       from generate_series(1, $1) n`,
    [providers, PRODUCT_ID, SERVICE_FROM],
  );
  // Clients c000…, each with an open case and an authorization of 100 sessions for 2026, any
  // provider; every tenth authorization names a nominee to pay instead (FIN-14).
  await db.query(
    `insert into participant (participant_id, kind, name, registered_by)
     select ('0199a3c2-0000-7000-9000-' || lpad(to_hex(n), 12, '0'))::uuid, 'client',
            'Bench Client ' || n, 'bench'
       from generate_series(1, $1) n`,
    [clients],
  );
  await db.query(
    `insert into participant (participant_id, kind, name, registered_by)
     values ('0199a3c2-0000-7000-a000-000000000001', 'nominee', 'Bench Nominee', 'bench')`,
  );
  await db.query(
    `insert into client_case (case_id, reference, status, opened_on, created_by, updated_by)
     select ('0199a3c2-0000-7000-b000-' || lpad(to_hex(n), 12, '0'))::uuid, 'BENCH-' || n, 'open',
            date '2025-06-01', 'bench', 'bench'
       from generate_series(1, $1) n`,
    [clients],
  );
  await db.query(
    `insert into case_client (case_id, client_id)
     select ('0199a3c2-0000-7000-b000-' || lpad(to_hex(n), 12, '0'))::uuid,
            ('0199a3c2-0000-7000-9000-' || lpad(to_hex(n), 12, '0'))::uuid
       from generate_series(1, $1) n`,
    [clients],
  );
  await db.query(
    `insert into service_authorization (authorization_id, reference, case_id, from_date, to_date,
                                        created_by)
     select ('0199a3c2-0000-7000-8001-' || lpad(to_hex(n), 12, '0'))::uuid, 'SA-BENCH-' || n,
            ('0199a3c2-0000-7000-b000-' || lpad(to_hex(n), 12, '0'))::uuid,
            $2, date '2026-12-31', 'bench'
       from generate_series(1, $1) n`,
    [clients, SERVICE_FROM],
  );
  await db.query(
    `insert into authorization_client (authorization_id, client_id)
     select ('0199a3c2-0000-7000-8001-' || lpad(to_hex(n), 12, '0'))::uuid,
            ('0199a3c2-0000-7000-9000-' || lpad(to_hex(n), 12, '0'))::uuid
       from generate_series(1, $1) n`,
    [clients],
  );
  await db.query(
    `insert into authorization_line_item (line_item_id, authorization_id, line_number,
                                          service_product_id, units, nominee_id, from_date,
                                          to_date)
     select ('0199a3c2-0000-7000-8002-' || lpad(to_hex(n), 12, '0'))::uuid,
            ('0199a3c2-0000-7000-8001-' || lpad(to_hex(n), 12, '0'))::uuid, 1, $2, 100,
            case when n % 10 = 0 then '0199a3c2-0000-7000-a000-000000000001'::uuid end,
            $3, date '2026-12-31'
       from generate_series(1, $1) n`,
    [clients, PRODUCT_ID, SERVICE_FROM],
  );
  await db.query('vacuum analyze');
  return (performance.now() - started) / 1000;
}

const clientId = (n) => `0199a3c2-0000-7000-9000-${n.toString(16).padStart(12, '0')}`;
const caseId = (n) => `0199a3c2-0000-7000-b000-${n.toString(16).padStart(12, '0')}`;
const providerId = (n) => `0199a3c2-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * Line items of one invoice: clients from `firstClient` on, one line each, a session on a day of
 * March; every fifth bills 55.00 against the 50.00 rate (FIN-8 adjustment, paid the fixed rate);
 * `failurePct` % name an unregistered client (FIN-4 → exception).
 */
function lineItems(count, firstClient, failurePct) {
  const failEvery = failurePct > 0 ? Math.round(100 / failurePct) : 0;
  return Array.from({ length: count }, (_, index) => {
    const n = firstClient + index;
    const day = String(1 + (index % 28)).padStart(2, '0');
    const fails = failEvery > 0 && index % failEvery === failEvery - 1;
    return {
      serviceProductId: PRODUCT_ID,
      clientIds: [fails ? crypto.randomUUID() : clientId(n)],
      caseId: caseId(n),
      period: { from: `2026-03-${day}`, to: `2026-03-${day}` },
      units: 1,
      unitAmount: index % 5 === 0 ? '55.00' : '50.00',
    };
  });
}

async function outboxPending(db) {
  const { rows } = await db.query(
    'select count(*)::int as pending from outbox_message where published_at is null',
  );
  return rows[0].pending;
}

async function untilPublished(db) {
  while ((await outboxPending(db)) > 0) {
    if (Date.now() > deadline) throw new Error('deadline reached waiting for the outbox');
    await sleep(25);
  }
}

/** Entry, then submission, then the outbox drained: one invoice, timed in three parts. */
async function runInvoice(url, token, db, provider, lines) {
  const t0 = performance.now();
  const invoice = await http('POST', `${url}/invoices`, token, {
    providerId: provider,
    submitterKind: 'provider',
    providerReference: `BENCH-${Date.now()}`,
    lineItems: lines,
  });
  const t1 = performance.now();
  const result = await http('POST', `${url}/invoices/${invoice.invoiceId}/submit`, token, {});
  const t2 = performance.now();
  await untilPublished(db);
  const t3 = performance.now();
  return {
    invoiceId: invoice.invoiceId,
    entryMs: t1 - t0,
    processMs: t2 - t1,
    publishMs: t3 - t2,
    accepted: result.accepted,
    exceptions: result.exceptions,
    stopped: result.stopped,
    payments: result.payments.length,
  };
}

/**
 * The ceiling: FIN-4's matching for every line of the given invoices as ONE statement, read-only —
 * registered client and provider, valid case, provider approved for the service over the period,
 * an authorization line item of an authorization naming the client with the units still free once
 * the earlier lines (service date, line number) took theirs. No pricing, no payee, no writes, no
 * events: what PostgreSQL alone needs to decide the same matches.
 */
const CEILING_SQL = `
  with line as (
    select l.line_item_id, l.line_number, l.provider_id, l.service_product_id, l.case_id,
           l.from_date, l.to_date, l.units, c.client_id
      from invoice_line_item l join invoice_line_client c using (line_item_id)
     where l.invoice_id = any($1::uuid[])
  ), valid as (
    select line.* from line
      join participant p on p.participant_id = line.client_id and p.kind = 'client'
      join provider_status s on s.provider_id = line.provider_id
                            and s.status not in ('rejected', 'closed')
      join client_case k on k.case_id = line.case_id and k.opened_on <= line.from_date
                        and (k.closed_on is null or k.closed_on >= line.to_date)
     where exists (select 1 from provider_service ps
                    where ps.provider_id = line.provider_id
                      and ps.service_product_id = line.service_product_id
                      and ps.status in ('approved', 'ended') and ps.from_date <= line.from_date
                      and (ps.to_date is null or ps.to_date >= line.to_date))
  ), candidate as (
    select valid.*, ali.line_item_id as authorization_line_item_id, ali.units as authorised,
           row_number() over (partition by valid.line_item_id
                              order by ali.from_date, ali.line_item_id) as preference
      from valid
      join authorization_client ac on ac.client_id = valid.client_id
      join service_authorization a on a.authorization_id = ac.authorization_id
                                  and a.cancelled_at is null
      join authorization_line_item ali on ali.authorization_id = a.authorization_id
                                      and ali.cancelled_at is null
                                      and ali.service_product_id = valid.service_product_id
                                      and (ali.provider_id is null
                                           or ali.provider_id = valid.provider_id)
                                      and ali.from_date <= valid.from_date
                                      and ali.to_date >= valid.to_date
  ), taken as (
    select candidate.*,
           sum(units) over (partition by authorization_line_item_id
                            order by from_date, line_number, line_item_id) as units_taken
      from candidate where preference = 1
  )
  select count(*) filter (where authorised is null or units_taken <= authorised)::int as matched,
         (select count(*)::int from line) as lines
    from taken`;

async function ceiling(db, invoiceIds) {
  await db.query(CEILING_SQL, [invoiceIds]); // warm the cache, as the service's run did
  const started = performance.now();
  const { rows } = await db.query(CEILING_SQL, [invoiceIds]);
  return { ms: performance.now() - started, ...rows[0] };
}

const perSecond = (count, ms) =>
  `${Math.round((count * 1000) / ms).toLocaleString('en')} line items/s`;
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const machine = machineInfo();
  const manyPerInvoice = Math.ceil(flags['many-lines'] / flags.invoices);
  const clients = flags.lines + flags['many-lines'];
  console.log(
    `invoice processing: one invoice of ${flags.lines} line items, then ${flags['many-lines']} across ${flags.invoices} invoices; ${flags['failure-pct']} % failing; batches of ${flags.batch}`,
  );
  const running = await bench.start();
  const { url } = running;
  const token = await running.token('fin.fatima');
  const db = new pg.Client({ connectionString: running.databaseUrl });
  await db.connect();
  try {
    console.log(
      `  loading ${flags.invoices + 1} providers and ${clients} clients with cases and authorizations...`,
    );
    const loadS = await loadFacts(db, flags.invoices + 1, clients);
    console.log(`  loaded in ${loadS.toFixed(1)} s`);
    const baselineRss = rssMiB(running.pid);

    console.log(`\n  one invoice of ${flags.lines} line items...`);
    const single = await runInvoice(
      url,
      token,
      db,
      providerId(1),
      lineItems(flags.lines, 1, flags['failure-pct']),
    );
    const singlePeak = peakRssMiB(running.pid);
    const singleCeiling = await ceiling(db, [single.invoiceId]);
    console.log(
      `    done: ${single.accepted} accepted, ${single.exceptions} exceptions, ${single.payments} payments`,
    );

    console.log(
      `\n  ${flags['many-lines']} line items across ${flags.invoices} invoices, one after another...`,
    );
    const many = [];
    for (let i = 0; i < flags.invoices; i += 1) {
      if (Date.now() > deadline) throw new Error('deadline reached');
      const first = flags.lines + 1 + i * manyPerInvoice;
      const count = Math.min(manyPerInvoice, flags['many-lines'] - i * manyPerInvoice);
      if (count <= 0) break;
      many.push(
        await runInvoice(
          url,
          token,
          db,
          providerId(2 + i),
          lineItems(count, first, flags['failure-pct']),
        ),
      );
      console.log(
        `    invoice ${i + 1}/${flags.invoices}: ${count} line items in ${seconds(many.at(-1).processMs + many.at(-1).publishMs)}`,
      );
    }
    const manyPeak = peakRssMiB(running.pid);
    const manyCeiling = await ceiling(
      db,
      many.map((r) => r.invoiceId),
    );
    const sum = (pick) => many.reduce((total, r) => total + pick(r), 0);
    const manyLines = sum((r) => r.accepted + r.exceptions + r.stopped);

    printBlock('invoice processing', {
      date: new Date().toISOString(),
      machine: `${machine.cores} cores (${machine.cpu}), ${machine.memory}, node ${machine.node}, ${machine.os}`,
      'load average at start': machine.load,
      'batch size': flags.batch,
      'finance RSS before': `${baselineRss.toFixed(0)} MiB`,
    });
    const report = (label, lines, r, peak, ceilingRun) => {
      const submitToPublished = r.processMs + r.publishMs;
      printBlock(label, {
        'line items': `${lines} (${r.accepted} accepted, ${r.exceptions} exceptions, ${r.stopped} stopped; ${r.payments} payments)`,
        'entry (POST /invoices)': `${seconds(r.entryMs)}  (${perSecond(lines, r.entryMs)})`,
        'processing (POST …/submit)': `${seconds(r.processMs)}  (${perSecond(lines, r.processMs)})`,
        'then events published': `${seconds(r.publishMs)}`,
        'submission → payments calculated and events published': `${seconds(submitToPublished)}  (${perSecond(lines, submitToPublished)})`,
        'finance peak memory (VmHWM) so far': `${peak.toFixed(0)} MiB`,
        'ceiling: the matching as one SQL statement': `${seconds(ceilingRun.ms)}  (${perSecond(ceilingRun.lines, ceilingRun.ms)}; ${ceilingRun.matched} of ${ceilingRun.lines} matched)`,
      });
    };
    report(`one invoice of ${flags.lines}`, flags.lines, single, singlePeak, singleCeiling);
    report(
      `${flags['many-lines']} across ${many.length} invoices`,
      manyLines,
      {
        entryMs: sum((r) => r.entryMs),
        processMs: sum((r) => r.processMs),
        publishMs: sum((r) => r.publishMs),
        accepted: sum((r) => r.accepted),
        exceptions: sum((r) => r.exceptions),
        stopped: sum((r) => r.stopped),
        payments: sum((r) => r.payments),
      },
      manyPeak,
      manyCeiling,
    );
    return true;
  } finally {
    await db.end();
  }
}

await runBench({
  label: 'invoice processing bench',
  deadline,
  cleanUpSteps: bench.cleanUpSteps,
  main,
});
