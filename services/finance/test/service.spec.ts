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
import { startFinanceApp, type FinanceApp } from './support/finance-app.js';

/**
 * The finance service runs like the others (ADR 0018): its database migrated, its activity worker
 * polling, its consumer group connected; and ROLE over its whole API, read from its own OpenAPI
 * document so an endpoint added later is checked without anyone adding it here.
 */
let app: FinanceApp;
let operations: DocumentedOperation[];

beforeAll(async () => {
  app = await startFinanceApp();
  operations = await fetchDocumentedOperations(app.url);
});

afterAll(async () => {
  await app?.close();
});

describe('the finance service', () => {
  it('answers /health with its database, Temporal and activity worker up', async () => {
    const health = await app.request('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({
      status: 'ok',
      checks: { database: 'up', temporal: 'up', activityWorker: 'up' },
    });
  });

  it('migrated its own database: outbox, inbox, the projections and its own records', async () => {
    const tables = await app.query<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((t) => t.name)).toEqual([
      'authorization_client',
      'authorization_line_item',
      'case_client',
      'client_case',
      'contract_fixed_fee_period',
      'contract_unit_rate',
      'contract_version',
      'inbox_message',
      'invoice',
      'invoice_line_change',
      'invoice_line_client',
      'invoice_line_item',
      'outbox_message',
      'participant',
      'payment',
      'payment_adjustment',
      'payment_direction',
      'payment_line',
      'payment_run',
      'provider_group',
      'provider_service',
      'provider_status',
      'provider_status_change',
      'schema_migrations',
      'service_authorization',
      'service_product',
      'service_product_rate',
    ]);
  });
});

describe('role guards on every endpoint (ROLE)', () => {
  it('ROLE: every endpoint is either public or names the roles that may call it', () => {
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining([
        'GET /health',
        'GET /projections/providers/{id}',
        'GET /projections/service-products/{id}',
      ]),
    );
    expect(unguardedOperations(operations)).toEqual([]);
  });

  it('ROLE: every endpoint answers 403 to each role it does not name', async () => {
    const probes = forbiddenRoleProbes(operations, ROLES, () => randomUUID());
    // Two projection reads, each closed to the five roles that are not finance, admin or operator.
    expect(probes.length).toBeGreaterThanOrEqual(2 * 5);
    expect(await probesNotForbidden(probes, seedUserWithRole, app.request)).toEqual([]);
  });

  it('ROLE: providers may not read what finance knows of providers', () => {
    const reads = operations.filter((o) => o.path.startsWith('/projections/'));
    expect(reads.length).toBe(2);
    for (const read of reads) {
      expect(read.requiredRoles).toEqual(['finance-user', 'administrator', 'operator']);
    }
  });
});
