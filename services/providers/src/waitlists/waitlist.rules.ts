import { addDays, type CalendarDate } from '@platform/kernel';
import type {
  WaitlistAllocationKind,
  WaitlistEntryStatus,
  WaitlistPriority,
} from '@platform/contracts';
import type { RuleIssue } from '../shared/rule-issues.js';

/**
 * PRV-10: the rules of a waitlist. Pure — no database, no clock: the service applies them to the
 * waiting entries of one list, under that list's lock, and the unit spec proves each one.
 *
 * A waitlist belongs to a provider (its provider-level list) or to one of its provider services.
 * The entries still *waiting* form the queue, numbered 1..N without gaps or repeats; entries that
 * left it (allocated, expired, removed) have no position.
 *
 * - Adding: a new entry goes to the end, whatever its priority: N waiting → position N + 1
 *   (10 entries → 11), as the guide says.
 * - Manual moves: up one, down one, or to a position 1..N; the entries in between shift by one.
 * - "Move by priority" — the rule chosen for priority changes. The guide lets staff move a client
 *   up or down *according to the priority they were given*; we apply that locally to the one
 *   entry whose priority changed and leave everyone else's relative order alone:
 *     raised  → it moves up past the entries directly ahead of it whose priority is now lower;
 *     lowered → it moves down past the entries directly behind it whose priority is now higher;
 *   it stops at the first entry of equal priority, so first-come order within a priority holds.
 *   Example: [H1, L1, M1, X:low] with X raised to high → [H1, X, L1, M1].
 *   In a list already ordered by priority this keeps it ordered (X goes behind the last entry of
 *   its new priority). Staff can still move any entry by hand afterwards.
 * - Leaving: allocating, expiring or removing an entry takes it out of the queue and everyone
 *   behind it moves up one, so the gap closes.
 * - Expiry: an entry may wait up to and including its expiry date; on any later day it expires.
 * - Review date: given (on or before the expiry date), or computed as the configured number of
 *   days before the expiry date — the service-level setting WAITLIST_REVIEW_DAYS_BEFORE_EXPIRY
 *   (default 14) — but never before the day it is set; no expiry date and none given: none.
 * - Allocation (placement entries only): a service period starting after today → a reservation;
 *   starting today → a placement; one starting in the past is refused.
 */

export interface QueuedEntry {
  id: string;
  priority: WaitlistPriority;
}

/** The waiting entries of one list, first in line first: position = index + 1. */
export type Queue = readonly QueuedEntry[];

/** Highest first. */
const RANK: Record<WaitlistPriority, number> = { high: 0, medium: 1, low: 2 };

/** PRV-10: a new entry's position: after every entry already waiting (10 → 11). */
export function nextPosition(waitingCount: number): number {
  return waitingCount + 1;
}

/** position of each entry of the queue. */
export function positionsOf(queue: Queue): Map<string, number> {
  return new Map(queue.map((entry, index) => [entry.id, index + 1]));
}

/** The entries whose position differs between two orders of the same list (to store them). */
export function renumbered(before: Queue, after: Queue): { id: string; position: number }[] {
  const old = positionsOf(before);
  return after
    .map((entry, index) => ({ id: entry.id, position: index + 1 }))
    .filter((entry) => old.get(entry.id) !== entry.position);
}

export type MoveTarget = { direction: 'up' | 'down' } | { position: number };

export type QueueChange =
  { ok: true; queue: QueuedEntry[]; from: number; to: number } | { ok: false; issue: RuleIssue };

function indexOf(queue: Queue, entryId: string): number {
  const index = queue.findIndex((entry) => entry.id === entryId);
  if (index < 0) throw new RangeError(`entry ${entryId} is not waiting on this list`);
  return index;
}

function moved(queue: Queue, from: number, to: number): QueuedEntry[] {
  const result = [...queue];
  const [entry] = result.splice(from, 1) as [QueuedEntry];
  result.splice(to, 0, entry);
  return result;
}

/**
 * PRV-10: moves a waiting entry up one, down one or to a position; the entries in between shift
 * by one. Moving the first entry up or the last one down, or to a position outside 1..N, is
 * refused. Moving an entry to where it already is changes nothing (from = to).
 */
export function moveEntry(queue: Queue, entryId: string, target: MoveTarget): QueueChange {
  const from = indexOf(queue, entryId);
  let to: number;
  if ('direction' in target) {
    to = target.direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= queue.length) {
      return {
        ok: false,
        issue: {
          rule: 'PRV-10',
          field: 'direction',
          message:
            target.direction === 'up'
              ? 'the entry is already first in line'
              : 'the entry is already last in line',
        },
      };
    }
  } else {
    if (target.position < 1 || target.position > queue.length) {
      return {
        ok: false,
        issue: {
          rule: 'PRV-10',
          field: 'position',
          message: `the waitlist has ${queue.length} waiting entries; choose a position from 1 to ${queue.length}`,
        },
      };
    }
    to = target.position - 1;
  }
  return { ok: true, queue: moved(queue, from, to), from: from + 1, to: to + 1 };
}

/**
 * PRV-10 "move by priority": gives the entry its new priority and moves it past its neighbours
 * that now rank the other way (see the module comment). Other entries keep their relative order.
 */
export function changePriority(
  queue: Queue,
  entryId: string,
  priority: WaitlistPriority,
): { queue: QueuedEntry[]; from: number; to: number } {
  const from = indexOf(queue, entryId);
  const previous = (queue[from] as QueuedEntry).priority;
  const rest = queue.map((entry, index) => (index === from ? { ...entry, priority } : entry));
  const rank = (index: number) => RANK[(rest[index] as QueuedEntry).priority];
  let to = from;
  if (RANK[priority] < RANK[previous]) {
    // raised: up past the lower-priority entries directly ahead
    while (to > 0 && rank(to - 1) > RANK[priority]) to -= 1;
  } else if (RANK[priority] > RANK[previous]) {
    // lowered: down past the higher-priority entries directly behind
    while (to < rest.length - 1 && rank(to + 1) < RANK[priority]) to += 1;
  }
  return { queue: moved(rest, from, to), from: from + 1, to: to + 1 };
}

/** PRV-10: the entry leaves the queue; everyone behind it moves up one (the gap closes). */
export function withoutEntry(
  queue: Queue,
  entryId: string,
): { queue: QueuedEntry[]; lastPosition: number } {
  const index = indexOf(queue, entryId);
  return {
    queue: queue.filter((entry) => entry.id !== entryId),
    lastPosition: index + 1,
  };
}

export type LeaveAction = 'allocate' | 'expire' | 'remove';

const LEAVES_AS: Record<LeaveAction, WaitlistEntryStatus> = {
  allocate: 'allocated',
  expire: 'expired',
  remove: 'removed',
};

/** PRV-10: only a waiting entry can be allocated, expire or be removed; the others are final. */
export function leaveTransition(
  status: WaitlistEntryStatus,
  action: LeaveAction,
): { ok: true; to: WaitlistEntryStatus } | { ok: false; message: string } {
  if (status === 'waiting') return { ok: true, to: LEAVES_AS[action] };
  return {
    ok: false,
    message: `the entry is ${status}, no longer waiting; it cannot be ${LEAVES_AS[action]}`,
  };
}

/** PRV-10: an entry may wait up to and including its expiry date; after it, it has expired. */
export function isExpiredOn(expiryDate: CalendarDate | null, onDate: CalendarDate): boolean {
  return expiryDate !== null && expiryDate < onDate;
}

/** PRV-10: an expiry date already past on the day it is set would expire the entry at once. */
export function expiryDateIssue(
  expiryDate: CalendarDate | null,
  today: CalendarDate,
): RuleIssue | undefined {
  if (expiryDate === null || expiryDate >= today) return undefined;
  return {
    rule: 'PRV-10',
    field: 'expiryDate',
    message: `the expiry date ${expiryDate} is already past (today is ${today})`,
  };
}

export type ReviewDateResult =
  | { ok: true; reviewDate: CalendarDate | null; computed: boolean }
  | { ok: false; issue: RuleIssue };

/**
 * PRV-10: the review date — the one given (never after the expiry date), else `daysBefore` days
 * before the expiry date but not before today, else none.
 */
export function reviewDateFor(
  entry: { reviewDate: CalendarDate | null; expiryDate: CalendarDate | null },
  daysBefore: number,
  today: CalendarDate,
): ReviewDateResult {
  const { reviewDate, expiryDate } = entry;
  if (reviewDate !== null) {
    if (expiryDate !== null && reviewDate > expiryDate) {
      return {
        ok: false,
        issue: {
          rule: 'PRV-10',
          field: 'reviewDate',
          message: `the review date ${reviewDate} is after the expiry date ${expiryDate}`,
        },
      };
    }
    return { ok: true, reviewDate, computed: false };
  }
  if (expiryDate === null) return { ok: true, reviewDate: null, computed: false };
  const computed = addDays(expiryDate, -daysBefore);
  // not before today — unless the entry expires even sooner, then on its expiry date
  const earliest = today < expiryDate ? today : expiryDate;
  return { ok: true, reviewDate: computed < earliest ? earliest : computed, computed: true };
}

export type AllocationResult =
  { ok: true; kind: WaitlistAllocationKind } | { ok: false; issue: RuleIssue };

/**
 * PRV-10: allocating a place creates a reservation when the service period lies in the future and
 * a placement when it starts today; a period that started in the past cannot be allocated.
 */
export function allocationKind(from: CalendarDate, today: CalendarDate): AllocationResult {
  if (from > today) return { ok: true, kind: 'reservation' };
  if (from === today) return { ok: true, kind: 'placement' };
  return {
    ok: false,
    issue: {
      rule: 'PRV-10',
      field: 'from',
      message: `the service period cannot start in the past (${from}; today is ${today})`,
    },
  };
}
