import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { createTestNamespace, infraEndpoints, type TestNamespace } from '@platform/testing';
import { connectTemporalClient, startOnce } from '../src/index.js';

let client: Client;
let namespace: TestNamespace;

beforeAll(async () => {
  const { address } = infraEndpoints().temporal;
  namespace = await createTestNamespace(address, 'temporal-lib');
  client = await connectTemporalClient({ address, namespace: namespace.name });
});
afterAll(async () => {
  await client?.connection.close();
  await namespace?.drop();
});

describe('startOnce (ARCHITECTURE rule 4: processes are started by facts)', () => {
  it('starts a workflow once; a duplicate start with the same id is a no-op', async () => {
    const workflowId = `start-once/${randomUUID()}`;
    // No worker polls this queue: the workflow only needs to exist, not to run.
    const options = { workflowId, taskQueue: 'nobody-polls-this', args: [] };
    expect(await startOnce(client, 'anyWorkflow', options)).toBe(true);
    expect(await startOnce(client, 'anyWorkflow', options)).toBe(false);

    const runs = [];
    for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
      runs.push(run.runId);
    }
    expect(runs).toHaveLength(1);
    await client.workflow.getHandle(workflowId).terminate('test finished');
  });
});
