import { ApplicationFailure } from '@temporalio/workflow';
import { parseCalendarDate, type CalendarDate } from '@platform/kernel';

/**
 * A process input a starter got wrong: the workflow fails at once, naming the field, instead of
 * retrying a workflow task that can never succeed.
 */
export function invalidInput(field: string, problem: string): ApplicationFailure {
  return ApplicationFailure.create({
    type: 'InvalidInput',
    message: `${field}: ${problem}`,
    nonRetryable: true,
  });
}

/** A calendar date (YYYY-MM-DD) of the input, or an InvalidInput failure naming the field. */
export function calendarDateInput(field: string, value: string): CalendarDate {
  try {
    return parseCalendarDate(value);
  } catch (error) {
    throw invalidInput(field, (error as Error).message);
  }
}
