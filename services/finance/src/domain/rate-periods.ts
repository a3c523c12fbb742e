import {
  addDays,
  daysInclusive,
  rangeContains,
  type CalendarDate,
  type DateRange,
  type RateAmount,
} from '@platform/kernel';
import {
  applicableRate,
  type ApplicableRate,
  type PaymentChannel,
  type RateCandidates,
  type RateSource,
} from './rate-precedence.js';

/** One rate of one source with its effective period (ends inclusive, end null = open-ended). */
export interface DatedRate {
  source: RateSource;
  period: DateRange;
  rate: RateAmount;
}

/** The period a line item covers: both ends inclusive, always closed. */
export interface ServicePeriod {
  start: CalendarDate;
  end: CalendarDate;
}

/** A run of consecutive days of a line item on which the same rate applies (FIN-9). */
export interface RateSegment {
  period: ServicePeriod;
  /** Inclusive count: 1–10 Jan is 10 days. */
  days: number;
  /** FIN-7's winner on these days, or null when no source has a rate for them. */
  applicable: ApplicableRate | null;
}

function sameRate(a: ApplicableRate | null, b: ApplicableRate | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.source !== b.source || a.rate.kind !== b.rate.kind) return false;
  if (a.rate.kind === 'fixed' && b.rate.kind === 'fixed') return a.rate.amount === b.rate.amount;
  if (a.rate.kind === 'range' && b.rate.kind === 'range') {
    return a.rate.minimum === b.rate.minimum && a.rate.maximum === b.rate.maximum;
  }
  return false;
}

function candidatesOn(day: CalendarDate, rates: readonly DatedRate[]): RateCandidates {
  const candidates: RateCandidates = {};
  // SVC-2: at most one rate of a source is active on a day; the first listed wins if not.
  for (const dated of rates) {
    if (candidates[dated.source] === undefined && rangeContains(dated.period, day)) {
      candidates[dated.source] = dated.rate;
    }
  }
  return candidates;
}

/**
 * FIN-9: splits a line item's service period where any rate's effective period starts or ends,
 * and gives each run of days the rate FIN-7 picks on it — so every day is paid at the rate
 * effective on that day, each source with its own periods. Adjacent runs with the same rate are
 * joined. Guide: 1–31 Jan with a provider-service rate until 10 Jan → 1–10 Jan at it (10 days),
 * 11–31 Jan at the product rate (21 days). Cost: one pass per boundary, not per day.
 */
export function rateSegments(
  channel: PaymentChannel,
  service: ServicePeriod,
  rates: readonly DatedRate[],
): RateSegment[] {
  if (service.end < service.start) {
    throw new RangeError(
      `a service period cannot end (${service.end}) before it starts (${service.start})`,
    );
  }
  const boundaries = new Set<CalendarDate>([service.start]);
  for (const { period } of rates) {
    if (period.start > service.start && period.start <= service.end) boundaries.add(period.start);
    if (period.end !== null && period.end >= service.start && period.end < service.end) {
      boundaries.add(addDays(period.end, 1));
    }
  }
  const starts = [...boundaries].sort();
  const segments: RateSegment[] = [];
  starts.forEach((start, index) => {
    const next = starts[index + 1];
    const end = next === undefined ? service.end : addDays(next, -1);
    const applicable = applicableRate(channel, candidatesOn(start, rates));
    const previous = segments.at(-1);
    if (previous && sameRate(previous.applicable, applicable)) {
      previous.period = { start: previous.period.start, end };
      previous.days = daysInclusive(previous.period.start, end);
    } else {
      segments.push({ period: { start, end }, days: daysInclusive(start, end), applicable });
    }
  });
  return segments;
}

/**
 * FIN-9: how a line item's units are spread over its rate segments. Decision (the guide's examples
 * are a roster and a placement, both one unit per day): units go to the segments in proportion to
 * their days, by the largest-remainder method with ties to the earlier segment, so the parts add
 * up to the line's units exactly and the split is deterministic. A line billing one unit per day
 * (day/place units) thus pays each day at its own rate, exactly as FIN-9 says; a line billing N
 * sessions over a period says nothing about which day each session fell on, so proportion by days
 * is the only fair reading. A caller that knows the units per day (daily attendance) passes one
 * line per day or run of days, and the split is then exact.
 */
export function apportionUnits(units: number, segmentDays: readonly number[]): number[] {
  if (!Number.isSafeInteger(units) || units < 0) {
    throw new RangeError(`units must be a whole number ≥ 0: ${units}`);
  }
  const totalDays = segmentDays.reduce((sum, days) => sum + days, 0);
  if (segmentDays.length === 0 || totalDays <= 0) {
    throw new RangeError('units need at least one day to be apportioned to');
  }
  const total = BigInt(totalDays);
  const shares = segmentDays.map((days, index) => {
    const exact = BigInt(units) * BigInt(days);
    return { index, units: exact / total, remainder: exact % total };
  });
  let left = BigInt(units) - shares.reduce((sum, share) => sum + share.units, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (left === 0n) break;
    share.units += 1n;
    left -= 1n;
  }
  return shares.map((share) => Number(share.units));
}
