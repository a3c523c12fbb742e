import type { MikroORM } from '@mikro-orm/postgresql';
import type {
  ActivateContractInput,
  ContractActivationOutcome,
  ContractDocumentIssued,
  ContractForProcess,
  ContractSignatureRecorded,
  ProviderReminded,
  ProvidersActivities,
  RecordContractSignatureInput,
  ReissueContractInput,
  RemindProviderToSignInput,
} from '@platform/contracts';
import { DEFAULT_AGENCY_NAME } from '../config.js';
import { todayDate } from '../shared/today.js';
import { activate } from './contract-activation.js';
import { contractForProcess } from './contract-for-process.js';
import { remindToSign } from './contract-reminders.js';
import { reissue } from './contract-reissue.js';
import { recordSignature } from './contract-signing.js';
import { contractStep } from './contract-step-transaction.js';

type Steps = Pick<
  ProvidersActivities,
  | 'getContractForProcess'
  | 'recordContractSignature'
  | 'reissueContract'
  | 'activateContract'
  | 'remindProviderToSign'
>;

export interface ContractStepSettings {
  /** CTR-4: the agency named as a party in the documents a re-issue renders (AGENCY_NAME). */
  agencyName?: string;
  /** The clock the steps read once each (tests fix it); the wall clock otherwise. */
  now?: () => Date;
}

/**
 * WF-3's activities: the steps of the publish–sign–activate process as the providers service
 * records them. Each step is one transaction that re-checks what the workflow's validator checked,
 * under a row lock on the contract, and is idempotent (by signature id, request id or request
 * key), so a retried activity records nothing twice (ARCHITECTURE rule 5). Refusals are
 * non-retryable failures whose message names the rule.
 */
export class ContractProcessSteps implements Steps {
  private readonly agencyName: string;
  private readonly now: () => Date;

  constructor(
    private readonly orm: MikroORM,
    settings: ContractStepSettings = {},
  ) {
    this.agencyName = settings.agencyName ?? DEFAULT_AGENCY_NAME;
    this.now = settings.now ?? (() => new Date());
  }

  getContractForProcess(contractId: string): Promise<ContractForProcess> {
    return contractStep(this.orm, (em) => contractForProcess(em, contractId));
  }

  recordContractSignature(input: RecordContractSignatureInput): Promise<ContractSignatureRecorded> {
    const now = this.now();
    return contractStep(this.orm, (em) => recordSignature(em, input, now));
  }

  reissueContract(input: ReissueContractInput): Promise<ContractDocumentIssued> {
    const now = this.now();
    return contractStep(this.orm, (em) => reissue(em, input, { agencyName: this.agencyName, now }));
  }

  activateContract(input: ActivateContractInput): Promise<ContractActivationOutcome> {
    const now = this.now();
    return contractStep(this.orm, (em) => activate(em, input, todayDate(now), now));
  }

  remindProviderToSign(input: RemindProviderToSignInput): Promise<ProviderReminded> {
    return contractStep(this.orm, (em) => remindToSign(em, input));
  }
}
