import { describe, expect, it } from '@jest/globals';
import { parseCalendarDate } from '@platform/kernel';
import { DAY_MS, HOUR_MS } from '../shared/clock.js';
import { periodEndAt, signatureDeadline, signatureReminders } from './reminder-schedule.js';

const ISSUED_AT = '2026-03-01T09:30:00.000Z';
const issuedMs = Date.parse(ISSUED_AT);

describe('signature reminders and deadline (WF-3)', () => {
  it('WF-3: the deadline is the issue time plus the signature days', () => {
    expect(new Date(signatureDeadline(ISSUED_AT, 30)).toISOString()).toBe(
      '2026-03-31T09:30:00.000Z',
    );
  });

  it('WF-3: a reminder d days before the deadline for each configured d, furthest first, once each', () => {
    const deadline = signatureDeadline(ISSUED_AT, 30);
    expect(signatureReminders(deadline, [3, 14, 3], issuedMs)).toEqual([
      { daysBefore: 14, at: deadline - 14 * DAY_MS },
      { daysBefore: 3, at: deadline - 3 * DAY_MS },
    ]);
  });

  it('WF-3: only reminders still ahead are sent: none before the issue, none for 0 or odd values', () => {
    const deadline = signatureDeadline(ISSUED_AT, 10);
    // 14 days before a 10-day deadline is before the issue; 0 and fractions are no reminder days.
    expect(signatureReminders(deadline, [14, 3, 0, 2.5, -1], issuedMs)).toEqual([
      { daysBefore: 3, at: deadline - 3 * DAY_MS },
    ]);
    // A process that starts (or re-issues) late skips what has passed.
    expect(
      signatureReminders(deadline, [7, 3], deadline - 5 * DAY_MS).map((r) => r.daysBefore),
    ).toEqual([3]);
    expect(signatureReminders(deadline, [7, 3], deadline - 3 * DAY_MS)).toEqual([]);
    expect(signatureReminders(deadline, [3], deadline - 3 * DAY_MS - HOUR_MS)).toHaveLength(1);
  });

  it('CTR-3: an active contract runs to the end of its period: the process ends the next day', () => {
    expect(new Date(periodEndAt(parseCalendarDate('2026-12-31'))).toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });
});
