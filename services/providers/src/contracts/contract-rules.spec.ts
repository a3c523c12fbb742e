import { describe, expect, it } from '@jest/globals';
import { parseCalendarDate as d } from '@platform/kernel';
import { parseMoney } from '../shared/money.js';
import {
  activationRefusals,
  amendmentRefusal,
  fixedFeePayments,
  paymentCount,
  proratedPayment,
  renewalStart,
  unitRateProblems,
  type ActivationFacts,
} from './contract-rules.js';

describe('fixed-fee payments (CTR-1, FIN-11)', () => {
  it('CTR-1: a total is split over the payments at the frequency (2,400 a year monthly → 200)', () => {
    const payments = fixedFeePayments(
      { kind: 'total', amount: parseMoney('2400'), frequency: 'monthly' },
      12,
    );
    expect(payments).toEqual(Array.from({ length: 12 }, () => parseMoney('200')));
  });

  it('CTR-1: an uneven total leaves its remainder on the last payment, so the cents add up', () => {
    const total = parseMoney('1000');
    const payments = fixedFeePayments({ kind: 'total', amount: total, frequency: 'quarterly' }, 9);
    expect(payments).toEqual([parseMoney('333.33'), parseMoney('333.33'), parseMoney('333.34')]);
    expect(payments.reduce((sum, p) => sum + p, 0n)).toBe(total);
  });

  it('CTR-1: a periodic amount is paid as stated at each payment', () => {
    expect(
      fixedFeePayments({ kind: 'periodic', amount: parseMoney('150'), frequency: 'monthly' }, 3),
    ).toEqual([parseMoney('150'), parseMoney('150'), parseMoney('150')]);
    expect(paymentCount(13, 'annually')).toBe(2);
  });
});

describe('termination and renewal (CTR-6, CTR-7)', () => {
  it("CTR-7: 12,000 a year paid monthly, terminated on 15 March → the March payment is 500 (the guide's 30-day month)", () => {
    expect(proratedPayment(parseMoney('1000'), d('2026-03-01'), d('2026-03-15'))).toBe(
      parseMoney('500'),
    );
  });

  it('CTR-7: proration rounds half up to the cent and never exceeds the full payment', () => {
    expect(proratedPayment(parseMoney('100'), d('2026-03-01'), d('2026-03-01'))).toBe(
      parseMoney('3.33'),
    );
    expect(proratedPayment(parseMoney('100'), d('2026-03-01'), d('2026-03-31'))).toBe(
      parseMoney('100'),
    );
  });

  it('CTR-6: a renewal starts the day after the previous end date', () => {
    expect(renewalStart(d('2026-12-31'))).toBe('2027-01-01');
    expect(renewalStart(d('2028-02-28'))).toBe('2028-02-29');
  });
});

describe('activation (CTR-2, CTR-4)', () => {
  const ready: ActivationFacts = {
    providerStatus: 'approved',
    coveredServices: [{ id: 's-1', name: 'Foster care', status: 'approved' }],
    requiredLicenceTypes: ['foster-care'],
    validLicenceTypes: ['foster-care'],
    signedCurrentDocument: true,
  };

  it('CTR-4: a signed contract of an approved provider with approved services and valid licences activates', () => {
    expect(activationRefusals(ready)).toEqual([]);
  });

  it('CTR-4 / CTR-2: every reason is given at once, each naming its rule', () => {
    expect(
      activationRefusals({
        providerStatus: 'enrolled',
        coveredServices: [{ id: 's-1', name: 'Foster care', status: 'pending' }],
        requiredLicenceTypes: ['foster-care', 'fire-safety'],
        validLicenceTypes: ['foster-care'],
        signedCurrentDocument: false,
      }),
    ).toEqual([
      'CTR-4: the provider has not signed the current contract document',
      'CTR-4: the provider is enrolled, not approved',
      'CTR-4: the covered service Foster care is pending, not approved',
      'CTR-2: no valid fire-safety licence on the activation date',
    ]);
  });

  it('CTR-2: an expired licence of a required type refuses activation', () => {
    expect(activationRefusals({ ...ready, validLicenceTypes: [] })).toEqual([
      'CTR-2: no valid foster-care licence on the activation date',
    ]);
  });
});

describe('rates and amendments (CTR-2, CTR-5)', () => {
  const period = { from: d('2026-01-01'), to: d('2026-12-31') };

  it('CTR-5: unit rates per sub-period may follow each other but not overlap', () => {
    const rate = (from: string, to: string) => ({
      providerServiceId: 's-1',
      from: d(from),
      to: d(to),
      rate: parseMoney('42.50'),
    });
    expect(
      unitRateProblems(period, [
        rate('2026-01-01', '2026-06-30'),
        rate('2026-07-01', '2026-12-31'),
      ]),
    ).toEqual([]);
    expect(
      unitRateProblems(period, [
        rate('2026-01-01', '2026-07-15'),
        rate('2026-07-01', '2026-12-31'),
      ]),
    ).toEqual([
      'CTR-5: the rates of s-1 overlap (2026-01-01–2026-07-15 and 2026-07-01–2026-12-31)',
    ]);
  });

  it('CTR-2: a unit rate outside the contract period is refused', () => {
    expect(
      unitRateProblems(period, [
        { providerServiceId: 's-1', from: d('2025-12-01'), to: d('2026-03-31'), rate: 1n },
      ]),
    ).toEqual([
      'CTR-2: the rate of s-1 from 2025-12-01 to 2026-03-31 lies outside the contract period 2026-01-01–2026-12-31',
    ]);
  });

  it('CTR-5: a fixed-fee amount cannot be amended; terminate and create a new contract', () => {
    const fee = { kind: 'total', amount: parseMoney('12000'), frequency: 'monthly' } as const;
    expect(amendmentRefusal(fee, { ...fee, amount: parseMoney('13000') })).toMatch(/^CTR-5:/);
    expect(amendmentRefusal(fee, { ...fee })).toBeNull();
    expect(amendmentRefusal(null, null)).toBeNull();
  });
});
