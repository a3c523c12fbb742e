import { addDays, daysInclusive, type CalendarDate } from '@platform/kernel';
import type { Cents } from '../shared/money.js';

/** CTR-1: how often a fixed-fee contract pays. */
export const PAYMENT_FREQUENCIES = ['monthly', 'quarterly', 'annually'] as const;
export type PaymentFrequency = (typeof PAYMENT_FREQUENCIES)[number];

/** CTR-1: the months one payment covers at each frequency. */
export const MONTHS_PER_PAYMENT: Record<PaymentFrequency, number> = {
  monthly: 1,
  quarterly: 3,
  annually: 12,
};

/**
 * CTR-1: a fixed-fee contract states either a total for its period, split evenly over the payments
 * at its frequency, or the amount of each periodic payment.
 */
export type FixedFee =
  | { kind: 'total'; amount: Cents; frequency: PaymentFrequency }
  | { kind: 'periodic'; amount: Cents; frequency: PaymentFrequency };

/** CTR-1: the number of payments a period of `months` months makes at the frequency (whole). */
export function paymentCount(months: number, frequency: PaymentFrequency): number {
  return Math.max(1, Math.ceil(months / MONTHS_PER_PAYMENT[frequency]));
}

/**
 * CTR-1 / FIN-11: the amount of each payment (2,400.00 a year paid monthly → 200.00). A total
 * that does not divide evenly leaves its remainder on the last payment, so the payments always
 * add up to the total to the cent.
 */
export function fixedFeePayments(fee: FixedFee, months: number): Cents[] {
  const count = paymentCount(months, fee.frequency);
  if (fee.kind === 'periodic') return Array.from({ length: count }, () => fee.amount);
  const each = fee.amount / BigInt(count);
  const payments = Array.from({ length: count }, () => each);
  payments[count - 1] = each + (fee.amount - each * BigInt(count));
  return payments;
}

/**
 * CTR-7: the payment for a month cut short by termination, prorated on a 30-day month (the guide's
 * figure: 1,000.00 a month terminated on 15 March → 500.00 = 1,000 × 15/30). `paidFrom` is the
 * first day the payment covers; the termination date is the last day paid. Rounded half up to the
 * cent; never more than the full payment.
 */
export function proratedPayment(
  payment: Cents,
  paidFrom: CalendarDate,
  terminatedOn: CalendarDate,
): Cents {
  const days = BigInt(Math.min(30, Math.max(0, daysInclusive(paidFrom, terminatedOn))));
  return (payment * days * 2n + 30n) / 60n;
}

/** CTR-6: a renewal starts the day after the previous contract's end date. */
export function renewalStart(previousEnd: CalendarDate): CalendarDate {
  return addDays(previousEnd, 1);
}

/** What activation needs to know about the provider and the contract's services and licences. */
export interface ActivationFacts {
  providerStatus: string;
  /** Each covered provider service and its status. */
  coveredServices: { id: string; name: string; status: string }[];
  /** The licence types the contract requires (CTR-2), by code. */
  requiredLicenceTypes: string[];
  /** Licence type codes of the provider's licences valid on the activation date (CRD-2). */
  validLicenceTypes: string[];
  /** The signature on the current document, if any (CTR-4, SS-5). */
  signedCurrentDocument: boolean;
}

/**
 * CTR-2 / CTR-4: every reason activation is refused, each naming its rule, so a resource manager
 * sees all that must be put right at once; empty when the contract may activate.
 */
export function activationRefusals(facts: ActivationFacts): string[] {
  const refusals: string[] = [];
  if (!facts.signedCurrentDocument) {
    refusals.push('CTR-4: the provider has not signed the current contract document');
  }
  if (facts.providerStatus !== 'approved') {
    refusals.push(`CTR-4: the provider is ${facts.providerStatus}, not approved`);
  }
  for (const service of facts.coveredServices) {
    if (service.status !== 'approved') {
      refusals.push(
        `CTR-4: the covered service ${service.name} is ${service.status}, not approved`,
      );
    }
  }
  const valid = new Set(facts.validLicenceTypes);
  for (const type of facts.requiredLicenceTypes) {
    if (!valid.has(type)) {
      refusals.push(`CTR-2: no valid ${type} licence on the activation date`);
    }
  }
  return refusals;
}

/** A utilization contract's unit rate for one covered service over a sub-period (CTR-5). */
export interface UnitRate {
  providerServiceId: string;
  from: CalendarDate;
  to: CalendarDate;
  rate: Cents;
}

/**
 * CTR-2 / CTR-5: the unit rates of a utilization contract lie within its period and, per covered
 * service, their sub-periods do not overlap (one rate per service per day). Answers the problems.
 */
export function unitRateProblems(
  period: { from: CalendarDate; to: CalendarDate },
  rates: readonly UnitRate[],
): string[] {
  const problems: string[] = [];
  for (const rate of rates) {
    if (rate.from > rate.to) {
      problems.push(
        `CTR-5: a rate of ${rate.providerServiceId} ends (${rate.to}) before it starts`,
      );
    } else if (rate.from < period.from || rate.to > period.to) {
      problems.push(
        `CTR-2: the rate of ${rate.providerServiceId} from ${rate.from} to ${rate.to} lies outside the contract period ${period.from}–${period.to}`,
      );
    }
  }
  const byService = new Map<string, UnitRate[]>();
  for (const rate of rates) {
    byService.set(rate.providerServiceId, [...(byService.get(rate.providerServiceId) ?? []), rate]);
  }
  for (const [serviceId, serviceRates] of byService) {
    const sorted = [...serviceRates].sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < sorted.length; i += 1) {
      const previous = sorted[i - 1] as UnitRate;
      const current = sorted[i] as UnitRate;
      if (current.from <= previous.to) {
        problems.push(
          `CTR-5: the rates of ${serviceId} overlap (${previous.from}–${previous.to} and ${current.from}–${current.to})`,
        );
      }
    }
  }
  return problems;
}

/**
 * CTR-5: an amendment of a fixed-fee contract may not change its amount — terminate it and create a
 * new contract from the change date instead. Null when the amendment is allowed.
 */
export function amendmentRefusal(
  current: FixedFee | null,
  amended: FixedFee | null,
): string | null {
  if (current === null || amended === null) return null;
  if (current.amount !== amended.amount || current.kind !== amended.kind) {
    return 'CTR-5: a fixed-fee contract cannot change its amount; terminate it and create a new contract from the change date';
  }
  return null;
}
