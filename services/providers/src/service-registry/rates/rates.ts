import { rangeContains, rangesOverlap, type CalendarDate, type DateRange } from '@platform/kernel';
import type { Cents } from '../../shared/money.js';

/** SVC-2: what a rate pays per unit (shared with finance through libs/kernel). */
export type { RateAmount } from '@platform/kernel';

/** A rate as the SVC-2 rules see it: which one it is and when it is effective. */
export interface DatedRate {
  id: string;
  period: DateRange;
}

/** SVC-2: why a range cannot be a rate, or null when it can. */
export function rangeAmountProblem(minimum: Cents | null, maximum: Cents | null): string | null {
  if (minimum === null && maximum === null)
    return 'a range rate needs a minimum, a maximum or both';
  if (minimum !== null && maximum !== null && minimum > maximum) {
    return 'the minimum of a range rate cannot exceed its maximum';
  }
  return null;
}

/**
 * SVC-2: at most one rate is active for a product at any date, so a new or changed period must not
 * share a day with another rate of the product. Returns the first rate it would collide with.
 */
export function overlappingRate<T extends DatedRate>(
  period: DateRange,
  rates: readonly T[],
  ignoreRateId?: string,
): T | undefined {
  return rates.find((rate) => rate.id !== ignoreRateId && rangesOverlap(rate.period, period));
}

/** SVC-2: the rate active on `date`, if any (there is never more than one). */
export function rateInEffect<T extends DatedRate>(
  rates: readonly T[],
  date: CalendarDate,
): T | undefined {
  return rates.find((rate) => rangeContains(rate.period, date));
}

/** "1 Jan 2026 – 30 Jun 2026" / "1 Jan 2026 onwards", for messages people read. */
export function describePeriod(period: DateRange): string {
  return period.end === null ? `${period.start} onwards` : `${period.start} to ${period.end}`;
}
