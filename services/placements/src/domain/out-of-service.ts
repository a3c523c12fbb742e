import { rangesOverlap, type DateRange } from '@platform/kernel';
import type { FacilityLayout } from './facility-layout.js';
import type { OutOfService, Place } from './layout.types.js';
import type { RuleFailure } from './rule-failure.js';

export type OutOfServiceFailureCode = 'place-out-of-service';

/** Earliest first, then by reason: the same records always come back in the same order. */
function byStartThenReason(a: OutOfService, b: OutOfService): number {
  if (a.period.start !== b.period.start) return a.period.start < b.period.start ? -1 : 1;
  return a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0;
}

/**
 * PLC-3: the records that take places out of service during `period`, indexed by place and by
 * compartment, so asking for 1,000 places walks each compartment's records once.
 */
export interface OutOfServiceIndex {
  /**
   * Every record that makes the place unavailable on some day of the period: its own, and those
   * of its compartment and every compartment above (a record on a building takes out all its
   * beds). Empty: in service every day of the period.
   */
  recordsFor(place: Place): readonly OutOfService[];
}

export function indexOutOfService(
  records: readonly OutOfService[],
  period: DateRange,
  layout: FacilityLayout,
): OutOfServiceIndex {
  const byPlace = new Map<string, OutOfService[]>();
  const byCompartment = new Map<string, OutOfService[]>();
  for (const record of records) {
    if (!rangesOverlap(record.period, period)) continue;
    const [map, key] =
      record.target.kind === 'place'
        ? [byPlace, record.target.placeId]
        : [byCompartment, record.target.compartmentId];
    const list = map.get(key) ?? [];
    list.push(record);
    map.set(key, list);
  }

  // The compartment's own records plus everything above it, remembered per compartment.
  const chainMemo = new Map<string, readonly OutOfService[]>();
  const forCompartment = (compartmentId: string): readonly OutOfService[] => {
    const known = chainMemo.get(compartmentId);
    if (known !== undefined) return known;
    const found = [...(byCompartment.get(compartmentId) ?? [])];
    for (const ancestor of layout.ancestorsOf(compartmentId)) {
      found.push(...(byCompartment.get(ancestor.compartmentId) ?? []));
    }
    found.sort(byStartThenReason);
    chainMemo.set(compartmentId, found);
    return found;
  };

  return {
    recordsFor: (place) => {
      const own = byPlace.get(place.placeId) ?? [];
      const inherited = forCompartment(place.compartmentId);
      if (own.length === 0) return inherited;
      return [...own, ...inherited].sort(byStartThenReason);
    },
  };
}

/** PLC-3: the refusal for a place out of service, naming each reason and its period. */
export function outOfServiceFailure(
  place: Place,
  records: readonly OutOfService[],
): RuleFailure<OutOfServiceFailureCode> {
  const reasons = records.map(
    (record) =>
      `${record.reason} (${record.period.start} to ${record.period.end ?? 'further notice'})`,
  );
  return {
    code: 'place-out-of-service',
    rule: 'PLC-3',
    message: `Place ${place.name} is out of service during the period: ${reasons.join('; ')}.`,
  };
}

/**
 * PLC-3: which of `places` are out of service on any day of `period`, with the records why.
 * Places in service every day are left out of the map.
 */
export function placesOutOfService(
  places: readonly Place[],
  records: readonly OutOfService[],
  period: DateRange,
  layout: FacilityLayout,
): Map<string, readonly OutOfService[]> {
  const index = indexOutOfService(records, period, layout);
  const out = new Map<string, readonly OutOfService[]>();
  for (const place of places) {
    const found = index.recordsFor(place);
    if (found.length > 0) out.set(place.placeId, found);
  }
  return out;
}
