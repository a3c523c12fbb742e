import { DecisionRejection, type TaskDecision } from '@platform/contracts/workflows';
import { checkDecision, type DecisionPolicy, type Rejection } from '../shared/decision-rules.js';

/**
 * WF-2 / CRD-2: a licence is renewed, or non-compliance is recorded with a reason, by whoever
 * manages licences (ROLE): resource managers, their supervisors and facility managers.
 */
export const LICENCE_RENEWAL_DECISION: DecisionPolicy = {
  deciderRoles: ['resource-manager', 'resource-manager-supervisor', 'facility-manager'],
  outcomes: ['renew', 'record-non-compliance'],
  requiredFields: { 'record-non-compliance': ['reason'] },
};

/**
 * How the process closes a renewal task nobody decided: the licence expired, was renewed over the
 * providers API outside the process, or was already closed (non-compliant) there.
 */
export const RENEWAL_TASK_CLOSED_BY_PROCESS = {
  expired: 'expired',
  renewedElsewhere: 'renewed-elsewhere',
  closedElsewhere: 'closed-elsewhere',
} as const;

/**
 * What the `decide` validator checks (ARCHITECTURE rule 6): the shared rules, plus CRD-2's "a
 * suspended licence is not renewed" — it has to be reinstated first. Non-compliance may still be
 * recorded for a suspended licence.
 */
export function checkRenewalDecision(
  decision: TaskDecision,
  openTaskId: string | null,
  suspended: boolean,
): Rejection | null {
  const rejection = checkDecision(decision, LICENCE_RENEWAL_DECISION, openTaskId);
  if (rejection) return rejection;
  if (suspended && decision.outcome === 'renew') {
    return {
      type: DecisionRejection.notDecidableNow,
      message: 'The licence is suspended: reinstate the licence first (CRD-2)',
    };
  }
  return null;
}
