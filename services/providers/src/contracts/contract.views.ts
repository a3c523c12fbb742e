import { contractApprovalWorkflowId } from '@platform/contracts';
import { auditView } from '../shared/audit.js';
import { formatMoney } from '../shared/money.js';
import { dateOrNull, instantOrNull } from '../shared/view-values.js';
import { availableContractActions } from './contract-lifecycle.js';
import type { ContractTermsState } from './contract-terms-state.js';
import type {
  ContractDocumentRecord,
  ContractFlagRecord,
  ContractNoticeRecord,
  ContractRecord,
  ContractSignatureRecord,
  ContractStatusChangeRecord,
} from './contract.entities.js';
import { signatureRecordSha256 } from './signature-record.js';

/** Everything a contract view is made of, loaded together (`loadContractParts`). */
export interface ContractParts {
  contract: ContractRecord;
  providerName: string;
  terms: ContractTermsState;
  /** Every document issued, in issue order, void ones included. */
  documents: ContractDocumentRecord[];
  /** Every signature recorded, void ones included, oldest first. */
  signatures: ContractSignatureRecord[];
  openFlags: ContractFlagRecord[];
  /** WF-3: the reminders to sign the process recorded, oldest first. */
  notices: ContractNoticeRecord[];
  /** The later versions amending this one (CTR-5) and the contracts renewing it (CTR-6). */
  amendedByContractIds: string[];
  renewedByContractIds: string[];
}

/** Where a caller fetches a contract's documents: staff and the provider have their own paths. */
export interface ContractPaths {
  self: string;
  currentDocument: string;
  document: (documentId: string) => string;
}

export const staffContractPaths = (contractId: string): ContractPaths => ({
  self: `/contracts/${contractId}`,
  currentDocument: `/contracts/${contractId}/document`,
  document: (documentId) => `/contracts/${contractId}/documents/${documentId}`,
});

/** CTR-2: the terms as the API shows them: money as decimal strings (ARCHITECTURE rule 8). */
export function termsView(terms: ContractTermsState) {
  return {
    title: terms.title,
    providerId: terms.providerId,
    providerGroupId: terms.providerGroupId,
    type: terms.type,
    period: terms.period,
    coveredProviderServiceIds: [...terms.coveredProviderServiceIds],
    boundProviderIds: [...terms.boundProviderIds],
    fixedFee: terms.fixedFee && {
      kind: terms.fixedFee.kind,
      amount: formatMoney(terms.fixedFee.amount),
      frequency: terms.fixedFee.frequency,
    },
    unitRates: terms.unitRates.map((rate) => ({
      providerServiceId: rate.providerServiceId,
      from: rate.from,
      to: rate.to,
      rate: formatMoney(rate.rate),
    })),
    placeLimit: terms.placeLimit,
    performanceMeasures: terms.performanceMeasures.map((measure) => ({ ...measure })),
    requiredLicenceTypeCodes: [...terms.requiredLicenceTypeCodes],
  };
}

/** CTR-4: a document's metadata and where to fetch its PDF. */
export function documentView(document: ContractDocumentRecord, paths: ContractPaths) {
  return {
    id: document.id,
    issueNumber: document.issueNumber,
    sha256: document.sha256,
    byteSize: document.byteSize,
    issuedAt: document.issuedAt.toISOString(),
    issuedBy: document.issuedBy,
    reissueReason: document.reissueReason ?? null,
    void: document.voidedAt != null,
    voidedAt: instantOrNull(document.voidedAt),
    voidReason: document.voidReason ?? null,
    link: paths.document(document.id),
  };
}

/**
 * SS-5: a signature, and whether its record is intact: the hash recomputed from the stored fields
 * equals the one sealed when it was recorded, and it names the SHA-256 of the document it is on.
 */
export function signatureView(
  signature: ContractSignatureRecord,
  document: ContractDocumentRecord | undefined,
) {
  const recomputed = signatureRecordSha256({
    signatureId: signature.id,
    contractId: signature.contractId,
    documentId: signature.documentId,
    documentSha256: signature.documentSha256,
    method: signature.method,
    typedName: signature.typedName,
    consentStatement: signature.consentStatement ?? null,
    receivedOn: signature.receivedOn ?? null,
    signerUserId: signature.signerUserId,
    signerProviderId: signature.signerProviderId ?? null,
    signedAt: signature.signedAt.toISOString(),
  });
  return {
    id: signature.id,
    documentId: signature.documentId,
    documentSha256: signature.documentSha256,
    method: signature.method,
    typedName: signature.typedName,
    consentStatement: signature.consentStatement ?? null,
    receivedOn: dateOrNull(signature.receivedOn),
    signerUserId: signature.signerUserId,
    signerProviderId: signature.signerProviderId ?? null,
    signedAt: signature.signedAt.toISOString(),
    recordSha256: signature.recordSha256,
    verified:
      recomputed === signature.recordSha256 && document?.sha256 === signature.documentSha256,
    void: signature.voidedAt != null,
    voidedAt: instantOrNull(signature.voidedAt),
  };
}

export function flagView(flag: ContractFlagRecord) {
  return {
    id: flag.id,
    kind: flag.kind,
    licenceId: flag.licenceId,
    licenceTypeCode: flag.licenceTypeCode,
    since: flag.since,
    raisedAt: flag.raisedAt.toISOString(),
    resolvedAt: instantOrNull(flag.resolvedAt),
    resolvedBy: flag.resolvedBy ?? null,
    resolution: flag.resolution ?? null,
  };
}

export type ContractView = ReturnType<typeof contractView>;

/**
 * CTR-1…CTR-7: one contract version as the API shows it: its terms and status, the versions and
 * contracts linked to it, what may be done next, its documents (the current one first-class, void
 * ones kept), the signatures with their verification, open flags and its WF-3 process.
 */
export function contractView(parts: ContractParts, paths: ContractPaths) {
  const { contract } = parts;
  const current = parts.documents.find((document) => document.voidedAt == null) ?? null;
  const documentsById = new Map(parts.documents.map((document) => [document.id, document]));
  const signatures = parts.signatures.map((signature) =>
    signatureView(signature, documentsById.get(signature.documentId)),
  );
  const currentSignature = current
    ? (signatures.find((signature) => signature.documentId === current.id && !signature.void) ??
      null)
    : null;
  return {
    id: contract.id,
    contractNumber: contract.contractNumber,
    version: contract.version,
    status: contract.status,
    statusReason: contract.statusReason ?? null,
    providerName: parts.providerName,
    ...termsView(parts.terms),
    amendsContractId: contract.amendsContractId ?? null,
    renewsContractId: contract.renewsContractId ?? null,
    amendedByContractIds: parts.amendedByContractIds,
    renewedByContractIds: parts.renewedByContractIds,
    issueCount: contract.issueCount,
    activatedOn: dateOrNull(contract.activatedOn),
    activatedBy: contract.activatedBy ?? null,
    terminatedOn: dateOrNull(contract.terminatedOn),
    availableActions: availableContractActions(contract.status),
    document: current ? documentView(current, paths) : null,
    documentLink: current ? paths.currentDocument : null,
    documents: parts.documents.map((document) => documentView(document, paths)),
    signature: currentSignature,
    signatures,
    /** SS-5: issued, and its current document not yet signed. */
    awaitingSignature: contract.status === 'issued' && current !== null && !currentSignature,
    openFlags: parts.openFlags.map(flagView),
    /** WF-3 / SS-5: the reminders to sign, with the deadline each named (no email yet, ADR 0016). */
    signatureReminders: parts.notices.map((notice) => ({
      message: notice.message,
      deadline: instantOrNull(notice.deadline),
      sentAt: notice.sentAt.toISOString(),
    })),
    processWorkflowId: contract.issueCount > 0 ? contractApprovalWorkflowId(contract.id) : null,
    links: {
      self: paths.self,
      ...(contract.amendsContractId ? { amends: `/contracts/${contract.amendsContractId}` } : {}),
      ...(contract.renewsContractId ? { renews: `/contracts/${contract.renewsContractId}` } : {}),
    },
    ...auditView(contract),
  };
}

export type ContractSummaryView = ReturnType<typeof contractSummaryView>;

/** A contract version in a list: what finds it and its status, without documents or signatures. */
export function contractSummaryView(
  contract: ContractRecord,
  extra: { providerName: string; openFlagCount: number },
) {
  return {
    id: contract.id,
    contractNumber: contract.contractNumber,
    version: contract.version,
    title: contract.title,
    providerId: contract.providerId,
    providerName: extra.providerName,
    providerGroupId: contract.providerGroupId ?? null,
    type: contract.type,
    status: contract.status,
    period: { from: contract.periodFrom, to: contract.periodTo },
    fixedFee:
      contract.fixedFeeAmountCents != null
        ? {
            kind: contract.fixedFeeKind,
            amount: formatMoney(contract.fixedFeeAmountCents),
            frequency: contract.fixedFeeFrequency,
          }
        : null,
    placeLimit: contract.placeLimit ?? null,
    issueCount: contract.issueCount,
    amendsContractId: contract.amendsContractId ?? null,
    renewsContractId: contract.renewsContractId ?? null,
    activatedOn: dateOrNull(contract.activatedOn),
    terminatedOn: dateOrNull(contract.terminatedOn),
    openFlagCount: extra.openFlagCount,
    availableActions: availableContractActions(contract.status),
    ...auditView(contract),
  };
}

export type ContractHistoryView = ReturnType<typeof contractHistoryView>;

/** CTR-3: one row of the history: who did what, from which status to which, why. */
export function contractHistoryView(change: ContractStatusChangeRecord) {
  return {
    action: change.action,
    fromStatus: change.fromStatus ?? null,
    toStatus: change.toStatus,
    reason: change.reason ?? null,
    details: change.details,
    requestId: change.requestId ?? null,
    workflowId: change.workflowId ?? null,
    actor: change.actor,
    at: change.at.toISOString(),
  };
}
