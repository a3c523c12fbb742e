import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { DEMO_PROVIDER_ID } from '@platform/auth';
import type { ProvidersApp } from './providers-app.js';
import type { Json, Page, ProviderServiceBody } from './types.js';
import { ADMIN, RM } from './users.js';

/** The records the suites build on, made through the API as the staff who would make them. */

/** A well-formed id that no record has: the request passes validation and answers 404. */
export const UNKNOWN_ID = '6f1c1f43-0000-4000-8000-000000000000';

/** `${prefix} 1a2b3c4d`: a name unique within the suite, for registries that refuse duplicates. */
export const uniqueName = (prefix: string): string => `${prefix} ${randomUUID().slice(0, 8)}`;

/** POSTs as `user` (the resource manager unless named), expects 201 Created, answers the body. */
export async function postCreated<T = Json>(
  app: ProvidersApp,
  path: string,
  body: unknown,
  user = RM,
): Promise<T> {
  const response = await app.request<T>('POST', path, { user, body });
  // toMatchObject shows the whole answer (the problem's detail) when the fixture is refused.
  expect(response).toMatchObject({ status: 201 });
  return response.body;
}

/**
 * ROLE-2: the approved provider of the development issuer's provider.sunrise user. Inserted
 * directly because its id is fixed (DEMO_PROVIDER_ID) and the API assigns ids; idempotent.
 */
export async function insertDemoProvider(
  app: ProvidersApp,
  { preferredCommunication = null }: { preferredCommunication?: string | null } = {},
): Promise<void> {
  await app.query(
    `insert into provider (id, name, status, enrolled_by, preferred_communication)
     values ($1, 'Sunrise Day Care', 'approved', 'seed', $2) on conflict do nothing`,
    [DEMO_PROVIDER_ID, preferredCommunication],
  );
}

/** PRV-1: a lifecycle action (approve, suspend, reinstate …) that must succeed. */
export async function changeProviderLifecycle(
  app: ProvidersApp,
  providerId: string,
  action: string,
  reason?: string,
): Promise<void> {
  const response = await app.request('POST', `/providers/${providerId}/lifecycle`, {
    user: RM,
    body: { action, ...(reason ? { reason } : {}) },
  });
  expect(response).toMatchObject({ status: 200 });
}

export interface EnrolOptions {
  /** More of the provider's details (city, capacities, preferredCommunication …). */
  details?: Json;
  /** Approve it too (PRV-1): services and licences are approved only for approved providers. */
  approve?: boolean;
}

/** A provider enrolled by the resource manager (status enrolled, or approved); answers its id. */
export async function enrolProvider(
  app: ProvidersApp,
  name: string,
  { details = {}, approve = false }: EnrolOptions = {},
): Promise<string> {
  const { id } = await postCreated<{ id: string }>(app, '/providers', { name, ...details });
  if (approve) await changeProviderLifecycle(app, id, 'approve');
  return id;
}

/** PRV-8: a new person made a member of the provider (a staff member since 2025 unless told). */
export async function addMember(
  app: ProvidersApp,
  providerId: string,
  name: string,
  { role = 'staff', from = '2025-01-01' }: { role?: string; from?: string } = {},
): Promise<string> {
  const { memberId } = await postCreated<{ memberId: string }>(
    app,
    `/providers/${providerId}/members`,
    { name, role, from },
  );
  return memberId;
}

/** SVC-1: a registry product paid by invoice, tracking no attendance, unless `fields` say more. */
export async function createServiceProduct(app: ProvidersApp, fields: Json = {}): Promise<string> {
  const { id } = await postCreated<{ id: string }>(
    app,
    '/service-products',
    {
      name: uniqueName('Respite care'),
      unitOfMeasure: 'day',
      payBasedOnAttendance: false,
      payBasedOnPlacement: false,
      delivery: { type: 'service-delivery' },
      paymentOptions: { fixed: 'pay-fixed', minimum: 'pay-billed', maximum: 'pay-maximum' },
      ...fields,
    },
    ADMIN,
  );
  return id;
}

/** PRV-6: the provider offers a registry product (from 2026-01-01 unless told), pending approval. */
export function addProviderService(
  app: ProvidersApp,
  providerId: string,
  body: Json & { serviceProductId: string },
  user = RM,
): Promise<ProviderServiceBody> {
  return postCreated<ProviderServiceBody>(
    app,
    `/providers/${providerId}/services`,
    { from: '2026-01-01', ...body },
    user,
  );
}

/** CRD-4: an unmanaged (free-text) training the member completed, as `fields` describe it. */
export async function recordCompletedTraining(
  app: ProvidersApp,
  memberId: string,
  fields: Json,
): Promise<void> {
  await postCreated(app, `/members/${memberId}/trainings`, { kind: 'unmanaged', ...fields });
}

/** The ids of one page of a list, in the order the API answers them. */
export async function listIds(app: ProvidersApp, path: string, user: string): Promise<string[]> {
  const reply = await app.request<Page<{ id: string }>>('GET', path, { user });
  expect(reply.status).toBe(200);
  return reply.body.items.map((item) => item.id);
}
