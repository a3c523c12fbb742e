import { randomUUID } from 'node:crypto';
import type { PlacementsApp } from './placements-app.js';

/** One compartment of a layout to insert: its places (a count, or names) and sub-compartments. */
export interface CompartmentSpec {
  name: string;
  /** PLC-2 characteristics as stored (camelCase JSON, e.g. { sameGenderOnly: true }). */
  characteristics?: Record<string, unknown>;
  /** A count gives places named "<compartment> <n>"; names must be unique in the facility. */
  places?: number | string[];
  compartments?: CompartmentSpec[];
}

export interface LayoutSpec {
  name?: string;
  /** Defaults to the number of places inserted. */
  designatedCapacity?: number;
  /** Under the top-level compartment (named after the facility). */
  compartments: CompartmentSpec[];
  /** Places directly in the top-level compartment. */
  places?: number | string[];
}

export interface InsertedLayout {
  facilityId: string;
  providerId: string;
  rootCompartmentId: string;
  /** Compartment ids by name (names are unique within a fixture). */
  compartments: Record<string, string>;
  /** Place ids by name. */
  places: Record<string, string>;
  /** Place ids in insertion (depth-first, layout) order. */
  placeIds: string[];
}

/**
 * PLC-1: a facility layout inserted by SQL, for suites that need facilities before (or without)
 * the facilities API. Rows are created by the resource manager the suites use (rm.rivera).
 */
export async function insertLayout(
  app: PlacementsApp,
  providerId: string,
  spec: LayoutSpec,
): Promise<InsertedLayout> {
  const facilityId = randomUUID();
  const name = spec.name ?? `Facility ${facilityId.slice(0, 8)}`;
  const layout: InsertedLayout = {
    facilityId,
    providerId,
    rootCompartmentId: randomUUID(),
    compartments: {},
    places: {},
    placeIds: [],
  };
  const compartmentRows: unknown[][] = [];
  const placeRows: unknown[][] = [];
  const addPlaces = (compartmentId: string, prefix: string, places?: number | string[]) => {
    const names =
      typeof places === 'number'
        ? Array.from(
            { length: places },
            (_, index) => `${prefix} ${String(index + 1).padStart(3, '0')}`,
          )
        : (places ?? []);
    for (const placeName of names) {
      const placeId = randomUUID();
      layout.places[placeName] = placeId;
      layout.placeIds.push(placeId);
      placeRows.push([placeId, facilityId, compartmentId, placeName]);
    }
  };
  const addCompartment = (parentId: string, compartment: CompartmentSpec) => {
    const compartmentId = randomUUID();
    layout.compartments[compartment.name] = compartmentId;
    compartmentRows.push([
      compartmentId,
      facilityId,
      parentId,
      compartment.name,
      JSON.stringify(compartment.characteristics ?? {}),
    ]);
    addPlaces(compartmentId, compartment.name, compartment.places);
    for (const child of compartment.compartments ?? []) addCompartment(compartmentId, child);
  };
  layout.compartments[name] = layout.rootCompartmentId;
  addPlaces(layout.rootCompartmentId, name, spec.places);
  for (const compartment of spec.compartments)
    addCompartment(layout.rootCompartmentId, compartment);

  const capacity = spec.designatedCapacity ?? placeRows.length;
  await app.query(
    `insert into facility (facility_id, provider_id, name, designated_capacity, physical_capacity, created_by)
     values ($1, $2, $3, $4, $5, 'rm.rivera')`,
    [facilityId, providerId, name, capacity, Math.max(capacity, placeRows.length)],
  );
  await app.query(
    `insert into compartment (compartment_id, facility_id, parent_id, name, characteristics, created_by)
     values ($1, $2, null, $3, '{}', 'rm.rivera')`,
    [layout.rootCompartmentId, facilityId, name],
  );
  for (const row of compartmentRows) {
    await app.query(
      `insert into compartment (compartment_id, facility_id, parent_id, name, characteristics, created_by)
       values ($1, $2, $3, $4, $5::jsonb, 'rm.rivera')`,
      row,
    );
  }
  if (placeRows.length > 0) {
    await app.query(
      `insert into place (place_id, facility_id, compartment_id, name, created_by)
       select * , 'rm.rivera' from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[])`,
      [0, 1, 2, 3].map((column) => placeRows.map((row) => row[column])),
    );
  }
  return layout;
}

/** PLC-3: a place out of service for a period (end null: until further notice). */
export async function placeOutOfService(
  app: PlacementsApp,
  layout: InsertedLayout,
  placeId: string,
  period: { from: string; to: string | null },
  reason = 'Fire damage',
): Promise<void> {
  await app.query(
    `insert into out_of_service (out_of_service_id, facility_id, place_id, starts_on, ends_on, reason, recorded_by)
     values ($1, $2, $3, $4, $5, $6, 'rm.rivera')`,
    [randomUUID(), layout.facilityId, placeId, period.from, period.to, reason],
  );
}
