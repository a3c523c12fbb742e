/**
 * A placement rule a request broke (as finance's RuleFailure, ADR 0017/0020): a stable `code` that
 * survives crossing a process (workflow memo, task payload, problem+json), the DOMAIN.md rule id
 * it enforces, and a sentence for the person who made the request.
 */
export interface RuleFailure<Code extends string = string> {
  code: Code;
  rule: string;
  message: string;
}
