import { addDays, addMonths, type CalendarDate } from '@platform/kernel';
import { fixedFeePayments, MONTHS_PER_PAYMENT, type FixedFee } from './contract-rules.js';
import type { Cents } from '../shared/money.js';

/** FIN-11: one fixed-fee payment and the days it pays for (in arrears). */
export interface ScheduledPayment {
  from: CalendarDate;
  to: CalendarDate;
  amount: Cents;
}

/**
 * The months a period spans, counting a started month as whole: the fewest months after which
 * the same date lies beyond the period's end (2026-01-01–2026-12-31 → 12; 2026-01-15–2026-12-31
 * → 12; 2026-01-01–2026-01-10 → 1).
 */
export function periodMonths(period: { from: CalendarDate; to: CalendarDate }): number {
  let months = 1;
  while (addMonths(period.from, months) <= period.to) months += 1;
  return months;
}

/**
 * FIN-11 / CTR-1: the payments of a fixed-fee contract over its period — one per payment period of
 * the frequency, counted from the first day of the contract (each start is that day plus a whole
 * number of periods, so month ends do not drift), the last one cut at the contract's end; the
 * amounts are CTR-1's (`fixedFeePayments`: 2,400.00 a year monthly → twelve of 200.00).
 */
export function fixedFeeSchedule(
  fee: FixedFee,
  period: { from: CalendarDate; to: CalendarDate },
): ScheduledPayment[] {
  const step = MONTHS_PER_PAYMENT[fee.frequency];
  const amounts = fixedFeePayments(fee, periodMonths(period));
  return amounts.map((amount, index) => {
    const nextStart = addMonths(period.from, (index + 1) * step);
    const end = addDays(nextStart, -1);
    return {
      from: addMonths(period.from, index * step),
      to: end < period.to ? end : period.to,
      amount,
    };
  });
}
