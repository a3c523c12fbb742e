import { RuleViolation } from './problems.js';

/** A business rule a request breaks, at the field a person has to change (e.g. `clientIds[1]`). */
export interface RuleIssue {
  rule: string;
  field: string;
  message: string;
}

/**
 * Refuses the request when a rule is broken: 422 for what the request says (an unknown client), 409
 * for the state of what is stored (an already closed case). The problem names the first rule and
 * every field, so a client shows each refusal next to its input.
 */
export function refuseIfAny(issues: readonly RuleIssue[], status: 409 | 422 = 422): void {
  const [first] = issues;
  if (!first) return;
  throw new RuleViolation(
    first.rule,
    issues.map((issue) => `${issue.rule}: ${issue.field} — ${issue.message}`).join('; '),
    status,
    issues.map((issue) => ({ field: issue.field, message: `${issue.rule}: ${issue.message}` })),
  );
}

/** Refuses with one issue. */
export function refuse(issue: RuleIssue, status: 409 | 422 = 422): never {
  refuseIfAny([issue], status);
  throw new Error('unreachable');
}
