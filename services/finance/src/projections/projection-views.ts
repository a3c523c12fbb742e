import type { PaymentOptions } from '@platform/contracts';
import { formatMoney } from '@platform/kernel';

/** Money columns come back from pg as text (bigint); the API shows decimal strings (rule 8). */
export const money = (stored: string | null): string | null =>
  stored === null ? null : formatMoney(BigInt(stored));

export type RateView =
  | { kind: 'fixed'; amount: string }
  | { kind: 'range'; minimum: string | null; maximum: string | null };

export function rateView(row: {
  kind: string | null;
  amount: string | null;
  minimum: string | null;
  maximum: string | null;
}): RateView | null {
  if (row.kind === null) return null;
  return row.kind === 'fixed'
    ? { kind: 'fixed', amount: money(row.amount) as string }
    : { kind: 'range', minimum: money(row.minimum), maximum: money(row.maximum) };
}

export interface ProviderFactsView {
  providerId: string;
  name: string | null;
  /** PRV-1; null when only services, directions or contracts have been seen. */
  status: string | null;
  statusHistory: { status: string; reason: string | null; occurredAt: string }[];
  services: {
    providerServiceId: string;
    serviceProductId: string;
    status: string;
    from: string;
    to: string | null;
    approvedOn: string | null;
    rate: RateView | null;
    placeLimit: number | null;
    /** PRV-7: null when the product's apply. */
    paymentOptions: PaymentOptions | null;
  }[];
  /** PRV-5, oldest first. */
  paymentDirections: {
    affiliationId: string;
    groupId: string;
    effectiveFrom: string;
    paymentsToGroup: boolean;
    affiliationStart: string;
    affiliationEnd: string | null;
  }[];
  /** Versions the provider contracts or is bound by (group contracts), CTR-1…CTR-7. */
  contracts: {
    contractId: string;
    contractNumber: string;
    version: number;
    type: string;
    status: string;
    period: { from: string; to: string };
    bindingTo: string | null;
    providerServiceIds: string[];
    unitRates: { providerServiceId: string; from: string; to: string; rate: string }[];
    fixedFeePeriods: { from: string; to: string; amount: string; status: string }[];
  }[];
}

export interface ServiceProductFactsView {
  productId: string;
  name: string;
  unitOfMeasure: string;
  paymentChannels: string[];
  payBasedOnAttendance: boolean;
  payBasedOnPlacement: boolean;
  /** SVC-3. */
  paymentOptions: PaymentOptions;
  /** SVC-2 rates not removed, by effective date. */
  rates: (RateView & { rateId: string; effectiveFrom: string; effectiveTo: string | null })[];
}
