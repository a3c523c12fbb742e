import type { ProviderServiceRate, ServiceProductRate } from '@platform/contracts';
import { parseMoney } from '@platform/kernel';

/** Decimal strings from events to integer cents as text for bigint columns (ARCHITECTURE rule 8). */
export const cents = (amount: string | null): string | null =>
  amount === null ? null : parseMoney(amount).toString();

/** SVC-2 / PRV-6: a fixed rate or a range, as the three money columns store it. */
export function rateColumns(rate: ProviderServiceRate | ServiceProductRate | null) {
  if (rate === null) return { kind: null, amount: null, minimum: null, maximum: null };
  return rate.kind === 'fixed'
    ? { kind: 'fixed', amount: cents(rate.amount), minimum: null, maximum: null }
    : { kind: 'range', amount: null, minimum: cents(rate.minimum), maximum: cents(rate.maximum) };
}
