import type { CalendarDate } from '@platform/kernel';
import type { PaymentFrequency } from './contract-rules.js';

/**
 * CTR-2 / CTR-4: the terms of one contract version as its document states them. Everything the
 * provider signs is here and nothing else, so the document (and its hash) changes exactly when the
 * terms do. Amounts are decimal strings with two decimals ("12000.00"), as in the API: money is
 * never a float (ARCHITECTURE rule 8).
 */
export interface ContractTerms {
  contractNumber: string;
  version: number;
  /** CTR-1 */
  type: 'fixed-fee' | 'utilization';
  agencyName: string;
  provider: { name: string; address: string };
  period: { from: CalendarDate; to: CalendarDate };
  coveredServices: CoveredServiceTerms[];
  /** CTR-1: set on fixed-fee contracts. */
  fixedFee: FixedFeeTerms | null;
  /** CTR-1 / CTR-5: set on utilization contracts; one row per service and sub-period. */
  unitRates: UnitRateTerms[];
  /** The most places the provider may fill under the contract; null when unlimited. */
  placeLimit: number | null;
  performanceMeasures: { name: string; target: string }[];
  /** CTR-2: a valid licence of each type is needed to activate; by display name. */
  requiredLicenceTypes: string[];
  issuedOn: CalendarDate;
  /** CTR-3: why this version replaces a document already issued; null on the first issue. */
  reissueReason: string | null;
}

export interface CoveredServiceTerms {
  name: string;
  /** The unit the service is delivered and paid in ("day", "hour", "session"). */
  unit: string;
}

export interface FixedFeeTerms {
  /** A total for the period split over the payments, or the amount of each payment (CTR-1). */
  kind: 'total' | 'periodic';
  amount: string;
  frequency: PaymentFrequency;
}

export interface UnitRateTerms {
  serviceName: string;
  from: CalendarDate;
  to: CalendarDate;
  rate: string;
  unit: string;
}
