import {
  ContractProcessRejection,
  DecisionRejection,
  hasAnyRole,
  type ActivateContractRequest,
  type ContractApprovalStatus,
  type ContractClosed,
  type ReissueContractRequest,
  type Role,
  type SignContractRequest,
} from '@platform/contracts/workflows';

/**
 * ROLE: who records a wet signature, re-issues and activates a contract — the resource managers
 * (their supervisors may do everything they may). Also who sees the process's tasks, and who a
 * passed signature deadline escalates to unless configured otherwise.
 */
export const CONTRACT_STAFF_ROLES: readonly Role[] = [
  'resource-manager',
  'resource-manager-supervisor',
];

/** The steps a person takes through the process's updates. */
export type ContractStep = 'sign' | 'reissue' | 'activate';

/** Where each step is possible (CTR-3): signing and re-issuing before activation, activating once signed. */
const STEP_ALLOWED_IN: Record<ContractStep, readonly ContractApprovalStatus[]> = {
  sign: ['awaiting-signature', 'signature-overdue'],
  reissue: ['awaiting-signature', 'signature-overdue', 'awaiting-activation'],
  activate: ['awaiting-activation'],
};

const NOT_THERE: Record<ContractStep, string> = {
  sign: 'is not awaiting a signature',
  reissue: 'can be re-issued only while it is issued and not yet active (CTR-3)',
  activate: 'is not awaiting activation (CTR-4: it is activated once signed)',
};

export interface ContractRejection {
  type:
    | (typeof ContractProcessRejection)[keyof typeof ContractProcessRejection]
    | typeof DecisionRejection.reasonRequired;
  message: string;
}

/** What the validators need to know about where the process stands. */
export interface ProcessPosition {
  status: ContractApprovalStatus;
  /** An update accepted and still being recorded; one step at a time. */
  stepInFlight: ContractStep | null;
  /** A `contractClosed` received and not yet handled: the process is ending. */
  closing: ContractClosed | null;
}

/** WF-3: one step at a time, and only the steps the contract's status allows. */
export function checkTurn(step: ContractStep, position: ProcessPosition): ContractRejection | null {
  if (position.closing !== null) {
    return notNow(`The contract was ${position.closing.status}: its process is ending`);
  }
  if (position.stepInFlight !== null) {
    return notNow(
      `Another step (${position.stepInFlight}) of this contract's process is in progress; ` +
        'try again once it is done',
    );
  }
  if (!STEP_ALLOWED_IN[step].includes(position.status)) {
    return notNow(`The contract ${NOT_THERE[step]} (its process is ${position.status})`);
  }
  return null;
}

/** The contract as the signature validator checks it. */
export interface SignedContract {
  contractId: string;
  providerId: string;
  /** The current document: a signature is bound to its SHA-256 (CTR-4). */
  document: { sha256: string; issueNumber: number };
  /** The signature already recorded on it, if any. */
  signatureId: string | null;
}

/**
 * SS-5 / CTR-4 / ROLE-2: the `sign` update's validation. Who signs comes first, so a provider's user
 * learns nothing about another provider's contract: electronically only the provider's own users
 * (another provider's user is told the contract is not theirs), on paper (wet) only staff who record
 * what arrived. Then the turn, then the document: a signature names the SHA-256 of what was signed,
 * and one on a document re-issued since is refused. A retried request (the signature id already
 * recorded) is accepted, so it answers the record made the first time.
 */
export function checkSignature(
  request: SignContractRequest,
  contract: SignedContract,
  position: ProcessPosition,
): ContractRejection | null {
  const signer = request.signedBy;
  if (request.method === 'electronic') {
    if (!hasAnyRole(signer, ['provider'])) {
      return {
        type: ContractProcessRejection.roleNotAllowed,
        message:
          "Only the provider's own users sign a contract electronically (SS-5); staff record a " +
          'signature received on paper as a wet signature',
      };
    }
    if (signer.providerId !== contract.providerId) {
      return {
        type: ContractProcessRejection.notTheProvider,
        message: `Contract ${contract.contractId} is not a contract of this provider (ROLE-2)`,
      };
    }
  } else if (!hasAnyRole(signer, CONTRACT_STAFF_ROLES)) {
    return {
      type: ContractProcessRejection.roleNotAllowed,
      message: `Only ${CONTRACT_STAFF_ROLES.join(' or ')} may record a wet signature (ROLE)`,
    };
  }
  if (request.signatureId === contract.signatureId && position.stepInFlight === null) return null;
  const turn = checkTurn('sign', position);
  if (turn) return turn;
  if (request.documentSha256 !== contract.document.sha256) {
    return {
      type: ContractProcessRejection.documentMismatch,
      message: mismatch(request, contract),
    };
  }
  return null;
}

function mismatch(request: SignContractRequest, contract: SignedContract): string {
  const signed = `CTR-4: the document signed (SHA-256 ${request.documentSha256}) is not the current contract document`;
  const { issueNumber, sha256 } = contract.document;
  return issueNumber > 1
    ? `${signed}: the contract was re-issued (issue ${issueNumber}, SHA-256 ${sha256}); review and sign the current document`
    : `${signed} (SHA-256 ${sha256})`;
}

/** CTR-3: the `reissue` update's validation — staff, with a reason, before activation. */
export function checkReissue(
  request: ReissueContractRequest,
  position: ProcessPosition,
): ContractRejection | null {
  const staff = staffOnly(request.requestedBy.roles, 're-issue a contract');
  if (staff) return staff;
  const turn = checkTurn('reissue', position);
  if (turn) return turn;
  if (!request.reason.trim()) {
    return { type: DecisionRejection.reasonRequired, message: 'CTR-3: a re-issue needs a reason' };
  }
  return null;
}

/** CTR-4: the `activate` update's validation — staff, once signed. */
export function checkActivation(
  request: ActivateContractRequest,
  position: ProcessPosition,
): ContractRejection | null {
  return (
    staffOnly(request.activatedBy.roles, 'activate a contract') ?? checkTurn('activate', position)
  );
}

function staffOnly(roles: readonly Role[], action: string): ContractRejection | null {
  if (hasAnyRole({ roles }, CONTRACT_STAFF_ROLES)) return null;
  return {
    type: ContractProcessRejection.roleNotAllowed,
    message: `Only ${CONTRACT_STAFF_ROLES.join(' or ')} may ${action} (ROLE)`,
  };
}

function notNow(message: string): ContractRejection {
  return { type: ContractProcessRejection.notNow, message };
}

/** CTR-4: days a resource manager has to activate a signed contract before its task is overdue. */
export const ACTIVATION_TASK_DAYS = 5;

/**
 * The fields of a to-do the process closes itself (signed, re-issued, activated, closed): nobody
 * decides it through the tasks service, so it offers no outcome; `roles` are who see it.
 */
export function closedByProcess(roles: readonly Role[]) {
  return { allowedOutcomes: [], outcomesRequiringReason: [], deciderRoles: roles } as const;
}
