import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { WorkflowStartOptions } from '@temporalio/client';

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
