import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import { startDevIssuer } from '@platform/auth';
import type { CreateTaskInput, TasksActivities } from '@platform/contracts';
import { createTestDatabase, createTestNamespace, infraEndpoints } from '@platform/testing';
import { loadTasksConfig } from '../../src/config.js';
import { openTasksDatabase } from '../../src/database.js';
import { taskMailerFrom } from '../../src/notifications/task-mailer.js';
import { createTask, createTasksActivities } from '../../src/tasks/task-activities.js';
import { startTasksService } from '../../src/tasks.service-runtime.js';

export type { HttpMethod, Reply, RequestOptions } from '@platform/testing';
import { serviceRequest, type ServiceRequest } from '@platform/testing';

export interface TasksApp {
  url: string;
  /** Calls the service as a client would; a 5xx throws. */
  request: ServiceRequest;
  /** Creates a task the way a workflow does (the createTask activity); returns its id. */
  createTask(input?: Partial<CreateTaskInput>): Promise<string>;
  /** The activities as the service's worker runs them (same database, same mail settings). */
  activities: TasksActivities;
  /** A Temporal client on the suite's namespace, to start and inspect workflows. */
  temporal: Client;
  /** The suite's database, for the service's own classes used without HTTP. */
  orm: MikroORM;
  /** SQL on the suite's database: fixtures the API cannot make. */
  query<R extends pg.QueryResultRow = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<R[]>;
  close(): Promise<void>;
}

const ISSUER = 'urn:provider-platform:tasks-tests';
const AUDIENCE = 'provider-platform';

/** A task of the inquiry queue, as the inquiry-triage workflow makes it; `input` overrides. */
export function taskInput(input: Partial<CreateTaskInput> = {}): CreateTaskInput {
  const workflowId = `tasks-test/${randomUUID()}`;
  return {
    requestKey: `${workflowId}/decision`,
    workflowId,
    queue: 'provider-inquiries',
    title: 'Provider inquiry: Sunrise',
    subject: { type: 'provider-inquiry', id: randomUUID() },
    dueAt: '2026-12-01T09:00:00.000Z',
    allowedOutcomes: ['convert', 'close'],
    outcomesRequiringReason: ['close'],
    deciderRoles: ['resource-manager', 'resource-manager-supervisor'],
    ...input,
  };
}

export interface TasksAppOptions {
  /** Email reminders and escalations through this SMTP server (e.g. an SmtpSink); none: feed only. */
  smtpUrl?: string;
}

/**
 * The tasks service in-process for integration tests over HTTP: its own database and Temporal
 * namespace on the real infrastructure, tokens from a dev issuer with the seed users.
 */
export async function startTasksApp(options: TasksAppOptions = {}): Promise<TasksApp> {
  const endpoints = infraEndpoints();
  const issuer = await startDevIssuer({ port: 0, issuer: ISSUER, audience: AUDIENCE });
  const database = await createTestDatabase('tasks_http');
  const namespace = await createTestNamespace(endpoints.temporal.address, 'tasks-http');
  const config = loadTasksConfig({
    DATABASE_URL: database.url,
    PORT: '0',
    TEMPORAL_ADDRESS: endpoints.temporal.address,
    TEMPORAL_NAMESPACE: namespace.name,
    AUTH_JWKS_URL: issuer.jwksUrl,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    LOG_LEVEL: 'error',
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
  });
  const service = await startTasksService(config);
  const orm = await openTasksDatabase(database.url);
  const mailer = taskMailerFrom(config);
  const connection = await Connection.connect({ address: endpoints.temporal.address });
  const temporal = new Client({ connection, namespace: namespace.name });
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await issuer.tokenFor(username));
    return tokens.get(username) as string;
  };
  let pool: pg.Pool | undefined;

  return {
    url: service.url,
    request: serviceRequest(service.url, token),
    async createTask(input = {}) {
      return (await createTask(orm, taskInput(input))).taskId;
    },
    activities: createTasksActivities(orm, mailer),
    temporal,
    orm,
    async query<R extends pg.QueryResultRow>(text: string, params: unknown[] = []) {
      pool ??= new pg.Pool({ connectionString: database.url, max: 2 });
      return (await pool.query<R>(text, params)).rows;
    },
    async close() {
      await pool?.end();
      mailer?.close();
      await connection.close();
      await orm.close();
      await service.close();
      await issuer.close();
      await database.drop();
      await namespace.drop();
    },
  };
}
