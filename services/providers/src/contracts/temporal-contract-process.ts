import { Inject, Injectable } from '@nestjs/common';
import {
  Client,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  activateContractUpdate,
  CONTRACT_APPROVAL_WORKFLOW,
  contractApprovalWorkflowId,
  contractClosedSignal,
  ContractProcessRejection,
  reissueContractUpdate,
  signContractUpdate,
  TaskQueues,
  type ContractApprovalInput,
  type ContractClosed,
} from '@platform/contracts';
import {
  NotFoundProblem,
  ProblemException,
  RuleViolation,
  ValidationProblem,
} from '@platform/http';
import { signalIfRunning, startOnce } from '@platform/temporal';
import type { ContractProcess } from './contract-process.port.js';
import type { RefusalDetails } from './contract-step-transaction.js';

/** How each refusal of the process (its validators, or a rule-named activity failure) is answered. */
export function contractProblemFor(
  failure: ApplicationFailure,
  contractId: string,
): ProblemException {
  switch (failure.type) {
    case ContractProcessRejection.documentMismatch:
      return new RuleViolation('CTR-4', failure.message, 409, [
        { field: 'documentSha256', message: failure.message },
      ]);
    case ContractProcessRejection.roleNotAllowed:
      return new ProblemException({
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        detail: failure.message,
        rule: 'ROLE',
      });
    case ContractProcessRejection.notTheProvider:
    case 'ContractNotFound':
      return new NotFoundProblem('Contract', contractId);
    case ContractProcessRejection.notNow:
      return new RuleViolation('WF-3', failure.message, 409);
    default:
      return ruleNamedProblem(failure);
  }
}

/** An activity's business rejection names its rule first ("CTR-4: …"); keep it visible. */
function ruleNamedProblem(failure: ApplicationFailure): ProblemException {
  const rule = /^([A-Z]+-\d+|ROLE):/.exec(failure.message)?.[1] ?? 'WF-3';
  if (failure.type === 'ValidationFailed') {
    // The steps name the field first ("receivedOn: …", "changes.placeLimit: …").
    const field = /^([A-Za-z][\w.]*): /.exec(failure.message)?.[1] ?? 'changes';
    return new ValidationProblem([{ field, message: failure.message }]);
  }
  const details = failure.details?.[0] as Partial<RefusalDetails> | undefined;
  const errors = details?.errors?.length ? details.errors : undefined;
  return new RuleViolation(rule, failure.message, details?.status ?? 409, errors);
}

/** WF-3 over Temporal: the one place the contracts API talks to the contract's process. */
@Injectable()
export class TemporalContractProcess implements ContractProcess {
  constructor(@Inject(Client) private readonly temporal: Client) {}

  /** One process per issued version, ever: a finished one (e.g. cancelled) is not started again. */
  async start(input: ContractApprovalInput): Promise<void> {
    await startOnce(this.temporal, CONTRACT_APPROVAL_WORKFLOW, {
      workflowId: contractApprovalWorkflowId(input.contractId),
      taskQueue: TaskQueues.workflows,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [input],
    });
  }

  sign(contractId: string, request: Parameters<ContractProcess['sign']>[1]) {
    return this.step(contractId, (handle) =>
      handle.executeUpdate(signContractUpdate, { args: [request] }),
    );
  }

  reissue(contractId: string, request: Parameters<ContractProcess['reissue']>[1]) {
    return this.step(contractId, (handle) =>
      handle.executeUpdate(reissueContractUpdate, { args: [request] }),
    );
  }

  activate(contractId: string, request: Parameters<ContractProcess['activate']>[1]) {
    return this.step(contractId, (handle) =>
      handle.executeUpdate(activateContractUpdate, { args: [request] }),
    );
  }

  closed(contractId: string, closed: ContractClosed): Promise<boolean> {
    return signalIfRunning(
      this.temporal,
      contractApprovalWorkflowId(contractId),
      contractClosedSignal,
      closed,
    );
  }

  private async step<T>(
    contractId: string,
    send: (handle: WorkflowHandle) => Promise<T>,
  ): Promise<T> {
    const workflowId = contractApprovalWorkflowId(contractId);
    try {
      return await send(this.temporal.workflow.getHandle(workflowId));
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        const failure = applicationFailureIn(error);
        if (failure) throw contractProblemFor(failure, contractId);
      }
      if (error instanceof WorkflowNotFoundError) {
        throw new RuleViolation(
          'WF-3',
          `The contract's publish–sign–activate process (${workflowId}) is not running: the contract is not issued, or its process has ended`,
        );
      }
      throw error;
    }
  }
}

/** The validator's rejection is the cause; an activity's is the cause of the ActivityFailure. */
function applicationFailureIn(error: WorkflowUpdateFailedError): ApplicationFailure | null {
  let cause: unknown = error.cause;
  while (cause instanceof Error) {
    if (cause instanceof ApplicationFailure && cause.nonRetryable) return cause;
    if (cause instanceof ApplicationFailure && cause.type) return cause;
    cause = (cause as { cause?: unknown }).cause;
  }
  return null;
}
