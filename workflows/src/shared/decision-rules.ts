import {
  DecisionRejection,
  hasAnyRole,
  type CreateTaskInput,
  type Role,
  type TaskDecision,
} from '@platform/contracts/workflows';

/** A decision field an outcome may require (the fields of `POST /tasks/:id/decision`). */
export type DecisionField = 'reason' | 'comment';

export interface DecisionPolicy {
  deciderRoles: readonly Role[];
  outcomes: readonly string[];
  /** Per outcome, the fields it needs, e.g. `{ reject: ['reason'], return: ['comment'] }`. */
  requiredFields: Readonly<Record<string, readonly DecisionField[]>>;
}

export interface Rejection {
  type: (typeof DecisionRejection)[keyof typeof DecisionRejection];
  message: string;
}

const MISSING_FIELD: Record<DecisionField, Rejection['type']> = {
  reason: DecisionRejection.reasonRequired,
  comment: DecisionRejection.commentRequired,
};

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
  for (const field of policy.requiredFields[decision.outcome] ?? []) {
    if (!decision[field]?.trim()) {
      return {
        type: MISSING_FIELD[field],
        message: `A ${field} is required to ${decision.outcome}`,
      };
    }
  }
  return null;
}

/** The part of a task's creation that comes from the policy, so task and validator agree. */
export function taskDecisionFields(
  policy: DecisionPolicy,
): Pick<
  CreateTaskInput,
  'allowedOutcomes' | 'outcomesRequiringReason' | 'deciderRoles' | 'requiredFields'
> {
  return {
    allowedOutcomes: policy.outcomes,
    outcomesRequiringReason: policy.outcomes.filter((outcome) =>
      policy.requiredFields[outcome]?.includes('reason'),
    ),
    deciderRoles: policy.deciderRoles,
    requiredFields: policy.requiredFields,
  };
}
