import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  ContractDocumentIssued,
  ContractForProcess,
  ContractSignatureRecorded,
} from '@platform/contracts';
import { Provider } from '../providers/provider.entity.js';
import { findContract } from './contract.lookup.js';
import {
  ContractDocument,
  ContractSignature,
  type ContractDocumentRecord,
  type ContractSignatureRecord,
} from './contract.entities.js';

/**
 * What WF-3's steps read of a contract version: its current document and the signature on that
 * document, in the shapes the process exchanges. (An unknown contract is a 404 from
 * `findContract`, which `contractStep` turns into a non-retryable ContractNotFound.)
 */

/** CTR-3: the document not voided by a re-issue (at most one, by a unique index); null while editing. */
export function currentDocument(
  em: EntityManager,
  contractId: string,
): Promise<ContractDocumentRecord | null> {
  return em.findOne(ContractDocument, { contractId, voidedAt: null });
}

/** SS-5: the signature on a document that is still in force. */
export function signatureOn(
  em: EntityManager,
  documentId: string,
): Promise<ContractSignatureRecord | null> {
  return em.findOne(ContractSignature, { documentId, voidedAt: null });
}

export function documentIssued(document: ContractDocumentRecord): ContractDocumentIssued {
  return {
    documentId: document.id,
    sha256: document.sha256,
    issueNumber: document.issueNumber,
    issuedAt: document.issuedAt.toISOString(),
  };
}

export function signatureRecorded(signature: ContractSignatureRecord): ContractSignatureRecorded {
  return {
    signatureId: signature.id,
    contractId: signature.contractId,
    documentId: signature.documentId,
    documentSha256: signature.documentSha256,
    method: signature.method,
    typedName: signature.typedName,
    signedBy: signature.signerUserId,
    signedAt: signature.signedAt.toISOString(),
    recordSha256: signature.recordSha256,
  };
}

/** WF-3: the contract as the process sees it — who it is for, its status, document and signature. */
export async function contractForProcess(
  em: EntityManager,
  contractId: string,
): Promise<ContractForProcess> {
  const contract = await findContract(em, contractId);
  const provider = await em.findOneOrFail(Provider, { id: contract.providerId });
  const document = await currentDocument(em, contract.id);
  const signature = document ? await signatureOn(em, document.id) : null;
  return {
    contractId: contract.id,
    contractNumber: contract.contractNumber,
    version: contract.version,
    providerId: contract.providerId,
    providerName: provider.name,
    type: contract.type,
    status: contract.status,
    period: { from: contract.periodFrom, to: contract.periodTo },
    document: document ? documentIssued(document) : null,
    signature: signature ? signatureRecorded(signature) : null,
    amendsContractId: contract.amendsContractId ?? null,
  };
}
