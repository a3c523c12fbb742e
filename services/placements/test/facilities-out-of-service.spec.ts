import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, type CalendarDate } from '@platform/kernel';
import {
  addCompartment,
  addPlaces,
  CASE_WORKER,
  createFacility,
  fields,
  knownProvider,
  RESOURCE_MANAGER,
  type Problem,
} from './support/facility-fixtures.js';
import { startPlacementsApp, type PlacementsApp } from './support/placements-app.js';

/** Issue 7, PLC-3: places and compartments out of service for a period, with a reason. */
let app: PlacementsApp;
let providerId: string;
const today = new Date().toISOString().slice(0, 10) as CalendarDate;

beforeAll(async () => {
  app = await startPlacementsApp();
  providerId = await knownProvider(app);
});

afterAll(async () => {
  await app?.close();
});

interface OutOfServiceRecord {
  outOfServiceId: string;
  placeId: string | null;
  compartmentId: string | null;
  reason: string;
  withdrawnBy: string | null;
  withdrawnAt: string | null;
}

/** A building with two rooms of two beds, and a second building with one bed. */
async function layout() {
  const facility = await createFacility(app, providerId);
  const building = await addCompartment(app, facility.facilityId, facility.rootCompartmentId, 'A');
  const room1 = await addCompartment(app, facility.facilityId, building, 'A1');
  const room2 = await addCompartment(app, facility.facilityId, building, 'A2');
  const other = await addCompartment(app, facility.facilityId, facility.rootCompartmentId, 'B');
  const [bed11, bed12] = await addPlaces(app, room1, ['A1-1', 'A1-2']);
  await addPlaces(app, room2, ['A2-1', 'A2-2']);
  const [bed] = await addPlaces(app, other, ['B-1']);
  return { facility, building, room1, room2, other, bed11: bed11!, bed12: bed12!, bed: bed! };
}

const record = (facilityId: string, body: object) =>
  app.request<OutOfServiceRecord & Problem>('POST', `/facilities/${facilityId}/out-of-service`, {
    user: RESOURCE_MANAGER,
    body,
  });

async function outToday(facilityId: string): Promise<string[]> {
  const { body } = await app.request<{ layout: unknown }>('GET', `/facilities/${facilityId}`, {
    user: CASE_WORKER,
  });
  const out: string[] = [];
  const walk = (node: {
    places: { name: string; outOfServiceToday: boolean }[];
    children: unknown[];
  }) => {
    for (const place of node.places) if (place.outOfServiceToday) out.push(place.name);
    for (const child of node.children) walk(child as typeof node);
  };
  walk(body.layout as Parameters<typeof walk>[0]);
  return out.sort();
}

describe('out of service (PLC-3)', () => {
  it('PLC-3: a compartment out of service takes out every place below it; a place only itself', async () => {
    const { facility, building, bed } = await layout();
    const compartment = await record(facility.facilityId, {
      compartmentId: building,
      from: today,
      to: null,
      reason: 'Roof repair',
    });
    expect(compartment.status).toBe(201);
    expect(compartment.body).toMatchObject({
      compartmentId: building,
      placeId: null,
      from: today,
      to: null,
      reason: 'Roof repair',
      recordedBy: RESOURCE_MANAGER,
      withdrawnAt: null,
    });
    await record(facility.facilityId, {
      placeId: bed.placeId,
      from: today,
      to: today,
      reason: 'Broken',
    });
    // A future period does not take anything out today.
    await record(facility.facilityId, {
      placeId: bed.placeId,
      from: addDays(today, 10),
      to: null,
      reason: 'Later',
    });
    expect(await outToday(facility.facilityId)).toEqual(['A1-1', 'A1-2', 'A2-1', 'A2-2', 'B-1']);
  });

  it('PLC-3: withdrawing keeps the record with who and when; the places are back in service', async () => {
    const { facility, room1 } = await layout();
    const created = await record(facility.facilityId, {
      compartmentId: room1,
      from: today,
      to: null,
      reason: 'Mould',
    });
    expect(await outToday(facility.facilityId)).toEqual(['A1-1', 'A1-2']);
    const withdrawn = await app.request<OutOfServiceRecord>(
      'DELETE',
      `/out-of-service/${created.body.outOfServiceId}`,
      {
        user: RESOURCE_MANAGER,
      },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ reason: 'Mould', withdrawnBy: RESOURCE_MANAGER });
    expect(withdrawn.body.withdrawnAt).not.toBeNull();
    expect(await outToday(facility.facilityId)).toEqual([]);
    const again = await app.request<Problem>(
      'DELETE',
      `/out-of-service/${created.body.outOfServiceId}`,
      {
        user: RESOURCE_MANAGER,
      },
    );
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('PLC-3');
    const rows = await app.query(
      'select withdrawn_by from out_of_service where out_of_service_id = $1',
      [created.body.outOfServiceId],
    );
    expect(rows).toEqual([{ withdrawn_by: RESOURCE_MANAGER }]);
  });

  it('PLC-3: the place or compartment must be in the facility (422 naming the field)', async () => {
    const one = await layout();
    const other = await layout();
    const place = await record(one.facility.facilityId, {
      placeId: other.bed.placeId,
      from: today,
      to: null,
      reason: 'x',
    });
    expect(place.status).toBe(422);
    expect(place.body.rule).toBe('PLC-3');
    expect(fields(place.body)).toEqual(['placeId']);
    const compartment = await record(one.facility.facilityId, {
      compartmentId: other.building,
      from: today,
      to: null,
      reason: 'x',
    });
    expect(compartment.status).toBe(422);
    expect(fields(compartment.body)).toEqual(['compartmentId']);
  });

  it('400: exactly one of place and compartment, a period that does not end before it starts', async () => {
    const { facility, room1, bed } = await layout();
    const neither = await record(facility.facilityId, { from: today, to: null, reason: 'x' });
    expect(neither.status).toBe(400);
    expect(fields(neither.body)).toEqual(['placeId']);
    const both = await record(facility.facilityId, {
      placeId: bed.placeId,
      compartmentId: room1,
      from: today,
      to: null,
      reason: 'x',
    });
    expect(both.status).toBe(400);
    expect(fields(both.body)).toEqual(['placeId']);
    const backwards = await record(facility.facilityId, {
      placeId: bed.placeId,
      from: today,
      to: addDays(today, -1),
      reason: ' ',
    });
    expect(backwards.status).toBe(400);
    expect(fields(backwards.body).sort()).toEqual(['reason', 'to']);
  });

  it('lists by day in force, place and compartment (with what is below), paged', async () => {
    const { facility, building, room1, bed11, bed12, bed } = await layout();
    const ids: Record<string, string> = {};
    for (const [key, body] of Object.entries({
      building: {
        compartmentId: building,
        from: addDays(today, 5),
        to: addDays(today, 9),
        reason: 'Paint',
      },
      room1: { compartmentId: room1, from: today, to: null, reason: 'Mould' },
      bed11: { placeId: bed11.placeId, from: today, to: today, reason: 'Broken' },
      bed: { placeId: bed.placeId, from: today, to: null, reason: 'Other building' },
      withdrawn: { placeId: bed12.placeId, from: today, to: null, reason: 'Gone' },
    })) {
      ids[key] = (await record(facility.facilityId, body)).body.outOfServiceId;
    }
    await app.request('DELETE', `/out-of-service/${ids['withdrawn']}`, { user: RESOURCE_MANAGER });

    const list = async (query: string) => {
      const reply = await app.request<{ items: OutOfServiceRecord[]; total: number }>(
        'GET',
        `/facilities/${facility.facilityId}/out-of-service?${query}`,
        { user: CASE_WORKER },
      );
      expect(reply.status).toBe(200);
      return reply.body;
    };
    const reasons = (page: { items: OutOfServiceRecord[] }) =>
      page.items.map((item) => item.reason).sort();

    expect(reasons(await list(`compartmentId=${building}`))).toEqual(['Broken', 'Mould', 'Paint']);
    expect(reasons(await list(`compartmentId=${building}&includeWithdrawn=true`))).toEqual([
      'Broken',
      'Gone',
      'Mould',
      'Paint',
    ]);
    expect(reasons(await list(`asOf=${addDays(today, 6)}`))).toEqual([
      'Mould',
      'Other building',
      'Paint',
    ]);
    expect(reasons(await list(`placeId=${bed11.placeId}`))).toEqual(['Broken']);
    const paged = await list('limit=2&offset=2');
    expect(paged.total).toBe(4);
    expect(paged.items).toHaveLength(2);
  });
});
