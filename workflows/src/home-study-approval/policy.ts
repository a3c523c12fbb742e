import { DecisionRejection, type Role, type TaskDecision } from '@platform/contracts/workflows';
import { checkDecision, type DecisionPolicy, type Rejection } from '../shared/decision-rules.js';

/**
 * WF-1 / ROLE: only a resource manager supervisor approves, rejects or returns a home study; a
 * rejection records the failure reason (CRD-7), a return the supervisor's comments for the review.
 */
export const HOME_STUDY_DECISION: DecisionPolicy = {
  deciderRoles: ['resource-manager-supervisor'],
  outcomes: ['approve', 'reject', 'return'],
  requiredFields: { reject: ['reason'], return: ['comment'] },
};

/** An overdue decision goes to the supervisors' queue roles (WF-1: escalation when overdue). */
export const ESCALATE_TO: readonly Role[] = HOME_STUDY_DECISION.deciderRoles;

/**
 * Who may see a returned home study's revision task. It offers no outcome: the resource manager
 * revises the home study in the providers service and submits it again, which closes the task.
 */
export const REVISION_ROLES: readonly Role[] = ['resource-manager', 'resource-manager-supervisor'];

export const DECISION_TASK_PRIORITY = 'normal';
/** A reminder raises the decision task to this priority (the escalation makes it urgent). */
export const REMINDER_PRIORITY = 'high';

/** Where the approval process stands, as the `decide` validator needs it. */
export interface DecisionProgress {
  /** The supervisor's task awaiting a decision; null while none does. */
  openDecisionTaskId: string | null;
  /** The open revision task of a returned home study, if any. */
  revisionTaskId: string | null;
  /** Supervisor tasks decided so far. */
  decidedTaskIds: readonly string[];
}

/**
 * WF-1's `decide` validation (ARCHITECTURE rule 6): the shared checks (open task, role, outcome,
 * required reason or comment), after two of its own — a revision task is never decided through the
 * process (it closes on resubmission), and a decided task says so even when a later one is open.
 */
export function checkHomeStudyDecision(
  decision: TaskDecision,
  progress: DecisionProgress,
): Rejection | null {
  if (decision.taskId === progress.revisionTaskId) {
    return {
      type: DecisionRejection.notDecidableNow,
      message:
        'The home study was returned for further review: revise it and submit it again in the ' +
        'providers service; its revision task closes itself on resubmission',
    };
  }
  if (progress.decidedTaskIds.includes(decision.taskId)) {
    return {
      type: DecisionRejection.alreadyDecided,
      message: `Task ${decision.taskId} has already been decided`,
    };
  }
  return checkDecision(decision, HOME_STUDY_DECISION, progress.openDecisionTaskId);
}
