import { addDays, type CalendarDate } from '@platform/kernel';
import { startOfDay } from '../shared/clock.js';
import { normaliseOffsets } from '../shared/day-offsets.js';

/** How urgent a renewal reminder is: it rises as the expiry nears (WF-2). */
export type ReminderPriority = 'normal' | 'high' | 'urgent';

export interface PlannedReminder {
  /** Days before the period's last day. */
  offsetDays: number;
  /** The reminder's day (YYYY-MM-DD). */
  day: CalendarDate;
  /** Midnight UTC at the start of `day`: when its timer fires. */
  at: number;
  priority: ReminderPriority;
}

export { normaliseOffsets };

/**
 * The first reminder is a plain notice, the last one urgent, any between high: a renewal task
 * that is still open climbs the queue as its licence nears expiry (WF-2). A single reminder is
 * a plain notice.
 */
export function reminderPriority(index: number, count: number): ReminderPriority {
  if (index === 0) return 'normal';
  return index === count - 1 ? 'urgent' : 'high';
}

/**
 * WF-2: the reminders of one cycle, in the order they fire. Each falls at the start (UTC) of the
 * day `offset` days before the period's last day. A process that starts late (or a cycle that
 * begins after its first reminder days) skips the reminders already past, except the latest of
 * them, which is due at once, so the renewal task is still opened. Priorities come from the
 * reminder's place among all the configured offsets, so a late start is not "normal" at 30 days.
 */
export function reminderPlan(
  periodTo: CalendarDate,
  offsetsDays: readonly number[],
  nowMs: number,
): PlannedReminder[] {
  const offsets = normaliseOffsets(offsetsDays);
  const all = offsets.map((offsetDays, index) => {
    const day = addDays(periodTo, -offsetDays);
    return {
      offsetDays,
      day,
      at: startOfDay(day),
      priority: reminderPriority(index, offsets.length),
    };
  });
  const lastPassed = all.findLastIndex((reminder) => reminder.at <= nowMs);
  return lastPassed === -1 ? all : all.slice(lastPassed);
}

/** CRD-2: the first day the licence is no longer covered, the day after the period's last day. */
export function expiryDay(periodTo: CalendarDate): CalendarDate {
  return addDays(periodTo, 1);
}

/** Midnight UTC at the start of the expiry day: when the expiry timer fires. */
export function expiryAt(periodTo: CalendarDate): number {
  return startOfDay(expiryDay(periodTo));
}
