import { z } from 'zod';
import { parseCalendarDate, type CalendarDate } from '@platform/kernel';
import { ZodValidationPipe } from './zod-validation.js';

/**
 * Request fields the services share: ids, text and calendar dates read exactly as ARCHITECTURE
 * rule 8 asks (a real day), so a bad value is a 400 naming the field.
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
