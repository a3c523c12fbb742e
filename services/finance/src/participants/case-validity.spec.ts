import { describe, expect, it } from '@jest/globals';
import type { CalendarDate } from '@platform/kernel';
import { caseValidFor } from './case-validity.js';

const day = (value: string) => value as CalendarDate;
const period = (from: string, to: string) => ({ from: day(from), to: day(to) });
const opened = (openedOn: string, closedOn: string | null = null) => ({
  openedOn: day(openedOn),
  closedOn: closedOn === null ? null : day(closedOn),
});

describe('case validity (FIN-4 "case valid")', () => {
  it('FIN-4: an open case opened before the period is valid for it', () => {
    expect(caseValidFor(opened('2026-01-01'), period('2026-03-01', '2026-03-31'))).toBe(true);
  });

  it('FIN-4: both ends are inclusive — opened on the first day, closed on the last day', () => {
    expect(
      caseValidFor(opened('2026-03-01', '2026-03-31'), period('2026-03-01', '2026-03-31')),
    ).toBe(true);
  });

  it('FIN-4: a case opened after the period starts is not valid for it', () => {
    expect(caseValidFor(opened('2026-03-02'), period('2026-03-01', '2026-03-31'))).toBe(false);
  });

  it('FIN-4: a case closed before the period ends is not valid for it', () => {
    expect(
      caseValidFor(opened('2026-01-01', '2026-03-30'), period('2026-03-01', '2026-03-31')),
    ).toBe(false);
  });

  it('FIN-4: a case closed after the period is valid for it', () => {
    expect(
      caseValidFor(opened('2026-01-01', '2026-06-30'), period('2026-03-01', '2026-03-31')),
    ).toBe(true);
  });
});
