/**
 * A rule a line item broke, as the exception task lists it (FIN-6, WF-4): a stable `code` that
 * survives crossing a process (workflow memo, task payload, problem+json), the DOMAIN.md rule id
 * it enforces, and a sentence for the person working the queue.
 */
export interface RuleFailure<Code extends string = string> {
  code: Code;
  rule: string;
  message: string;
}
