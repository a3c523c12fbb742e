import { randomUUID } from 'node:crypto';
import type { PlacementsApp } from './placements-app.js';

/** Seeded users (libs/auth seed users) by what they do here. */
export const ADMIN = 'admin.ada';
export const RESOURCE_MANAGER = 'rm.rivera';
export const SUPERVISOR = 'sup.sato';
export const FACILITY_MANAGER = 'fm.fischer';
export const CASE_WORKER = 'cw.chen';
export const FINANCE_USER = 'fin.fatima';
export const OPERATOR = 'ops.omar';

export interface Problem {
  rule?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export const fields = (body: Problem) => (body.errors ?? []).map((error) => error.field);

/**
 * A provider the placements service knows, in the given PRV-1 status. Until the placements
 * projections consume `provider.*` events, the provider_status row is inserted directly here;
 * switch to publishing providerApproved (as finance's suites do) once projections land.
 */
export async function knownProvider(app: PlacementsApp, status = 'approved'): Promise<string> {
  const providerId = randomUUID();
  await app.query(
    `insert into provider_status (provider_id, name, status, occurred_at)
     values ($1, $2, $3, now())`,
    [providerId, `Provider ${providerId.slice(0, 8)}`, status],
  );
  return providerId;
}

export interface FacilityBody {
  facilityId: string;
  rootCompartmentId: string;
  name: string;
}

/** Fails the test with the problem when a fixture call is refused. */
function expectStatus<T>(reply: { status: number; body: T }, status: number, what: string): T {
  if (reply.status !== status) {
    throw new Error(`${what} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  }
  return reply.body;
}

export async function createFacility(
  app: PlacementsApp,
  providerId: string,
  capacity: { designated: number; physical: number } = { designated: 10, physical: 12 },
  user = RESOURCE_MANAGER,
): Promise<FacilityBody> {
  const reply = await app.request<FacilityBody & { layout: { compartmentId: string } }>(
    'POST',
    '/facilities',
    {
      user,
      body: {
        providerId,
        name: `Facility ${randomUUID().slice(0, 8)}`,
        designatedCapacity: capacity.designated,
        physicalCapacity: capacity.physical,
      },
    },
  );
  const body = expectStatus(reply, 201, 'creating a facility');
  return { ...body, rootCompartmentId: body.layout.compartmentId };
}

export async function addCompartment(
  app: PlacementsApp,
  facilityId: string,
  parentId: string,
  name: string,
  characteristics: Record<string, unknown> = {},
): Promise<string> {
  const reply = await app.request<{ compartmentId: string }>(
    'POST',
    `/facilities/${facilityId}/compartments`,
    { user: RESOURCE_MANAGER, body: { parentId, name, characteristics } },
  );
  return expectStatus(reply, 201, `adding compartment ${name}`).compartmentId;
}

export async function addPlaces(
  app: PlacementsApp,
  compartmentId: string,
  names: string[],
): Promise<{ placeId: string; name: string }[]> {
  const reply = await app.request<{ places: { placeId: string; name: string }[] }>(
    'POST',
    `/compartments/${compartmentId}/places`,
    { user: RESOURCE_MANAGER, body: { names } },
  );
  return expectStatus(reply, 201, 'adding places').places;
}

export async function setCharacteristicSettings(
  app: PlacementsApp,
  settings: { raceEnabled: boolean; religionEnabled: boolean },
): Promise<void> {
  const reply = await app.request('PUT', '/characteristic-settings', {
    user: ADMIN,
    body: settings,
  });
  expectStatus(reply, 200, 'setting characteristic settings');
}
