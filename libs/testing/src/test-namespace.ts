import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
// @temporalio/proto is CommonJS: under plain Node only its default export is reliable.
import proto from '@temporalio/proto';
import { repoRoot } from './endpoints.js';
import { uniqueName } from './kafka-probe.js';

const { IndexedValueType } = proto.temporal.api.enums.v1;
const INDEXED_TYPES: Record<string, number> = {
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};

/** The platform's custom search attributes (libs/contracts/search-attributes.json), for registering. */
export function platformSearchAttributes(): Record<string, number> {
  const attributes = JSON.parse(
    readFileSync(join(repoRoot, 'libs/contracts/search-attributes.json'), 'utf8'),
  ) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(attributes).map(([name, type]) => {
      const indexed = INDEXED_TYPES[type];
      if (indexed === undefined) throw new Error(`unsupported search attribute type ${type}`);
      return [name, indexed];
    }),
  );
}

export interface TestNamespace {
  name: string;
  /** Deletes the namespace and everything in it. */
  drop(): Promise<void>;
}

/**
 * A Temporal namespace of its own for one test suite or benchmark: its workflows, task queues and
 * search attributes are invisible to every other suite and to a running `npm start`, so activity
 * workers of different runs never steal each other's tasks.
 */
export async function createTestNamespace(
  address: string,
  prefix = 'test',
): Promise<TestNamespace> {
  const namespace = uniqueName(prefix);
  const connection = await Connection.connect({ address });
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs('1 day'),
    });
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: platformSearchAttributes(),
    });
    // Workflow calls may briefly not know a new namespace until the server's cache refreshes.
    for (;;) {
      try {
        await connection.workflowService.listWorkflowExecutions({ namespace, pageSize: 1 });
        return { name: namespace, drop: () => dropNamespace(address, namespace) };
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  } finally {
    await connection.close();
  }
}

async function dropNamespace(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    await connection.operatorService.deleteNamespace({ namespace });
  } finally {
    await connection.close();
  }
}
