import { describe, expect, it } from '@jest/globals';
import { addMonths, type CalendarDate } from '@platform/kernel';
import {
  certificationStatusOn,
  creditShortfall,
  renewalRefusal,
  validityEnd,
} from './certification.rules.js';

const d = (value: string) => value as CalendarDate;
const certification = { validFrom: d('2025-01-10'), validTo: d('2026-01-09'), removed: false };

describe('certification validity (CRD-5)', () => {
  it("CRD-5: a certification is valid for the type's validity in months, to the day before", () => {
    expect(validityEnd(d('2026-01-01'), 12)).toBe('2026-12-31');
    expect(validityEnd(d('2026-01-10'), 12)).toBe('2027-01-09');
    expect(validityEnd(d('2026-03-01'), 1)).toBe('2026-03-31');
    expect(validityEnd(d('2024-02-29'), 12)).toBe('2025-02-27');
  });

  it('month arithmetic clamps to the last day of a shorter month', () => {
    expect(addMonths(d('2026-01-31'), 1)).toBe('2026-02-28');
    expect(addMonths(d('2026-11-15'), 3)).toBe('2027-02-15');
    expect(addMonths(d('2026-12-31'), 24)).toBe('2028-12-31');
  });

  it('CRD-5: status on a date — valid within the period (both ends), expired after, not yet before', () => {
    expect(certificationStatusOn(certification, d('2025-01-09'))).toBe('not-yet-valid');
    expect(certificationStatusOn(certification, d('2025-01-10'))).toBe('valid');
    expect(certificationStatusOn(certification, d('2026-01-09'))).toBe('valid');
    expect(certificationStatusOn(certification, d('2026-01-10'))).toBe('expired');
    expect(certificationStatusOn({ ...certification, removed: true }, d('2025-06-01'))).toBe(
      'removed',
    );
  });

  it('CRD-5: the member needs the credits the type requires', () => {
    expect(creditShortfall('Therapeutic carer', 10, 10)).toBeNull();
    expect(creditShortfall('Therapeutic carer', 0, 0)).toBeNull();
    expect(creditShortfall('Therapeutic carer', 10, 9.5)).toMatch(/^CRD-5: .*needs 10 .*9\.5/);
  });
});

describe('renewal on expiry (CRD-5)', () => {
  it('CRD-5: an expired certification is renewed with a period starting after the old one', () => {
    expect(renewalRefusal(certification, d('2026-01-10'), d('2026-02-01'))).toBeNull();
  });

  it('CRD-5: a certification still valid is not renewed', () => {
    expect(renewalRefusal(certification, d('2026-01-10'), d('2026-01-09'))).toMatch(
      /only an expired certification/,
    );
  });

  it('CRD-5: the new period cannot overlap the old one, and a removed one is not renewed', () => {
    expect(renewalRefusal(certification, d('2026-01-09'), d('2026-02-01'))).toMatch(
      /must start after/,
    );
    expect(
      renewalRefusal({ ...certification, removed: true }, d('2026-02-01'), d('2026-02-01')),
    ).toMatch(/removed/);
  });
});
