import { z } from 'zod';
import { calendarDateInput, uuidInput } from '@platform/http';
import { MONEY_INPUT_PATTERN, parseMoney } from '@platform/kernel';

/**
 * Finance's own request fields; ids, text and calendar dates are the shared ones of @platform/http
 * (re-exported here so finance's modules import one place). Money is read into exact integer
 * cents (ARCHITECTURE rule 8), so a bad value is a 400 naming the field.
 */
export { calendarDateInput, idPipe, textInput, uuidInput } from '@platform/http';

/** An amount as a decimal string ("12.50"), read into exact integer cents. */
export const moneyInput = z
  .string()
  .regex(MONEY_INPUT_PATTERN, 'must be a decimal string with at most two decimals, e.g. "12.50"')
  .transform(parseMoney)
  .meta({ description: 'Decimal string, never a JSON number (e.g. "12.50")', example: '12.50' });

/** A period of calendar dates, both ends included, that does not end before it starts. */
export const periodInput = z
  .object({ from: calendarDateInput, to: calendarDateInput })
  .strict()
  .refine((period) => period.to >= period.from, {
    path: ['to'],
    message: 'the period cannot end before it starts',
  });

export type PeriodInput = z.infer<typeof periodInput>;

/** A list of distinct ids (the same client twice would be counted twice). */
export function distinctIds(min: number, max: number) {
  return z
    .array(uuidInput)
    .min(min)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an id');
}
