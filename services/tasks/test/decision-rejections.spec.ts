import { describe, expect, it } from '@jest/globals';
import { ApplicationFailure } from '@temporalio/common';
import { DecisionRejection } from '@platform/contracts';
import { decisionProblemFor } from '../src/tasks/decision-sender.js';

/** How the workflow validator's rejections become problem+json (pure mapping, no Temporal). */
const rejected = (type: string, message: string) =>
  decisionProblemFor(ApplicationFailure.create({ type, message, nonRetryable: true })).problem;

describe('decision rejections over HTTP (WF-1, WF-2, ROLE)', () => {
  it('WF-1: a return without comments is a 400 naming the comment field', () => {
    expect(rejected(DecisionRejection.commentRequired, 'return needs comments')).toMatchObject({
      status: 400,
      errors: [{ field: 'comment', message: 'return needs comments' }],
    });
  });

  it('WF-1: a reject without a reason is a 400 naming the reason field', () => {
    expect(rejected(DecisionRejection.reasonRequired, 'reject needs a reason')).toMatchObject({
      status: 400,
      errors: [{ field: 'reason', message: 'reject needs a reason' }],
    });
  });

  it('WF-2: a decision the process cannot take now is a 409 of rule WF', () => {
    expect(rejected(DecisionRejection.notDecidableNow, 'awaiting inspection')).toMatchObject({
      status: 409,
      rule: 'WF',
      detail: 'awaiting inspection',
    });
  });

  it('ROLE: a decider without the role is a 403 of rule ROLE', () => {
    expect(rejected(DecisionRejection.roleNotAllowed, 'supervisors decide')).toMatchObject({
      status: 403,
      rule: 'ROLE',
    });
  });
});
