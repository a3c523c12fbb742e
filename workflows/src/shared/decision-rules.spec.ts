import { describe, expect, it } from '@jest/globals';
import { DecisionRejection, type TaskDecision } from '@platform/contracts/workflows';
import { INQUIRY_DECISION } from '../inquiry-triage/policy.js';
import { checkDecision } from './decision-rules.js';

const decision = (overrides: Partial<TaskDecision> = {}): TaskDecision => ({
  taskId: 't-1',
  outcome: 'convert',
  reason: null,
  decidedBy: { userId: 'rm.rivera', roles: ['resource-manager'] },
  ...overrides,
});

describe('decide update validation (ARCHITECTURE rule 6)', () => {
  it('PRV-2: a resource manager may convert an inquiry', () => {
    expect(checkDecision(decision(), INQUIRY_DECISION, 't-1')).toBeNull();
  });

  it('ROLE: a case worker may not decide an inquiry', () => {
    const rejection = checkDecision(
      decision({ decidedBy: { userId: 'cw.chen', roles: ['case-worker'] } }),
      INQUIRY_DECISION,
      't-1',
    );
    expect(rejection?.type).toBe(DecisionRejection.roleNotAllowed);
  });

  it('PRV-2: closing an inquiry needs a reason', () => {
    expect(
      checkDecision(decision({ outcome: 'close', reason: '  ' }), INQUIRY_DECISION, 't-1')?.type,
    ).toBe(DecisionRejection.reasonRequired);
    expect(
      checkDecision(decision({ outcome: 'close', reason: 'Duplicate' }), INQUIRY_DECISION, 't-1'),
    ).toBeNull();
  });

  it('refuses outcomes the task does not offer', () => {
    expect(checkDecision(decision({ outcome: 'approve' }), INQUIRY_DECISION, 't-1')?.type).toBe(
      DecisionRejection.invalidOutcome,
    );
  });

  it('refuses a decision for another task, or once the task is decided', () => {
    expect(checkDecision(decision({ taskId: 't-2' }), INQUIRY_DECISION, 't-1')?.type).toBe(
      DecisionRejection.wrongTask,
    );
    expect(checkDecision(decision(), INQUIRY_DECISION, null)?.type).toBe(
      DecisionRejection.alreadyDecided,
    );
  });
});
