import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { ActivityFunction, UntypedActivities } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  TaskQueues,
  type FinanceActivities,
  type PlacementsActivities,
  type ProvidersActivities,
  type TaxonomyActivities,
} from '@platform/contracts';
import { startTimeSkippingEnvironment } from '@platform/testing/time-skipping';
import { RecordingTasks } from './recording-tasks.js';

/** The built workflows, as the platform worker bundles them. */
export const workflowsPath = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

interface RunningTestWorker {
  worker: Worker;
  running: Promise<void>;
}

async function run(worker: Worker): Promise<RunningTestWorker> {
  return { worker, running: worker.run() };
}

async function stop(running: RunningTestWorker | null): Promise<void> {
  if (!running) return;
  if (running.worker.getState() === 'RUNNING') running.worker.shutdown();
  await running.running;
}

export interface WorkflowTestbedOptions {
  /**
   * Keep workflows cached on the worker (sticky task queues), as production does. Off by default
   * (see `startWorkflowWorker`), which a test that kills the worker needs; on, for suites whose
   * processes continue as new: without a cache, the time-skipping server was seen to stop
   * advancing its clock for a run that continued as new after an update (licence renewal).
   */
  workflowCache?: boolean;
  /** The finance service's activities the workflows under test call (WF-4), if any. */
  finance?: Partial<FinanceActivities>;
  /** The placements service's activities (PLC-4 reservation expiry), if any. */
  placements?: Partial<PlacementsActivities>;
  /** The taxonomy service's activities (TAX-5 import review), if any. */
  taxonomy?: Partial<TaxonomyActivities>;
}

/**
 * A time-skipping Temporal test server with the platform's workflows on their task queue and
 * in-memory stand-ins for the services' activities: timers of months complete in about a second
 * while a test awaits a result or calls `env.sleep`. The workflow worker can be killed and started
 * again mid-process (`restartWorkflowWorker`), as a crashed worker pod would be.
 */
export class WorkflowTestbed {
  readonly tasks = new RecordingTasks();
  private workflowWorker: RunningTestWorker | null = null;
  private readonly activityWorkers: RunningTestWorker[] = [];

  private constructor(
    readonly env: TestWorkflowEnvironment,
    private readonly bundle: WorkflowBundleWithSourceMap,
    private readonly options: WorkflowTestbedOptions,
  ) {}

  /** `providers` are the providers service's activities the workflows under test call. */
  static async start(
    providers: Partial<ProvidersActivities>,
    options: WorkflowTestbedOptions = {},
  ): Promise<WorkflowTestbed> {
    const [env, bundle] = await Promise.all([
      startTimeSkippingEnvironment(),
      bundleWorkflowCode({ workflowsPath, logger: quietBundlerLogger }),
    ]);
    const testbed = new WorkflowTestbed(env, bundle, options);
    const hosted: [string, object][] = [
      [TaskQueues.tasksActivities, testbed.tasks],
      [TaskQueues.providersActivities, providers],
      [TaskQueues.financeActivities, options.finance ?? {}],
      [TaskQueues.placementsActivities, options.placements ?? {}],
      [TaskQueues.taxonomyActivities, options.taxonomy ?? {}],
    ];
    for (const [taskQueue, source] of hosted) {
      const activities = activitiesOf(source);
      // A worker needs something to run: a suite without a service's activities hosts none.
      if (Object.keys(activities).length === 0) continue;
      testbed.activityWorkers.push(
        await run(await Worker.create({ connection: env.nativeConnection, taskQueue, activities })),
      );
    }
    await testbed.startWorkflowWorker();
    return testbed;
  }

  get client() {
    return this.env.client;
  }

  async startWorkflowWorker(): Promise<void> {
    this.workflowWorker = await run(
      await Worker.create({
        connection: this.env.nativeConnection,
        taskQueue: TaskQueues.workflows,
        workflowBundle: this.bundle,
        // No workflow cache, hence no sticky task queue: the time-skipping test server never moves
        // a workflow task off a stopped worker's sticky queue (the real server does, and the test
        // server leaves ResetStickyTaskQueue unimplemented), so a killed worker would strand its
        // processes. Every workflow task then carries the whole history and replays it, as a
        // freshly started worker pod would.
        ...(this.options.workflowCache ? {} : { maxCachedWorkflows: 0 }),
      }),
    );
  }

  /** Kills the workflow worker (its cached workflow state is lost) and starts a fresh one. */
  async stopWorkflowWorker(): Promise<void> {
    await stop(this.workflowWorker);
    this.workflowWorker = null;
  }

  async shutdown(): Promise<void> {
    await stop(this.workflowWorker);
    await Promise.all(this.activityWorkers.map(stop));
    await this.env.teardown();
  }
}

/**
 * The activity functions of a plain object or a class instance, bound to it. The worker registers
 * only an object's own enumerable functions, so a class's methods (RecordingTasks, the in-memory
 * stand-ins) would otherwise be missing, and called without their `this`.
 */
export function activitiesOf(source: object): UntypedActivities {
  const activities: UntypedActivities = {};
  for (let layer: object | null = source; layer && layer !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(layer)) {
      const value: unknown = (source as Record<string, unknown>)[name];
      if (name !== 'constructor' && typeof value === 'function' && !(name in activities)) {
        activities[name] = (value as ActivityFunction).bind(source);
      }
    }
    layer = Object.getPrototypeOf(layer) as object | null;
  }
  return activities;
}

const quietBundlerLogger = {
  log() {},
  trace() {},
  debug() {},
  info() {},
  warn(message: string) {
    process.stderr.write(`workflow bundler: ${message}\n`);
  },
  error(message: string) {
    process.stderr.write(`workflow bundler: ${message}\n`);
  },
};
