import { z } from 'zod';
import { ZodValidationPipe } from '@platform/http';
import {
  MONEY_INPUT_PATTERN,
  parseCalendarDate,
  parseMoney,
  type CalendarDate,
} from '@platform/kernel';

/**
 * Request fields finance's clients, cases and authorizations share: ids, calendar dates and money
 * read exactly as ARCHITECTURE rule 8 asks (a real day, integer cents), so a bad value is a 400
 * naming the field.
 */
export const uuidInput = z.uuid('must be a UUID');

/** Path parameters are UUIDs: anything else is a 400 naming the parameter. */
export const idPipe = new ZodValidationPipe(uuidInput, 'path');

export const textInput = (max: number) => z.string().trim().min(1, 'must not be blank').max(max);

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real day; a value not shaped like a date is left to the pattern's message (one error). */
function isRealDay(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return true;
  try {
    parseCalendarDate(value);
    return true;
  } catch {
    return false;
  }
}

/** A calendar date like 2026-01-31, checked to be a real day: 2026-02-30 is refused. */
export const calendarDateInput = z
  .string()
  .regex(DATE_PATTERN, 'must be a date like 2026-01-31')
  .refine(isRealDay, 'no such day')
  .transform((value) => value as CalendarDate)
  .meta({ format: 'date', example: '2026-01-01' });

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
