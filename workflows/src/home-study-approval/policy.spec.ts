import { describe, expect, it } from '@jest/globals';
import { DecisionRejection, type TaskDecision } from '@platform/contracts/workflows';
import { checkHomeStudyDecision, type DecisionProgress } from './policy.js';

const supervisor = { userId: 'sup.lee', roles: ['resource-manager-supervisor' as const] };

const decision = (overrides: Partial<TaskDecision> = {}): TaskDecision => ({
  taskId: 'decision-2',
  outcome: 'approve',
  reason: null,
  comment: null,
  decidedBy: supervisor,
  ...overrides,
});

/** Submission 2 awaits the supervisor; submission 1 was returned and its revision closed. */
const awaiting: DecisionProgress = {
  openDecisionTaskId: 'decision-2',
  revisionTaskId: null,
  decidedTaskIds: ['decision-1'],
};

/** Submission 1 was returned: its revision task is open, no decision task is. */
const returned: DecisionProgress = {
  openDecisionTaskId: null,
  revisionTaskId: 'revision-1',
  decidedTaskIds: ['decision-1'],
};

describe('home study decision validation (WF-1, ROLE)', () => {
  it('WF-1: a supervisor approves, rejects with a reason or returns with a comment', () => {
    expect(checkHomeStudyDecision(decision(), awaiting)).toBeNull();
    expect(
      checkHomeStudyDecision(decision({ outcome: 'reject', reason: 'Failed' }), awaiting),
    ).toBeNull();
    expect(
      checkHomeStudyDecision(decision({ outcome: 'return', comment: 'Add a visit' }), awaiting),
    ).toBeNull();
  });

  it('ROLE: a resource manager may not decide a home study', () => {
    const byResourceManager = decision({
      decidedBy: { userId: 'rm.rivera', roles: ['resource-manager'] },
    });
    expect(checkHomeStudyDecision(byResourceManager, awaiting)?.type).toBe(
      DecisionRejection.roleNotAllowed,
    );
  });

  it('CRD-7: a rejection needs its failure reason and a return its comments', () => {
    expect(checkHomeStudyDecision(decision({ outcome: 'reject' }), awaiting)?.type).toBe(
      DecisionRejection.reasonRequired,
    );
    expect(
      checkHomeStudyDecision(decision({ outcome: 'return', reason: 'why' }), awaiting)?.type,
    ).toBe(DecisionRejection.commentRequired);
  });

  it('WF-1: a decided task stays decided, even while a later submission awaits the supervisor', () => {
    expect(checkHomeStudyDecision(decision({ taskId: 'decision-1' }), awaiting)?.type).toBe(
      DecisionRejection.alreadyDecided,
    );
    expect(checkHomeStudyDecision(decision({ taskId: 'decision-1' }), returned)?.type).toBe(
      DecisionRejection.alreadyDecided,
    );
    expect(checkHomeStudyDecision(decision({ taskId: 'unknown' }), awaiting)?.type).toBe(
      DecisionRejection.wrongTask,
    );
  });

  it('WF-1: a revision task closes on resubmission and cannot be decided', () => {
    expect(checkHomeStudyDecision(decision({ taskId: 'revision-1' }), returned)?.type).toBe(
      DecisionRejection.notDecidableNow,
    );
  });
});
