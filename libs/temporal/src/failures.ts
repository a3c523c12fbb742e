import { ApplicationFailure } from '@temporalio/common';

/**
 * A business rule refused the activity: retrying cannot help, so the failure is non-retryable and
 * its type names the rule (ARCHITECTURE rule 5).
 */
export function businessRejection(type: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}
