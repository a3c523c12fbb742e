import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ROLES } from '@platform/contracts';
import {
  fetchDocumentedOperations,
  forbiddenRoleProbes,
  probesNotForbidden,
  seedUserWithRole,
  unguardedOperations,
  type DocumentedOperation,
} from '@platform/testing';
import { startTasksApp, type TasksApp } from './support/tasks-app.js';

/**
 * ROLE over the whole API: the operations come from the service's own OpenAPI document, so an
 * endpoint added later is checked without anyone remembering to add it here.
 */
let app: TasksApp;
let operations: DocumentedOperation[];

beforeAll(async () => {
  app = await startTasksApp();
  operations = await fetchDocumentedOperations(app.url);
});

afterAll(async () => {
  await app?.close();
});

describe('role guards on every endpoint (ROLE)', () => {
  it('ROLE: every endpoint is either public or names the roles that may call it', () => {
    expect(operations.length).toBeGreaterThanOrEqual(11);
    expect(unguardedOperations(operations)).toEqual([]);
  });

  it('ROLE: every endpoint answers 403 to each role it does not name', async () => {
    const probes = forbiddenRoleProbes(operations, ROLES, () => randomUUID());
    // Providers may call nothing; operators only read.
    expect(probes.length).toBeGreaterThanOrEqual(11 + 6);
    expect(await probesNotForbidden(probes, seedUserWithRole, app.request)).toEqual([]);
  });

  it('ROLE: providers and operators may not work tasks (claim, decide)', () => {
    const writes = operations.filter((operation) => operation.method === 'POST');
    expect(writes.length).toBe(7);
    for (const write of writes) {
      expect(write.requiredRoles).not.toContain('provider');
      expect(write.requiredRoles).not.toContain('operator');
    }
  });
});
