import type { MikroORM } from '@mikro-orm/postgresql';
import type { ProvidersActivities } from '@platform/contracts';
import {
  expireLicence,
  getLicenceForRenewal,
  recordLicenceNonCompliance,
  reinstateLicence,
  renewLicence,
  suspendLicence,
} from './licence-renewal.activities.js';
import {
  getHomeStudyForApproval,
  recordHomeStudyDecision,
  scheduleReStudy,
} from './home-study-approval.js';
import { recordInquiryOutcome } from './record-inquiry-outcome.js';
import { expireWaitlistEntries } from './expire-waitlist-entries.js';
import { allocateWaitlistEntry } from './allocate-waitlist-entry.js';
import {
  ContractProcessSteps,
  type ContractStepSettings,
} from '../contracts/contract-process-steps.js';

/**
 * The activities this service hosts on TaskQueues.providersActivities; `contracts` carries the
 * configuration WF-3's steps need (the agency a re-issued document names, AGENCY_NAME).
 */
export function createProvidersActivities(
  orm: MikroORM,
  contracts: ContractStepSettings = {},
): ProvidersActivities {
  const contractSteps = new ContractProcessSteps(orm, contracts);
  return {
    recordInquiryOutcome: (input) => recordInquiryOutcome(orm, input),
    expireWaitlistEntries: (input) => expireWaitlistEntries(orm, input),
    allocateWaitlistEntry: (input) => allocateWaitlistEntry(orm, input),
    recordHomeStudyDecision: (input) => recordHomeStudyDecision(orm, input),
    getHomeStudyForApproval: (homeStudyId) => getHomeStudyForApproval(orm, homeStudyId),
    scheduleReStudy: (input) => scheduleReStudy(orm, input),
    getLicenceForRenewal: (input) => getLicenceForRenewal(orm, input),
    renewLicence: (input) => renewLicence(orm, input),
    recordLicenceNonCompliance: (input) => recordLicenceNonCompliance(orm, input),
    suspendLicence: (input) => suspendLicence(orm, input),
    reinstateLicence: (input) => reinstateLicence(orm, input),
    expireLicence: (input) => expireLicence(orm, input),
    getContractForProcess: (contractId) => contractSteps.getContractForProcess(contractId),
    recordContractSignature: (input) => contractSteps.recordContractSignature(input),
    reissueContract: (input) => contractSteps.reissueContract(input),
    activateContract: (input) => contractSteps.activateContract(input),
    remindProviderToSign: (input) => contractSteps.remindProviderToSign(input),
  };
}
