import {
  Client,
  Connection,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
} from '@temporalio/client';
import type {
  SignalDefinition,
  WorkflowSignalWithStartOptions,
  WorkflowStartOptions,
} from '@temporalio/client';

export interface TemporalConnectionOptions {
  address: string;
  namespace: string;
}

export async function connectTemporalClient(options: TemporalConnectionOptions): Promise<Client> {
  const connection = await Connection.connect({ address: options.address });
  return new Client({ connection, namespace: options.namespace });
}

/**
 * Starts a workflow whose id is deterministic (ARCHITECTURE rule 4). A second start for the same id
 * — a redelivered event, a retried request — is a no-op; returns whether this call started it.
 */
export async function startOnce(
  client: Client,
  workflowType: string,
  options: WorkflowStartOptions,
): Promise<boolean> {
  try {
    await client.workflow.start(workflowType, options);
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}

/**
 * Delivers a signal to the workflow with a deterministic id, starting it first when none is
 * running (ARCHITECTURE rule 4): how a fact that both starts and continues a process (a home study's
 * first submission, then its resubmissions) reaches it. A workflow of that id that already
 * finished is not started again — the fact was a redelivery; returns false then.
 */
export async function signalWithStartOnce<SignalArgs extends unknown[]>(
  client: Client,
  workflowType: string,
  options: WorkflowSignalWithStartOptions<SignalArgs> & { args: unknown[] },
): Promise<boolean> {
  try {
    await client.workflow.signalWithStart(workflowType, {
      ...options,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}

/**
 * Signals a running workflow; false when no workflow of that id runs (e.g. a licence approved
 * before its renewal process existed, or a process that already ended).
 */
export async function signalIfRunning<Args extends unknown[]>(
  client: Client,
  workflowId: string,
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<boolean> {
  try {
    await client.workflow.getHandle(workflowId).signal(signal, ...args);
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}
