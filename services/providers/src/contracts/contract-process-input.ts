import type { ContractApprovalInput, ContractForProcess } from '@platform/contracts';
import type { ProcessSettings } from '../process-starters/process-settings.js';

/**
 * WF-3's input for an issued contract version: who and what it is about (from the record) and how
 * long the provider has to sign (from configuration). Used by the issue command, which starts the
 * process right after its commit, and by the starter that follows `contract.issued` (so a process
 * that could not be started then is started from the event).
 */
export function contractApprovalInput(
  contract: Pick<
    ContractForProcess,
    'contractId' | 'contractNumber' | 'version' | 'providerId' | 'providerName' | 'amendsContractId'
  > & { periodTo: string; document: NonNullable<ContractForProcess['document']> },
  settings: ProcessSettings['contract'],
): ContractApprovalInput {
  return {
    contractId: contract.contractId,
    contractNumber: contract.contractNumber,
    version: contract.version,
    providerId: contract.providerId,
    providerName: contract.providerName,
    document: contract.document,
    periodTo: contract.periodTo,
    amendsContractId: contract.amendsContractId,
    signatureDays: settings.signatureDays,
    reminderDaysBeforeDeadline: settings.reminderDaysBeforeDeadline,
    escalateToRoles: settings.escalateToRoles,
  };
}
