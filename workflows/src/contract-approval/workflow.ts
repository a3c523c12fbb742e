import {
  ApplicationFailure,
  condition,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  activateContractUpdate,
  contractApprovalStateQuery,
  contractClosedSignal,
  reissueContractUpdate,
  SearchAttributes,
  signContractUpdate,
  type ContractApprovalInput,
  type ContractApprovalResult,
  type ContractApprovalState,
  type ContractClosed,
} from '@platform/contracts/workflows';
import { msUntil, workflowNow } from '../shared/clock.js';
import { calendarDateInput, invalidInput } from '../shared/invalid-input.js';
import { Turn } from '../shared/turn.js';
import {
  checkActivation,
  checkReissue,
  checkSignature,
  type ContractRejection,
  type ContractStep,
  type ProcessPosition,
} from './policy.js';
import { periodEndAt, signatureDeadline, signatureReminders } from './reminder-schedule.js';
import { publishProgress } from './status.js';
import { contractSteps } from './steps.js';

/**
 * WF-3 (CTR-3, CTR-4, SS-5): one contract version's publish–sign–activate process, from its issue
 * to its end. It waits for the provider's signature on the current document, reminding the
 * provider before the deadline and escalating to the resource managers once it passes; a
 * re-issue (CTR-3) voids the document and restarts the wait; once signed a resource manager
 * activates it (CTR-4), which supersedes the version an amendment amends (CTR-5). An active
 * contract's process ends with its period, or earlier when the contract is cancelled, terminated
 * (CTR-7) or amended. The providers service records every step through activities; people take
 * theirs through the `sign`, `reissue` and `activate` updates, whose validators refuse what is out
 * of turn before anything is recorded.
 */
export async function contractApproval(
  input: ContractApprovalInput,
): Promise<ContractApprovalResult> {
  const { workflowId } = workflowInfo();
  const periodTo = calendarDateInput('periodTo', input.periodTo);
  if (Number.isNaN(Date.parse(input.document.issuedAt))) {
    throw invalidInput('document.issuedAt', `not an ISO timestamp: ${input.document.issuedAt}`);
  }
  if (!Number.isInteger(input.signatureDays) || input.signatureDays < 1) {
    throw invalidInput('signatureDays', 'a whole number of days, at least 1');
  }

  const state: ContractApprovalState = {
    status: 'awaiting-signature',
    document: input.document,
    awaitingSignatureSince: input.document.issuedAt,
    signatureDeadline: deadlineOf(input.document.issuedAt),
    signature: null,
    remindersSent: [],
    escalationTaskId: null,
    activationTaskId: null,
    activationRefusals: [],
    voidedDocumentIds: [],
    activatedOn: null,
    closed: null,
  };
  const progress: Omit<ProcessPosition, 'status'> = { stepInFlight: null, closing: null };
  const position = (): ProcessPosition => ({ status: state.status, ...progress });
  const turn = new Turn();
  const steps = contractSteps({ input, workflowId, state, deadlineOf });

  setHandler(contractApprovalStateQuery, () => state);
  // The first close counts; a redelivered or later one changes nothing.
  setHandler(contractClosedSignal, (closed) => {
    progress.closing ??= closed;
  });
  setHandler(
    signContractUpdate,
    (request) =>
      // A retried request answers the signature its first attempt recorded (see checkSignature).
      state.signature?.signatureId === request.signatureId
        ? Promise.resolve(state.signature)
        : asStep('sign', () => steps.sign(request)),
    {
      validator: (request) =>
        refuse(
          checkSignature(
            request,
            {
              ...input,
              document: state.document,
              signatureId: state.signature?.signatureId ?? null,
            },
            position(),
          ),
        ),
    },
  );
  setHandler(reissueContractUpdate, (request) => asStep('reissue', () => steps.reissue(request)), {
    validator: (request) => refuse(checkReissue(request, position())),
  });
  setHandler(
    activateContractUpdate,
    (request) => asStep('activate', () => steps.activate(request)),
    {
      validator: (request) => refuse(checkActivation(request, position())),
    },
  );

  upsertSearchAttributes([
    { key: SearchAttributes.contractId, value: input.contractId },
    { key: SearchAttributes.providerId, value: input.providerId },
  ]);
  publishProgress(input, state);

  for (;;) {
    // Let a step being recorded finish first: the status is then the one it left.
    await turn.with('process', async () => undefined);
    if (progress.closing !== null) return close(progress.closing);
    switch (state.status) {
      case 'awaiting-signature':
      case 'signature-overdue':
        await awaitSignature();
        break;
      case 'awaiting-activation':
        await condition(() => progress.closing !== null || state.status !== 'awaiting-activation');
        break;
      default: {
        const ended = await awaitPeriodEnd();
        if (ended) return ended;
      }
    }
  }

  /** An accepted update: one at a time (the validators refuse others meanwhile), holding the turn. */
  async function asStep<T>(step: ContractStep, body: () => Promise<T>): Promise<T> {
    progress.stepInFlight = step;
    try {
      return await turn.with(step, body);
    } finally {
      progress.stepInFlight = null;
    }
  }

  /**
   * WF-3: waits for the signature on the current document — reminding the provider before the
   * deadline, escalating once it passes — until it is signed, re-issued or the contract closes.
   */
  async function awaitSignature(): Promise<void> {
    const issue = state.document.issueNumber;
    const deadlineAt = Date.parse(state.signatureDeadline);
    const unchanged = () =>
      progress.closing === null && state.signature === null && state.document.issueNumber === issue;
    const timed = signatureReminders(
      deadlineAt,
      input.reminderDaysBeforeDeadline,
      workflowNow(),
    ).map(({ at, daysBefore }) => ({ at, run: () => steps.remind(daysBefore) }));
    if (state.status === 'awaiting-signature') timed.push({ at: deadlineAt, run: steps.escalate });
    for (const { at, run } of timed) {
      const ms = msUntil(at);
      // No timer for a time already past (a zero-length one would only clutter the history).
      if (ms > 0 && (await condition(() => !unchanged(), ms))) return;
      const done = await turn.with('timer', async () => {
        if (!unchanged()) return true;
        await run();
        return false;
      });
      if (done) return;
    }
    await condition(() => !unchanged());
  }

  /** An active contract's process ends the day after its period, unless closed before. */
  async function awaitPeriodEnd(): Promise<ContractApprovalResult | null> {
    const ms = msUntil(periodEndAt(periodTo));
    if (ms > 0 && (await condition(() => progress.closing !== null, ms))) return null;
    if (progress.closing !== null) return null;
    state.status = 'period-ended';
    publishProgress(input, state);
    return result();
  }

  /**
   * The contract was cancelled, terminated or amended (recorded by the providers service already):
   * once a step still being recorded is done, the process closes its open tasks and ends.
   */
  async function close(closed: ContractClosed): Promise<ContractApprovalResult> {
    await condition(() => progress.stepInFlight === null);
    await turn.take('close'); // kept: the process ends, and the validators refuse every step now
    await steps.closeTasks(closed.status, closed.by, closed.reason);
    state.closed = closed;
    state.awaitingSignatureSince = null;
    state.status = closed.status;
    publishProgress(input, state);
    return result();
  }

  function result(): ContractApprovalResult {
    return {
      contractId: input.contractId,
      status: state.status as ContractApprovalResult['status'],
      signature: state.signature,
    };
  }

  function deadlineOf(issuedAt: string): string {
    return new Date(signatureDeadline(issuedAt, input.signatureDays)).toISOString();
  }
}

/** A validator's refusal, as the caller of the update sees it. */
function refuse(rejection: ContractRejection | null): void {
  if (rejection) throw ApplicationFailure.create({ ...rejection, nonRetryable: true });
}
