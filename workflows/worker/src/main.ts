import { createRequire } from 'node:module';
import { TaskQueues } from '@platform/contracts';
import { startWorkflowWorker } from '@platform/temporal';
import { loadWorkerConfig } from './config.js';

/**
 * The platform's workflow worker: bundles every workflow exported by @platform/workflows and polls
 * the workflows task queue. Activities run in the services that own the data, not here.
 */
const config = loadWorkerConfig();
const workflowsPath = createRequire(import.meta.url).resolve('@platform/workflows');
const log = (message: string) =>
  console.log(JSON.stringify({ level: 'log', context: 'workflows-worker', message }));

const running = await startWorkflowWorker(
  { address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE },
  TaskQueues.workflows,
  workflowsPath,
);
log(`polling ${TaskQueues.workflows} on ${config.TEMPORAL_ADDRESS} (${config.TEMPORAL_NAMESPACE})`);

const stop = () => void running.shutdown().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
await running.done;
