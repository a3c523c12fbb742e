import type { CalendarDate, DateRange } from '@platform/kernel';

/**
 * FIN-1: a service authorization line item as the unit rules see it. `units` is the number the
 * case worker authorised for the line item as a whole — shared by every client of the
 * authorization, never multiplied by them (two clients, 10 sessions together → 10 units, not 20).
 * `null` means the delivery type requires no units (SVC-9 `unitsRequired: false`): only its period
 * limits it.
 */
export interface AuthorizationLineItemUnits {
  lineItemId: string;
  units: number | null;
  period: DateRange;
  cancelled: boolean;
}

/**
 * One invoice or roster line item matched to an authorization line item. Its `units` are the
 * units billed for all of its clients together, so a line for two clients of one authorization
 * consumes its units once.
 */
export interface MatchedUnits {
  lineItemId: string;
  units: number;
}

/** FIN-2: the derived status of an authorization line item. */
export type LineItemStatus = 'open' | 'in-progress' | 'complete' | 'cancelled';

/** FIN-2: the derived status of a service authorization. */
export type AuthorizationStatus = 'open' | 'in-progress' | 'complete' | 'cancelled';

export interface LineItemUsage {
  lineItemId: string;
  unitsUsed: number;
  /** `null` when the line item has no unit limit. Never negative. */
  unitsLeft: number | null;
  matched: boolean;
  status: LineItemStatus;
}

function assertWholeUnits(units: number, what: string): void {
  if (!Number.isSafeInteger(units) || units < 0) {
    throw new RangeError(`${what} must be a whole number of units ≥ 0: ${units}`);
  }
}

/**
 * FIN-1: units used per authorization line item, summed over every matched line in one pass
 * (set-based: thousands of matches cost one loop). Each matched line counts once however many
 * clients it names.
 */
export function unitsUsedByLineItem(matches: readonly MatchedUnits[]): Map<string, number> {
  const used = new Map<string, number>();
  for (const match of matches) {
    assertWholeUnits(match.units, 'matched units');
    used.set(match.lineItemId, (used.get(match.lineItemId) ?? 0) + match.units);
  }
  return used;
}

/**
 * FIN-2, as the guide's table defines it (checked in this order):
 * - cancelled: the line item was cancelled or deleted;
 * - complete: it has ended (`asOf` is after its end date) or all its units are used;
 * - in progress: not ended, at least one match, units left;
 * - open: nothing matched yet.
 * An ended line item is complete even with nothing matched: the guide says "ended, or all units
 * used", and an ended authorization can no longer be billed against.
 */
export function lineItemStatus(
  item: AuthorizationLineItemUnits,
  unitsUsed: number,
  asOf: CalendarDate,
): LineItemStatus {
  if (item.cancelled) return 'cancelled';
  const ended = item.period.end !== null && asOf > item.period.end;
  const allUnitsUsed = item.units !== null && unitsUsed >= item.units;
  if (ended || allUnitsUsed) return 'complete';
  return unitsUsed > 0 ? 'in-progress' : 'open';
}

/** FIN-1/FIN-2: used, left and status of every line item from all matches, in one pass. */
export function lineItemUsages(
  items: readonly AuthorizationLineItemUnits[],
  matches: readonly MatchedUnits[],
  asOf: CalendarDate,
): LineItemUsage[] {
  const used = unitsUsedByLineItem(matches);
  return items.map((item) => {
    if (item.units !== null) assertWholeUnits(item.units, 'authorised units');
    const unitsUsed = used.get(item.lineItemId) ?? 0;
    return {
      lineItemId: item.lineItemId,
      unitsUsed,
      unitsLeft: item.units === null ? null : Math.max(item.units - unitsUsed, 0),
      matched: unitsUsed > 0,
      status: lineItemStatus(item, unitsUsed, asOf),
    };
  });
}

/**
 * FIN-2: the authorization's status from its line items' — cancelled if the authorization was
 * deleted; open if all are open; complete if all are complete; otherwise in progress (some open or
 * in progress, not all open). Cancelled line items take no part (an authorization whose other
 * line items are all complete is complete); one whose line items are all cancelled is cancelled,
 * and one with no line items yet is open.
 */
export function authorizationStatus(
  lineItemStatuses: readonly LineItemStatus[],
  deleted: boolean,
): AuthorizationStatus {
  if (deleted) return 'cancelled';
  if (lineItemStatuses.length === 0) return 'open';
  const live = lineItemStatuses.filter((status) => status !== 'cancelled');
  if (live.length === 0) return 'cancelled';
  if (live.every((status) => status === 'open')) return 'open';
  if (live.every((status) => status === 'complete')) return 'complete';
  return 'in-progress';
}
