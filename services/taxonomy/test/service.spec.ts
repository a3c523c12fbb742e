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
import { startTaxonomyApp, type TaxonomyApp } from './support/taxonomy-app.js';

/**
 * The taxonomy service runs like the others (ADR 0021): its database migrated, its activity
 * worker polling, its consumer group connected; and ROLE over its whole API, read from its own
 * OpenAPI document so an endpoint added later is checked without anyone adding it here.
 */
let app: TaxonomyApp;
let operations: DocumentedOperation[];

beforeAll(async () => {
  app = await startTaxonomyApp();
  operations = await fetchDocumentedOperations(app.url);
});

afterAll(async () => {
  await app?.close();
});

describe('the taxonomy service', () => {
  it('answers /health with its database, Temporal and activity worker up', async () => {
    const health = await app.request('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({
      status: 'ok',
      checks: { database: 'up', temporal: 'up', activityWorker: 'up' },
    });
  });

  it('TAX-1: migrated its own database with the term search trigger', async () => {
    const [trigger] = await app.query<{ name: string }>(
      `select tgname as name from pg_trigger where tgname = 'term_text_document'`,
    );
    expect(trigger?.name).toBe('term_text_document');
  });
});

describe('role guards on every endpoint (ROLE)', () => {
  it('ROLE: every endpoint is either public or names the roles that may call it', () => {
    expect(unguardedOperations(operations)).toEqual([]);
  });

  it('ROLE: every endpoint answers 403 to each role it does not name', async () => {
    const probes = forbiddenRoleProbes(operations, ROLES, () => randomUUID());
    expect(probes.length).toBeGreaterThan(0);
    expect(await probesNotForbidden(probes, seedUserWithRole, app.request)).toEqual([]);
  });

  it('ROLE: only administrators change taxonomies; every other role may only read or index', () => {
    const changes = operations.filter(
      (o) =>
        o.method !== 'GET' &&
        (o.path.startsWith('/taxonomies') ||
          o.path.startsWith('/taxonomy-versions') ||
          o.path.startsWith('/taxonomy-imports')),
    );
    expect(changes.length).toBeGreaterThan(5);
    for (const change of changes) expect(change.requiredRoles).toEqual(['administrator']);
  });

  it('TAX-9: staff and providers may search', () => {
    const search = operations.find((o) => o.path === '/search/provider-services');
    expect(search?.requiredRoles).toEqual(
      expect.arrayContaining(['case-worker', 'resource-manager', 'provider']),
    );
  });
});
