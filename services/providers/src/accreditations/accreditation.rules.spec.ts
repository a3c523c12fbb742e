import { describe, expect, it } from '@jest/globals';
import type { CalendarDate } from '@platform/kernel';
import {
  accreditationPeriodIssues,
  accreditationStatusOn,
  endRefusal,
} from './accreditation.rules.js';

const d = (value: string) => value as CalendarDate;
const accreditation = { startDate: d('2026-01-01'), expiryDate: d('2026-12-31'), endDate: null };

describe('accreditation periods (CRD-1)', () => {
  it('CRD-1: current from the start date to the expiry date, both inclusive', () => {
    expect(accreditationStatusOn(accreditation, d('2025-12-31'))).toBe('not-yet-current');
    expect(accreditationStatusOn(accreditation, d('2026-01-01'))).toBe('current');
    expect(accreditationStatusOn(accreditation, d('2026-12-31'))).toBe('current');
    expect(accreditationStatusOn(accreditation, d('2027-01-01'))).toBe('expired');
  });

  it('CRD-1: an ended accreditation is current to its end date, then ended', () => {
    const ended = { ...accreditation, endDate: d('2026-06-30') };
    expect(accreditationStatusOn(ended, d('2026-06-30'))).toBe('current');
    expect(accreditationStatusOn(ended, d('2026-07-01'))).toBe('ended');
    expect(accreditationStatusOn(ended, d('2027-06-01'))).toBe('ended');
  });

  it('CRD-1: the expiry date is on or after the start date', () => {
    expect(accreditationPeriodIssues(accreditation)).toEqual([]);
    expect(
      accreditationPeriodIssues({ startDate: d('2026-01-01'), expiryDate: d('2026-01-01') }),
    ).toEqual([]);
    expect(
      accreditationPeriodIssues({ startDate: d('2026-01-02'), expiryDate: d('2026-01-01') }),
    ).toEqual([{ field: 'expiryDate', message: expect.stringContaining('cannot expire before') }]);
  });

  it('CRD-1: an accreditation ends once, on a day within its period', () => {
    expect(endRefusal(accreditation, d('2026-06-30'))).toBeNull();
    expect(endRefusal(accreditation, d('2026-12-31'))).toBeNull();
    expect(endRefusal(accreditation, d('2025-12-31'))).toMatchObject({ field: 'endDate' });
    expect(endRefusal(accreditation, d('2027-01-01'))).toMatchObject({ field: 'endDate' });
    expect(endRefusal({ ...accreditation, endDate: d('2026-03-01') }, d('2026-06-30'))).toEqual({
      field: null,
      message: expect.stringContaining('already ended'),
    });
  });
});
