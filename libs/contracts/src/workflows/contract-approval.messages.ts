import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Role } from '../roles.js';
import type {
  ContractActivationOutcome,
  ContractDocumentIssued,
  ContractSignatureRecorded,
  ContractTermsChanges,
} from '../activities/providers.activities.js';

/**
 * WF-3: one publish–sign–activate process per contract version, from its issue (CTR-4) until it
 * ends — cancelled, terminated (CTR-7), superseded by its amendment (CTR-5) or at the end of its
 * period. The providers service records every step; the process orders them, keeps the clock
 * (reminders, the signature deadline, escalation) and owns the steps a person takes while it
 * waits: signing, re-issuing, activating arrive as updates whose validators refuse what is out of
 * turn before anything is recorded.
 */
export const CONTRACT_APPROVAL_WORKFLOW = 'contractApproval';

/** Deterministic id (ARCHITECTURE rule 4): an issued contract version has one process. */
export function contractApprovalWorkflowId(contractId: string): string {
  return `contract/${contractId}`;
}

/** Days the provider has to sign after each (re-)issue, unless configured otherwise. */
export const DEFAULT_CONTRACT_SIGNATURE_DAYS = 30;
/** Days before the signature deadline the provider is reminded. */
export const DEFAULT_CONTRACT_SIGNATURE_REMINDER_DAYS = [14, 3] as const;

export interface ContractApprovalInput {
  contractId: string;
  contractNumber: string;
  version: number;
  providerId: string;
  /** For task subjects and the memo, e.g. "Sunrise Day Care". */
  providerName: string;
  /** The document issued for signature (CTR-4); re-issues replace it. */
  document: ContractDocumentIssued;
  /** The last day of the contract's period (YYYY-MM-DD): an active contract's process ends then. */
  periodTo: string;
  /** The active version this one amends (CTR-5): superseded when this one activates. */
  amendsContractId: string | null;
  signatureDays: number;
  /** Days before the deadline to remind the provider, e.g. [14, 3]; any order. */
  reminderDaysBeforeDeadline: readonly number[];
  /** Who the passed deadline escalates to; the resource managers unless set. */
  escalateToRoles?: readonly Role[];
}

/** Who asks the process for a step: from the token, never from the request body. */
export interface ContractActor {
  userId: string;
  roles: readonly Role[];
  /** Set for a provider's self-service user (ROLE-2). */
  providerId?: string | null;
  displayName?: string | null;
}

/**
 * SS-5 / CTR-4: a signature on the current document. Electronic: the provider's self-service user
 * types their name and accepts the consent statement. Wet: staff record a signature received on
 * paper (typed name of the signer, the date it arrived). Either way it names the SHA-256 of the
 * document signed, and a signature on any other document (re-issued since) is refused.
 */
export interface SignContractRequest {
  /** Idempotency key chosen by the caller: a retried request records one signature. */
  signatureId: string;
  documentSha256: string;
  method: 'electronic' | 'wet';
  typedName: string;
  /** Electronic: the exact consent statement the signer accepted. Null for wet signatures. */
  consentStatement: string | null;
  /** Wet: the day the signed paper was received (YYYY-MM-DD). Null for electronic ones. */
  receivedOn: string | null;
  signedBy: ContractActor;
  /** Where the request came from, kept with the record (e.g. the client's IP address). */
  origin: string | null;
}

/** CTR-3: a re-issue with a reason, when the terms change before signing; voids the old document. */
export interface ReissueContractRequest {
  requestId: string;
  reason: string;
  changes: ContractTermsChanges;
  requestedBy: ContractActor;
}

/** CTR-4: a resource manager's activation of the signed contract. */
export interface ActivateContractRequest {
  requestId: string;
  activatedBy: ContractActor;
}

export const signContractUpdate = defineUpdate<ContractSignatureRecorded, [SignContractRequest]>(
  'sign',
);
export const reissueContractUpdate = defineUpdate<ContractDocumentIssued, [ReissueContractRequest]>(
  'reissue',
);
/** Answers the outcome: activated, or refused with every reason (CTR-2, CTR-4). */
export const activateContractUpdate = defineUpdate<
  ContractActivationOutcome,
  [ActivateContractRequest]
>('activate');

/**
 * A contract that ended outside the process's own steps — cancelled or terminated over the HTTP
 * API (already recorded), or superseded by its activated amendment — so the process closes its
 * open tasks and ends.
 */
export interface ContractClosed {
  status: 'cancelled' | 'terminated' | 'amended';
  /** YYYY-MM-DD: the day it took effect. */
  on: string;
  reason: string | null;
  by: string;
}
export const contractClosedSignal = defineSignal<[ContractClosed]>('contractClosed');

/** ApplicationFailure types the process's validators throw; the providers service maps them to HTTP. */
export const ContractProcessRejection = {
  /** 409: the step is out of turn (e.g. signing an activated contract). */
  notNow: 'ContractStepNotPossibleNow',
  /** 409 naming documentSha256: the signature is for a document that is no longer current. */
  documentMismatch: 'ContractDocumentMismatch',
  /** 403: the role may not take the step (ROLE). */
  roleNotAllowed: 'ContractStepRoleNotAllowed',
  /** 404: a provider's user signing another provider's contract (ROLE-2). */
  notTheProvider: 'ContractNotOfThisProvider',
} as const;

export type ContractApprovalStatus =
  | 'awaiting-signature'
  | 'signature-overdue'
  | 'awaiting-activation'
  | 'active'
  | 'cancelled'
  | 'terminated'
  | 'amended'
  | 'period-ended';

export interface ContractApprovalState {
  status: ContractApprovalStatus;
  document: ContractDocumentIssued;
  /** ISO timestamp of the current document's issue; null once signed. */
  awaitingSignatureSince: string | null;
  /** ISO timestamp: when the current document must be signed by. */
  signatureDeadline: string;
  signature: ContractSignatureRecorded | null;
  /** Days-before-deadline of the reminders sent for the current document. */
  remindersSent: number[];
  /** The resource managers' task once the deadline passed. */
  escalationTaskId: string | null;
  /** The resource managers' task to activate once signed. */
  activationTaskId: string | null;
  /** The reasons of the latest refused activation (CTR-2, CTR-4); empty when none. */
  activationRefusals: string[];
  /** Documents voided by re-issues, oldest first. */
  voidedDocumentIds: string[];
  activatedOn: string | null;
  closed: ContractClosed | null;
}

export const contractApprovalStateQuery = defineQuery<ContractApprovalState>('state');

export interface ContractApprovalResult {
  contractId: string;
  status: Extract<ContractApprovalStatus, 'cancelled' | 'terminated' | 'amended' | 'period-ended'>;
  signature: ContractSignatureRecorded | null;
}
