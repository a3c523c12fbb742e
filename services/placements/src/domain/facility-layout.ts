import type { CalendarDate } from '@platform/kernel';
import type { Compartment, Facility, Place } from './layout.types.js';
import type { RuleFailure } from './rule-failure.js';

export type LayoutFailureCode =
  | 'duplicate-compartment'
  | 'compartment-outside-facility'
  | 'no-top-level-compartment'
  | 'several-top-level-compartments'
  | 'unknown-parent-compartment'
  | 'compartment-cycle'
  | 'duplicate-place'
  | 'place-in-unknown-compartment'
  | 'designated-capacity-above-physical'
  | 'designated-capacity-exceeded'
  | 'physical-capacity-exceeded';

/**
 * Names sort as people read them ("Bed 2" before "Bed 10"); a fixed locale keeps the order the
 * same on every machine.
 */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/** Name order, then id: deterministic even when two siblings share a name. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * PLC-6: a place counts on `onDate` unless it was closed (an emergency place closes on the day
 * its client moves to a designated place, so it is closed from `closedOn` on).
 */
export function isPlaceOpenOn(place: Place, onDate: CalendarDate): boolean {
  return place.closedOn === null || onDate < place.closedOn;
}

/** PLC-1: designated places are the open, non-emergency ones (PLC-6 places come on top). */
export function isDesignatedPlaceOn(place: Place, onDate: CalendarDate): boolean {
  return !place.emergency && isPlaceOpenOn(place, onDate);
}

function failure(code: LayoutFailureCode, message: string): RuleFailure<LayoutFailureCode> {
  return { code, rule: 'PLC-1', message };
}

/**
 * PLC-1: the compartments form one tree per facility. Walks up from every compartment once,
 * remembering the ones already known to reach the root, so the check is linear.
 */
function treeFailures(
  facility: Facility,
  compartments: readonly Compartment[],
): RuleFailure<LayoutFailureCode>[] {
  const failures: RuleFailure<LayoutFailureCode>[] = [];
  const byId = new Map<string, Compartment>();
  for (const compartment of compartments) {
    if (byId.has(compartment.compartmentId)) {
      failures.push(
        failure(
          'duplicate-compartment',
          `Compartment ${compartment.compartmentId} is listed twice.`,
        ),
      );
      continue;
    }
    byId.set(compartment.compartmentId, compartment);
    if (compartment.facilityId !== facility.facilityId) {
      failures.push(
        failure(
          'compartment-outside-facility',
          `Compartment ${compartment.name} belongs to facility ${compartment.facilityId}, not ${facility.name}.`,
        ),
      );
    }
  }

  const roots = [...byId.values()].filter((compartment) => compartment.parentId === null);
  if (roots.length === 0) {
    failures.push(
      failure(
        'no-top-level-compartment',
        `Facility ${facility.name} has no top-level compartment.`,
      ),
    );
  } else if (roots.length > 1) {
    const names = roots.map((root) => root.name).sort(compareNames);
    failures.push(
      failure(
        'several-top-level-compartments',
        `Facility ${facility.name} has ${roots.length} top-level compartments (${names.join(', ')}); it must have one.`,
      ),
    );
  }

  // 'done': reaches a root or an unknown parent (already reported); 'walking': on the current path.
  const state = new Map<string, 'walking' | 'done'>();
  for (const start of byId.values()) {
    const path: string[] = [];
    let current: Compartment | undefined = start;
    while (current !== undefined && state.get(current.compartmentId) === undefined) {
      state.set(current.compartmentId, 'walking');
      path.push(current.compartmentId);
      if (current.parentId === null) {
        current = undefined;
        break;
      }
      const parent: Compartment | undefined = byId.get(current.parentId);
      if (parent === undefined) {
        failures.push(
          failure(
            'unknown-parent-compartment',
            `Compartment ${current.name} names a parent (${current.parentId}) that is not in the facility.`,
          ),
        );
      }
      current = parent;
    }
    if (current !== undefined && state.get(current.compartmentId) === 'walking') {
      const cycle = path.slice(path.indexOf(current.compartmentId)).sort(compareIds);
      failures.push(
        failure(
          'compartment-cycle',
          `Compartments ${cycle.join(', ')} contain one another in a cycle.`,
        ),
      );
    }
    for (const id of path) state.set(id, 'done');
  }
  return failures;
}

/**
 * PLC-1: is the facility's layout sound on `onDate`? One tree of compartments, every place in a
 * known compartment, no more designated (open, non-emergency) places than the designated
 * capacity and no more open places of any kind than physically exist. Empty: sound.
 */
export function checkFacilityLayout(
  facility: Facility,
  compartments: readonly Compartment[],
  places: readonly Place[],
  onDate: CalendarDate,
): RuleFailure<LayoutFailureCode>[] {
  const failures = treeFailures(facility, compartments);
  const compartmentIds = new Set(compartments.map((compartment) => compartment.compartmentId));

  const placeIds = new Set<string>();
  let designated = 0;
  let open = 0;
  for (const place of places) {
    if (placeIds.has(place.placeId)) {
      failures.push(failure('duplicate-place', `Place ${place.placeId} is listed twice.`));
      continue;
    }
    placeIds.add(place.placeId);
    if (!compartmentIds.has(place.compartmentId)) {
      failures.push(
        failure(
          'place-in-unknown-compartment',
          `Place ${place.name} is in a compartment (${place.compartmentId}) that is not in facility ${facility.name}.`,
        ),
      );
    }
    if (isPlaceOpenOn(place, onDate)) open += 1;
    if (isDesignatedPlaceOn(place, onDate)) designated += 1;
  }

  if (facility.designatedCapacity > facility.physicalCapacity) {
    failures.push(
      failure(
        'designated-capacity-above-physical',
        `Facility ${facility.name} designates ${facility.designatedCapacity} places but only ${facility.physicalCapacity} exist.`,
      ),
    );
  }
  if (designated > facility.designatedCapacity) {
    failures.push(
      failure(
        'designated-capacity-exceeded',
        `Facility ${facility.name} has ${designated} designated places on ${onDate}, above its designated capacity of ${facility.designatedCapacity}.`,
      ),
    );
  }
  if (open > facility.physicalCapacity) {
    failures.push(
      failure(
        'physical-capacity-exceeded',
        `Facility ${facility.name} has ${open} open places on ${onDate}, above its physical capacity of ${facility.physicalCapacity}.`,
      ),
    );
  }
  return failures;
}

/**
 * PLC-1: a facility's (or several facilities') layout indexed by id, for the questions the other
 * rules ask many times (1,000+ places): every answer is computed once and remembered. Assumes a
 * layout `checkFacilityLayout` accepts; on a cycle the walk up stops instead of looping.
 */
export interface FacilityLayout {
  compartment(compartmentId: string): Compartment | undefined;
  place(placeId: string): Place | undefined;
  /** Nearest first, the compartment itself excluded. */
  ancestorsOf(compartmentId: string): readonly Compartment[];
  /** The top-level compartment above (or equal to) this one (PLC-4/PLC-6 emergency places). */
  topLevelOf(compartmentId: string): Compartment | undefined;
  /** Names from the top-level compartment down to this one. */
  pathOf(compartmentId: string): readonly string[];
  /** Children in name order. */
  childrenOf(compartmentId: string): readonly Compartment[];
  /**
   * The compartment's position in reading order (depth first, siblings by name): sorting by it
   * equals sorting by compartment path, at the cost of an integer comparison.
   */
  orderOf(compartmentId: string): number;
  /** Places directly in the compartment, in name order. */
  placesIn(compartmentId: string): readonly Place[];
  /** Places in the compartment and every compartment below it, depth first in name order. */
  placesInSubtree(compartmentId: string): readonly Place[];
}

const byName = <T extends { name: string }>(id: (item: T) => string): ((a: T, b: T) => number) => {
  return (a, b) => compareNames(a.name, b.name) || compareIds(id(a), id(b));
};
const compartmentOrder = byName<Compartment>((compartment) => compartment.compartmentId);
const placeOrder = byName<Place>((place) => place.placeId);

export function indexFacilityLayout(
  compartments: readonly Compartment[],
  places: readonly Place[],
): FacilityLayout {
  const compartmentById = new Map<string, Compartment>();
  const children = new Map<string, Compartment[]>();
  for (const compartment of compartments) {
    compartmentById.set(compartment.compartmentId, compartment);
  }
  for (const compartment of compartmentById.values()) {
    if (compartment.parentId === null) continue;
    const siblings = children.get(compartment.parentId) ?? [];
    siblings.push(compartment);
    children.set(compartment.parentId, siblings);
  }
  for (const siblings of children.values()) siblings.sort(compartmentOrder);

  const placeById = new Map<string, Place>();
  const placesByCompartment = new Map<string, Place[]>();
  for (const place of places) {
    placeById.set(place.placeId, place);
    const inCompartment = placesByCompartment.get(place.compartmentId) ?? [];
    inCompartment.push(place);
    placesByCompartment.set(place.compartmentId, inCompartment);
  }
  for (const inCompartment of placesByCompartment.values()) inCompartment.sort(placeOrder);

  // Pre-order numbering from every root (roots by name): parent before children, siblings by name.
  const order = new Map<string, number>();
  const roots = [...compartmentById.values()]
    .filter((c) => c.parentId === null)
    .sort(compartmentOrder);
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const next = stack.pop() as Compartment;
    if (order.has(next.compartmentId)) continue;
    order.set(next.compartmentId, order.size);
    const below = children.get(next.compartmentId) ?? [];
    for (let i = below.length - 1; i >= 0; i -= 1) stack.push(below[i] as Compartment);
  }

  const ancestorsMemo = new Map<string, readonly Compartment[]>();
  const ancestorsOf = (compartmentId: string): readonly Compartment[] => {
    const known = ancestorsMemo.get(compartmentId);
    if (known !== undefined) return known;
    const ancestors: Compartment[] = [];
    const seen = new Set<string>([compartmentId]);
    let parentId = compartmentById.get(compartmentId)?.parentId ?? null;
    while (parentId !== null && !seen.has(parentId)) {
      const parent = compartmentById.get(parentId);
      if (parent === undefined) break;
      seen.add(parentId);
      ancestors.push(parent);
      parentId = parent.parentId;
    }
    ancestorsMemo.set(compartmentId, ancestors);
    return ancestors;
  };

  const pathMemo = new Map<string, readonly string[]>();
  const pathOf = (compartmentId: string): readonly string[] => {
    const known = pathMemo.get(compartmentId);
    if (known !== undefined) return known;
    const own = compartmentById.get(compartmentId);
    const path =
      own === undefined ? [] : [...ancestorsOf(compartmentId)].reverse().map((c) => c.name);
    if (own !== undefined) path.push(own.name);
    pathMemo.set(compartmentId, path);
    return path;
  };

  const placesInSubtree = (compartmentId: string): readonly Place[] => {
    const found: Place[] = [];
    const seen = new Set<string>();
    const visit = (id: string): void => {
      if (seen.has(id)) return;
      seen.add(id);
      found.push(...(placesByCompartment.get(id) ?? []));
      for (const child of children.get(id) ?? []) visit(child.compartmentId);
    };
    visit(compartmentId);
    return found;
  };

  return {
    compartment: (compartmentId) => compartmentById.get(compartmentId),
    place: (placeId) => placeById.get(placeId),
    ancestorsOf,
    topLevelOf: (compartmentId) => {
      const ancestors = ancestorsOf(compartmentId);
      return ancestors.length > 0
        ? ancestors[ancestors.length - 1]
        : compartmentById.get(compartmentId);
    },
    pathOf,
    // Compartments outside any tree (a cycle) come last.
    orderOf: (compartmentId) => order.get(compartmentId) ?? Number.MAX_SAFE_INTEGER,
    childrenOf: (compartmentId) => children.get(compartmentId) ?? [],
    placesIn: (compartmentId) => placesByCompartment.get(compartmentId) ?? [],
    placesInSubtree,
  };
}
