import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../shared/audit.js';
import { CONTRACT_STATUSES } from './contract-lifecycle.js';
import { PAYMENT_FREQUENCIES } from './contract-rules.js';

/**
 * CTR-1 / CTR-2: one version of a contract. Versions of one contract share its number; an
 * amendment is a new version (CTR-5) and a renewal a new contract (CTR-6). Money in cents.
 */
export const Contract = defineEntity({
  name: 'Contract',
  tableName: 'contract',
  properties: {
    id: p.uuid().primary(),
    contractNumber: p.text().fieldName('contract_number'),
    version: p.integer().default(1),
    title: p.text(),
    /** The provider the contract is issued to and who signs it (SS-5). */
    providerId: p.uuid().fieldName('provider_id'),
    /** Set on group contracts: the group whose bound providers deliver (CTR-2). */
    providerGroupId: p.uuid().fieldName('provider_group_id').nullable(),
    type: p.enum(['fixed-fee', 'utilization'] as const),
    status: p.enum(CONTRACT_STATUSES).default('editing'),
    periodFrom: p.date().fieldName('period_from'),
    periodTo: p.date().fieldName('period_to'),
    fixedFeeKind: p
      .enum(['total', 'periodic'] as const)
      .fieldName('fixed_fee_kind')
      .nullable(),
    fixedFeeAmountCents: p.bigint().fieldName('fixed_fee_amount_cents').nullable(),
    fixedFeeFrequency: p.enum(PAYMENT_FREQUENCIES).fieldName('fixed_fee_frequency').nullable(),
    placeLimit: p.integer().fieldName('place_limit').nullable(),
    amendsContractId: p.uuid().fieldName('amends_contract_id').nullable(),
    renewsContractId: p.uuid().fieldName('renews_contract_id').nullable(),
    /** How many documents were issued (the current one's issue number). */
    issueCount: p.integer().fieldName('issue_count').default(0),
    activatedOn: p.date().fieldName('activated_on').nullable(),
    activatedBy: p.text().fieldName('activated_by').nullable(),
    terminatedOn: p.date().fieldName('terminated_on').nullable(),
    /** The reason of a termination or cancellation. */
    statusReason: p.text().fieldName('status_reason').nullable(),
    ...auditProperties,
  },
});
export type ContractRecord = InferEntity<typeof Contract>;

/** CTR-2: a provider service the contract covers (active provider services only). */
export const ContractCoveredService = defineEntity({
  name: 'ContractCoveredService',
  tableName: 'contract_covered_service',
  properties: {
    contractId: p.uuid().primary().fieldName('contract_id'),
    providerServiceId: p.uuid().primary().fieldName('provider_service_id'),
  },
});
export type ContractCoveredServiceRecord = InferEntity<typeof ContractCoveredService>;

/** CTR-1 / CTR-5: a utilization contract's unit rate for a covered service over a sub-period. */
export const ContractUnitRate = defineEntity({
  name: 'ContractUnitRate',
  tableName: 'contract_unit_rate',
  properties: {
    id: p.uuid().primary(),
    contractId: p.uuid().fieldName('contract_id'),
    providerServiceId: p.uuid().fieldName('provider_service_id'),
    from: p.date().fieldName('from_date'),
    to: p.date().fieldName('to_date'),
    rateCents: p.bigint().fieldName('rate_cents'),
  },
});
export type ContractUnitRateRecord = InferEntity<typeof ContractUnitRate>;

/** CTR-2: a performance measure with its target, in the order the contract states them. */
export const ContractPerformanceMeasure = defineEntity({
  name: 'ContractPerformanceMeasure',
  tableName: 'contract_performance_measure',
  properties: {
    id: p.uuid().primary(),
    contractId: p.uuid().fieldName('contract_id'),
    position: p.integer(),
    name: p.text(),
    target: p.text(),
  },
});
export type ContractPerformanceMeasureRecord = InferEntity<typeof ContractPerformanceMeasure>;

/** CTR-2: a licence type of which a valid licence is needed to activate. */
export const ContractRequiredLicenceType = defineEntity({
  name: 'ContractRequiredLicenceType',
  tableName: 'contract_required_licence_type',
  properties: {
    contractId: p.uuid().primary().fieldName('contract_id'),
    licenceTypeId: p.uuid().primary().fieldName('licence_type_id'),
  },
});
export type ContractRequiredLicenceTypeRecord = InferEntity<typeof ContractRequiredLicenceType>;

/** CTR-2: a provider bound by a group contract. */
export const ContractBoundProvider = defineEntity({
  name: 'ContractBoundProvider',
  tableName: 'contract_bound_provider',
  properties: {
    contractId: p.uuid().primary().fieldName('contract_id'),
    providerId: p.uuid().primary().fieldName('provider_id'),
  },
});
export type ContractBoundProviderRecord = InferEntity<typeof ContractBoundProvider>;

/**
 * CTR-4: a document issued for signature — the PDF rendered from the terms, and its SHA-256. A
 * re-issue voids the current one (CTR-3); void documents are kept, with any signature on them.
 */
export const ContractDocument = defineEntity({
  name: 'ContractDocument',
  tableName: 'contract_document',
  properties: {
    id: p.uuid().primary(),
    contractId: p.uuid().fieldName('contract_id'),
    issueNumber: p.integer().fieldName('issue_number'),
    content: p.blob().lazy(),
    sha256: p.text(),
    byteSize: p.integer().fieldName('byte_size'),
    issuedBy: p.text().fieldName('issued_by'),
    issuedAt: p.datetime().fieldName('issued_at'),
    reissueReason: p.text().fieldName('reissue_reason').nullable(),
    voidedAt: p.datetime().fieldName('voided_at').nullable(),
    voidReason: p.text().fieldName('void_reason').nullable(),
  },
});
export type ContractDocumentRecord = InferEntity<typeof ContractDocument>;

/**
 * SS-5: a signature on one document — tamper-evident: the document's SHA-256, who signed (from
 * the token), what they typed and accepted, when; `recordSha256` hashes all of it.
 */
export const ContractSignature = defineEntity({
  name: 'ContractSignature',
  tableName: 'contract_signature',
  properties: {
    id: p.uuid().primary(),
    contractId: p.uuid().fieldName('contract_id'),
    documentId: p.uuid().fieldName('document_id'),
    documentSha256: p.text().fieldName('document_sha256'),
    method: p.enum(['electronic', 'wet'] as const),
    typedName: p.text().fieldName('typed_name'),
    consentStatement: p.text().fieldName('consent_statement').nullable(),
    receivedOn: p.date().fieldName('received_on').nullable(),
    signerUserId: p.text().fieldName('signer_user_id'),
    signerRoles: p.array().fieldName('signer_roles'),
    signerProviderId: p.uuid().fieldName('signer_provider_id').nullable(),
    signedAt: p.datetime().fieldName('signed_at'),
    origin: p.text().nullable(),
    recordSha256: p.text().fieldName('record_sha256'),
    recordedBy: p.text().fieldName('recorded_by'),
    voidedAt: p.datetime().fieldName('voided_at').nullable(),
  },
});
export type ContractSignatureRecord = InferEntity<typeof ContractSignature>;

/** CTR-3: the status history; `requestId` makes each step of the process happen once (WF-3). */
export const ContractStatusChange = defineEntity({
  name: 'ContractStatusChange',
  tableName: 'contract_status_change',
  properties: {
    id: p.bigint().primary().autoincrement(),
    contractId: p.uuid().fieldName('contract_id'),
    /** A CTR-3 action, or a step that keeps the status (e.g. `sign`, `activation-refused`). */
    action: p.text(),
    fromStatus: p.enum(CONTRACT_STATUSES).fieldName('from_status').nullable(),
    toStatus: p.enum(CONTRACT_STATUSES).fieldName('to_status'),
    reason: p.text().nullable(),
    details: p.json<Record<string, unknown>>(),
    requestId: p.text().fieldName('request_id').nullable(),
    workflowId: p.text().fieldName('workflow_id').nullable(),
    actor: p.text(),
    at: p.datetime().onCreate(() => new Date()),
  },
});
export type ContractStatusChangeRecord = InferEntity<typeof ContractStatusChange>;

/** CTR-2: an active contract flagged because a licence of a required type expired (WF-2). */
export const ContractFlag = defineEntity({
  name: 'ContractFlag',
  tableName: 'contract_flag',
  properties: {
    id: p.uuid().primary(),
    contractId: p.uuid().fieldName('contract_id'),
    kind: p.enum(['licence-expired'] as const),
    licenceId: p.uuid().fieldName('licence_id'),
    licenceTypeCode: p.text().fieldName('licence_type_code'),
    since: p.date(),
    raisedAt: p
      .datetime()
      .fieldName('raised_at')
      .onCreate(() => new Date()),
    resolvedAt: p.datetime().fieldName('resolved_at').nullable(),
    resolvedBy: p.text().fieldName('resolved_by').nullable(),
    resolution: p.text().nullable(),
  },
});
export type ContractFlagRecord = InferEntity<typeof ContractFlag>;

/** WF-3: a reminder sent to the provider, once per request key. */
export const ContractNotice = defineEntity({
  name: 'ContractNotice',
  tableName: 'contract_notice',
  properties: {
    requestKey: p.text().primary().fieldName('request_key'),
    contractId: p.uuid().fieldName('contract_id'),
    message: p.text(),
    /** The signature deadline the reminder is about. */
    deadline: p.datetime().nullable(),
    sentTo: p.array().fieldName('sent_to'),
    sentAt: p
      .datetime()
      .fieldName('sent_at')
      .onCreate(() => new Date()),
  },
});
export type ContractNoticeRecord = InferEntity<typeof ContractNotice>;

export const CONTRACT_ENTITIES = [
  Contract,
  ContractCoveredService,
  ContractUnitRate,
  ContractPerformanceMeasure,
  ContractRequiredLicenceType,
  ContractBoundProvider,
  ContractDocument,
  ContractSignature,
  ContractStatusChange,
  ContractFlag,
  ContractNotice,
];
