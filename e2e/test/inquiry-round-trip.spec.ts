import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Client } from '@temporalio/client';
import {
  inquiryTriageStateQuery,
  inquiryTriageWorkflowId,
  providerEnrolled,
  providerInquiryConverted,
  providerInquiryReceived,
} from '@platform/contracts';
import { eventually } from '@platform/testing';
import type { Platform } from '../src/index.js';
import { call } from './http.js';
import { startEndToEnd, type EndToEnd } from './support.js';

/**
 * The walking skeleton end to end: HTTP → outbox → Kafka → process starter → Temporal workflow →
 * task in the tasks service → decision over HTTP → update → providers activity → follow-up events.
 */
let e2e: EndToEnd;
let platform: Platform;
let temporal: Client;
let tokens: Record<string, string>;

beforeAll(async () => {
  e2e = await startEndToEnd(
    'e2e',
    [providerInquiryReceived, providerEnrolled],
    ['rm.rivera', 'cw.chen', 'ops.omar', 'fin.fatima'],
  );
  ({ platform, temporal, tokens } = e2e);
});

afterAll(async () => {
  await e2e?.stop();
});

const eventsOf = (type: string, aggregateId: string) => e2e.events(type, aggregateId);

async function providersRow<T>(sql: string, params: unknown[]): Promise<T | undefined> {
  const db = new pg.Client({ connectionString: platform.databases.providers.url });
  await db.connect();
  try {
    return (await db.query(sql, params)).rows[0] as T | undefined;
  } finally {
    await db.end();
  }
}

describe('inquiry round trip (PRV-2)', () => {
  it('PRV-2: an inquiry flows from HTTP through Kafka and Temporal to a task, and a decision converts it', async () => {
    const created = await call<{ id: string; status: string }>(
      'POST',
      `${platform.providersUrl}/inquiries`,
      {
        token: tokens['rm.rivera'],
        body: { name: 'Sunrise Day Care', email: 'hello@sunrise.example' },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('received');
    const inquiryId = created.body.id;

    // The event on Kafka, in a valid envelope.
    const [received] = await eventually(() => {
      const found = eventsOf(providerInquiryReceived.type, inquiryId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(received).toMatchObject({
      version: 1,
      aggregateType: 'provider-inquiry',
      actor: { userId: 'rm.rivera', roles: ['resource-manager'] },
      data: { inquiryId, name: 'Sunrise Day Care', source: 'staff' },
    });

    // The workflow, found the way an operator would: by its search attributes.
    const workflowId = inquiryTriageWorkflowId(inquiryId);
    await eventually(async () => {
      expect(
        await e2e.workflowIdsMatching(
          `InquiryId = '${inquiryId}' AND BusinessStatus = 'awaiting-decision' AND WorkQueue = 'provider-inquiries'`,
        ),
      ).toEqual([workflowId]);
    });

    // The task in the inquiry work queue.
    const tasks = await eventually(async () => {
      const page = await call<{
        items: { id: string; queue: string; status: string; workflowId: string }[];
        total: number;
      }>('GET', `${platform.tasksUrl}/tasks?subjectId=${inquiryId}`, {
        token: tokens['rm.rivera'],
      });
      expect(page.body.total).toBe(1);
      return page.body.items;
    });
    const task = tasks[0]!;
    expect(task).toMatchObject({ queue: 'provider-inquiries', status: 'open', workflowId });

    // A role that may not decide is refused by the workflow's validator; the workflow keeps waiting.
    const refused = await call('POST', `${platform.tasksUrl}/tasks/${task.id}/decision`, {
      token: tokens['cw.chen'],
      body: { outcome: 'convert' },
    });
    expect(refused.status).toBe(403);
    expect(refused.contentType).toContain('application/problem+json');
    expect(
      await temporal.workflow.getHandle(workflowId).query(inquiryTriageStateQuery),
    ).toMatchObject({
      status: 'awaiting-decision',
      outcome: null,
    });

    // The resource manager converts it.
    const decided = await call('POST', `${platform.tasksUrl}/tasks/${task.id}/decision`, {
      token: tokens['rm.rivera'],
      body: { outcome: 'convert' },
    });
    expect(decided.status).toBe(202);
    await expect(temporal.workflow.getHandle(workflowId).result()).resolves.toMatchObject({
      status: 'converted',
    });

    // Final state in the providers database.
    const row = await providersRow<{ status: string; provider_id: string; decided_by: string }>(
      'select status, provider_id, decided_by from inquiry where id = $1',
      [inquiryId],
    );
    expect(row).toMatchObject({ status: 'converted', decided_by: 'rm.rivera' });
    const provider = await providersRow<{ name: string; status: string }>(
      'select name, status from provider where id = $1',
      [row?.provider_id],
    );
    expect(provider).toEqual({ name: 'Sunrise Day Care', status: 'enrolled' });

    // The task closed when the workflow said so, with who decided.
    const closed = await call<{ status: string; outcome: string; decidedBy: string }>(
      'GET',
      `${platform.tasksUrl}/tasks/${task.id}`,
      { token: tokens['rm.rivera'] },
    );
    expect(closed.body).toMatchObject({
      status: 'completed',
      outcome: 'convert',
      decidedBy: 'rm.rivera',
    });

    // The follow-up events, correlated with the process that decided.
    const [converted] = await eventually(() => {
      const found = eventsOf(providerInquiryConverted.type, inquiryId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(converted).toMatchObject({
      correlationId: workflowId,
      data: { inquiryId, providerId: row?.provider_id, decidedBy: 'rm.rivera' },
    });
    const enrolled = await eventually(() => {
      const found = eventsOf(providerEnrolled.type, row?.provider_id ?? '');
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(enrolled?.data).toEqual({
      providerId: row?.provider_id,
      name: 'Sunrise Day Care',
      fromInquiryId: inquiryId,
    });

    // Finance keeps its own copy of the provider, fed by that event (issue 6, ADR 0018).
    await eventually(async () => {
      const known = await call<{ name: string; status: string }>(
        'GET',
        `${platform.financeUrl}/projections/providers/${row?.provider_id}`,
        { token: tokens['fin.fatima'] },
      );
      expect(known).toMatchObject({
        status: 200,
        body: { name: 'Sunrise Day Care', status: 'enrolled' },
      });
    });
  });

  it('SS-1: a guest submits an inquiry without an account', async () => {
    const created = await call<{ source: string; submittedBy: string }>(
      'POST',
      `${platform.providersUrl}/self-service/inquiries`,
      { body: { name: 'Hilltop Foster Home', phone: '+1 555 0199' } },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ source: 'guest', submittedBy: 'guest' });
  });
});

describe('HTTP edge (ARCHITECTURE rules 9 and 10)', () => {
  it('an invalid body gets 400 problem+json naming each field', async () => {
    const response = await call<{ errors: { field: string }[]; status: number }>(
      'POST',
      `${platform.providersUrl}/inquiries`,
      { token: tokens['rm.rivera'], body: { name: '', email: 'not-an-email', extra: 1 } },
    );
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.errors.map((e) => e.field).sort()).toEqual(['(root)', 'email', 'name']);
  });

  it('an unknown id gets 404, a malformed id 400', async () => {
    const unknown = await call(
      'GET',
      `${platform.providersUrl}/inquiries/6f1c1f43-0000-4000-8000-000000000000`,
      {
        token: tokens['rm.rivera'],
      },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toContain('application/problem+json');
    const malformed = await call('GET', `${platform.tasksUrl}/tasks/not-a-uuid`, {
      token: tokens['rm.rivera'],
    });
    expect(malformed.status).toBe(400);
  });

  it('a missing or forged token gets 401', async () => {
    expect((await call('GET', `${platform.providersUrl}/inquiries`)).status).toBe(401);
    const forged = await call('GET', `${platform.tasksUrl}/tasks`, {
      token: 'eyJhbGciOiJub25lIn0.e30.',
    });
    expect(forged.status).toBe(401);
  });

  it('ROLE: a role without the right gets 403 naming the roles needed', async () => {
    const response = await call<{ detail: string }>('POST', `${platform.providersUrl}/inquiries`, {
      token: tokens['cw.chen'],
      body: { name: 'X', email: 'x@y.example' },
    });
    expect(response.status).toBe(403);
    expect(response.body.detail).toContain('resource-manager');
    expect(
      (
        await call(
          'POST',
          `${platform.tasksUrl}/tasks/6f1c1f43-0000-4000-8000-000000000000/decision`,
          {
            token: tokens['ops.omar'],
            body: { outcome: 'convert' },
          },
        )
      ).status,
    ).toBe(403);
  });

  it('every service is healthy and serves its OpenAPI document', async () => {
    for (const url of [platform.providersUrl, platform.tasksUrl, platform.financeUrl]) {
      const health = await call<{ status: string }>('GET', `${url}/health`);
      expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
      const docs = await call<{ openapi: string; paths: Record<string, unknown> }>(
        'GET',
        `${url}/docs-json`,
      );
      expect(docs.body.openapi).toMatch(/^3\./);
      expect(Object.keys(docs.body.paths).length).toBeGreaterThan(1);
    }
  });
});
