import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import { ROLES } from '@platform/contracts';
import {
  concretePath,
  fetchDocumentedOperations,
  forbiddenRoleProbes,
  probesNotForbidden,
  seedUserWithRole,
  pathParameters,
  unguardedOperations,
  type DocumentedOperation,
} from '@platform/testing';
import { insertDemoProvider } from './support/fixtures.js';
import { startProvidersApp, type ProvidersApp } from './support/providers-app.js';

/**
 * ROLE and ROLE-2 over the whole API: the operations come from the service's own OpenAPI document,
 * so an endpoint added later is checked without anyone remembering to add it here.
 */
let app: ProvidersApp;
let operations: DocumentedOperation[];

beforeAll(async () => {
  app = await startProvidersApp();
  operations = await fetchDocumentedOperations(app.url);
});

afterAll(async () => {
  await app?.close();
});

describe('role guards on every endpoint (ROLE)', () => {
  it('ROLE: every endpoint is either public or names the roles that may call it', () => {
    // The document really was read: the service has dozens of operations.
    expect(operations.length).toBeGreaterThanOrEqual(50);
    expect(unguardedOperations(operations)).toEqual([]);
  });

  it('ROLE: every endpoint answers 403 to each role it does not name', async () => {
    const probes = forbiddenRoleProbes(operations, ROLES, () => randomUUID());
    expect(probes.length).toBeGreaterThan(100);
    expect(await probesNotForbidden(probes, seedUserWithRole, app.request)).toEqual([]);
  });
});

describe("a provider's token and other providers' records (ROLE-2)", () => {
  /** Reads of one provider's records: GET /providers/{id}/… with the provider id as only parameter. */
  const providerScopedReads = () =>
    operations.filter(
      (operation) =>
        operation.method === 'GET' &&
        /^\/providers\/\{[^}]+\}/.test(operation.path) &&
        pathParameters(operation.path).length === 1 &&
        operation.requiredRoles?.includes('provider'),
    );

  it("ROLE-2: every provider-scoped read answers the provider's own id and 404s for another's", async () => {
    await insertDemoProvider(app);
    const other = await app.request<{ id: string }>('POST', '/providers', {
      user: 'rm.rivera',
      body: { name: 'Another Provider' },
    });
    expect(other.status).toBe(201);

    const reads = providerScopedReads();
    expect(reads.length).toBeGreaterThanOrEqual(5);
    const wrong: string[] = [];
    for (const read of reads) {
      // Date-scoped reads (payee on a date, effective rate …) need a date to answer 200.
      const query = read.path.endsWith('/payee') ? '?date=2026-01-01' : '';
      const path = (id: string) => concretePath(read.path, {}, () => id) + query;
      const own = await app.request('GET', path(DEMO_PROVIDER_ID), { user: 'provider.sunrise' });
      const foreign = await app.request('GET', path(other.body.id), { user: 'provider.sunrise' });
      if (own.status !== 200 && own.status !== 404) {
        wrong.push(`${read.path} own: ${own.status}`);
      }
      if (foreign.status !== 404) wrong.push(`${read.path} another provider's: ${foreign.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
