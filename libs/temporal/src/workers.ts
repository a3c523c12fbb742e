import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { TemporalConnectionOptions } from './client.js';

export interface RunningWorker {
  worker: Worker;
  /** Resolves when the worker has shut down. */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

async function runWorker(
  connectionOptions: TemporalConnectionOptions,
  options: Omit<WorkerOptions, 'connection' | 'namespace'>,
): Promise<RunningWorker> {
  const connection = await NativeConnection.connect({ address: connectionOptions.address });
  const worker = await Worker.create({
    ...options,
    connection,
    namespace: connectionOptions.namespace,
  });
  const done = worker.run().finally(() => connection.close());
  return {
    worker,
    done,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}

/** Hosts a service's activities on its own task queue (ARCHITECTURE rule 5). */
export function startActivityWorker(
  connection: TemporalConnectionOptions,
  taskQueue: string,
  activities: object,
): Promise<RunningWorker> {
  return runWorker(connection, { taskQueue, activities });
}

/** Hosts workflow code, bundled from `workflowsPath` (a built module exporting the workflows). */
export function startWorkflowWorker(
  connection: TemporalConnectionOptions,
  taskQueue: string,
  workflowsPath: string,
): Promise<RunningWorker> {
  return runWorker(connection, { taskQueue, workflowsPath });
}
