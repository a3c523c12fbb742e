import { rangesOverlap, type DateRange } from '@platform/kernel';
import {
  effectiveCharacteristicsIndex,
  suitability,
  type Suitability,
  type SuitabilityFailureCode,
} from './characteristics.js';
import { compareNames, indexFacilityLayout } from './facility-layout.js';
import type {
  CharacteristicSettings,
  ClientCharacteristics,
  Compartment,
  Facility,
  Occupancy,
  OutOfService,
  Place,
  PlaceLimit,
} from './layout.types.js';
import {
  indexOutOfService,
  outOfServiceFailure,
  type OutOfServiceFailureCode,
} from './out-of-service.js';
import { checkPlaceLimits, type LimitScope, type PlaceLimitFailureCode } from './place-limits.js';
import type { RuleFailure } from './rule-failure.js';

export type AvailabilityFailureCode =
  | 'place-closed'
  | 'place-held'
  | OutOfServiceFailureCode
  | SuitabilityFailureCode
  | PlaceLimitFailureCode;

/** Everything known about one facility, loaded set-based by the service (one query per list). */
export interface FacilityFacts {
  facility: Facility;
  compartments: readonly Compartment[];
  places: readonly Place[];
  /** PLC-3 records of the facility's places and compartments (any period; filtered here). */
  outOfService: readonly OutOfService[];
  /**
   * Reservations and placements holding the facility's places, plus every occupancy of the
   * agency under the limits below (other facilities of the provider count towards a contract's
   * limit too). Any period; those not overlapping the request are ignored.
   */
  occupancies: readonly Occupancy[];
  /** PLC-8 contract and PRV-6 provider-service limits; only those matching the request apply. */
  limits: readonly PlaceLimit[];
}

/** "Free places for this client from D1 to D2." */
export interface AvailabilityRequest {
  client: ClientCharacteristics;
  /** End null: open-ended (PLC-5); every occupancy starting later overlaps it. */
  period: DateRange;
  /** PLC-2: the placement service product asked for; null does not filter on it. */
  serviceProductId: string | null;
  /** The contract and provider service the place would be held under (PLC-8, PRV-6). */
  scope: LimitScope;
  settings: CharacteristicSettings;
}

export interface OfferedPlace {
  placeId: string;
  name: string;
  compartmentId: string;
  /** Compartment names from the top level down (Building A › Floor 1 › Room 101). */
  compartmentPath: readonly string[];
  emergency: boolean;
}

export interface ExcludedPlace extends OfferedPlace {
  /** Every reason, in a fixed order: closed, out of service, held, unsuitable, limit. */
  failures: readonly RuleFailure<AvailabilityFailureCode>[];
}

export interface Availability {
  /** Sorted by compartment path, then place name. */
  free: OfferedPlace[];
  /** Same order; each with all its reasons, so a case worker can see why a bed is not offered. */
  excluded: ExcludedPlace[];
  /** A limit reached refuses every place; also listed once here. */
  limitFailures: RuleFailure<PlaceLimitFailureCode>[];
}

/** PLC-6: a place is offered only if it is open every day of the period (closed from `closedOn`). */
function closedFailure(place: Place, period: DateRange): RuleFailure<'place-closed'> | null {
  if (place.closedOn === null || (period.end !== null && period.end < place.closedOn)) return null;
  return {
    code: 'place-closed',
    rule: 'PLC-6',
    message: `Emergency place ${place.name} is closed from ${place.closedOn}.`,
  };
}

function heldFailure(place: Place, holders: readonly Occupancy[]): RuleFailure<'place-held'> {
  const by = holders.map(
    (holder) =>
      `${holder.kind} ${holder.id} (${holder.period.start} to ${holder.period.end ?? 'open end'})`,
  );
  return {
    code: 'place-held',
    // A placement holds its place (PLC-5); a reservation holds it for its period (PLC-4).
    rule: holders.some((holder) => holder.kind === 'placement') ? 'PLC-5' : 'PLC-4',
    message: `Place ${place.name} is held during the period by ${by.join(', ')}.`,
  };
}

function byStartThenId(a: Occupancy, b: Occupancy): number {
  if (a.period.start !== b.period.start) return a.period.start < b.period.start ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * PLC-1…PLC-3, PLC-8: the facility's free places for the client over the period, and every other
 * place with why it is not offered. Indexed throughout (occupancies by place and compartment,
 * out-of-service records and characteristics per compartment, suitability once per compartment),
 * so 1,000 places and thousands of occupancies cost a few passes, not a product.
 */
export function findFreePlaces(facts: FacilityFacts, request: AvailabilityRequest): Availability {
  const { period } = request;
  const layout = indexFacilityLayout(facts.compartments, facts.places);
  const outOfService = indexOutOfService(facts.outOfService, period, layout);
  const characteristicsOf = effectiveCharacteristicsIndex(layout);

  // Overlapping occupancies of this facility's places: who holds each place, who is in each compartment.
  const holdersByPlace = new Map<string, Occupancy[]>();
  const occupantsByCompartment = new Map<string, ClientCharacteristics[]>();
  for (const occupancy of facts.occupancies) {
    if (occupancy.placeId === null || !rangesOverlap(occupancy.period, period)) continue;
    const place = layout.place(occupancy.placeId);
    if (place === undefined) continue;
    const holders = holdersByPlace.get(place.placeId) ?? [];
    holders.push(occupancy);
    holdersByPlace.set(place.placeId, holders);
    const occupants = occupantsByCompartment.get(place.compartmentId) ?? [];
    occupants.push(occupancy.client);
    occupantsByCompartment.set(place.compartmentId, occupants);
  }

  // PLC-2 depends only on the compartment (its characteristics and occupants): once per compartment.
  const suitabilityMemo = new Map<string, Suitability>();
  const suitabilityOf = (compartmentId: string): Suitability => {
    const known = suitabilityMemo.get(compartmentId);
    if (known !== undefined) return known;
    const result = suitability(
      request.client,
      characteristicsOf(compartmentId),
      occupantsByCompartment.get(compartmentId) ?? [],
      request.settings,
      request.serviceProductId,
      period.start,
    );
    suitabilityMemo.set(compartmentId, result);
    return result;
  };

  const limitFailures = checkPlaceLimits(facts.limits, facts.occupancies, request.scope, period);

  // Compartment path order is the layout's reading order; within a compartment, by place name.
  const ordered = [...facts.places].sort(
    (a, b) =>
      layout.orderOf(a.compartmentId) - layout.orderOf(b.compartmentId) ||
      compareNames(a.name, b.name) ||
      (a.placeId < b.placeId ? -1 : a.placeId > b.placeId ? 1 : 0),
  );

  const free: OfferedPlace[] = [];
  const excluded: ExcludedPlace[] = [];
  for (const place of ordered) {
    const failures: RuleFailure<AvailabilityFailureCode>[] = [];
    const closed = closedFailure(place, period);
    if (closed !== null) failures.push(closed);
    const records = outOfService.recordsFor(place);
    if (records.length > 0) failures.push(outOfServiceFailure(place, records));
    const holders = holdersByPlace.get(place.placeId);
    if (holders !== undefined) failures.push(heldFailure(place, [...holders].sort(byStartThenId)));
    const suits = suitabilityOf(place.compartmentId);
    if (!suits.suitable) failures.push(...suits.failures);
    failures.push(...limitFailures);

    const offered: OfferedPlace = {
      placeId: place.placeId,
      name: place.name,
      compartmentId: place.compartmentId,
      compartmentPath: layout.pathOf(place.compartmentId),
      emergency: place.emergency,
    };
    if (failures.length === 0) free.push(offered);
    else excluded.push({ ...offered, failures });
  }
  return { free, excluded, limitFailures };
}
