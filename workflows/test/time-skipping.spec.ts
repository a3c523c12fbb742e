import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingEnvironment } from '@platform/testing/time-skipping';
import type { longTimerWorkflow } from './fixtures/long-timer.workflow.js';

/**
 * The time-skipping test server works on this machine: a workflow that waits 90 days completes
 * while the test waits on it, with workflow time 90 days on and wall time barely moved. Workflow
 * tests with months-long timers (licence renewal reminders, yearly re-study) build on this.
 */
const workflowsPath = fileURLToPath(new URL('./fixtures/long-timer.workflow.ts', import.meta.url));
const DAY_MS = 24 * 60 * 60 * 1000;
const taskQueue = `time-skipping-${randomUUID()}`;

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  env = await startTimeSkippingEnvironment();
  worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath });
  running = worker.run();
});

afterAll(async () => {
  if (worker) {
    worker.shutdown();
    await running;
  }
  await env?.teardown();
});

describe('time-skipping test server', () => {
  it('runs a 90-day timer to completion without waiting 90 days', async () => {
    const wallStart = Date.now();
    const serverStart = await env.currentTimeMs();

    const result = await env.client.workflow.execute<typeof longTimerWorkflow>(
      'longTimerWorkflow',
      { taskQueue, workflowId: `long-timer-${randomUUID()}`, args: [90] },
    );

    const serverEnd = await env.currentTimeMs();
    const wallMs = Date.now() - wallStart;
    expect(result.wokeAt - result.sleptFrom).toBeGreaterThanOrEqual(90 * DAY_MS);
    expect(serverEnd - serverStart).toBeGreaterThanOrEqual(90 * DAY_MS);
    console.log(
      `90-day timer: workflow time +${((result.wokeAt - result.sleptFrom) / DAY_MS).toFixed(2)} ` +
        `days, server clock +${((serverEnd - serverStart) / DAY_MS).toFixed(2)} days, ` +
        `wall time ${wallMs} ms`,
    );
  });
});
