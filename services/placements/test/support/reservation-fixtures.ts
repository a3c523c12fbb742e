import { randomUUID } from 'node:crypto';
import { addDays, type CalendarDate } from '@platform/kernel';
import { insertLayout, type InsertedLayout } from './layout-fixtures.js';
import type { PlacementsApp } from './placements-app.js';

/**
 * The small facility the reservation suites use (inserted by SQL with the shared layout fixture):
 * the top-level compartment with "Room 1" (Bed 1, Bed 2; anyone) and "Adults" (Bed 3; minimum
 * age 18).
 */
export interface ReservationLayout {
  layout: InsertedLayout;
  providerId: string;
  facilityId: string;
  rootId: string;
  bed1: string;
  bed2: string;
  /** In "Adults": unsuitable for a child. */
  adultBed: string;
}

export async function reservationLayout(
  app: PlacementsApp,
  providerId: string,
): Promise<ReservationLayout> {
  const layout = await insertLayout(app, providerId, {
    compartments: [
      { name: 'Room 1', places: ['Bed 1', 'Bed 2'] },
      { name: 'Adults', characteristics: { minimumAge: 18 }, places: ['Bed 3'] },
    ],
  });
  const place = (name: string) => layout.places[name] as string;
  return {
    layout,
    providerId,
    facilityId: layout.facilityId,
    rootId: layout.rootCompartmentId,
    bed1: place('Bed 1'),
    bed2: place('Bed 2'),
    adultBed: place('Bed 3'),
  };
}

/** The service's today (a UTC calendar day, as todayDate reads it) and days from it. */
export function today(): CalendarDate {
  return new Date().toISOString().slice(0, 10) as CalendarDate;
}

export function inDays(days: number): CalendarDate {
  return addDays(today(), days);
}

/** A child client (PLC-2: does not suit a place for adults). */
export function childClient(clientId = `CL-${randomUUID().slice(0, 8)}`) {
  return { clientId, birthDate: addDays(today(), -10 * 366), gender: 'female' as const };
}
