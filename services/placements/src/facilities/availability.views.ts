import type { Availability } from '../domain/index.js';

/** The period asked for (`to` null: open-ended). */
export interface PeriodView {
  from: string;
  to: string | null;
}

/** PLC-1…PLC-3, PLC-8: one facility's free places for the client, and why the others are not. */
export interface FacilityAvailabilityView extends Availability {
  facilityId: string;
  facilityName: string;
  providerId: string;
  period: PeriodView;
}

/** Every facility of a provider, each with its own answer (facilities by name). */
export interface ProviderAvailabilityView {
  providerId: string;
  period: PeriodView;
  /** Free places over every facility. */
  freeCount: number;
  facilities: FacilityAvailabilityView[];
}
