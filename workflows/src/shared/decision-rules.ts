import {
  DecisionRejection,
  hasAnyRole,
  type Role,
  type TaskDecision,
} from '@platform/contracts/workflows';

export interface DecisionPolicy {
  deciderRoles: readonly Role[];
  outcomes: readonly string[];
  outcomesRequiringReason: readonly string[];
}

export interface Rejection {
  type: (typeof DecisionRejection)[keyof typeof DecisionRejection];
  message: string;
}

/**
 * What a `decide` update validator checks before anything is recorded (ARCHITECTURE rule 6). Pure,
 * so every workflow with a human step shares it and it is unit-tested without a server.
 */
export function checkDecision(
  decision: TaskDecision,
  policy: DecisionPolicy,
  openTaskId: string | null,
): Rejection | null {
  if (openTaskId === null) {
    return { type: DecisionRejection.alreadyDecided, message: 'There is no open task to decide' };
  }
  if (decision.taskId !== openTaskId) {
    return {
      type: DecisionRejection.wrongTask,
      message: `Task ${decision.taskId} is not the open task of this process (${openTaskId})`,
    };
  }
  if (!hasAnyRole(decision.decidedBy, policy.deciderRoles)) {
    return {
      type: DecisionRejection.roleNotAllowed,
      message: `Only ${policy.deciderRoles.join(' or ')} may decide this task (ROLE)`,
    };
  }
  if (!policy.outcomes.includes(decision.outcome)) {
    return {
      type: DecisionRejection.invalidOutcome,
      message: `outcome must be one of ${policy.outcomes.join(', ')}`,
    };
  }
  if (policy.outcomesRequiringReason.includes(decision.outcome) && !decision.reason?.trim()) {
    return {
      type: DecisionRejection.reasonRequired,
      message: `A reason is required to ${decision.outcome}`,
    };
  }
  return null;
}
