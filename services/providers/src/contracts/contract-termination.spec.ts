import { describe, expect, it } from '@jest/globals';
import { parseCalendarDate } from '@platform/kernel';
import { finalPaymentOnTermination } from './contract-termination.js';

const date = parseCalendarDate;
const year2026 = { from: date('2026-01-01'), to: date('2026-12-31') };

describe('final fixed-fee payment on termination (CTR-7)', () => {
  it('CTR-7: 12,000.00 a year paid monthly, terminated on 15 March → 1–15 March, 500.00', () => {
    expect(
      finalPaymentOnTermination(
        { kind: 'total', amount: 1_200_000n, frequency: 'monthly' },
        year2026,
        date('2026-03-15'),
      ),
    ).toEqual({ from: '2026-03-01', to: '2026-03-15', amount: 50_000n });
  });

  it('CTR-7: a termination on the last day of a payment period pays that period in full', () => {
    expect(
      finalPaymentOnTermination(
        { kind: 'periodic', amount: 100_000n, frequency: 'monthly' },
        year2026,
        date('2026-03-31'),
      ),
    ).toEqual({ from: '2026-03-01', to: '2026-03-31', amount: 100_000n });
  });

  it('CTR-7: a quarterly payment pays its whole months and the cut month on 30 days (Apr, May, 15 Jun of 3,000.00 → 2,500.00)', () => {
    expect(
      finalPaymentOnTermination(
        { kind: 'periodic', amount: 300_000n, frequency: 'quarterly' },
        year2026,
        date('2026-06-15'),
      ),
    ).toEqual({ from: '2026-04-01', to: '2026-06-15', amount: 250_000n });
  });

  it('CTR-7: a day outside the payment schedule has no final payment', () => {
    expect(
      finalPaymentOnTermination(
        { kind: 'total', amount: 1_200_000n, frequency: 'monthly' },
        year2026,
        date('2027-01-05'),
      ),
    ).toBeNull();
  });
});
