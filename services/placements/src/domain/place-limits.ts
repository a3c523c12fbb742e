import { addDays, rangesOverlap, type CalendarDate, type DateRange } from '@platform/kernel';
import type { Occupancy, PlaceLimit } from './layout.types.js';
import type { RuleFailure } from './rule-failure.js';

export type PlaceLimitFailureCode =
  'contract-place-limit-reached' | 'provider-service-place-limit-reached';

export type PlaceLimitOutcome =
  | {
      ok: true;
      /** Places still free under the limit for the whole period, after the request; null: the limit does not apply to the period. */
      placesLeft: number | null;
    }
  | { ok: false; failure: RuleFailure<PlaceLimitFailureCode> };

/** What a request holds places under: the contract and provider service it uses, if any. */
export interface LimitScope {
  contractId: string | null;
  providerServiceId: string | null;
}

/** The days two periods share, or null when they share none. */
export function periodIntersection(a: DateRange, b: DateRange): DateRange | null {
  if (!rangesOverlap(a, b)) return null;
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end === null ? b.end : b.end === null ? a.end : a.end < b.end ? a.end : b.end;
  return { start, end };
}

/**
 * The most periods that hold on one same day within `window` (a sweep over starts and the day
 * after each end: O(n log n), not one pass per day). Open-ended periods hold every day after
 * their start.
 */
export function maxConcurrent(periods: readonly DateRange[], window: DateRange): number {
  const changes = new Map<CalendarDate, number>();
  const change = (day: CalendarDate, delta: number): void => {
    changes.set(day, (changes.get(day) ?? 0) + delta);
  };
  for (const period of periods) {
    const held = periodIntersection(period, window);
    if (held === null) continue;
    change(held.start, 1);
    if (held.end !== null) change(addDays(held.end, 1), -1);
  }
  let current = 0;
  let max = 0;
  for (const day of [...changes.keys()].sort()) {
    current += changes.get(day) ?? 0;
    if (current > max) max = current;
  }
  return max;
}

/** PLC-8 / PRV-6: the occupancies a limit counts — those under its contract or provider service. */
export function isUnderLimit(limit: PlaceLimit, occupancy: Occupancy): boolean {
  return limit.kind === 'contract'
    ? occupancy.contractId === limit.id
    : occupancy.providerServiceId === limit.id;
}

/** PLC-8 / PRV-6: the limits a request under `scope` for `period` must stay within. */
export function applicableLimits(
  limits: readonly PlaceLimit[],
  scope: LimitScope,
  period: DateRange,
): PlaceLimit[] {
  return limits
    .filter(
      (limit) =>
        (limit.kind === 'contract' ? scope.contractId : scope.providerServiceId) === limit.id &&
        rangesOverlap(limit.period, period),
    )
    .sort((a, b) =>
      a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
}

/**
 * PLC-8 (contract) / PRV-6 (provider service): the most places held under the limit on any one
 * day of `period` (within the limit's own period). Only occupancies overlapping the period count;
 * a provider-only reservation (no place chosen, PLC-4) counts like any other. Null: the limit
 * does not apply to the period.
 */
export function heldUnderLimit(
  limit: PlaceLimit,
  occupancies: readonly Occupancy[],
  period: DateRange,
): number | null {
  const window = periodIntersection(limit.period, period);
  if (window === null) return null;
  const held = occupancies
    .filter((occupancy) => isUnderLimit(limit, occupancy))
    .map((occupancy) => occupancy.period);
  return maxConcurrent(held, window);
}

/** PLC-8 / PRV-6: how many more places may be held under the limit on every day of `period`. */
export function placesLeftUnderLimit(
  limit: PlaceLimit,
  occupancies: readonly Occupancy[],
  period: DateRange,
): number | null {
  const held = heldUnderLimit(limit, occupancies, period);
  return held === null ? null : Math.max(0, limit.limit - held);
}

/**
 * PLC-8 / PRV-6: may `requested` more places be held under the limit for `period`? The caller
 * leaves out an occupancy the request replaces (a reservation being confirmed) so it is not
 * counted twice.
 */
export function checkPlaceLimit(
  limit: PlaceLimit,
  occupancies: readonly Occupancy[],
  period: DateRange,
  requested = 1,
): PlaceLimitOutcome {
  const held = heldUnderLimit(limit, occupancies, period);
  if (held === null) return { ok: true, placesLeft: null };
  if (held + requested <= limit.limit) {
    return { ok: true, placesLeft: limit.limit - held - requested };
  }
  const what = limit.kind === 'contract' ? `contract ${limit.id}` : `provider service ${limit.id}`;
  return {
    ok: false,
    failure: {
      code:
        limit.kind === 'contract'
          ? 'contract-place-limit-reached'
          : 'provider-service-place-limit-reached',
      rule: limit.kind === 'contract' ? 'PLC-8' : 'PRV-6',
      message:
        `The place limit of ${what} is ${limit.limit}; ${held} already held on the busiest day of the period, ` +
        `so ${requested} more cannot be held.`,
    },
  };
}

/** PLC-8 / PRV-6: every applicable limit the request would break (empty: within all of them). */
export function checkPlaceLimits(
  limits: readonly PlaceLimit[],
  occupancies: readonly Occupancy[],
  scope: LimitScope,
  period: DateRange,
  requested = 1,
): RuleFailure<PlaceLimitFailureCode>[] {
  const failures: RuleFailure<PlaceLimitFailureCode>[] = [];
  for (const limit of applicableLimits(limits, scope, period)) {
    const outcome = checkPlaceLimit(limit, occupancies, period, requested);
    if (!outcome.ok) failures.push(outcome.failure);
  }
  return failures;
}
