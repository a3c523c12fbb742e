import { ProblemException } from '@platform/http';
import type { RuleIssue } from '../shared/rule-issues.js';

/**
 * A DOMAIN.md rule refused the request because of what it says (422) or what is stored (409):
 * problem+json naming both the rule (`rule`) and the field(s) to change (`errors`).
 */
export class RuleProblem extends ProblemException {
  constructor(issues: readonly [RuleIssue, ...RuleIssue[]], status: 409 | 422 = 422) {
    const rule = issues[0].rule;
    super({
      type: 'https://provider-platform.dev/problems/rule-violation',
      title: `Refused by rule ${rule}`,
      status,
      detail: issues.map((issue) => `${issue.rule}: ${issue.field} — ${issue.message}`).join('; '),
      rule,
      errors: issues.map((issue) => ({
        field: issue.field,
        message: `${issue.rule}: ${issue.message}`,
      })),
    });
  }
}

/** Refuses the request when there is any issue. */
export function throwRuleProblems(issues: readonly RuleIssue[], status: 409 | 422 = 422): void {
  const [first, ...rest] = issues;
  if (first) throw new RuleProblem([first, ...rest], status);
}
