import { describe, expect, it } from '@jest/globals';
import { periodEndAfterMonths, type CalendarDate } from '@platform/kernel';
import {
  applyLicenceAction,
  availableLicenceActions,
  checkExpiry,
  currentPeriod,
  LICENCE_ACTIONS,
  LICENCE_STATUSES,
  licenceValidOn,
  renewalPeriod,
  type LicenceAction,
  type LicencePeriod,
  type LicenceStatus,
} from './licence-lifecycle.js';

const d = (value: string) => value as CalendarDate;
const period = (from: string, to: string): LicencePeriod => ({ from: d(from), to: d(to) });
const YEAR_2026 = period('2026-01-01', '2026-12-31');

describe('the licence lifecycle (CRD-2)', () => {
  const legal: [LicenceStatus, LicenceAction, LicenceStatus][] = [
    ['pending', 'approve', 'approved'],
    ['pending', 'reject', 'rejected'],
    ['rejected', 'approve', 'approved'],
    ['approved', 'suspend', 'suspended'],
    ['suspended', 'reinstate', 'approved'],
    ['approved', 'renew', 'approved'],
    ['approved', 'record-non-compliance', 'non-compliant'],
    ['suspended', 'record-non-compliance', 'non-compliant'],
    ['approved', 'expire', 'expired'],
    ['suspended', 'expire', 'expired'],
  ];

  it.each(legal)('CRD-2: a %s licence can be %s (→ %s)', (from, action, to) => {
    expect(applyLicenceAction(from, action, 'a reason')).toEqual({ ok: true, from, to });
  });

  it('CRD-2: a rejected licence can be approved later', () => {
    const rejected = applyLicenceAction('pending', 'reject', 'Number does not match');
    expect(rejected).toMatchObject({ ok: true, to: 'rejected' });
    expect(applyLicenceAction('rejected', 'approve')).toEqual({
      ok: true,
      from: 'rejected',
      to: 'approved',
    });
  });

  it('CRD-2: every other move is refused, naming the rule and the statuses it is allowed from', () => {
    const allowed = new Set(legal.map(([from, action]) => `${from}/${action}`));
    let refused = 0;
    for (const status of LICENCE_STATUSES) {
      for (const action of LICENCE_ACTIONS) {
        if (allowed.has(`${status}/${action}`)) continue;
        const result = applyLicenceAction(status, action, 'a reason');
        expect(result).toMatchObject({ ok: false, field: 'status' });
        if (!result.ok)
          expect(result.message).toMatch(/^CRD-2: an? .+ licence cannot be .+; allowed from /);
        refused += 1;
      }
    }
    // 6 statuses × 7 actions, 10 legal moves
    expect(refused).toBe(32);
    expect(applyLicenceAction('pending', 'suspend', 'x')).toEqual({
      ok: false,
      field: 'status',
      message: 'CRD-2: a pending licence cannot be suspended; allowed from approved',
    });
  });

  it('CRD-2: non-compliant and expired are final; a pending licence cannot be renewed', () => {
    expect(availableLicenceActions('non-compliant')).toEqual([]);
    expect(availableLicenceActions('expired')).toEqual([]);
    expect(availableLicenceActions('pending')).toEqual(['approve', 'reject']);
    expect(availableLicenceActions('approved')).toEqual([
      'suspend',
      'renew',
      'record-non-compliance',
      'expire',
    ]);
    expect(availableLicenceActions('suspended')).toEqual([
      'reinstate',
      'record-non-compliance',
      'expire',
    ]);
  });

  it.each([
    ['reject', 'pending'],
    ['suspend', 'approved'],
    ['record-non-compliance', 'approved'],
  ] as const)('CRD-2: %s needs a reason (blank is none)', (action, from) => {
    for (const reason of [null, undefined, '', '   ']) {
      expect(applyLicenceAction(from, action, reason)).toMatchObject({
        ok: false,
        field: 'reason',
      });
    }
  });

  it('CRD-2: approving, reinstating and renewing need no reason', () => {
    expect(applyLicenceAction('pending', 'approve')).toMatchObject({ ok: true });
    expect(applyLicenceAction('suspended', 'reinstate')).toMatchObject({ ok: true });
    expect(applyLicenceAction('approved', 'renew')).toMatchObject({ ok: true });
  });
});

describe('validity on a date (CRD-2)', () => {
  it('CRD-2: a licence is valid only when approved and the date is within its period', () => {
    const approved = { status: 'approved' as const, periods: [YEAR_2026] };
    expect(licenceValidOn(approved, d('2026-01-01'))).toBe(true);
    expect(licenceValidOn(approved, d('2026-12-31'))).toBe(true);
    expect(licenceValidOn(approved, d('2025-12-31'))).toBe(false);
    expect(licenceValidOn(approved, d('2027-01-01'))).toBe(false);
  });

  it.each(['pending', 'rejected', 'suspended', 'non-compliant', 'expired'] as const)(
    'CRD-2: a licence %s is not valid, even within its period',
    (status) => {
      expect(licenceValidOn({ status, periods: [YEAR_2026] }, d('2026-06-15'))).toBe(false);
    },
  );

  it('CRD-2: a licence renewed before its period ends stays valid to the old end and in the new period', () => {
    const renewed = {
      status: 'approved' as const,
      periods: [YEAR_2026, period('2027-01-01', '2027-12-31')],
    };
    expect(licenceValidOn(renewed, d('2026-11-30'))).toBe(true);
    expect(licenceValidOn(renewed, d('2027-06-30'))).toBe(true);
    expect(licenceValidOn(renewed, d('2028-01-01'))).toBe(false);
    expect(currentPeriod(renewed.periods)).toEqual(period('2027-01-01', '2027-12-31'));
  });
});

describe('renewal periods and the period history (CRD-2)', () => {
  it('CRD-2: the new period starts the day after the current one ends', () => {
    expect(renewalPeriod(YEAR_2026, d('2027-12-31'))).toEqual({
      ok: true,
      period: period('2027-01-01', '2027-12-31'),
    });
    expect(renewalPeriod(YEAR_2026, d('2027-01-01'))).toEqual({
      ok: true,
      period: period('2027-01-01', '2027-01-01'),
    });
  });

  it('CRD-2: a renewal that does not reach past the current end is refused', () => {
    for (const newTo of ['2026-12-31', '2026-06-30']) {
      const result = renewalPeriod(YEAR_2026, d(newTo));
      expect(result).toMatchObject({ ok: false, field: 'to' });
      if (!result.ok) expect(result.message).toContain('starts on 2027-01-01');
    }
  });

  it.each([
    ['2026-01-01', 12, '2026-12-31'],
    ['2026-03-01', 12, '2027-02-28'],
    ['2028-03-01', 12, '2029-02-28'],
    ['2027-03-01', 12, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-27'],
    ['2026-11-15', 3, '2027-02-14'],
    ['2026-01-01', 24, '2027-12-31'],
  ])('a validity of months: from %s for %i months ends on %s', (from, months, end) => {
    expect(periodEndAfterMonths(d(from), months)).toBe(end);
  });
});

describe('expiry without renewal (CRD-2, WF-2)', () => {
  it('CRD-2: an approved or suspended licence expires after its period ends', () => {
    for (const status of ['approved', 'suspended'] as const) {
      expect(checkExpiry({ status, periods: [YEAR_2026] }, d('2027-01-01'))).toEqual({
        ok: true,
        alreadyExpired: false,
      });
    }
  });

  it('CRD-2: expiring an expired licence is a no-op', () => {
    expect(checkExpiry({ status: 'expired', periods: [YEAR_2026] }, d('2027-01-01'))).toEqual({
      ok: true,
      alreadyExpired: true,
    });
  });

  it('CRD-2: a licence whose renewed period covers the date does not expire', () => {
    const renewed = {
      status: 'approved' as const,
      periods: [YEAR_2026, period('2027-01-01', '2027-12-31')],
    };
    const result = checkExpiry(renewed, d('2027-01-01'));
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toContain('runs to 2027-12-31');
    // nor on the last day of its period
    expect(
      checkExpiry({ status: 'approved', periods: [YEAR_2026] }, d('2026-12-31')),
    ).toMatchObject({ ok: false });
  });

  it.each(['pending', 'rejected', 'non-compliant'] as const)(
    'CRD-2: a %s licence cannot expire',
    (status) => {
      expect(checkExpiry({ status, periods: [YEAR_2026] }, d('2027-01-01'))).toMatchObject({
        ok: false,
      });
    },
  );
});
