import type {
  ActivateContractRequest,
  ContractActivationOutcome,
  ContractApprovalInput,
  ContractClosed,
  ContractDocumentIssued,
  ContractSignatureRecorded,
  ReissueContractRequest,
  SignContractRequest,
} from '@platform/contracts';

/**
 * WF-3 as the contracts HTTP API sees it: the publish–sign–activate process of each issued
 * contract version. Signing, re-issuing and activating are the process's steps — the HTTP API
 * hands them to it (its validators refuse what is out of turn, e.g. a signature on a voided
 * document) and it records them through the providers service's activities. The adapter
 * (`TemporalContractProcess`) maps the process's refusals to problem+json 4xx.
 */
export interface ContractProcess {
  /** Starts the process of a contract just issued; a second call for the same contract is a no-op. */
  start(input: ContractApprovalInput): Promise<void>;
  sign(contractId: string, request: SignContractRequest): Promise<ContractSignatureRecorded>;
  reissue(contractId: string, request: ReissueContractRequest): Promise<ContractDocumentIssued>;
  activate(
    contractId: string,
    request: ActivateContractRequest,
  ): Promise<ContractActivationOutcome>;
  /** Tells the process a cancellation or termination recorded over HTTP; false when none runs. */
  closed(contractId: string, closed: ContractClosed): Promise<boolean>;
}

export const CONTRACT_PROCESS = Symbol('ContractProcess');
