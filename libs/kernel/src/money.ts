/**
 * Money is exact (ARCHITECTURE rule 8): integer cents as `bigint` in code and Postgres, a decimal
 * string with two decimals ("100.00") in the API and in events. No float ever holds an amount.
 * Pure: safe to use inside workflows.
 */
export type Cents = bigint;

/** What the API accepts: up to 12 integer digits and at most two decimals ("100", "99.5"). */
export const MONEY_INPUT_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

export function parseMoney(text: string): Cents {
  if (!MONEY_INPUT_PATTERN.test(text)) {
    throw new RangeError(`not an amount with at most two decimals: ${text}`);
  }
  const [units = '0', fraction = ''] = text.split('.');
  return BigInt(units) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/** "100.00" for a rate or an amount paid; refuses a negative amount (it is never a rate). */
export function formatMoney(cents: Cents): string {
  if (cents < 0n) throw new RangeError(`negative amounts are not rates: ${cents}`);
  const fraction = (cents % 100n).toString().padStart(2, '0');
  return `${cents / 100n}.${fraction}`;
}

/** "-10.00" / "10.00": a difference that may go either way (paid − billed, FIN-8 adjustments). */
export function formatSignedMoney(cents: Cents): string {
  return cents < 0n ? `-${formatMoney(-cents)}` : formatMoney(cents);
}
