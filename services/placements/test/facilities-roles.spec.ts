import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  ADMIN,
  CASE_WORKER,
  createFacility,
  FACILITY_MANAGER,
  fields,
  FINANCE_USER,
  knownProvider,
  OPERATOR,
  RESOURCE_MANAGER,
  SUPERVISOR,
  type Problem,
} from './support/facility-fixtures.js';
import { startPlacementsApp, type PlacementsApp } from './support/placements-app.js';

/**
 * ROLE for the facilities area: resource managers (and supervisors) lay out every provider's
 * facilities; a facility manager only those of the providers assigned to them; case workers,
 * finance users and operators read; only an administrator switches race and religion (PLC-2).
 */
let app: PlacementsApp;

beforeAll(async () => {
  app = await startPlacementsApp();
});

afterAll(async () => {
  await app?.close();
});

const facilityBody = (providerId: string) => ({
  providerId,
  name: `Facility ${randomUUID().slice(0, 8)}`,
  designatedCapacity: 2,
  physicalCapacity: 2,
});

const assign = (userId: string, providerId: string, user = RESOURCE_MANAGER) =>
  app.request<Problem>('POST', '/facility-manager-assignments', {
    user,
    body: { userId, providerId },
  });

describe('ROLE: who lays out facilities', () => {
  it('ROLE: a case worker, finance user or operator cannot create a facility (403)', async () => {
    const providerId = await knownProvider(app);
    for (const user of [CASE_WORKER, FINANCE_USER, OPERATOR, ADMIN]) {
      const reply = await app.request('POST', '/facilities', {
        user,
        body: facilityBody(providerId),
      });
      expect(reply.status).toBe(403);
    }
    const supervisor = await app.request('POST', '/facilities', {
      user: SUPERVISOR,
      body: facilityBody(providerId),
    });
    expect(supervisor.status).toBe(201);
  });

  it('ROLE: an operator reads but changes nothing (no layout, place or out-of-service writes)', async () => {
    const facility = await createFacility(app, await knownProvider(app));
    const root = facility.rootCompartmentId;
    const writes: [string, string, unknown][] = [
      ['PATCH', `/facilities/${facility.facilityId}`, { name: 'X' }],
      ['POST', `/facilities/${facility.facilityId}/compartments`, { parentId: root, name: 'X' }],
      ['PATCH', `/compartments/${root}`, { name: 'X' }],
      ['POST', `/compartments/${root}/places`, { names: ['X'] }],
      [
        'POST',
        `/facilities/${facility.facilityId}/out-of-service`,
        { compartmentId: root, from: '2030-01-01', to: null, reason: 'X' },
      ],
      ['PUT', '/characteristic-settings', { raceEnabled: true, religionEnabled: true }],
    ];
    for (const [method, path, body] of writes) {
      const reply = await app.request(method as 'POST', path, { user: OPERATOR, body });
      expect({ method, path, status: reply.status }).toEqual({ method, path, status: 403 });
    }
    const read = await app.request('GET', `/facilities/${facility.facilityId}`, { user: OPERATOR });
    expect(read.status).toBe(200);
  });

  it('ROLE: a facility manager lays out only the providers assigned to them', async () => {
    const assigned = await knownProvider(app);
    const other = await knownProvider(app);
    const before = await app.request('POST', '/facilities', {
      user: FACILITY_MANAGER,
      body: facilityBody(assigned),
    });
    expect(before.status).toBe(403);

    expect((await assign(FACILITY_MANAGER, assigned)).status).toBe(201);
    const own = await createFacility(
      app,
      assigned,
      { designated: 2, physical: 2 },
      FACILITY_MANAGER,
    );
    const compartment = await app.request('POST', `/facilities/${own.facilityId}/compartments`, {
      user: FACILITY_MANAGER,
      body: { parentId: own.rootCompartmentId, name: 'Room' },
    });
    expect(compartment.status).toBe(201);

    expect(
      (
        await app.request('POST', '/facilities', {
          user: FACILITY_MANAGER,
          body: facilityBody(other),
        })
      ).status,
    ).toBe(403);
    const foreign = await createFacility(app, other);
    for (const [method, path, body] of [
      [
        'POST',
        `/facilities/${foreign.facilityId}/compartments`,
        { parentId: foreign.rootCompartmentId, name: 'R' },
      ],
      ['POST', `/compartments/${foreign.rootCompartmentId}/places`, { names: ['P'] }],
      ['PATCH', `/facilities/${foreign.facilityId}`, { name: 'Mine now' }],
    ] as const) {
      const reply = await app.request(method, path, { user: FACILITY_MANAGER, body });
      expect({ path, status: reply.status }).toEqual({ path, status: 403 });
    }

    // Unassigned again: no more changes to the formerly assigned provider's facility.
    const removed = await app.request(
      'DELETE',
      `/facility-manager-assignments/${FACILITY_MANAGER}/${assigned}`,
      { user: RESOURCE_MANAGER },
    );
    expect(removed.status).toBe(204);
    const after = await app.request('PATCH', `/facilities/${own.facilityId}`, {
      user: FACILITY_MANAGER,
      body: { name: 'Still mine?' },
    });
    expect(after.status).toBe(403);
  });
});

describe('ROLE: facility manager assignments', () => {
  it('ROLE: only resource managers assign facility managers', async () => {
    const providerId = await knownProvider(app);
    for (const user of [FACILITY_MANAGER, CASE_WORKER, OPERATOR, ADMIN]) {
      expect((await assign('fm.other', providerId, user)).status).toBe(403);
    }
    const created = await assign('fm.other', providerId, SUPERVISOR);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ userId: 'fm.other', providerId, assignedBy: SUPERVISOR });
  });

  it('ROLE: an assignment is made once, to a known provider; removing an unknown one is 404', async () => {
    const providerId = await knownProvider(app);
    expect((await assign('fm.twice', providerId)).status).toBe(201);
    const again = await assign('fm.twice', providerId);
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('ROLE');
    const unknown = await assign('fm.twice', randomUUID());
    expect(unknown.status).toBe(422);
    expect(fields(unknown.body)).toEqual(['providerId']);
    const missing = await app.request(
      'DELETE',
      `/facility-manager-assignments/fm.nobody/${providerId}`,
      { user: RESOURCE_MANAGER },
    );
    expect(missing.status).toBe(404);
    const bad = await assign(' ', 'nope');
    expect(bad.status).toBe(400);
    expect(fields(bad.body).sort()).toEqual(['providerId', 'userId']);
  });

  it('lists assignments by user and provider, paged with the total', async () => {
    const providers = [await knownProvider(app), await knownProvider(app)];
    for (const providerId of providers) await assign('fm.lister', providerId);
    await assign('fm.someone', providers[0] as string);
    const byUser = await app.request<{ items: { providerId: string }[]; total: number }>(
      'GET',
      '/facility-manager-assignments?userId=fm.lister&limit=1',
      { user: CASE_WORKER },
    );
    expect(byUser.status).toBe(200);
    expect(byUser.body.total).toBe(2);
    expect(byUser.body.items).toHaveLength(1);
    const byProvider = await app.request<{ items: { userId: string }[]; total: number }>(
      'GET',
      `/facility-manager-assignments?providerId=${providers[0]}`,
      { user: CASE_WORKER },
    );
    expect(byProvider.body.items.map((item) => item.userId)).toEqual(['fm.lister', 'fm.someone']);
  });
});

describe('PLC-2: the race and religion switch', () => {
  it('PLC-2: only an administrator switches race and religion; who and when are recorded', async () => {
    for (const user of [RESOURCE_MANAGER, SUPERVISOR, FACILITY_MANAGER, CASE_WORKER]) {
      const reply = await app.request('PUT', '/characteristic-settings', {
        user,
        body: { raceEnabled: true, religionEnabled: true },
      });
      expect(reply.status).toBe(403);
    }
    const initial = await app.request('GET', '/characteristic-settings', { user: CASE_WORKER });
    expect(initial.body).toEqual({
      raceEnabled: false,
      religionEnabled: false,
      updatedBy: null,
      updatedAt: null,
    });
    const set = await app.request<{ updatedAt: string }>('PUT', '/characteristic-settings', {
      user: ADMIN,
      body: { raceEnabled: false, religionEnabled: true },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ raceEnabled: false, religionEnabled: true, updatedBy: ADMIN });
    expect(Number.isNaN(Date.parse(set.body.updatedAt))).toBe(false);
    const bad = await app.request<Problem>('PUT', '/characteristic-settings', {
      user: ADMIN,
      body: { raceEnabled: 'yes' },
    });
    expect(bad.status).toBe(400);
    expect(fields(bad.body).sort()).toEqual(['raceEnabled', 'religionEnabled']);
  });
});
