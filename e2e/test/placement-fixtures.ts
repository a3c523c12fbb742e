import { eventually } from '@platform/testing';
import type { EndToEnd } from './support.js';
import { call, type HttpResult } from './http.js';

/** A day relative to today (UTC), as the placements API takes it. */
export function day(offsetFromToday = 0): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + offsetFromToday);
  return date.toISOString().slice(0, 10);
}

/** Calls an API as one of the suite's users; a 5xx fails the test that caused it. */
export async function as<T = Record<string, unknown>>(
  e2e: EndToEnd,
  user: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<HttpResult<T>> {
  const token = e2e.tokens[user];
  if (!token) throw new Error(`the suite has no token for ${user}`);
  const reply = await call<T>(method, url, { token, body });
  if (reply.status >= 500) {
    throw new Error(`${method} ${url} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  }
  return reply;
}

/** The body of a reply that must have `status`, or a failure naming what came instead. */
export function expectStatus<T>(reply: HttpResult<T>, status: number, what: string): T {
  if (reply.status !== status) {
    throw new Error(
      `${what}: expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`,
    );
  }
  return reply.body;
}

/**
 * A provider enrolled and approved through the providers service (PRV-1) by the resource manager;
 * the placements service learns of it only from its events, so this waits until placements
 * accepts a facility for it — which it refuses (422, nothing stored) while the provider is unknown.
 */
export async function approvedProviderWithFacility(
  e2e: EndToEnd,
  provider: { name: string },
  facility: { name: string; designatedCapacity: number; physicalCapacity: number },
): Promise<{ providerId: string; facilityId: string; rootCompartmentId: string }> {
  const { providersUrl, placementsUrl } = e2e.platform;
  const enrolled = expectStatus(
    await as<{ id: string }>(e2e, 'rm.rivera', 'POST', `${providersUrl}/providers`, {
      name: provider.name,
      addressLine1: '1 Main Street',
      city: 'Lake County',
      postalCode: '12345',
    }),
    201,
    `enrol ${provider.name}`,
  );
  expectStatus(
    await as(e2e, 'rm.rivera', 'POST', `${providersUrl}/providers/${enrolled.id}/lifecycle`, {
      action: 'approve',
    }),
    200,
    `approve ${provider.name}`,
  );
  const created = await eventually(async () =>
    expectStatus(
      await as<{ facilityId: string; rootCompartmentId: string }>(
        e2e,
        'rm.rivera',
        'POST',
        `${placementsUrl}/facilities`,
        { providerId: enrolled.id, ...facility },
      ),
      201,
      `facility ${facility.name} (placements to learn of ${provider.name})`,
    ),
  );
  return { providerId: enrolled.id, ...created };
}

/** POST /facilities/{id}/compartments as the resource manager; answers the new compartment's id. */
export async function compartment(
  e2e: EndToEnd,
  facilityId: string,
  parentId: string,
  name: string,
  characteristics: Record<string, unknown> = {},
): Promise<string> {
  const created = expectStatus(
    await as<{ compartmentId: string }>(
      e2e,
      'rm.rivera',
      'POST',
      `${e2e.platform.placementsUrl}/facilities/${facilityId}/compartments`,
      { parentId, name, characteristics },
    ),
    201,
    `compartment ${name}`,
  );
  return created.compartmentId;
}

/** POST /compartments/{id}/places: the named places (beds, units); answers their ids in order. */
export async function places(
  e2e: EndToEnd,
  compartmentId: string,
  names: string[],
): Promise<string[]> {
  const created = expectStatus(
    await as<{ places: { placeId: string }[] }>(
      e2e,
      'rm.rivera',
      'POST',
      `${e2e.platform.placementsUrl}/compartments/${compartmentId}/places`,
      { names },
    ),
    201,
    `places in ${compartmentId}`,
  );
  return created.places.map((place) => place.placeId);
}

export interface PlacementBody {
  placementId: string;
  placeId: string;
  clientId: string;
  state: 'active' | 'ended';
  emergency: boolean;
  period: { from: string; to: string | null };
  transferredFrom: string | null;
}

/** POST /placements as the case worker (201 expected). */
export async function placeClient(
  e2e: EndToEnd,
  body: Record<string, unknown>,
): Promise<PlacementBody> {
  return expectStatus(
    await as<PlacementBody>(
      e2e,
      'cw.chen',
      'POST',
      `${e2e.platform.placementsUrl}/placements`,
      body,
    ),
    201,
    'placement',
  );
}
