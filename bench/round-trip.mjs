// Round-trip latency of the inquiry walking skeleton: inquiry committed in the providers service →
// outbox → Kafka → process starter → Temporal workflow → task created in the tasks service. Runs
// the whole platform as processes (the e2e harness) against the launcher's real infrastructure.
// Prints figures; it is not a test and asserts nothing.
//
//   node bench/round-trip.mjs [--inquiries 100] [--concurrency 4] [--warmup 5] [--poll-ms 25]
//                             [--deadline-s 600]
//
// Needs `node infra/launcher/cli.mjs up` and `npx tsc -b tsconfig.json` (it imports dist/).
import { startPlatform } from '@platform/e2e';
import { providerInquiryReceived, topicFor } from '@platform/contracts';
import { createKafka } from '@platform/messaging';
import { connectTemporalClient } from '@platform/temporal';
import { infraEndpoints } from '@platform/testing';
import { machineInfo, numericFlags, printBlock, runConcurrently, sleep } from './lib/cli.mjs';
import { runBench } from './lib/run.mjs';
import { latencyTable } from './lib/stats.mjs';
import { terminateRunningWorkflows } from './lib/temporal.mjs';
import { http } from './lib/http.mjs';

const flags = numericFlags({
  inquiries: 100,
  concurrency: 4,
  warmup: 5,
  'poll-ms': 25,
  'deadline-s': 600,
});
/** One inquiry whose task has not appeared by then counts as failed, not as a latency sample. */
const PER_INQUIRY_TIMEOUT_MS = 60_000;
/** How long to wait for the platform to work through the inquiry topic's history (see below). */
const REPLAY_TIMEOUT_MS = 180_000;
const deadline = Date.now() + flags['deadline-s'] * 1000;

let platform;
let temporal;

/**
 * One sample. Two clocks:
 * - event → task: task.createdAt − inquiry.createdAt. Both are stamped by the services' own
 *   processes on this machine (MikroORM onCreate, inside the transaction that commits the inquiry
 *   and its outbox event, and the one that creates the task), so this excludes HTTP and polling.
 * - client-observed: from just before the POST until a GET first shows the task; includes the
 *   POST round trip and up to one poll interval.
 */
async function measure(index, token) {
  const began = performance.now();
  const inquiry = await http('POST', `${platform.providersUrl}/inquiries`, token, {
    name: `Bench Day Care ${index}`,
    email: `bench-${index}@example.org`,
  });
  const giveUpAt = Date.now() + PER_INQUIRY_TIMEOUT_MS;
  for (;;) {
    const page = await http('GET', `${platform.tasksUrl}/tasks?subjectId=${inquiry.id}`, token);
    // Both: the list's total and items come from two queries, so a task committed between them
    // can show up as total 1 with no items yet.
    if (page.total === 1 && page.items.length === 1) {
      return {
        index,
        eventToTaskMs: Date.parse(page.items[0].createdAt) - Date.parse(inquiry.createdAt),
        clientMs: performance.now() - began,
      };
    }
    if (Date.now() > Math.min(giveUpAt, deadline)) {
      throw new Error(
        `no task for inquiry ${inquiry.id} after ${Math.round(performance.now() - began)} ms`,
      );
    }
    await sleep(flags['poll-ms']);
  }
}

/**
 * Each platform instance has its own consumer group, which starts at the beginning of the shared
 * `providers.provider-inquiry` topic: before the first sample, the new process starter replays
 * every inquiry earlier runs (e2e suites, benchmarks) left there, starting a workflow and a task
 * for each. Measuring during that replay would time the backlog, so wait until the group has no
 * lag and the task count has stopped growing. Returns how many tasks the replay created.
 */
async function waitForReplay(token) {
  const kafka = createKafka({
    brokers: infraEndpoints().kafka.brokers,
    clientId: 'bench-round-trip',
  });
  const admin = kafka.admin();
  await admin.connect();
  const topic = topicFor(providerInquiryReceived);
  const giveUpAt = Date.now() + REPLAY_TIMEOUT_MS;
  try {
    const lag = async () => {
      const groups = (await admin.listGroups()).groups
        .map((g) => g.groupId)
        .filter((id) => id.startsWith(`${platform.namespace}.`));
      const ends = await admin.fetchTopicOffsets(topic);
      let behind = 0;
      for (const groupId of groups) {
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        for (const end of ends) {
          const at = Number(
            committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1,
          );
          behind += Number(end.high) - Math.max(Number(end.low), at);
        }
      }
      return { groups: groups.length, behind, total: ends.reduce((n, e) => n + Number(e.high), 0) };
    };
    let state = await lag();
    console.log(`  inquiry topic holds ${state.total} earlier messages; waiting for the replay`);
    while ((state.groups === 0 || state.behind > 0) && Date.now() < giveUpAt) {
      await sleep(500);
      state = await lag();
    }
    if (state.groups === 0 || state.behind > 0) {
      console.warn(
        `  replay not finished after ${REPLAY_TIMEOUT_MS / 1000} s (${state.behind} behind); measuring anyway`,
      );
    }
    // Lag 0 means every workflow was started; their tasks follow. Wait for 2 s without a new one.
    let tasks = -1;
    for (let stableSince = Date.now(); Date.now() - stableSince < 2_000 && Date.now() < giveUpAt;) {
      const { total } = await http('GET', `${platform.tasksUrl}/tasks?limit=1`, token);
      if (total !== tasks) [tasks, stableSince] = [total, Date.now()];
      await sleep(250);
    }
    return tasks;
  } finally {
    await admin.disconnect();
  }
}

async function main() {
  const machine = machineInfo();
  console.log(
    `round trip: ${flags.inquiries} inquiries, concurrency ${flags.concurrency}, first ${flags.warmup} discarded as warm-up`,
  );
  console.log('  starting the platform (providers, tasks, workflows worker)...');
  const startedAt = performance.now();
  platform = await startPlatform('bench');
  console.log(`  platform up in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  temporal = await connectTemporalClient({
    address: infraEndpoints().temporal.address,
    namespace: platform.namespace,
  });
  const token = await platform.token('rm.rivera');
  const replayed = await waitForReplay(token);
  console.log(`  replay done: ${replayed} tasks for earlier runs' inquiries; measuring`);

  const runStart = performance.now();
  const { results: samples, failures } = await runConcurrently({
    label: 'inquiries',
    count: flags.inquiries,
    concurrency: flags.concurrency,
    deadline,
    work: (index) => measure(index, token),
  });
  const seconds = (performance.now() - runStart) / 1000;

  // Warm-up by submission order: the first inquiries pay for cold connections, JIT and caches.
  const kept = samples.filter((s) => s.index >= flags.warmup);
  const finished = samples.length + failures.length === flags.inquiries;
  printBlock(`round trip${finished ? '' : ' (INCOMPLETE: deadline reached)'}`, {
    date: new Date().toISOString(),
    inquiries: `${flags.inquiries} submitted ${flags.concurrency} at a time in ${seconds.toFixed(1)} s`,
    'replayed before measuring': `${replayed} tasks from inquiries of earlier runs`,
    samples: `${kept.length} (first ${flags.warmup} discarded as warm-up; ${failures.length} failed)`,
    'poll interval': `${flags['poll-ms']} ms (client-observed latency includes up to this much)`,
    machine: `${machine.cores} cores (${machine.cpu}), ${machine.memory}, node ${machine.node}, ${machine.os}`,
    'load average at start': machine.load,
  });
  console.log('');
  latencyTable([
    ['event → task (createdAt − createdAt)', kept.map((s) => s.eventToTaskMs)],
    ['client-observed (POST → task visible)', kept.map((s) => s.clientMs)],
  ]);
  for (const failure of failures.slice(0, 5)) console.error(`  failed ${failure}`);
  return finished && failures.length === 0;
}

await runBench({
  label: 'round trip',
  deadline,
  cleanUpSteps: () => [
    async () => {
      if (!temporal) return;
      const { terminated, running } = await terminateRunningWorkflows(temporal);
      console.log(
        `  terminated ${terminated}/${running} running workflows in ${platform.namespace}`,
      );
    },
    () => temporal?.connection.close(),
    () => platform?.stop(),
  ],
  main,
});
