/** Activities hosted by the providers service on TaskQueues.providersActivities. */
import type { Role } from '../roles.js';
import type { HomeStudyRecommendation, HomeStudyType } from '../events/home-study.events.js';

export type InquiryOutcome = 'convert' | 'close';

export interface RecordInquiryOutcomeInput {
  inquiryId: string;
  outcome: InquiryOutcome;
  reason: string | null;
  decidedBy: string;
  decidedByRoles: readonly Role[];
  /** The workflow that decided; becomes the follow-up event's correlation id. */
  workflowId: string;
}

export interface InquiryOutcomeRecorded {
  inquiryId: string;
  status: 'closed' | 'converted';
  providerId: string | null;
}

export interface ProvidersActivities {
  /**
   * PRV-10: expires every waiting waitlist entry whose expiry date is before `onDate` (closing the
   * gaps in its list); idempotent — a second run for the same day expires nothing more.
   */
  expireWaitlistEntries(input: ExpireWaitlistEntriesInput): Promise<WaitlistEntriesExpired>;
  /**
   * PRV-10: allocates a place to a waiting entry after its case worker accepted an offer (the
   * waitlists' allocate: waitlist-entry.allocated follows). Idempotent: an entry already allocated
   * answers `already-allocated`; one that left the queue otherwise (expired, removed) is refused
   * as a non-retryable business rejection (PRV-10).
   */
  allocateWaitlistEntry(input: AllocateWaitlistEntryInput): Promise<WaitlistEntryAllocation>;
  recordInquiryOutcome(input: RecordInquiryOutcomeInput): Promise<InquiryOutcomeRecorded>;
  /** WF-1: records the supervisor's decision on a submitted home study (CRD-7); idempotent. */
  recordHomeStudyDecision(input: RecordHomeStudyDecisionInput): Promise<HomeStudyDecisionRecorded>;
  /** WF-1: what the supervisor's task shows about a home study (CRD-7). */
  getHomeStudyForApproval(homeStudyId: string): Promise<HomeStudyForApproval>;
  /** CRD-7: creates the re-study that follows an approved home study; idempotent. */
  scheduleReStudy(input: ScheduleReStudyInput): Promise<ReStudyScheduled>;
  /** WF-2: the licence, its periods and its CRD-3 training warnings as of a date. */
  getLicenceForRenewal(input: GetLicenceForRenewalInput): Promise<LicenceForRenewal>;
  /** WF-2 / CRD-2: renews the licence for a new period; idempotent by requestId. */
  renewLicence(input: RenewLicenceInput): Promise<LicenceDecisionRecorded>;
  /** WF-2 / CRD-2: records non-compliance (with a reason) instead of renewing; idempotent. */
  recordLicenceNonCompliance(
    input: RecordLicenceNonComplianceInput,
  ): Promise<LicenceDecisionRecorded>;
  /** WF-2 / CRD-2: suspends an approved licence with a reason; idempotent by requestId. */
  suspendLicence(input: SuspendLicenceInput): Promise<LicenceDecisionRecorded>;
  /** WF-2 / CRD-2: reinstates a suspended licence; idempotent by requestId. */
  reinstateLicence(input: ReinstateLicenceInput): Promise<LicenceDecisionRecorded>;
  /**
   * WF-2 / CRD-2: expires a licence whose period ended without renewal (announces
   * licence.expired); a no-op for an expired licence; refused (CRD-2) when its period covers onDate.
   */
  expireLicence(input: ExpireLicenceInput): Promise<LicenceDecisionRecorded>;
  /** WF-3: the contract as the process shows it in tasks and reconciles with on start. */
  getContractForProcess(contractId: string): Promise<ContractForProcess>;
  /**
   * SS-5 / CTR-4: records a signature on the current document; idempotent by signatureId. Refused
   * (non-retryable, CTR-4) when the SHA-256 is not the current document's or the contract is not
   * issued.
   */
  recordContractSignature(input: RecordContractSignatureInput): Promise<ContractSignatureRecorded>;
  /**
   * CTR-3: applies the changed terms, generates the new document (the old one and any signature on
   * it are void) and announces contract.reissued; idempotent by requestId.
   */
  reissueContract(input: ReissueContractInput): Promise<ContractDocumentIssued>;
  /**
   * CTR-4 / CTR-2: activates the signed contract when the provider, every covered service and a
   * valid licence of each required type allow it on the day, in the transaction that activates;
   * otherwise answers every refusal and changes nothing. An amendment supersedes the version it
   * amends (CTR-5). Idempotent by requestId.
   */
  activateContract(input: ActivateContractInput): Promise<ContractActivationOutcome>;
  /** WF-3: reminds the provider's users to sign (in-app and email); idempotent by requestKey. */
  remindProviderToSign(input: RemindProviderToSignInput): Promise<ProviderReminded>;
}

// ---------------------------------------------------------------------------------------------
// Home studies (CRD-7) and their approval process (WF-1)

export type HomeStudyDecisionOutcome = 'approve' | 'reject' | 'return';

export interface RecordHomeStudyDecisionInput {
  homeStudyId: string;
  /**
   * Idempotency key of the decision, e.g. the supervisor's task id: a retry with the same key
   * returns the first result and records nothing twice.
   */
  decisionId: string;
  outcome: HomeStudyDecisionOutcome;
  /** The failure reason of a rejection (non-compliance) or the comments of a return: required for both. */
  reason: string | null;
  decidedBy: string;
  /** Only a resource-manager-supervisor may decide (WF-1, ROLE). */
  decidedByRoles: readonly Role[];
  /** The workflow that decided; becomes the decided event's correlation id. */
  workflowId: string;
}

export interface HomeStudyDecisionRecorded {
  homeStudyId: string;
  providerId: string;
  decisionId: string;
  outcome: HomeStudyDecisionOutcome;
  /** The status the decision left the home study in (it may have moved on since). */
  status: 'approved' | 'rejected' | 'returned';
  reason: string | null;
  decidedBy: string;
  /** YYYY-MM-DD */
  decidedOn: string;
  /** Approved: when the next re-study is due (CRD-7), to pass to scheduleReStudy. Else null. */
  reStudyDueOn: string | null;
  /** The submission the decision answered: 1 the first time, 2 after one return … */
  submission: number;
}

export interface HomeStudyForApproval {
  homeStudyId: string;
  providerId: string;
  providerName: string;
  providerStatus: string;
  type: HomeStudyType;
  status: 'in-progress' | 'submitted' | 'approved' | 'rejected' | 'returned';
  previousHomeStudyId: string | null;
  /** YYYY-MM-DD or null */
  dueOn: string | null;
  submission: number;
  recommendation: HomeStudyRecommendation | null;
  recommendationText: string | null;
  submittedBy: string | null;
  /** ISO timestamp */
  submittedAt: string | null;
  assessments: {
    total: number;
    passed: number;
    failed: number;
    conditionallyPassed: number;
    /** Corrective actions of conditional passes without a completion date. */
    openCorrectiveActions: number;
  };
  visits: { total: number; lastVisitedOn: string | null };
  documents: number;
  /** Points the supervisor should weigh, e.g. unresolved corrective actions (CRD-7). */
  warnings: string[];
}

export interface ScheduleReStudyInput {
  /** The approved home study the re-study follows. */
  homeStudyId: string;
  /** YYYY-MM-DD: when the re-study is due (the approved one's reStudyDueOn). */
  dueOn: string;
}

export interface ReStudyScheduled {
  /** The re-study (a new home study, in progress). */
  homeStudyId: string;
  previousHomeStudyId: string;
  providerId: string;
  dueOn: string;
}

// ---------------------------------------------------------------------------------------------
// Licences (CRD-2, CRD-3) and their renewal process (WF-2)

/** CRD-2: the statuses of a licence ("renewed" is a move that keeps it approved). */
export type LicenceStatusName =
  'pending' | 'approved' | 'rejected' | 'suspended' | 'non-compliant' | 'expired';

/** CRD-2: a period of a licence, calendar dates (YYYY-MM-DD), both ends inclusive. */
export interface LicencePeriodDates {
  from: string;
  to: string;
}

export interface GetLicenceForRenewalInput {
  licenceId: string;
  /** YYYY-MM-DD: the day the CRD-3 training requirement is checked for (e.g. the reminder's). */
  onDate: string;
}

/** WF-2: what the renewal process and its reminder/decision tasks show about a licence. */
export interface LicenceForRenewal {
  licenceId: string;
  providerId: string;
  licenceTypeId: string;
  licenceTypeCode: string;
  licenceTypeName: string;
  /** The licence type's default validity: a renewal's default new period (months). */
  defaultValidityMonths: number;
  number: string;
  issuingAuthority: string;
  status: LicenceStatusName;
  /** The current period (the latest of the history). */
  period: LicencePeriodDates;
  /** Every period, oldest first: the first as recorded, then one per renewal. */
  periods: LicencePeriodDates[];
  providerServiceIds: string[];
  /** CRD-2: approved and `onDate` lies within its periods. */
  validOnDate: boolean;
  /** YYYY-MM-DD: the date of the training check. */
  checkedOn: string;
  /** CRD-3: members active on `checkedOn` who neither completed nor waived a mandatory course. */
  trainingWarnings: string[];
}

/** Common to the renewal decisions WF-2 records on behalf of a resource manager. */
export interface LicenceDecisionInput {
  licenceId: string;
  /**
   * Idempotency key of the decision, e.g. the decision task's id: a retry with the same key
   * returns the first result and records nothing twice.
   */
  requestId: string;
  decidedBy: string;
  /** Resource managers, their supervisors and facility managers decide (ROLE). */
  decidedByRoles: readonly Role[];
  /** The workflow that decided; becomes the event's correlation id. */
  workflowId: string;
}

export interface RenewLicenceInput extends LicenceDecisionInput {
  /** YYYY-MM-DD: the last day of the new period, which starts the day after the current one ends. */
  newTo: string;
  /** YYYY-MM-DD: the day of the decision, for the CRD-3 training check; default: today (UTC). */
  onDate?: string;
}

export interface RecordLicenceNonComplianceInput extends LicenceDecisionInput {
  /** Why the provider is non-compliant, e.g. "safety issue found", "background check failed". */
  reason: string;
}

export interface SuspendLicenceInput extends LicenceDecisionInput {
  reason: string;
}

export interface ReinstateLicenceInput extends LicenceDecisionInput {
  reason?: string | null;
}

export interface ExpireLicenceInput {
  licenceId: string;
  /** YYYY-MM-DD: a day after the licence's current period (typically the day after it ends). */
  onDate: string;
  workflowId: string;
}

/** The state a licence decision left the licence in (it may have moved on since). */
export interface LicenceDecisionRecorded {
  licenceId: string;
  providerId: string;
  action: 'renew' | 'record-non-compliance' | 'suspend' | 'reinstate' | 'expire';
  status: LicenceStatusName;
  /** The current period after the decision. */
  period: LicencePeriodDates;
  reason: string | null;
  /** CRD-3 warnings shown with a renewal; empty for the other decisions. */
  trainingWarnings: string[];
  decidedBy: string;
  /** ISO timestamp of the recording. */
  decidedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Waitlists (PRV-10)

export interface ExpireWaitlistEntriesInput {
  /** YYYY-MM-DD: entries whose expiry date (the last day they may wait) is before it expire. */
  onDate: string;
  /** The calling workflow; becomes the expired events' correlation id. */
  workflowId: string;
}

export interface AllocateWaitlistEntryInput {
  entryId: string;
  /** The first day of the service period (YYYY-MM-DD): today → a placement, later → a reservation. */
  from: string;
  /** Inclusive; null: open-ended. */
  to: string | null;
  placeId: string | null;
  /** The case worker who accepted the offer: the allocation's actor. */
  allocatedBy: string;
  /** The calling workflow; becomes the allocated event's correlation id. */
  workflowId: string;
}

export interface WaitlistEntryAllocation {
  entryId: string;
  outcome: 'allocated' | 'already-allocated';
}

export interface WaitlistEntriesExpired {
  onDate: string;
  /** The entries this run expired (empty when a previous run already did). */
  expiredEntryIds: string[];
}

// ---------------------------------------------------------------------------------------------
// Contracts (CTR-1…CTR-7) and their publish–sign–activate process (WF-3)

/**
 * CTR-3: the term changes of a re-issue, in the shape of `PATCH /contracts/:id` (the providers
 * service validates them before the process sees them, and again when it applies them).
 */
export type ContractTermsChanges = Record<string, unknown>;

/** CTR-4: the document issued for signature. */
export interface ContractDocumentIssued {
  documentId: string;
  /** Hex SHA-256 of the PDF: what a signature is bound to. */
  sha256: string;
  /** 1 for the first issue, +1 for each re-issue. */
  issueNumber: number;
  /** ISO timestamp */
  issuedAt: string;
}

export interface ContractForProcess {
  contractId: string;
  contractNumber: string;
  version: number;
  providerId: string;
  providerName: string;
  type: 'fixed-fee' | 'utilization';
  status: 'editing' | 'issued' | 'active' | 'terminated' | 'amended' | 'cancelled';
  period: { from: string; to: string };
  /** The current (not void) document; null while editing. */
  document: ContractDocumentIssued | null;
  /** The signature on the current document, if any. */
  signature: ContractSignatureRecorded | null;
  amendsContractId: string | null;
}

export interface RecordContractSignatureInput {
  contractId: string;
  signatureId: string;
  documentSha256: string;
  method: 'electronic' | 'wet';
  typedName: string;
  consentStatement: string | null;
  receivedOn: string | null;
  signedBy: { userId: string; roles: readonly Role[]; providerId?: string | null };
  origin: string | null;
  /** The process; becomes the signed event's correlation id. */
  workflowId: string;
}

/** SS-5: the tamper-evident record of a signature. */
export interface ContractSignatureRecorded {
  signatureId: string;
  contractId: string;
  documentId: string;
  documentSha256: string;
  method: 'electronic' | 'wet';
  typedName: string;
  signedBy: string;
  /** ISO timestamp */
  signedAt: string;
  /** SHA-256 over the record's fields: recomputing it proves the record was not altered. */
  recordSha256: string;
}

export interface ReissueContractInput {
  contractId: string;
  requestId: string;
  reason: string;
  changes: ContractTermsChanges;
  requestedBy: { userId: string; roles: readonly Role[] };
  workflowId: string;
}

export interface ActivateContractInput {
  contractId: string;
  requestId: string;
  activatedBy: { userId: string; roles: readonly Role[] };
  workflowId: string;
}

export type ContractActivationOutcome =
  | {
      activated: true;
      /** YYYY-MM-DD */
      activatedOn: string;
      /** CTR-5: the version this amendment superseded (now amended), if any. */
      supersededContractId: string | null;
    }
  | { activated: false; refusals: string[] };

export interface RemindProviderToSignInput {
  contractId: string;
  requestKey: string;
  /** ISO timestamp of the signature deadline. */
  deadline: string;
  message: string;
}

export interface ProviderReminded {
  contractId: string;
  /** Addresses the reminder went to (empty when the provider has no address on record). */
  sentTo: string[];
}
