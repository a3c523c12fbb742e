import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import type { CreateTaskInput, TasksActivities } from '@platform/contracts';
import { infraEndpoints, openServiceTestBed, type QueryRows } from '@platform/testing';
import { loadTasksConfig } from '../../src/config.js';
import { openTasksDatabase } from '../../src/database.js';
import { taskMailerFrom } from '../../src/notifications/task-mailer.js';
import { createTask, createTasksActivities } from '../../src/tasks/task-activities.js';
import { startTasksService } from '../../src/tasks.service-runtime.js';

export type { HttpMethod, Reply, RequestOptions } from '@platform/testing';
import type { ServiceRequest } from '@platform/testing';

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
  query: QueryRows;
  close(): Promise<void>;
}

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
  const bed = await openServiceTestBed('tasks');
  const config = loadTasksConfig({
    ...bed.env,
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
  });
  const service = await startTasksService(config);
  const orm = await openTasksDatabase(bed.database.url);
  const mailer = taskMailerFrom(config);
  const connection = await Connection.connect({ address: endpoints.temporal.address });
  const temporal = new Client({ connection, namespace: bed.namespace.name });

  return {
    url: service.url,
    request: bed.requestTo(service.url),
    async createTask(input = {}) {
      return (await createTask(orm, taskInput(input))).taskId;
    },
    activities: createTasksActivities(orm, mailer),
    temporal,
    orm,
    query: bed.query,
    async close() {
      mailer?.close();
      await connection.close();
      await orm.close();
      await service.close();
      await bed.close();
    },
  };
}
