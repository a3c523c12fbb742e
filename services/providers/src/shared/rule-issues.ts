import type { z } from 'zod';
import { RuleViolation, ValidationProblem } from '@platform/http';

/**
 * A DOMAIN.md rule that a request breaks, located at the field a person has to change. The same
 * issue is reported whether zod finds it while parsing a new product or the service finds it when
 * a change is merged into a stored one, so the answer names the rule either way.
 */
export interface RuleIssue {
  rule: string;
  /** Dotted path of the offending field, e.g. `attendanceTracking.reportingMethod`. */
  field: string;
  message: string;
}

function messageOf(issue: RuleIssue): string {
  return `${issue.rule}: ${issue.message}`;
}

/** Reports rule issues as zod issues (inside `superRefine`), so the 400 names field and rule. */
export function addRuleIssues(ctx: z.RefinementCtx, issues: readonly RuleIssue[]): void {
  for (const issue of issues) {
    ctx.addIssue({ code: 'custom', path: issue.field.split('.'), message: messageOf(issue) });
  }
}

/**
 * A rule refused the request because of what it says (422) or what is stored (409): problem+json
 * naming the (first) rule and every field to change.
 */
export function ruleViolation(
  issues: readonly [RuleIssue, ...RuleIssue[]],
  status: 409 | 422 = 422,
): RuleViolation {
  return new RuleViolation(
    issues[0].rule,
    issues.map((issue) => `${issue.rule}: ${issue.field} — ${issue.message}`).join('; '),
    status,
    issues.map((issue) => ({ field: issue.field, message: messageOf(issue) })),
  );
}

/** Refuses the request with a `ruleViolation` when there is any issue. */
export function throwIfRuleViolated(issues: readonly RuleIssue[], status: 409 | 422 = 422): void {
  const [first, ...rest] = issues;
  if (first) throw ruleViolation([first, ...rest], status);
}

/** Refuses a request over one rule issue, with the 400 problem+json the validation pipe gives. */
export function refuseRuleIssue(issue: RuleIssue): never {
  throw new ValidationProblem([{ field: issue.field, message: messageOf(issue) }]);
}

/** Refuses a request with the same 400 problem+json the validation pipe gives. */
export function throwIfRuleIssues(issues: readonly RuleIssue[]): void {
  if (issues.length === 0) return;
  throw new ValidationProblem(
    issues.map((issue) => ({ field: issue.field, message: messageOf(issue) })),
  );
}
