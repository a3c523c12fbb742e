import { addDays, type CalendarDate } from '@platform/kernel';
import { DAY_MS, startOfDay } from '../shared/clock.js';
import { normaliseOffsets } from '../shared/day-offsets.js';

/** WF-3: a reminder to sign, `daysBefore` the signature deadline. */
export interface SignatureReminder {
  daysBefore: number;
  /** Workflow time (ms) it is sent. */
  at: number;
}

/** WF-3: the provider has `signatureDays` from each (re-)issue to sign; the deadline is that instant. */
export function signatureDeadline(issuedAt: string, signatureDays: number): number {
  return Date.parse(issuedAt) + signatureDays * DAY_MS;
}

/**
 * WF-3: the reminders of one issued document, in the order they fire — one `d` days before the
 * deadline for each configured `d` (whole days > 0, once each) whose time is still ahead of `nowMs`.
 * A reminder already past is not sent late: the next one, or the deadline itself, follows soon.
 */
export function signatureReminders(
  deadlineAt: number,
  reminderDaysBeforeDeadline: readonly number[],
  nowMs: number,
): SignatureReminder[] {
  return normaliseOffsets(reminderDaysBeforeDeadline)
    .filter((daysBefore) => daysBefore > 0)
    .map((daysBefore) => ({ daysBefore, at: deadlineAt - daysBefore * DAY_MS }))
    .filter((reminder) => reminder.at > nowMs);
}

/** CTR-3: an active contract's process ends at the start (UTC) of the day after its period's last day. */
export function periodEndAt(periodTo: CalendarDate): number {
  return startOfDay(addDays(periodTo, 1));
}
