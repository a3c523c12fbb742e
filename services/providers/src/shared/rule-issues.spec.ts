import { describe, expect, it } from '@jest/globals';
import { RuleViolation, ValidationProblem } from '@platform/http';
import { refuseRuleIssue, ruleViolation, throwIfRuleViolated } from './rule-issues.js';

const missingProvider = {
  rule: 'INC-1',
  field: 'participants',
  message: 'the provider must be one of its participants',
};
const noPerson = { rule: 'INC-1', field: 'participants', message: 'add a member or a client' };

describe('rule issues as problem+json (ARCHITECTURE rule 9)', () => {
  it('a rule violation names the rule and every field to change, 422 unless told', () => {
    const problem = ruleViolation([missingProvider, noPerson]);
    expect(problem).toBeInstanceOf(RuleViolation);
    expect(problem.problem).toEqual({
      type: 'https://provider-platform.dev/problems/rule-violation',
      title: 'Refused by rule INC-1',
      status: 422,
      rule: 'INC-1',
      detail:
        'INC-1: participants — the provider must be one of its participants; ' +
        'INC-1: participants — add a member or a client',
      errors: [
        { field: 'participants', message: 'INC-1: the provider must be one of its participants' },
        { field: 'participants', message: 'INC-1: add a member or a client' },
      ],
    });
    expect(ruleViolation([missingProvider], 409).getStatus()).toBe(409);
  });

  it('refuses only when there is an issue', () => {
    expect(() => throwIfRuleViolated([])).not.toThrow();
    expect(() => throwIfRuleViolated([noPerson], 409)).toThrow(RuleViolation);
  });

  it('one issue refused as bad input is the 400 the validation pipe gives', () => {
    let thrown: unknown;
    try {
      refuseRuleIssue(noPerson);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationProblem);
    expect((thrown as ValidationProblem).problem.errors).toEqual([
      { field: 'participants', message: 'INC-1: add a member or a client' },
    ]);
  });
});
