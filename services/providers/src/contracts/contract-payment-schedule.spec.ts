import { describe, expect, it } from '@jest/globals';
import { parseCalendarDate as d } from '@platform/kernel';
import { formatMoney, parseMoney } from '../shared/money.js';
import { fixedFeeSchedule, periodMonths } from './contract-payment-schedule.js';

const YEAR_2026 = { from: d('2026-01-01'), to: d('2026-12-31') };

function shown(schedule: ReturnType<typeof fixedFeeSchedule>) {
  return schedule.map((payment) => ({ ...payment, amount: formatMoney(payment.amount) }));
}

describe('the fixed-fee payment schedule (FIN-11, CTR-1)', () => {
  it('FIN-11: 2,400.00 a year paid monthly is twelve payments of 200.00, one per calendar month', () => {
    const schedule = shown(
      fixedFeeSchedule(
        { kind: 'total', amount: parseMoney('2400'), frequency: 'monthly' },
        YEAR_2026,
      ),
    );
    expect(schedule).toHaveLength(12);
    expect(schedule.every((payment) => payment.amount === '200.00')).toBe(true);
    expect(schedule[0]).toEqual({ from: '2026-01-01', to: '2026-01-31', amount: '200.00' });
    expect(schedule[1]).toEqual({ from: '2026-02-01', to: '2026-02-28', amount: '200.00' });
    expect(schedule[11]).toEqual({ from: '2026-12-01', to: '2026-12-31', amount: '200.00' });
  });

  it('FIN-11: quarterly periods count from the contract start and the last one ends with the contract', () => {
    const schedule = shown(
      fixedFeeSchedule(
        { kind: 'periodic', amount: parseMoney('500'), frequency: 'quarterly' },
        { from: d('2026-02-15'), to: d('2026-09-30') },
      ),
    );
    expect(schedule).toEqual([
      { from: '2026-02-15', to: '2026-05-14', amount: '500.00' },
      { from: '2026-05-15', to: '2026-08-14', amount: '500.00' },
      { from: '2026-08-15', to: '2026-09-30', amount: '500.00' },
    ]);
  });

  it('CTR-1: a started month counts as a whole one when the payments are counted', () => {
    expect(periodMonths(YEAR_2026)).toBe(12);
    expect(periodMonths({ from: d('2026-01-15'), to: d('2026-12-31') })).toBe(12);
    expect(periodMonths({ from: d('2026-01-01'), to: d('2026-01-10') })).toBe(1);
    expect(periodMonths({ from: d('2026-01-01'), to: d('2027-01-01') })).toBe(13);
  });
});
