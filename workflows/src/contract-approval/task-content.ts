import type {
  ContractApprovalInput,
  ContractDocumentIssued,
  ContractSignatureRecorded,
} from '@platform/contracts/workflows';
import { contractLabel } from './summary.js';

type ContractNamed = Pick<ContractApprovalInput, 'contractNumber' | 'version' | 'providerName'>;

/** What a task shows: its title and the lines the person working it should read. */
export interface TaskContent {
  title: string;
  details: string[];
}

/**
 * WF-3: the resource managers' to-do once the signature deadline passed — since when the process
 * waits, what was due when, and how the task ends (the process closes it).
 */
export function escalationTaskContent(
  contract: ContractNamed,
  document: ContractDocumentIssued,
  awaitingSince: string,
  deadline: string,
): TaskContent {
  return {
    title: `${contractLabel(contract)}: not signed by the deadline ${deadline.slice(0, 10)}`,
    details: [
      `Awaiting the provider's signature since ${awaitingSince} (issue ${document.issueNumber} of the document, SHA-256 ${document.sha256})`,
      `The signature was due by ${deadline}`,
      'Follow up with the provider; record a signature received on paper (wet), or re-issue the ' +
        'contract with a reason (CTR-3). This task closes itself when the contract is signed, ' +
        're-issued or closed',
    ],
  };
}

/** WF-3 / CTR-4: the resource managers' to-do once signed — who signed what, when. */
export function activationTaskContent(
  contract: ContractNamed,
  document: ContractDocumentIssued,
  signature: ContractSignatureRecorded,
): TaskContent {
  const how = signature.method === 'electronic' ? 'electronically' : 'on paper (wet signature)';
  return {
    title: `${contractLabel(contract)}: signed, ready to activate`,
    details: [
      `Signed ${how} by ${signature.typedName} (${signature.signedBy}) on ${signature.signedAt}`,
      `Document: issue ${document.issueNumber}, SHA-256 ${signature.documentSha256}`,
      'Activate it once the provider, its covered services and the required licences allow it ' +
        '(CTR-4, CTR-2). This task closes itself on activation, re-issue or closing',
    ],
  };
}

/** WF-3: what the reminder to sign tells the provider's users. */
export function signatureReminderMessage(
  contract: ContractNamed,
  deadline: string,
  daysBefore: number,
): string {
  return (
    `${contractLabel(contract)} awaits your signature: please review and sign it by ` +
    `${deadline.slice(0, 10)} (in ${daysBefore} days)`
  );
}
