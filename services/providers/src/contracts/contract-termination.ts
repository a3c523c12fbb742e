import { addMonths, type CalendarDate } from '@platform/kernel';
import type { Cents } from '../shared/money.js';
import { fixedFeeSchedule } from './contract-payment-schedule.js';
import { MONTHS_PER_PAYMENT, proratedPayment, type FixedFee } from './contract-rules.js';

/** CTR-7: the last fixed-fee payment, for the days of its period up to the termination. */
export interface FinalPayment {
  from: CalendarDate;
  to: CalendarDate;
  amount: Cents;
}

/**
 * CTR-7 / FIN-11: the payment of the payment period a termination cuts short, prorated to the
 * termination date (the last day paid). Monthly: the guide's 30-day month — 12,000.00 a year paid
 * monthly, terminated on 15 March → 1 March–15 March, 500.00. A quarterly or annual payment pays
 * its whole months in full shares and the cut month on the same 30-day basis. A termination on
 * the last day of a payment period pays that period in full. Null when the day lies outside the
 * schedule (the caller refuses such a date first).
 */
export function finalPaymentOnTermination(
  fee: FixedFee,
  period: { from: CalendarDate; to: CalendarDate },
  terminatedOn: CalendarDate,
): FinalPayment | null {
  const payment = fixedFeeSchedule(fee, period).find(
    (scheduled) => scheduled.from <= terminatedOn && terminatedOn <= scheduled.to,
  );
  if (!payment) return null;
  const cut = { from: payment.from, to: terminatedOn };
  if (terminatedOn === payment.to) return { ...cut, amount: payment.amount };
  const months = MONTHS_PER_PAYMENT[fee.frequency];
  if (months === 1) {
    return { ...cut, amount: proratedPayment(payment.amount, payment.from, terminatedOn) };
  }
  let fullMonths = 0;
  while (addMonths(payment.from, fullMonths + 1) <= terminatedOn) fullMonths += 1;
  const monthlyShare = payment.amount / BigInt(months);
  const amount =
    (payment.amount * BigInt(fullMonths)) / BigInt(months) +
    proratedPayment(monthlyShare, addMonths(payment.from, fullMonths), terminatedOn);
  return { ...cut, amount };
}
