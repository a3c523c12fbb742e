import { upsertMemo, upsertSearchAttributes } from '@temporalio/workflow';
import {
  SearchAttributes,
  WorkQueues,
  type ContractApprovalInput,
  type ContractApprovalState,
  type ContractApprovalStatus,
  type ContractForProcess,
} from '@platform/contracts/workflows';
import { contractSummary } from './summary.js';

/** CTR-3: the contract's own status (as the providers service records it) at each step of WF-3. */
export function contractStatusOf(status: ContractApprovalStatus): ContractForProcess['status'] {
  switch (status) {
    case 'awaiting-signature':
    case 'signature-overdue':
    case 'awaiting-activation':
      return 'issued';
    case 'period-ended':
      // The record keeps its last status; the process simply has nothing left to wait for.
      return 'active';
    default:
      return status;
  }
}

/** The work queue of the process's open task, if it has one. */
export function openQueueOf(state: ContractApprovalState): string | null {
  if (state.activationTaskId !== null) return WorkQueues.contractActivations;
  if (state.escalationTaskId !== null) return WorkQueues.contractSignatures;
  return null;
}

/**
 * Shows where the process stands to operators (ARCHITECTURE rule 7): the business and contract
 * status, since when it awaits a signature (to find "all contracts awaiting signature for over a
 * month"), the queue of its open task, and the memo's summary. Derived from the state each time,
 * so the attributes never disagree with the `state` query.
 */
export function publishProgress(input: ContractApprovalInput, state: ContractApprovalState): void {
  upsertSearchAttributes([
    { key: SearchAttributes.businessStatus, value: state.status },
    { key: SearchAttributes.contractStatus, value: contractStatusOf(state.status) },
    {
      key: SearchAttributes.awaitingSignatureSince,
      value: state.awaitingSignatureSince === null ? null : new Date(state.awaitingSignatureSince),
    },
    { key: SearchAttributes.workQueue, value: openQueueOf(state) },
  ]);
  upsertMemo({ summary: contractSummary(input, state) });
}
