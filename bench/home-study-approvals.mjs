// N home study approvals (WF-1) running at once, through the whole platform as processes (the e2e
// harness) on the launcher's real infrastructure: HTTP submit → outbox → Kafka → signal-with-start
// → workflow → supervisor task; then every decision over HTTP → update → providers activity →
// task closed → workflow completed. Prints figures; it is not a test and asserts nothing.
//
//   node bench/home-study-approvals.mjs [--approvals 50] [--concurrency 10] [--poll-ms 50]
//                                       [--deadline-s 600]
//
// Needs `node infra/launcher/cli.mjs up` and `npx tsc -b tsconfig.json` (it imports dist/).
import { fosterHomeEnrolment, startPlatform } from '@platform/e2e';
import { homeStudyApprovalWorkflowId } from '@platform/contracts';
import { connectTemporalClient } from '@platform/temporal';
import { infraEndpoints } from '@platform/testing';
import { machineInfo, numericFlags, printBlock, runConcurrently, sleep } from './lib/cli.mjs';
import { runBench } from './lib/run.mjs';
import { http } from './lib/http.mjs';
import { latencyTable } from './lib/stats.mjs';
import { terminateRunningWorkflows } from './lib/temporal.mjs';

const flags = numericFlags({ approvals: 50, concurrency: 10, 'poll-ms': 50, 'deadline-s': 600 });
const deadline = Date.now() + flags['deadline-s'] * 1000;

let platform;
let temporal;
const tokens = {};

const inParallel = (label, count, work) =>
  runConcurrently({ label, count, concurrency: flags.concurrency, deadline, work });

async function pollUntil(describe, read) {
  for (;;) {
    const found = await read();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`deadline reached waiting for ${describe}`);
    await sleep(flags['poll-ms']);
  }
}

/** A provider with a home study ready to submit (one assessment); not measured. */
async function prepare(index) {
  const provider = await http(
    'POST',
    `${platform.providersUrl}/providers`,
    tokens.rm,
    fosterHomeEnrolment(`Bench Foster Home ${index}`, `${index} Bench Road`),
  );
  const base = `${platform.providersUrl}/providers/${provider.id}/home-studies`;
  const study = await http('POST', base, tokens.rm, { type: 'initial', dueOn: null });
  await http('POST', `${base}/${study.id}/assessments`, tokens.rm, {
    assessmentType: 'Provider safety',
    result: 'pass',
    assessedOn: '2026-11-02',
  });
  return { index, base, homeStudyId: study.id };
}

/** Submit → the supervisor's task is visible in the tasks service. */
async function submit(study) {
  const began = performance.now();
  await http('POST', `${study.base}/${study.homeStudyId}/submit`, tokens.rm, {
    recommendation: 'approve',
    recommendationText: 'Safe, welcoming home',
  });
  const task = await pollUntil(`the task of ${study.homeStudyId}`, async () => {
    const page = await http(
      'GET',
      `${platform.tasksUrl}/tasks?queue=supervisor-approvals&subjectId=${study.homeStudyId}`,
      tokens.sup,
    );
    return page.items[0];
  });
  return { ...study, taskId: task.id, submitToTaskMs: performance.now() - began };
}

/** Decision → the workflow has completed (recorded, task closed, re-study scheduled). */
async function approve(study) {
  const began = performance.now();
  await http('POST', `${platform.tasksUrl}/tasks/${study.taskId}/decision`, tokens.sup, {
    outcome: 'approve',
  });
  const accepted = performance.now() - began;
  await temporal.workflow.getHandle(homeStudyApprovalWorkflowId(study.homeStudyId)).result();
  return { decisionAcceptedMs: accepted, decisionToCompletedMs: performance.now() - began };
}

async function main() {
  const machine = machineInfo();
  console.log(
    `home study approvals: ${flags.approvals} processes, ${flags.concurrency} requests at a time`,
  );
  console.log('  starting the platform (providers, tasks, workflows worker)...');
  platform = await startPlatform('bench-wf1');
  temporal = await connectTemporalClient({
    address: infraEndpoints().temporal.address,
    namespace: platform.namespace,
  });
  tokens.rm = await platform.token('rm.rivera');
  tokens.sup = await platform.token('sup.sato');

  const prepared = await inParallel('prepared', flags.approvals, prepare);
  const submitStart = performance.now();
  const submitted = await inParallel('submitted', prepared.results.length, (i) =>
    submit(prepared.results[i]),
  );
  const submitSeconds = (performance.now() - submitStart) / 1000;
  const decideStart = performance.now();
  const decided = await inParallel('approved', submitted.results.length, (i) =>
    approve(submitted.results[i]),
  );
  const decideSeconds = (performance.now() - decideStart) / 1000;

  const failures = [...prepared.failures, ...submitted.failures, ...decided.failures];
  printBlock('home study approvals (WF-1)', {
    date: new Date().toISOString(),
    processes: `${decided.results.length} approved of ${flags.approvals} (${failures.length} failed)`,
    'submit phase': `${submitted.results.length} submitted → task in ${submitSeconds.toFixed(1)} s (${(submitted.results.length / submitSeconds).toFixed(1)} processes/s)`,
    'decision phase': `${decided.results.length} decided → completed in ${decideSeconds.toFixed(1)} s (${(decided.results.length / decideSeconds).toFixed(1)} processes/s)`,
    concurrency: `${flags.concurrency} requests at a time; poll interval ${flags['poll-ms']} ms`,
    machine: `${machine.cores} cores (${machine.cpu}), ${machine.memory}, node ${machine.node}, ${machine.os}`,
    'load average at start': machine.load,
  });
  console.log('');
  latencyTable([
    ['submit → supervisor task visible', submitted.results.map((r) => r.submitToTaskMs)],
    ['decision accepted (POST → 202)', decided.results.map((r) => r.decisionAcceptedMs)],
    ['decision → process completed', decided.results.map((r) => r.decisionToCompletedMs)],
  ]);
  for (const failure of failures.slice(0, 5)) console.error(`  failed ${failure}`);
  return failures.length === 0 && decided.results.length === flags.approvals;
}

await runBench({
  label: 'home study approvals',
  deadline,
  cleanUpSteps: () => [
    async () => {
      if (!temporal) return;
      const { terminated, running } = await terminateRunningWorkflows(temporal);
      if (running > 0) console.log(`  terminated ${terminated}/${running} running workflows`);
    },
    () => temporal?.connection.close(),
    () => platform?.stop(),
  ],
  main,
});
