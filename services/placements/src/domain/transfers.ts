import { addDays, type CalendarDate, type DateRange } from '@platform/kernel';
import type { Compartment, Place } from './layout.types.js';
import type { Placement } from './placements.js';
import type { RuleFailure } from './rule-failure.js';

/**
 * PLC-7: one client's move, as a plan. A placement running on the transfer date is split: it ends
 * the day before and a new one starts on the date, same end as before (history keeps where the
 * client was each day). A placement that starts on or after the date has no day in the old place
 * to keep; it simply changes place.
 */
export type TransferMove =
  | {
      kind: 'split';
      clientId: string;
      endPlacement: { placementId: string; end: CalendarDate };
      startPlacement: { clientId: string; placeId: string; period: DateRange };
    }
  | { kind: 'change-place'; clientId: string; placementId: string; placeId: string };

export type TransferFailureCode =
  | 'not-placed-on-date'
  | 'same-place'
  | 'other-facility'
  | 'place-not-free'
  | 'unknown-compartment'
  | 'overlapping-compartments'
  | 'not-enough-places';

function planMove(placement: Placement, placeId: string, date: CalendarDate): TransferMove {
  if (placement.period.start >= date) {
    return {
      kind: 'change-place',
      clientId: placement.clientId,
      placementId: placement.placementId,
      placeId,
    };
  }
  return {
    kind: 'split',
    clientId: placement.clientId,
    endPlacement: { placementId: placement.placementId, end: addDays(date, -1) },
    startPlacement: {
      clientId: placement.clientId,
      placeId,
      period: { start: date, end: placement.period.end },
    },
  };
}

/** The period the client needs the new place for: from the transfer date (or their later start). */
function periodFrom(placement: Placement, date: CalendarDate): DateRange {
  return {
    start: placement.period.start > date ? placement.period.start : date,
    end: placement.period.end,
  };
}

export type ClientTransferOutcome =
  | {
      ok: true;
      move: TransferMove;
      /** PLC-6: leaving an emergency place closes it from the transfer date on. */
      closePlace: { placeId: string; closedOn: CalendarDate } | null;
    }
  | { ok: false; failure: RuleFailure<TransferFailureCode> };

function refuse(
  code: TransferFailureCode,
  message: string,
): { ok: false; failure: RuleFailure<TransferFailureCode> } {
  return { ok: false, failure: { code, rule: 'PLC-7', message } };
}

/**
 * PLC-7: move one client to a place of the same facility from `date` on. The placement must be
 * active and not over by then (running on the date, or starting later); the target place must be
 * another place of the facility, free for the rest of the placement. Moving out of an emergency
 * place closes it (PLC-6).
 */
export function planClientTransfer(input: {
  date: CalendarDate;
  placement: Placement;
  fromPlace: Pick<Place, 'placeId' | 'emergency'>;
  toPlace: Pick<Place, 'placeId'> & { facilityId: string };
  isFree: (placeId: string, period: DateRange) => boolean;
}): ClientTransferOutcome {
  const { placement, date, toPlace } = input;
  if (
    placement.state !== 'active' ||
    (placement.period.end !== null && placement.period.end < date)
  ) {
    return refuse(
      'not-placed-on-date',
      `Placement ${placement.placementId} is not active on or after ${date}.`,
    );
  }
  if (toPlace.placeId === placement.placeId) {
    return refuse('same-place', `The client is already in place ${toPlace.placeId}.`);
  }
  if (toPlace.facilityId !== placement.facilityId) {
    return refuse(
      'other-facility',
      'Transfers stay within a facility; place another facility with a new placement.',
    );
  }
  const period = periodFrom(placement, date);
  if (!input.isFree(toPlace.placeId, period)) {
    return refuse('place-not-free', `Place ${toPlace.placeId} is not free from ${period.start}.`);
  }
  return {
    ok: true,
    move: planMove(placement, toPlace.placeId, date),
    closePlace: input.fromPlace.emergency
      ? { placeId: input.fromPlace.placeId, closedOn: date }
      : null,
  };
}

export type CompartmentTransferOutcome =
  | { ok: true; moves: readonly TransferMove[] }
  | {
      ok: false;
      failure: RuleFailure<TransferFailureCode>;
      /** For `not-enough-places`: how many more free suitable places the target needs. */
      missing: number;
    };

function byNameThenId<T extends { name: string }>(id: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    if (a.name !== b.name) return a.name < b.name ? -1 : 1;
    const ai = id(a);
    const bi = id(b);
    return ai < bi ? -1 : ai > bi ? 1 : 0;
  };
}

/** The place is not closed on any day of the period (`closedOn`: closed from that day on). */
function openThroughout(place: Place, period: DateRange): boolean {
  return place.closedOn === null || (period.end !== null && period.end < place.closedOn);
}

/**
 * The compartment and every compartment below it, depth first, siblings by name then id: the
 * order places are handed out and clients are taken in.
 */
function subtreeInOrder(rootId: string, childrenOf: ReadonlyMap<string, Compartment[]>): string[] {
  const order: string[] = [];
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    order.push(id);
    const children = childrenOf.get(id) ?? [];
    for (let index = children.length - 1; index >= 0; index -= 1) {
      stack.push((children[index] as Compartment).compartmentId);
    }
  }
  return order;
}

/**
 * PLC-7: move every client of a compartment (and the compartments below it) to another
 * compartment (and below) of the same facility from `date` on — all or nothing. Clients are taken
 * in the source's place order (compartments depth first, places by name, then placement start), so
 * room-mates tend to stay together; each takes the first target place — open, designated (not an
 * emergency place), suitable, free for the client's remaining period, not given to an earlier
 * client of the plan. If any client is left without one, the whole transfer is refused with the
 * count missing. Greedy on purpose: with suitability constraints an optimal matching could
 * sometimes place more, but a predictable order is what a resource manager can check by hand.
 *
 * `placements`: the facility's placements (or any superset of the source's); those active and not
 * over by `date` in a source place move. `isFree` must not count those same placements.
 */
export function planCompartmentTransfer(input: {
  date: CalendarDate;
  sourceCompartmentId: string;
  targetCompartmentId: string;
  compartments: readonly Compartment[];
  places: readonly Place[];
  placements: readonly Placement[];
  isFree: (placeId: string, period: DateRange) => boolean;
  isSuitable?: (clientId: string, placeId: string) => boolean;
}): CompartmentTransferOutcome {
  const isSuitable = input.isSuitable ?? (() => true);
  const byId = new Map(
    input.compartments.map((compartment) => [compartment.compartmentId, compartment]),
  );
  const source = byId.get(input.sourceCompartmentId);
  const target = byId.get(input.targetCompartmentId);
  if (!source || !target) {
    const unknown = source ? input.targetCompartmentId : input.sourceCompartmentId;
    return { ...refuse('unknown-compartment', `No compartment ${unknown}.`), missing: 0 };
  }
  if (source.facilityId !== target.facilityId) {
    return { ...refuse('other-facility', 'Transfers stay within a facility.'), missing: 0 };
  }

  const childrenOf = new Map<string, Compartment[]>();
  for (const compartment of input.compartments) {
    if (compartment.parentId === null) continue;
    const siblings = childrenOf.get(compartment.parentId) ?? [];
    siblings.push(compartment);
    childrenOf.set(compartment.parentId, siblings);
  }
  for (const siblings of childrenOf.values())
    siblings.sort(byNameThenId((c: Compartment) => c.compartmentId));

  const sourceOrder = subtreeInOrder(source.compartmentId, childrenOf);
  const targetOrder = subtreeInOrder(target.compartmentId, childrenOf);
  const sourceSet = new Set(sourceOrder);
  if (sourceSet.has(target.compartmentId) || targetOrder.includes(source.compartmentId)) {
    return {
      ...refuse(
        'overlapping-compartments',
        'The target compartment must not contain, or lie within, the source.',
      ),
      missing: 0,
    };
  }

  const placesOf = new Map<string, Place[]>();
  for (const place of input.places) {
    const list = placesOf.get(place.compartmentId) ?? [];
    list.push(place);
    placesOf.set(place.compartmentId, list);
  }
  for (const list of placesOf.values()) list.sort(byNameThenId((p: Place) => p.placeId));
  const placeRank = new Map<string, number>();
  for (const compartmentId of sourceOrder) {
    for (const place of placesOf.get(compartmentId) ?? [])
      placeRank.set(place.placeId, placeRank.size);
  }

  const moving = input.placements
    .filter(
      (placement) =>
        placement.state === 'active' &&
        placeRank.has(placement.placeId) &&
        (placement.period.end === null || placement.period.end >= input.date),
    )
    .sort(
      (a, b) =>
        (placeRank.get(a.placeId) as number) - (placeRank.get(b.placeId) as number) ||
        (a.period.start < b.period.start ? -1 : a.period.start > b.period.start ? 1 : 0) ||
        (a.placementId < b.placementId ? -1 : a.placementId > b.placementId ? 1 : 0),
    );

  const targetPlaces = targetOrder.flatMap((compartmentId) =>
    (placesOf.get(compartmentId) ?? []).filter((place) => !place.emergency),
  );
  // Places are taken in order, so the taken ones form a growing prefix with a few holes: start
  // each search after the prefix (a thousand clients into a thousand beds stays linear when all fit).
  const taken = new Set<string>();
  let firstUntaken = 0;
  const moves: TransferMove[] = [];
  let missing = 0;
  for (const placement of moving) {
    const period = periodFrom(placement, input.date);
    let chosen = -1;
    for (let index = firstUntaken; index < targetPlaces.length && chosen < 0; index += 1) {
      const candidate = targetPlaces[index] as Place;
      if (
        !taken.has(candidate.placeId) &&
        openThroughout(candidate, period) &&
        isSuitable(placement.clientId, candidate.placeId) &&
        input.isFree(candidate.placeId, period)
      ) {
        chosen = index;
      }
    }
    if (chosen < 0) {
      missing += 1;
      continue;
    }
    const placeId = (targetPlaces[chosen] as Place).placeId;
    taken.add(placeId);
    while (
      firstUntaken < targetPlaces.length &&
      taken.has((targetPlaces[firstUntaken] as Place).placeId)
    ) {
      firstUntaken += 1;
    }
    moves.push(planMove(placement, placeId, input.date));
  }
  if (missing > 0) {
    return {
      ...refuse(
        'not-enough-places',
        `${moving.length} clients to move but only ${moves.length} free suitable places in ${target.name}: ${missing} missing. Nobody was moved.`,
      ),
      missing,
    };
  }
  return { ok: true, moves };
}
