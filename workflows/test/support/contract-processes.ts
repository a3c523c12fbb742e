import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Client, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import {
  activateContractUpdate,
  CONTRACT_APPROVAL_WORKFLOW,
  contractApprovalStateQuery,
  contractApprovalWorkflowId,
  reissueContractUpdate,
  signContractUpdate,
  TaskQueues,
  type ContractActor,
  type ContractApprovalInput,
  type ContractApprovalResult,
  type ContractApprovalState,
  type SignContractRequest,
} from '@platform/contracts';
import type { CalendarDate } from '@platform/kernel';
import { eventually } from '@platform/testing';
import { DAY_MS } from '../../src/shared/clock.js';
import type { ActivationFacts, InMemoryContracts } from './in-memory-contracts.js';
import type { WorkflowTestbed } from './workflow-testbed.js';

/** How WF-3's tests drive contract processes: start them as the issue command does, take steps. */
type ContractApprovalFn = (input: ContractApprovalInput) => Promise<ContractApprovalResult>;
export type ProcessHandle = WorkflowHandle<ContractApprovalFn>;

export const PROVIDER_NAME = 'Sunrise Day Care';
export const SIGNATURE_DAYS = 30;
export const resourceManager: ContractActor = { userId: 'rm.rivera', roles: ['resource-manager'] };

export const calendarDate = (ms: number) => new Date(ms).toISOString().slice(0, 10) as CalendarDate;

export interface StartOptions {
  providerId?: string;
  contractNumber?: string;
  version?: number;
  amendsContractId?: string | null;
  periodDays?: number;
  facts?: Partial<ActivationFacts>;
}

/** A started process: its handle and input, and the provider's self-service user. */
export interface StartedContract {
  handle: ProcessHandle;
  input: ContractApprovalInput;
  workflowId: string;
  contractId: string;
  providerUser: ContractActor;
}

export class ContractProcesses {
  constructor(
    private readonly testbed: WorkflowTestbed,
    private readonly contracts: InMemoryContracts,
  ) {}

  /** What the issue command does after its commit: a contract issued, its process started. */
  async start(options: StartOptions = {}): Promise<StartedContract> {
    const now = await this.testbed.env.currentTimeMs();
    const providerId = options.providerId ?? randomUUID();
    const contract = this.contracts.issue({
      contractNumber: options.contractNumber ?? `C-2026-${providerId.slice(0, 4)}`,
      version: options.version ?? 1,
      providerId,
      providerName: PROVIDER_NAME,
      period: {
        from: calendarDate(now),
        to: calendarDate(now + (options.periodDays ?? 365) * DAY_MS),
      },
      amendsContractId: options.amendsContractId ?? null,
      issuedAt: new Date(now).toISOString(),
      ...(options.facts ? { facts: options.facts } : {}),
    });
    const input: ContractApprovalInput = {
      contractId: contract.contractId,
      contractNumber: contract.contractNumber,
      version: contract.version,
      providerId,
      providerName: PROVIDER_NAME,
      document: this.contracts.currentDocument(contract.contractId),
      periodTo: contract.period.to,
      amendsContractId: contract.amendsContractId,
      signatureDays: SIGNATURE_DAYS,
      reminderDaysBeforeDeadline: [14, 3],
    };
    const handle: ProcessHandle = await this.testbed.client.workflow.start<ContractApprovalFn>(
      CONTRACT_APPROVAL_WORKFLOW,
      {
        workflowId: contractApprovalWorkflowId(contract.contractId),
        taskQueue: TaskQueues.workflows,
        args: [input],
      },
    );
    await stateWhen(handle, { status: 'awaiting-signature' });
    return {
      handle,
      input,
      workflowId: handle.workflowId,
      contractId: contract.contractId,
      providerUser: { userId: `pat@${providerId}`, roles: ['provider'], providerId },
    };
  }

  /** The provider's user signs the current document electronically (SS-5). */
  signature(
    contract: StartedContract,
    overrides: Partial<SignContractRequest> = {},
  ): SignContractRequest {
    return {
      signatureId: randomUUID(),
      documentSha256: this.contracts.currentDocument(contract.contractId).sha256,
      method: 'electronic',
      typedName: 'Pat Sunrise',
      consentStatement: 'I agree that typing my name is my electronic signature',
      receivedOn: null,
      signedBy: contract.providerUser,
      origin: '203.0.113.7',
      ...overrides,
    };
  }

  async signAndActivate(contract: StartedContract) {
    const record = await sign(contract.handle, this.signature(contract));
    const outcome = await activate(contract.handle);
    expect(outcome).toMatchObject({ activated: true });
    await stateWhen(contract.handle, { status: 'active' });
    return { record, outcome };
  }

  /**
   * A process's result, awaited without letting the test server skip time — which the test
   * client's `result()` does, firing whatever timer of another running process is due next.
   */
  resultWithoutSkipping(contract: StartedContract): Promise<ContractApprovalResult> {
    const { connection, namespace } = this.testbed.env;
    return new Client({ connection, namespace: namespace ?? 'default' }).workflow
      .getHandle<ContractApprovalFn>(contract.workflowId)
      .result();
  }

  /** Moves the test server's clock on to `at` (workflow time, ms), firing the timers due. */
  async advanceTo(at: number): Promise<void> {
    const now = await this.testbed.env.currentTimeMs();
    expect(at).toBeGreaterThan(now);
    await this.testbed.env.sleep(at - now);
  }
}

export async function stateWhen(
  handle: ProcessHandle,
  expected: Partial<ContractApprovalState>,
): Promise<ContractApprovalState> {
  return eventually(async () => {
    const state = await handle.query(contractApprovalStateQuery);
    expect(state).toMatchObject(expected);
    return state;
  });
}

export const sign = (handle: ProcessHandle, request: SignContractRequest) =>
  handle.executeUpdate(signContractUpdate, { args: [request] });

export const activate = (handle: ProcessHandle, activatedBy: ContractActor = resourceManager) =>
  handle.executeUpdate(activateContractUpdate, {
    args: [{ requestId: randomUUID(), activatedBy }],
  });

export const reissue = (
  handle: ProcessHandle,
  reason = 'Unit rate corrected',
  requestedBy = resourceManager,
  requestId: string = randomUUID(),
) =>
  handle.executeUpdate(reissueContractUpdate, {
    args: [{ requestId, reason, changes: { rate: '125.00' }, requestedBy }],
  });

/** The ApplicationFailure a refused update came back with. */
export async function refusal(update: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await update.then(
    (accepted) => {
      throw new Error(`the update was accepted: ${JSON.stringify(accepted)}`);
    },
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

/** Updates the process accepted: a refused one never reaches its history. */
export async function acceptedUpdates(handle: ProcessHandle): Promise<number> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)
    .length;
}

/** The search attributes (plain and typed) and memo summary an operator sees. */
export async function described(handle: ProcessHandle) {
  const description = await handle.describe();
  return {
    attributes: description.searchAttributes,
    typed: description.typedSearchAttributes,
    summary: description.memo?.['summary'],
  };
}

/** The signature deadline of the first issue. */
export const deadlineOf = (contract: StartedContract) =>
  Date.parse(contract.input.document.issuedAt) + SIGNATURE_DAYS * DAY_MS;

export const callsFor = <T extends { contractId: string }>(calls: T[], contractId: string) =>
  calls.filter((call) => call.contractId === contractId);

/** RECORD_HISTORIES=1 refreshes a replay fixture after an intended workflow change. */
export async function recordHistory(handle: ProcessHandle, file: string): Promise<void> {
  if (process.env['RECORD_HISTORIES'] !== '1') return;
  const history = await handle.fetchHistory();
  writeFileSync(new URL(`../../histories/${file}`, import.meta.url), historyToJSON(history));
}
