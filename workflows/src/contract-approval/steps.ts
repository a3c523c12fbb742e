import { ApplicationFailure, getExternalWorkflowHandle, log } from '@temporalio/workflow';
import {
  contractApprovalWorkflowId,
  contractClosedSignal,
  WorkQueues,
  type ActivateContractRequest,
  type ContractActivationOutcome,
  type ContractApprovalInput,
  type ContractApprovalState,
  type ContractApprovalStatus,
  type ContractDocumentIssued,
  type ContractSignatureRecorded,
  type ReissueContractRequest,
  type SignContractRequest,
} from '@platform/contracts/workflows';
import {
  providersActivities as providers,
  tasksActivities as tasks,
} from '../shared/activities.js';
import { businessRejectionOf } from '../shared/business-rejection.js';
import { daysAfterNow } from '../shared/clock.js';
import { openTask } from '../shared/open-task.js';
import { ACTIVATION_TASK_DAYS, CONTRACT_STAFF_ROLES, closedByProcess } from './policy.js';
import { publishProgress } from './status.js';
import {
  activationTaskContent,
  escalationTaskContent,
  signatureReminderMessage,
} from './task-content.js';

export interface StepContext {
  input: ContractApprovalInput;
  workflowId: string;
  state: ContractApprovalState;
  /** ISO timestamp of the signature deadline of a document issued at `issuedAt`. */
  deadlineOf(issuedAt: string): string;
}

type OpenTaskField = 'escalationTaskId' | 'activationTaskId';

/**
 * WF-3's steps, each recorded by the providers service through its activity and then reflected in
 * the process's state, tasks and search attributes. The workflow runs one at a time (see Turn).
 */
export function contractSteps({ input, workflowId, state, deadlineOf }: StepContext) {
  const { contractId } = input;
  const subject = { type: 'contract', id: contractId };
  const publish = (status: ContractApprovalStatus = state.status) => {
    state.status = status;
    publishProgress(input, state);
  };

  async function closeTask(
    field: OpenTaskField,
    outcome: string,
    decidedBy: string,
    reason: string | null,
  ): Promise<void> {
    const taskId = state[field];
    if (taskId === null) return;
    await tasks.completeTask({ taskId, outcome, decidedBy, reason });
    state[field] = null;
  }

  /** WF-3: a reminder to sign, `daysBefore` the deadline of the current document. */
  async function remind(daysBefore: number): Promise<void> {
    await providers.remindProviderToSign({
      contractId,
      requestKey: `${workflowId}/reminder/${state.document.issueNumber}/${daysBefore}`,
      deadline: state.signatureDeadline,
      message: signatureReminderMessage(input, state.signatureDeadline, daysBefore),
    });
    state.remindersSent.push(daysBefore);
    publish();
  }

  /** WF-3: the deadline passed unsigned — a to-do for the resource managers; the wait goes on. */
  async function escalate(): Promise<void> {
    const since = state.awaitingSignatureSince ?? state.document.issuedAt;
    await openTask(
      {
        requestKey: `${workflowId}/escalation/${state.document.issueNumber}`,
        workflowId,
        queue: WorkQueues.contractSignatures,
        subject,
        priority: 'high',
        // Overdue from the start: it is about a signature that was due then.
        dueAt: state.signatureDeadline,
        ...escalationTaskContent(input, state.document, since, state.signatureDeadline),
        ...closedByProcess(input.escalateToRoles ?? CONTRACT_STAFF_ROLES),
      },
      (taskId) => {
        state.escalationTaskId = taskId;
      },
    );
    publish('signature-overdue');
  }

  /** SS-5 / CTR-4: records the signature, then hands the contract to the resource managers to activate. */
  async function sign(request: SignContractRequest): Promise<ContractSignatureRecorded> {
    const { signedBy } = request;
    const record = await recorded(() =>
      providers.recordContractSignature({
        contractId,
        signatureId: request.signatureId,
        documentSha256: request.documentSha256,
        method: request.method,
        typedName: request.typedName,
        consentStatement: request.consentStatement,
        receivedOn: request.receivedOn,
        signedBy: {
          userId: signedBy.userId,
          roles: signedBy.roles,
          providerId: signedBy.providerId ?? null,
        },
        origin: request.origin,
        workflowId,
      }),
    );
    state.signature = record;
    state.awaitingSignatureSince = null;
    await closeTask('escalationTaskId', 'signed', signedBy.userId, null);
    await openTask(
      {
        requestKey: `${workflowId}/activation/${state.document.issueNumber}`,
        workflowId,
        queue: WorkQueues.contractActivations,
        subject,
        priority: 'normal',
        dueAt: daysAfterNow(ACTIVATION_TASK_DAYS),
        ...activationTaskContent(input, state.document, record),
        ...closedByProcess(CONTRACT_STAFF_ROLES),
      },
      (taskId) => {
        state.activationTaskId = taskId;
      },
    );
    publish('awaiting-activation');
    return record;
  }

  /** CTR-3: a new document replaces the current one (void, with any signature on it); the wait restarts. */
  async function reissue(request: ReissueContractRequest): Promise<ContractDocumentIssued> {
    const { requestedBy } = request;
    const reason = request.reason.trim();
    const issued = await recorded(() =>
      providers.reissueContract({
        contractId,
        requestId: request.requestId,
        reason,
        changes: request.changes,
        requestedBy: { userId: requestedBy.userId, roles: requestedBy.roles },
        workflowId,
      }),
    );
    // A retried request: the activity answers the re-issue it recorded, which is current already.
    if (issued.documentId === state.document.documentId) return issued;
    state.voidedDocumentIds.push(state.document.documentId);
    state.document = issued;
    state.signature = null;
    state.awaitingSignatureSince = issued.issuedAt;
    state.signatureDeadline = deadlineOf(issued.issuedAt);
    state.remindersSent = [];
    state.activationRefusals = [];
    await closeTask('escalationTaskId', 'reissued', requestedBy.userId, reason);
    await closeTask('activationTaskId', 'reissued', requestedBy.userId, reason);
    publish('awaiting-signature');
    return issued;
  }

  /**
   * CTR-4 / CTR-2: activates the signed contract, or keeps every reason it was refused for (the
   * task stays open until it is put right). An activated amendment ends the process of the version
   * it superseded (CTR-5).
   */
  async function activate(request: ActivateContractRequest): Promise<ContractActivationOutcome> {
    const by = request.activatedBy.userId;
    const outcome = await recorded(() =>
      providers.activateContract({
        contractId,
        requestId: request.requestId,
        activatedBy: { userId: by, roles: request.activatedBy.roles },
        workflowId,
      }),
    );
    if (!outcome.activated) {
      state.activationRefusals = [...outcome.refusals];
      publish();
      return outcome;
    }
    state.activationRefusals = [];
    state.activatedOn = outcome.activatedOn;
    await closeTask('activationTaskId', 'activated', by, null);
    publish('active');
    if (outcome.supersededContractId !== null) {
      await endSupersededProcess(outcome.supersededContractId, outcome.activatedOn, by);
    }
    return outcome;
  }

  /** CTR-5: tells the superseded version's process that its contract is now amended. */
  async function endSupersededProcess(supersededId: string, on: string, by: string): Promise<void> {
    const superseded = contractApprovalWorkflowId(supersededId);
    try {
      await getExternalWorkflowHandle(superseded).signal(contractClosedSignal, {
        status: 'amended',
        on,
        reason: `Superseded by ${input.contractNumber} v${input.version}, activated on ${on} (CTR-5)`,
        by,
      });
    } catch (error) {
      // The providers service recorded the supersession with the activation; the signal only ends
      // a process that waits on. That process may be gone — its period over, or the version
      // activated before WF-3 ran — and then there is nothing to end. Anything else is a bug.
      if (!(error instanceof ApplicationFailure)) throw error;
      log.warn(`${superseded} was not signalled: ${error.message}`, { supersededId });
    }
  }

  /** Closes whatever task is open, saying how the process ended. */
  async function closeTasks(outcome: string, by: string, reason: string | null): Promise<void> {
    await closeTask('escalationTaskId', outcome, by, reason);
    await closeTask('activationTaskId', outcome, by, reason);
  }

  return { remind, escalate, sign, reissue, activate, closeTasks };
}

/**
 * Runs an activity that records a step. Its business rejection (a rule-named, non-retryable
 * ApplicationFailure, ARCHITECTURE rule 5) fails the update with that failure, so the caller sees
 * the rule; the state is left as it was.
 */
async function recorded<T>(record: () => Promise<T>): Promise<T> {
  try {
    return await record();
  } catch (error) {
    throw businessRejectionOf(error) ?? error;
  }
}
