import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

/**
 * The rule-named refusal of a service, when an activity failed with one (a non-retryable
 * ApplicationFailure, ARCHITECTURE rule 5); null for any other failure, which the caller rethrows.
 */
export function businessRejectionOf(error: unknown): ApplicationFailure | null {
  if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) {
    return error.cause.nonRetryable ? error.cause : null;
  }
  return null;
}
