import { rangesOverlap, type CalendarDate, type DateRange } from '@platform/kernel';
import type { RuleFailure } from './rule-failure.js';

/** PLC-5: a placement is active until it is ended (ending sets its end date; final). */
export type PlacementState = 'active' | 'ended';

/** PLC-5: a client in a place for a period (end null: open-ended). */
export interface Placement {
  placementId: string;
  clientId: string;
  facilityId: string;
  placeId: string;
  period: DateRange;
  state: PlacementState;
  /** The case worker who created it (notified of resource managers' updates, PLC-5). */
  createdBy: string;
}

export type PlacementFailureCode = 'end-before-start' | 'place-held' | 'illegal-transition';

export type PlacementFailure = RuleFailure<PlacementFailureCode>;

export type PlacementCheck =
  | { ok: true }
  | { ok: false; failure: PlacementFailure; conflictingPlacementIds: readonly string[] };

/**
 * PLC-5: a placement's period and place: the end, if any, is on or after the start, and no other
 * placement holds the place for an overlapping day. `placementsOfPlace` are the active placements
 * of that place (others are ignored, so a wider list is safe); `placementId` is the one being
 * changed, which does not conflict with itself. Reservations and out-of-service periods are the
 * availability rules' business, not this check's.
 */
export function checkPlacement(input: {
  placementId: string | null;
  placeId: string;
  period: DateRange;
  placementsOfPlace: readonly Placement[];
}): PlacementCheck {
  const { period } = input;
  if (period.end !== null && period.end < period.start) {
    return {
      ok: false,
      failure: {
        code: 'end-before-start',
        rule: 'PLC-5',
        message: `A placement cannot end (${period.end}) before it starts (${period.start}).`,
      },
      conflictingPlacementIds: [],
    };
  }
  const conflicting = input.placementsOfPlace
    .filter(
      (other) =>
        other.state === 'active' &&
        other.placeId === input.placeId &&
        other.placementId !== input.placementId &&
        rangesOverlap(other.period, period),
    )
    .map((other) => other.placementId)
    .sort();
  if (conflicting.length > 0) {
    return {
      ok: false,
      failure: {
        code: 'place-held',
        rule: 'PLC-5',
        message: `Place ${input.placeId} is held for part of the period by placement ${conflicting.join(', ')}.`,
      },
      conflictingPlacementIds: conflicting,
    };
  }
  return { ok: true };
}

/** PLC-5: what may be done to a placement. Only an active placement changes. */
export type PlacementChange =
  | { kind: 'end'; end: CalendarDate }
  | { kind: 'change-period'; period: DateRange }
  | { kind: 'change-place'; placeId: string };

export type PlacementChangeOutcome =
  | { ok: true; placement: Placement }
  | { ok: false; failure: PlacementFailure; conflictingPlacementIds: readonly string[] };

/**
 * PLC-5: the placement state machine: active → ended (the end date is set: bounded from then on);
 * while active its period and place may change; an ended placement is final (a correction is a
 * new placement). Each change is checked like a new placement.
 */
export function changePlacement(
  placement: Placement,
  change: PlacementChange,
  placementsOfPlace: readonly Placement[],
): PlacementChangeOutcome {
  if (placement.state !== 'active') {
    return {
      ok: false,
      failure: {
        code: 'illegal-transition',
        rule: 'PLC-5',
        message: `Placement ${placement.placementId} has ended; it can no longer change.`,
      },
      conflictingPlacementIds: [],
    };
  }
  const next: Placement =
    change.kind === 'end'
      ? { ...placement, period: { start: placement.period.start, end: change.end }, state: 'ended' }
      : change.kind === 'change-period'
        ? { ...placement, period: change.period }
        : { ...placement, placeId: change.placeId };
  const check = checkPlacement({
    placementId: placement.placementId,
    placeId: next.placeId,
    period: next.period,
    placementsOfPlace,
  });
  return check.ok ? { ok: true, placement: next } : check;
}

/** Who changes a placement, as far as PLC-5's notification cares. */
export interface PlacementUpdater {
  userId: string;
  roles: readonly string[];
}

/**
 * ROLE: who acts as a resource manager on placements — the supervisor may everything a resource
 * manager may, and a facility manager acts like one for its providers' facilities.
 */
const ACTING_AS_RESOURCE_MANAGER = new Set([
  'resource-manager',
  'resource-manager-supervisor',
  'facility-manager',
]);

/**
 * PLC-5: updating a placement notifies its creating case worker when a resource manager (or
 * someone acting as one, ROLE) does it and is not that case worker; any other update notifies
 * nobody.
 */
export function whoToNotifyOfPlacementUpdate(
  createdBy: string,
  updatedBy: PlacementUpdater,
): string[] {
  const actsAsResourceManager = updatedBy.roles.some((role) =>
    ACTING_AS_RESOURCE_MANAGER.has(role),
  );
  return actsAsResourceManager && updatedBy.userId !== createdBy ? [createdBy] : [];
}
