import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ContractProcessRejection,
  contractSigned,
  hasAnyRole,
  type ContractSignatureRecorded,
  type RecordContractSignatureInput,
} from '@platform/contracts';
import { recordEvent } from '@platform/messaging';
import { businessRejection } from '@platform/temporal';
import { CONTRACT_MANAGERS } from './contract-roles.js';
import { calendarDayOf } from '../shared/today.js';
import { currentDocument, signatureOn, signatureRecorded } from './contract-for-process.js';
import { contractEventIdentity } from './contract-event-identity.js';
import { recordContractHistory } from './contract-history.js';
import { findContract } from './contract.lookup.js';
import {
  ContractSignature,
  type ContractRecord,
  type ContractSignatureRecord,
} from './contract.entities.js';
import {
  ELECTRONIC_SIGNATURE_CONSENT,
  signatureRecordSha256,
  type SignatureRecordFields,
} from './signature-record.js';

/**
 * SS-5 / CTR-4: who may sign how. Electronically: the contract's own provider's self-service user,
 * who accepted the consent statement word for word. On paper (wet): a resource manager records
 * the signature received, on the day it arrived (not in the future). The workflow's validator
 * checks the same before the step runs; this is the owning service's own check.
 */
function signerRefusal(
  contract: ContractRecord,
  input: RecordContractSignatureInput,
  signedAt: Date,
): Error | null {
  if (!input.typedName.trim()) {
    return businessRejection('ValidationFailed', 'typedName: SS-5: the signer types their name');
  }
  if (input.method === 'electronic') {
    if (
      !input.signedBy.roles.includes('provider') ||
      input.signedBy.providerId !== contract.providerId
    ) {
      return businessRejection(
        ContractProcessRejection.notTheProvider,
        `SS-5: only a user of the contract's provider signs contract ${contract.contractNumber} electronically`,
      );
    }
    if (input.consentStatement !== ELECTRONIC_SIGNATURE_CONSENT) {
      return businessRejection(
        'ValidationFailed',
        'consent: SS-5: an electronic signature needs the consent statement accepted as shown',
      );
    }
    return null;
  }
  if (!hasAnyRole(input.signedBy, CONTRACT_MANAGERS)) {
    return businessRejection(
      ContractProcessRejection.roleNotAllowed,
      `ROLE: ${input.signedBy.userId} may not record a wet signature: one of ${CONTRACT_MANAGERS.join(', ')} is required`,
    );
  }
  if (!input.receivedOn || input.receivedOn > calendarDayOf(signedAt)) {
    return businessRejection(
      'ValidationFailed',
      'receivedOn: SS-5: a wet signature records the day the signed paper was received (not a future day)',
    );
  }
  return null;
}

/** A retry of a signature already recorded answers it; the same id for another document is refused. */
function retried(
  earlier: ContractSignatureRecord | null,
  input: RecordContractSignatureInput,
): ContractSignatureRecorded | null {
  if (!earlier) return null;
  if (earlier.contractId === input.contractId && earlier.documentSha256 === input.documentSha256) {
    return signatureRecorded(earlier);
  }
  throw businessRejection(
    ContractProcessRejection.notNow,
    `SS-5: signature ${input.signatureId} was already recorded for another contract or document`,
  );
}

/**
 * SS-5 / CTR-4: records a signature on the contract's current document — tamper-evident (its
 * record hash covers every field and, through the document's SHA-256, the document) — with a
 * `sign` history row and `contract.signed`, in the caller's transaction. The status stays issued:
 * activation moves it (CTR-3). Idempotent on `signatureId`. Refused (non-retryable): a document
 * that is not the current one (CTR-4, e.g. re-issued since), a contract not issued, a current
 * document already signed, and signers SS-5 does not allow.
 */
export async function recordSignature(
  em: EntityManager,
  input: RecordContractSignatureInput,
  now: Date,
): Promise<ContractSignatureRecorded> {
  const earlier = retried(await em.findOne(ContractSignature, { id: input.signatureId }), input);
  if (earlier) return earlier;

  const contract = await findContract(em, input.contractId, { forUpdate: true });
  const document = await currentDocument(em, contract.id);
  if (contract.status !== 'issued' || !document) {
    throw businessRejection(
      ContractProcessRejection.notNow,
      `CTR-3: contract ${contract.contractNumber} is ${contract.status}; only an issued contract is signed`,
    );
  }
  if (document.sha256 !== input.documentSha256) {
    throw businessRejection(
      ContractProcessRejection.documentMismatch,
      `CTR-4: the signature is for document ${input.documentSha256}, which is not the current ` +
        `document of contract ${contract.contractNumber} (issue ${document.issueNumber}, ${document.sha256})`,
    );
  }
  const existing = await signatureOn(em, document.id);
  if (existing) {
    throw businessRejection(
      ContractProcessRejection.notNow,
      `SS-5: the current document of contract ${contract.contractNumber} is already signed (by ${existing.typedName} on ${existing.signedAt.toISOString()})`,
    );
  }
  const refusal = signerRefusal(contract, input, now);
  if (refusal) throw refusal;

  const fields: SignatureRecordFields = {
    signatureId: input.signatureId,
    contractId: contract.id,
    documentId: document.id,
    documentSha256: document.sha256,
    method: input.method,
    typedName: input.typedName.trim(),
    consentStatement: input.method === 'electronic' ? input.consentStatement : null,
    receivedOn: input.method === 'wet' ? input.receivedOn : null,
    signerUserId: input.signedBy.userId,
    signerProviderId: input.method === 'electronic' ? (input.signedBy.providerId ?? null) : null,
    signedAt: now.toISOString(),
  };
  const signature = em.create(ContractSignature, {
    id: fields.signatureId,
    contractId: fields.contractId,
    documentId: fields.documentId,
    documentSha256: fields.documentSha256,
    method: fields.method,
    typedName: fields.typedName,
    consentStatement: fields.consentStatement,
    receivedOn: fields.receivedOn,
    signerUserId: fields.signerUserId,
    signerRoles: [...input.signedBy.roles],
    signerProviderId: fields.signerProviderId,
    signedAt: now,
    origin: input.origin,
    recordSha256: signatureRecordSha256(fields),
    recordedBy: input.signedBy.userId,
    voidedAt: null,
  });
  recordContractHistory(em, contract, {
    action: 'sign',
    from: contract.status,
    details: { signatureId: signature.id, documentId: document.id, method: signature.method },
    workflowId: input.workflowId,
    actor: input.signedBy.userId,
  });
  recordEvent(em, contractSigned, {
    aggregateId: contract.id,
    actor: { userId: input.signedBy.userId, roles: [...input.signedBy.roles] },
    correlationId: input.workflowId,
    data: {
      ...contractEventIdentity(contract),
      signatureId: signature.id,
      documentId: document.id,
      documentSha256: document.sha256,
      method: signature.method,
      signerName: signature.typedName,
      signedAt: fields.signedAt,
    },
  });
  return signatureRecorded(signature);
}
