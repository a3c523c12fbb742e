import { DecisionRejection, type TaskDecision } from '@platform/contracts/workflows';
import { checkDecision, type DecisionPolicy, type Rejection } from '../shared/decision-rules.js';

/**
 * WF-4 / FIN-6 / ROLE: the finance exception queue's users resolve a failed invoice line — they
 * resubmit it once modified, or deny it with a reason.
 */
export const INVOICE_EXCEPTION_DECISION: DecisionPolicy = {
  deciderRoles: ['finance-user'],
  outcomes: ['resubmit', 'deny'],
  requiredFields: { deny: ['reason'] },
};

export const EXCEPTION_TASK_PRIORITY = 'normal';
/** A reminder raises the exception task to this priority (the escalation makes it urgent). */
export const REMINDER_PRIORITY = 'high';

/** Where the exception process stands, as the `decide` validator needs it. */
export interface ExceptionProgress {
  /** The exception task; null once the process has closed it. */
  openTaskId: string | null;
  /**
   * A decision was accepted and is being carried out (a resubmission being validated again, a
   * denial being recorded): the task takes one decision at a time.
   */
  busy: boolean;
}

/**
 * WF-4's `decide` validation (ARCHITECTURE rule 6): the shared checks (open task, role, outcome, a
 * denial's reason), then one decision at a time — the same task takes a new decision once a
 * resubmission came back still failing, never while it is being validated again.
 */
export function checkExceptionDecision(
  decision: TaskDecision,
  progress: ExceptionProgress,
): Rejection | null {
  const rejection = checkDecision(decision, INVOICE_EXCEPTION_DECISION, progress.openTaskId);
  if (rejection) return rejection;
  if (progress.busy) {
    return {
      type: DecisionRejection.notDecidableNow,
      message:
        'The line item is being processed again after the last decision; decide once the task ' +
        'shows the result (WF-4)',
    };
  }
  return null;
}
