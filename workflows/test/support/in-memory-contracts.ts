import { createHash, randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type {
  ActivateContractInput,
  ContractActivationOutcome,
  ContractDocumentIssued,
  ContractForProcess,
  ContractSignatureRecorded,
  ContractTermsChanges,
  ProviderReminded,
  ProvidersActivities,
  RecordContractSignatureInput,
  ReissueContractInput,
  RemindProviderToSignInput,
} from '@platform/contracts';

type ContractActivities = Pick<
  ProvidersActivities,
  | 'getContractForProcess'
  | 'recordContractSignature'
  | 'reissueContract'
  | 'activateContract'
  | 'remindProviderToSign'
>;

/** What CTR-4 / CTR-2 check on activation, as the test sets them (the providers service reads them). */
export interface ActivationFacts {
  providerStatus: string;
  coveredServices: { id: string; name: string; status: string }[];
  requiredLicenceTypes: string[];
  /** Licence types of the provider's licences valid on the activation day. */
  validLicenceTypes: string[];
}

export interface StoredContract {
  contractId: string;
  contractNumber: string;
  version: number;
  providerId: string;
  providerName: string;
  status: ContractForProcess['status'];
  period: { from: string; to: string };
  amendsContractId: string | null;
  terms: Record<string, unknown>;
  documents: (ContractDocumentIssued & { voided: boolean })[];
  signatures: (ContractSignatureRecorded & { voided: boolean })[];
  facts: ActivationFacts;
  activatedOn: string | null;
}

export const APPROVED_FACTS: ActivationFacts = {
  providerStatus: 'approved',
  coveredServices: [{ id: 'ps-day-care', name: 'Day care', status: 'approved' }],
  requiredLicenceTypes: ['CHILD-CARE'],
  validLicenceTypes: ['CHILD-CARE'],
};

/** A refusal of the providers service: non-retryable, named after its rule (ARCHITECTURE rule 5). */
function refused(rule: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({
    type: rule,
    message: `${rule}: ${message}`,
    nonRetryable: true,
  });
}

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * The time the test server scheduled the running activity: its (skipped) clock, which the process
 * reads too — so a re-issue's new deadline is where the process expects it, however far a test has
 * moved time on. The providers service uses its database's clock.
 */
const serverNow = () => new Date(Context.current().info.currentAttemptScheduledTimestampMs);

/**
 * The same rule and wording as the providers service's `activationRefusals` (CTR-2, CTR-4), which
 * this package may not import: every reason activation is refused, so a test sees them all.
 */
function activationRefusals(facts: ActivationFacts, signedCurrentDocument: boolean): string[] {
  const refusals: string[] = [];
  if (!signedCurrentDocument) {
    refusals.push('CTR-4: the provider has not signed the current contract document');
  }
  if (facts.providerStatus !== 'approved') {
    refusals.push(`CTR-4: the provider is ${facts.providerStatus}, not approved`);
  }
  for (const service of facts.coveredServices) {
    if (service.status !== 'approved') {
      refusals.push(
        `CTR-4: the covered service ${service.name} is ${service.status}, not approved`,
      );
    }
  }
  for (const type of facts.requiredLicenceTypes) {
    if (!facts.validLicenceTypes.includes(type)) {
      refusals.push(`CTR-2: no valid ${type} licence on the activation date`);
    }
  }
  return refusals;
}

/**
 * The providers service's WF-3 activities in memory: contract versions with their documents (each
 * with its SHA-256), signatures bound to the current document's hash, re-issues that void the
 * document (and any signature on it) and issue a new one with a new hash, and activation that checks
 * CTR-2 / CTR-4 on the facts a test sets. Every call is recorded; steps are idempotent by their
 * request ids and refusals non-retryable, like the real ones (the providers service's own tests
 * cover those against PostgreSQL).
 */
export class InMemoryContracts implements ContractActivities {
  readonly signatureCalls: RecordContractSignatureInput[] = [];
  readonly reissueCalls: ReissueContractInput[] = [];
  readonly activationCalls: ActivateContractInput[] = [];
  readonly reminders: RemindProviderToSignInput[] = [];
  private readonly contracts = new Map<string, StoredContract>();
  private readonly reissued = new Map<string, ContractDocumentIssued>();
  private readonly activated = new Map<string, ContractActivationOutcome>();
  private readonly remindedKeys = new Set<string>();
  private readonly paused = new Map<keyof ContractActivities, Promise<void>>();

  /** A contract version as the issue command leaves it: issued, with its first document. */
  issue(contract: {
    contractNumber: string;
    version?: number;
    providerId: string;
    providerName: string;
    period: { from: string; to: string };
    amendsContractId?: string | null;
    issuedAt: string;
    facts?: Partial<ActivationFacts>;
  }): StoredContract {
    const contractId = randomUUID();
    const terms = { rate: '120.00', period: contract.period };
    const stored: StoredContract = {
      contractId,
      contractNumber: contract.contractNumber,
      version: contract.version ?? 1,
      providerId: contract.providerId,
      providerName: contract.providerName,
      status: 'issued',
      period: contract.period,
      amendsContractId: contract.amendsContractId ?? null,
      terms,
      documents: [],
      signatures: [],
      facts: structuredClone({ ...APPROVED_FACTS, ...contract.facts }),
      activatedOn: null,
    };
    stored.documents.push({ ...this.document(stored, 1, contract.issuedAt), voided: false });
    this.contracts.set(contractId, stored);
    return stored;
  }

  /** An active version whose process is not running (activated before WF-3 ran, say). */
  addActive(contract: Parameters<InMemoryContracts['issue']>[0]): StoredContract {
    const stored = this.issue(contract);
    stored.status = 'active';
    stored.activatedOn = contract.period.from;
    return stored;
  }

  contract(contractId: string): StoredContract {
    const contract = this.contracts.get(contractId);
    if (!contract) throw refused('CTR-3', `no contract ${contractId}`);
    return contract;
  }

  currentDocument(contractId: string): ContractDocumentIssued {
    const document = this.contract(contractId).documents.find((d) => !d.voided);
    if (!document) throw new Error(`contract ${contractId} has no current document`);
    const { voided: _voided, ...issued } = document;
    return issued;
  }

  /** What the terminate/cancel HTTP commands record before they tell the process. */
  close(contractId: string, status: 'cancelled' | 'terminated'): void {
    this.contract(contractId).status = status;
  }

  /** Holds the next call of `activity` until the returned function is called. */
  pauseNext(activity: keyof ContractActivities): () => void {
    let release = () => {};
    this.paused.set(activity, new Promise<void>((resolve) => (release = resolve)));
    return () => release();
  }

  async getContractForProcess(contractId: string): Promise<ContractForProcess> {
    const contract = this.contract(contractId);
    const document = contract.documents.find((d) => !d.voided) ?? null;
    const signature = contract.signatures.find((s) => !s.voided) ?? null;
    return {
      contractId,
      contractNumber: contract.contractNumber,
      version: contract.version,
      providerId: contract.providerId,
      providerName: contract.providerName,
      type: 'utilization',
      status: contract.status,
      period: { ...contract.period },
      document: document && this.withoutFlag(document),
      signature: signature && this.withoutFlag(signature),
      amendsContractId: contract.amendsContractId,
    };
  }

  async recordContractSignature(
    input: RecordContractSignatureInput,
  ): Promise<ContractSignatureRecorded> {
    await this.hold('recordContractSignature');
    this.signatureCalls.push(input);
    const contract = this.contract(input.contractId);
    const earlier = contract.signatures.find((s) => s.signatureId === input.signatureId);
    if (earlier) return this.withoutFlag(earlier);
    if (contract.status !== 'issued') {
      throw refused('CTR-3', `a ${contract.status} contract is not awaiting a signature`);
    }
    const current = this.currentDocument(input.contractId);
    if (input.documentSha256 !== current.sha256) {
      throw refused('CTR-4', 'the document signed is not the current contract document');
    }
    const fields = {
      signatureId: input.signatureId,
      contractId: input.contractId,
      documentId: current.documentId,
      documentSha256: current.sha256,
      method: input.method,
      typedName: input.typedName,
      signedBy: input.signedBy.userId,
      signedAt: serverNow().toISOString(),
    };
    const record = { ...fields, recordSha256: sha256(fields) };
    contract.signatures.push({ ...record, voided: false });
    return record;
  }

  async reissueContract(input: ReissueContractInput): Promise<ContractDocumentIssued> {
    this.reissueCalls.push(input);
    const earlier = this.reissued.get(input.requestId);
    if (earlier) return earlier;
    const contract = this.contract(input.contractId);
    if (contract.status !== 'issued') {
      throw refused('CTR-3', `a ${contract.status} contract cannot be re-issued`);
    }
    if (!input.reason.trim()) throw refused('CTR-3', 'a re-issue needs a reason');
    contract.terms = { ...contract.terms, ...(input.changes as ContractTermsChanges) };
    for (const document of contract.documents) document.voided = true;
    for (const signature of contract.signatures) signature.voided = true;
    const issued = this.document(
      contract,
      contract.documents.length + 1,
      serverNow().toISOString(),
    );
    contract.documents.push({ ...issued, voided: false });
    this.reissued.set(input.requestId, issued);
    return issued;
  }

  async activateContract(input: ActivateContractInput): Promise<ContractActivationOutcome> {
    this.activationCalls.push(input);
    const earlier = this.activated.get(input.requestId);
    if (earlier) return earlier;
    const contract = this.contract(input.contractId);
    if (contract.status !== 'issued') {
      throw refused('CTR-3', `a ${contract.status} contract cannot be activated`);
    }
    const current = this.currentDocument(input.contractId);
    const signed = contract.signatures.some(
      (s) => !s.voided && s.documentSha256 === current.sha256,
    );
    const refusals = activationRefusals(contract.facts, signed);
    // A refusal changes nothing, so a later attempt (facts put right) is checked afresh.
    if (refusals.length > 0) return { activated: false, refusals };
    contract.status = 'active';
    contract.activatedOn = serverNow().toISOString().slice(0, 10);
    let supersededContractId: string | null = null;
    const amended = contract.amendsContractId && this.contracts.get(contract.amendsContractId);
    if (amended && amended.status === 'active') {
      amended.status = 'amended';
      supersededContractId = amended.contractId;
    }
    const outcome = {
      activated: true as const,
      activatedOn: contract.activatedOn,
      supersededContractId,
    };
    this.activated.set(input.requestId, outcome);
    return outcome;
  }

  async remindProviderToSign(input: RemindProviderToSignInput): Promise<ProviderReminded> {
    const contract = this.contract(input.contractId);
    if (!this.remindedKeys.has(input.requestKey)) {
      this.remindedKeys.add(input.requestKey);
      this.reminders.push(input);
    }
    return {
      contractId: contract.contractId,
      sentTo: [`contracts@${contract.providerId}.example`],
    };
  }

  private document(
    contract: StoredContract,
    issueNumber: number,
    issuedAt: string,
  ): ContractDocumentIssued {
    return {
      documentId: randomUUID(),
      // Deterministic over what the document states: new terms, a new hash.
      sha256: sha256({ contractId: contract.contractId, issueNumber, terms: contract.terms }),
      issueNumber,
      issuedAt,
    };
  }

  private withoutFlag<T extends { voided: boolean }>(value: T): Omit<T, 'voided'> {
    const { voided: _voided, ...rest } = value;
    return rest;
  }

  private async hold(activity: keyof ContractActivities): Promise<void> {
    const paused = this.paused.get(activity);
    if (!paused) return;
    this.paused.delete(activity);
    await paused;
  }
}
