import { describe, expect, it } from '@jest/globals';
import { DecisionRejection, type TaskDecision } from '@platform/contracts/workflows';
import { checkExceptionDecision, type ExceptionProgress } from './policy.js';

const decision = (overrides: Partial<TaskDecision> = {}): TaskDecision => ({
  taskId: 'exception-1',
  outcome: 'resubmit',
  reason: null,
  decidedBy: { userId: 'fu.fong', roles: ['finance-user'] },
  ...overrides,
});

const waiting: ExceptionProgress = { openTaskId: 'exception-1', busy: false };
const revalidating: ExceptionProgress = { openTaskId: 'exception-1', busy: true };

describe('invoice exception decision validation (WF-4, FIN-6, ROLE)', () => {
  it('FIN-6: a finance user resubmits a line, or denies it with a reason', () => {
    expect(checkExceptionDecision(decision(), waiting)).toBeNull();
    expect(
      checkExceptionDecision(decision({ outcome: 'deny', reason: 'Not provided' }), waiting),
    ).toBeNull();
  });

  it('FIN-6: a denial without a reason is refused', () => {
    expect(checkExceptionDecision(decision({ outcome: 'deny' }), waiting)?.type).toBe(
      DecisionRejection.reasonRequired,
    );
    expect(checkExceptionDecision(decision({ outcome: 'deny', reason: ' ' }), waiting)?.type).toBe(
      DecisionRejection.reasonRequired,
    );
  });

  it('ROLE: only the finance exception queue’s users decide, with its outcomes, on its task', () => {
    const bySupervisor = decision({
      decidedBy: { userId: 'sup.lee', roles: ['resource-manager-supervisor'] },
    });
    expect(checkExceptionDecision(bySupervisor, waiting)?.type).toBe(
      DecisionRejection.roleNotAllowed,
    );
    expect(checkExceptionDecision(decision({ outcome: 'approve' }), waiting)?.type).toBe(
      DecisionRejection.invalidOutcome,
    );
    expect(checkExceptionDecision(decision({ taskId: 'other' }), waiting)?.type).toBe(
      DecisionRejection.wrongTask,
    );
    expect(checkExceptionDecision(decision(), { openTaskId: null, busy: false })?.type).toBe(
      DecisionRejection.alreadyDecided,
    );
  });

  it('WF-4: one decision at a time — none while the line is processed again', () => {
    expect(checkExceptionDecision(decision(), revalidating)?.type).toBe(
      DecisionRejection.notDecidableNow,
    );
    expect(
      checkExceptionDecision(decision({ outcome: 'deny', reason: 'x' }), revalidating)?.type,
    ).toBe(DecisionRejection.notDecidableNow);
  });
});
