// Outbox → Kafka → inbox throughput, in events per second, through the built messaging library
// (the same OutboxRelay and InboxConsumer the services run), against the launcher's real
// PostgreSQL and Kafka. Prints figures; it is not a test and asserts nothing.
//
//   node bench/outbox-throughput.mjs [--events 5000] [--batch 100] [--deadline-s 300]
//
// Needs `node infra/launcher/cli.mjs up` and `npx tsc -b tsconfig.json` (it imports dist/).
import { randomUUID } from 'node:crypto';
import { Migration, openDatabase } from '@platform/persistence';
import {
  createKafka,
  ensureTopics,
  InboxConsumer,
  messagingMigration,
  OutboxMessage,
  OutboxRelay,
  recordEvent,
} from '@platform/messaging';
import { eventKey, providerInquiryReceived, topicFor } from '@platform/contracts';
import { createTestDatabase, infraEndpoints, uniqueName } from '@platform/testing';
import { machineInfo, numericFlags, printBlock, progressReporter, sleep } from './lib/cli.mjs';
import { runBench } from './lib/run.mjs';

const flags = numericFlags({ events: 5_000, batch: 100, 'deadline-s': 300 });
const N = flags.events;
/** How often the driver looks at the outbox and the consumed count; bounds the timing resolution. */
const POLL_MS = 50;
const actor = { userId: 'rm.rivera', roles: ['resource-manager'] };
/** The whole run is bounded: past the deadline it reports what it got and exits non-zero. */
const deadline = Date.now() + flags['deadline-s'] * 1000;

/** The inbox handler's effect lands here, as in libs/messaging/test/messaging.spec.ts. */
class EffectsTable extends Migration {
  async up() {
    this.addSql('create table effect (event_id uuid not null, note text not null)');
  }
}

/** The relay and consumer log instead of throwing; any error is counted and reported. */
const errors = [];
const logger = {
  log: () => undefined,
  warn: (message) => errors.push(`warn: ${message}`),
  error: (message, error) => errors.push(`error: ${message}: ${String(error)}`),
};

const kafka = createKafka({ brokers: infraEndpoints().kafka.brokers, clientId: 'bench-outbox' });
// A topic of this run only. The real `providers.provider-inquiry` topic is read from the
// beginning by the process starter of every providers instance that comes up later (each e2e run,
// benchmark or `npm start` has its own consumer group): N synthetic inquiries left there would
// start N triage workflows and tasks in each of them. Same partitions as the real topic (3).
const topic = uniqueName(`bench.${topicFor(providerInquiryReceived)}`);

let database;
let orm;
let relay;
let consumer;

async function commitEvents() {
  const ids = [];
  const progress = progressReporter('committed', N);
  for (let done = 0; done < N;) {
    const size = Math.min(flags.batch, N - done);
    await orm.em.fork().transactional(async (em) => {
      for (let i = 0; i < size; i += 1) {
        const inquiryId = randomUUID();
        const event = recordEvent(em, providerInquiryReceived, {
          aggregateId: inquiryId,
          data: { ...providerInquiryReceived.example, inquiryId },
          actor,
        });
        ids.push(event.id);
      }
    });
    done += size;
    progress(done);
  }
  return ids;
}

async function unpublishedCount() {
  const [row] = await orm.em
    .fork()
    .execute('select count(*) as n from outbox_message where published_at is null');
  return Number(row.n);
}

async function main() {
  const machine = machineInfo();
  console.log(`outbox throughput: ${N} events, ${flags.batch} per commit, topic ${topic}`);

  database = await createTestDatabase('bench_outbox');
  orm = await openDatabase({
    url: database.url,
    entities: [OutboxMessage],
    migrations: [
      messagingMigration,
      { name: 'Migration20261122000001_effects', class: EffectsTable },
    ],
  });
  await ensureTopics(kafka, [topic]);

  // Phase 1: fill the outbox while nothing publishes, so the relay later drains a known backlog.
  const commitStart = performance.now();
  const ids = await commitEvents();
  const commitSeconds = (performance.now() - commitStart) / 1000;
  // recordEvent addresses rows to the event's real topic; point them at this run's topic instead
  // (untimed), and vacuum so the relay does not wade through the dead row versions this leaves.
  await orm.em.fork().execute('update outbox_message set topic = ?', [topic]);
  await orm.em.fork().execute('vacuum analyze outbox_message');

  // Phase 2: one consumer in a fresh group, joined before the clock starts (a group join takes
  // seconds and is not throughput). The topic is new, so it holds only this run's events; the
  // observer still counts only our ids, once each, in case a rebalance redelivers some.
  const wanted = new Set(ids);
  const consumed = new Set();
  const outcomes = {};
  consumer = new InboxConsumer({
    kafka,
    orm,
    logger,
    consumer: uniqueName('bench-outbox'),
    topics: [topic],
    handlers: new Map([
      [
        eventKey(providerInquiryReceived),
        async (envelope, em) => {
          await em.execute('insert into effect (event_id, note) values (?, ?)', [
            envelope.id,
            'seen',
          ]);
        },
      ],
    ]),
  });
  consumer.settled.push((outcome, id) => {
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    if (outcome === 'processed' && wanted.has(id)) consumed.add(id);
  });
  console.log('  consumer joining its group (untimed)...');
  await consumer.start();

  // Phase 3: the clock runs from relay start until the consumer has processed every event.
  console.log('  relay started; clock running');
  const start = performance.now();
  relay = new OutboxRelay({ orm, kafka, logger });
  await relay.start();
  let publishSeconds;
  let consumeSeconds;
  const progress = progressReporter('consumed', N);
  while (consumeSeconds === undefined && Date.now() < deadline) {
    await sleep(POLL_MS);
    if (publishSeconds === undefined && (await unpublishedCount()) === 0) {
      publishSeconds = (performance.now() - start) / 1000;
      console.log(`  outbox drained after ${publishSeconds.toFixed(2)} s`);
    }
    progress(consumed.size);
    if (consumed.size === N) consumeSeconds = (performance.now() - start) / 1000;
  }
  const elapsed = (performance.now() - start) / 1000;
  const finished = consumeSeconds !== undefined;
  const published = N - (publishSeconds === undefined ? await unpublishedCount() : 0);
  const [effects] = await orm.em.fork().execute('select count(*) as n from effect');

  const rate = (count, seconds) => (seconds > 0 ? (count / seconds).toFixed(0) : 'n/a');
  printBlock(`outbox throughput${finished ? '' : ' (INCOMPLETE: deadline reached)'}`, {
    date: new Date().toISOString(),
    events: N,
    'commit (not timed in e2e)': `${commitSeconds.toFixed(2)} s, ${rate(N, commitSeconds)} events/s, ${flags.batch} per transaction`,
    publish: publishSeconds
      ? `${publishSeconds.toFixed(2)} s, ${rate(N, publishSeconds)} events/s (relay start → outbox empty)`
      : `${published}/${N} published in ${elapsed.toFixed(2)} s`,
    'end-to-end': consumeSeconds
      ? `${consumeSeconds.toFixed(2)} s, ${rate(N, consumeSeconds)} events/s (relay start → all consumed)`
      : `${consumed.size}/${N} consumed in ${elapsed.toFixed(2)} s, ${rate(consumed.size, elapsed)} events/s`,
    'consumer outcomes': JSON.stringify(outcomes),
    'effect rows': Number(effects.n),
    'logged errors/warnings': errors.length,
    machine: `${machine.cores} cores (${machine.cpu}), ${machine.memory}, node ${machine.node}, ${machine.os}`,
    'load average at start': machine.load,
    'timing resolution': `${POLL_MS} ms (poll interval)`,
  });
  for (const line of errors.slice(0, 5)) console.error(`  ${line}`);
  return finished && errors.length === 0;
}

await runBench({
  label: 'outbox throughput',
  deadline,
  graceMs: 30000,
  cleanUpSteps: () => [
    () => relay?.stop(),
    () => consumer?.stop(),
    () => orm?.close(),
    () => database?.drop(),
    async () => {
      const admin = kafka.admin();
      await admin.connect();
      try {
        await admin.deleteTopics({ topics: [topic] });
      } finally {
        await admin.disconnect();
      }
    },
  ],
  main,
});
