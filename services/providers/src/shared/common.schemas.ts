import { z } from 'zod';
import { parseCalendarDate, type CalendarDate } from '@platform/kernel';
import { MONEY_INPUT_PATTERN, parseMoney } from './money.js';

export const idParam = z.uuid('must be a UUID');

/** A display name: trimmed, not blank. */
export const nameInput = z.string().trim().min(1, 'name is required').max(200);

/** A calendar date (ARCHITECTURE rule 8), checked to be a real day: 2026-02-30 is refused. */
export const calendarDateInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31')
  .refine(isRealDay, 'no such day')
  .transform((value) => value as CalendarDate)
  .meta({ format: 'date', example: '2026-01-01' });

function isRealDay(value: string): boolean {
  try {
    parseCalendarDate(value);
    return true;
  } catch {
    return false;
  }
}

/** An amount of money, read into exact integer cents (ARCHITECTURE rule 8). */
export const moneyInput = z
  .string()
  .regex(MONEY_INPUT_PATTERN, 'must be a decimal string with at most two decimals, e.g. "100.00"')
  .transform(parseMoney)
  .meta({
    description:
      'Amount as a decimal string in the currency of the agency, at most two decimals ' +
      '(e.g. "100.00"); never a JSON number, so no amount is rounded. Responses always give two decimals.',
    example: '100.00',
  });

/** Case-insensitive "name contains" filter of list endpoints. */
export const nameFilter = z.string().trim().min(1).max(200).optional();

/**
 * A PATCH body must change something. Judged only when the body is otherwise valid, so a body
 * whose only key is unknown gets one error naming that key, not a second, misleading one.
 */
export function changingSomething<T extends z.ZodType<object>>(schema: T) {
  return schema.refine((body) => Object.keys(body).length > 0, {
    message: 'give at least one field to change',
    when: (payload) => payload.issues.length === 0,
  });
}
