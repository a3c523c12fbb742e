import { describe, expect, it } from '@jest/globals';
import { parseCalendarDate } from '@platform/kernel';
import { expiryAt, expiryDay, normaliseOffsets, reminderPlan } from './reminder-schedule.js';
import { addMonths } from '@platform/kernel';
import { renewalPeriodEnd } from './renewal-period.js';

const d = parseCalendarDate;
const at = (day: string) => Date.parse(`${day}T00:00:00Z`);

describe('licence renewal reminder schedule (WF-2)', () => {
  it('WF-2: reminders fall at the start of the day each offset before the period end, furthest first, with rising priority', () => {
    expect(reminderPlan(d('2027-12-31'), [30, 90, 60, 90], at('2027-01-01'))).toEqual([
      { offsetDays: 90, day: '2027-10-02', at: at('2027-10-02'), priority: 'normal' },
      { offsetDays: 60, day: '2027-11-01', at: at('2027-11-01'), priority: 'high' },
      { offsetDays: 30, day: '2027-12-01', at: at('2027-12-01'), priority: 'urgent' },
    ]);
  });

  it('WF-2: configured offsets are whole days, deduplicated and sorted furthest first', () => {
    expect(normaliseOffsets([10, 45, 10, -3, 2.5])).toEqual([45, 10]);
    expect(
      reminderPlan(d('2027-12-31'), [10, 45], at('2027-01-01')).map((r) => r.priority),
    ).toEqual(['normal', 'urgent']);
    expect(reminderPlan(d('2027-12-31'), [30], at('2027-01-01'))[0]?.priority).toBe('normal');
  });

  it('WF-2: a late start skips the reminders already past except the latest, which is due at once', () => {
    const plan = reminderPlan(d('2027-12-31'), [90, 60, 30], at('2027-11-15') + 3_600_000);
    expect(plan.map((r) => [r.offsetDays, r.priority])).toEqual([
      [60, 'high'],
      [30, 'urgent'],
    ]);
    // A reminder due exactly now is not past.
    expect(
      reminderPlan(d('2027-12-31'), [90, 60], at('2027-10-02')).map((r) => r.offsetDays),
    ).toEqual([90, 60]);
    // After every reminder day: the last one still opens the task.
    expect(
      reminderPlan(d('2027-12-31'), [90, 60, 30], at('2027-12-20')).map((r) => r.offsetDays),
    ).toEqual([30]);
  });

  it('CRD-2: the licence expires at the start of the day after its period ends', () => {
    expect(expiryDay(d('2027-12-31'))).toBe('2028-01-01');
    expect(expiryAt(d('2028-02-28'))).toBe(at('2028-02-29'));
  });
});

describe('renewal period (CRD-2)', () => {
  it('CRD-2: a renewal starts the day after the current period and runs the default validity', () => {
    expect(renewalPeriodEnd(d('2027-12-31'), 12)).toBe('2028-12-31');
    expect(renewalPeriodEnd(d('2027-06-30'), 24)).toBe('2029-06-30');
    // From 31 Jan 2028 a month on is 29 Feb (leap year): the period ends the day before.
    expect(renewalPeriodEnd(d('2028-01-30'), 1)).toBe('2028-02-28');
  });

  it('adds months, falling back to the last day of a shorter month', () => {
    expect(addMonths(d('2026-01-31'), 1)).toBe('2026-02-28');
    expect(addMonths(d('2026-11-30'), 3)).toBe('2027-02-28');
    expect(addMonths(d('2026-12-15'), 1)).toBe('2027-01-15');
  });
});
