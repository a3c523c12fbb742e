import { addDays, type CalendarDate, type DateRange } from '@platform/kernel';
import type { Compartment, Place } from './layout.types.js';
import type { RuleFailure } from './rule-failure.js';

/**
 * PLC-6 (and PLC-4's fallback): an emergency place to create, as a plan — the service creates it.
 * It always goes in the facility's top-level compartment (the root of its compartment tree).
 */
export interface EmergencyPlacePlan {
  facilityId: string;
  compartmentId: string;
  /** "Emergency N", N the lowest number no place of the facility (open or closed) carries. */
  name: string;
}

export type EmergencyPlaceFailureCode = 'no-top-level-compartment';

export type EmergencyPlaceOutcome =
  | { ok: true; plan: EmergencyPlacePlan }
  | { ok: false; failure: RuleFailure<EmergencyPlaceFailureCode> };

const EMERGENCY_NAME = /^Emergency (\d+)$/;

/**
 * PLC-6: the name of the next emergency place. Closed emergency places keep their record, so
 * counting them too means a name is never reused while its history exists (placements and audit
 * entries name it); a gap left by a deleted place is filled first.
 */
export function nextEmergencyPlaceName(placeNamesOfFacility: Iterable<string>): string {
  const used = new Set<number>();
  for (const name of placeNamesOfFacility) {
    const match = EMERGENCY_NAME.exec(name);
    if (match) used.add(Number(match[1]));
  }
  let number = 1;
  while (used.has(number)) number += 1;
  return `Emergency ${number}`;
}

/**
 * PLC-6/PLC-4: plan an emergency place beyond designated capacity in the facility's top-level
 * compartment. `compartments` and `places` are the facility's (any order); a facility without
 * exactly one root is a data error reported as a failure rather than guessed around.
 */
export function planEmergencyPlace(input: {
  facilityId: string;
  compartments: readonly Compartment[];
  places: readonly Place[];
}): EmergencyPlaceOutcome {
  const roots = input.compartments.filter(
    (compartment) => compartment.facilityId === input.facilityId && compartment.parentId === null,
  );
  const root = roots.length === 1 ? roots[0] : undefined;
  if (!root) {
    return {
      ok: false,
      failure: {
        code: 'no-top-level-compartment',
        rule: 'PLC-6',
        message: `Facility ${input.facilityId} has ${roots.length} top-level compartments; an emergency place needs exactly one.`,
      },
    };
  }
  const facilityCompartments = new Set(
    input.compartments
      .filter((compartment) => compartment.facilityId === input.facilityId)
      .map((compartment) => compartment.compartmentId),
  );
  const names = input.places
    .filter((place) => facilityCompartments.has(place.compartmentId))
    .map((place) => place.name);
  return {
    ok: true,
    plan: {
      facilityId: input.facilityId,
      compartmentId: root.compartmentId,
      name: nextEmergencyPlaceName(names),
    },
  };
}

/** PLC-6: a client placed in an emergency place, waiting for a designated one. */
export interface EmergencyPlacement {
  placementId: string;
  clientId: string;
  /** The emergency place it holds. */
  placeId: string;
  /** The bounded or open end is carried over to the designated placement. */
  period: DateRange;
}

/** PLC-6: move one emergency client to a designated place and close the emergency place. */
export interface EmergencyRelease {
  clientId: string;
  /** The emergency placement ends the day before the move. */
  endPlacement: { placementId: string; end: CalendarDate };
  /** The new placement in the designated place starts on the move date, same end as before. */
  startPlacement: { clientId: string; placeId: string; period: DateRange };
  /** The emergency place is closed from the move date on (`Place.closedOn`). */
  closePlace: { placeId: string; closedOn: CalendarDate };
}

function byLongestWaiting(a: EmergencyPlacement, b: EmergencyPlacement): number {
  if (a.period.start !== b.period.start) return a.period.start < b.period.start ? -1 : 1;
  return a.placementId < b.placementId ? -1 : a.placementId > b.placementId ? 1 : 0;
}

/**
 * PLC-6: when designated places become free, their clients leave the emergency places. The
 * longest-waiting client (earliest emergency placement start, then placement id) goes first and
 * takes the first free designated place (in the caller's order) that suits them; a client no free
 * place suits stays where they are and the next one is tried. Emergency placements that start on
 * or after `date` are not moved: ending them the day before would leave an empty period (the
 * service changes their place instead).
 *
 * `freeDesignatedPlaceIds`: designated (non-emergency, open) places free from `date` on, in the
 * order they should be handed out. `isFree(placeId, period)` is asked for each client's own new
 * period (a place free until June does not suit an open-ended placement); `isSuitable` is PLC-2
 * matching, supplied by the caller.
 */
export function planEmergencyReleases(input: {
  date: CalendarDate;
  emergencyPlacements: readonly EmergencyPlacement[];
  freeDesignatedPlaceIds: readonly string[];
  isFree: (placeId: string, period: DateRange) => boolean;
  isSuitable?: (clientId: string, placeId: string) => boolean;
}): EmergencyRelease[] {
  const isSuitable = input.isSuitable ?? (() => true);
  const taken = new Set<string>();
  const releases: EmergencyRelease[] = [];
  const waiting = input.emergencyPlacements
    .filter(
      (placement) =>
        placement.period.start < input.date &&
        (placement.period.end === null || placement.period.end >= input.date),
    )
    .sort(byLongestWaiting);
  for (const placement of waiting) {
    const period: DateRange = { start: input.date, end: placement.period.end };
    const placeId = input.freeDesignatedPlaceIds.find(
      (candidate) =>
        !taken.has(candidate) &&
        isSuitable(placement.clientId, candidate) &&
        input.isFree(candidate, period),
    );
    if (placeId === undefined) continue;
    taken.add(placeId);
    releases.push({
      clientId: placement.clientId,
      endPlacement: { placementId: placement.placementId, end: addDays(input.date, -1) },
      startPlacement: { clientId: placement.clientId, placeId, period },
      closePlace: { placeId: placement.placeId, closedOn: input.date },
    });
  }
  return releases;
}
