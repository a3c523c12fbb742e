import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ContractProcessRejection,
  contractReissued,
  hasAnyRole,
  type Actor,
  type ContractDocumentIssued,
  type ReissueContractInput,
} from '@platform/contracts';
import { recordEvent } from '@platform/messaging';
import { businessRejection } from '@platform/temporal';
import { CONTRACT_MANAGERS } from './contract-roles.js';
import { applyContractChanges, parseContractChanges } from './contract-changes.js';
import { issueDocument } from './contract-documents.js';
import { contractEventIdentity } from './contract-event-identity.js';
import { documentIssued } from './contract-for-process.js';
import { findContract } from './contract.lookup.js';
import { recordContractHistory } from './contract-history.js';
import { applyContractAction, type ContractStatus } from './contract-lifecycle.js';
import { ContractDocument, ContractStatusChange } from './contract.entities.js';

/** A re-issue already recorded under the request id answers the document it issued. */
async function earlierReissue(
  em: EntityManager,
  input: ReissueContractInput,
): Promise<ContractDocumentIssued | null> {
  const earlier = await em.findOne(ContractStatusChange, { requestId: input.requestId });
  if (!earlier) return null;
  const documentId = (earlier.details as { documentId?: string }).documentId;
  if (earlier.contractId === input.contractId && earlier.action === 'reissue' && documentId) {
    return documentIssued(await em.findOneOrFail(ContractDocument, { id: documentId }));
  }
  throw businessRejection(
    ContractProcessRejection.notNow,
    `WF-3: request ${input.requestId} was already recorded for another step or contract`,
  );
}

/**
 * CTR-3: re-issues an issued contract whose terms change before signing, in the caller's
 * transaction: applies the changes (checked as PATCH checks them), renders and stores the new
 * document — voiding the previous one and any signature on it, so the provider signs what it is
 * sent now — with a `reissue` history row (the reason) and `contract.reissued`. Idempotent on
 * `requestId`. Refused (non-retryable): no reason, a contract not issued, a requester who is not
 * a resource manager, changes the rules refuse (naming the rule and field).
 */
export async function reissue(
  em: EntityManager,
  input: ReissueContractInput,
  context: { agencyName: string; now: Date },
): Promise<ContractDocumentIssued> {
  const earlier = await earlierReissue(em, input);
  if (earlier) return earlier;

  if (!hasAnyRole(input.requestedBy, CONTRACT_MANAGERS)) {
    throw businessRejection(
      ContractProcessRejection.roleNotAllowed,
      `ROLE: ${input.requestedBy.userId} may not re-issue contracts: one of ${CONTRACT_MANAGERS.join(', ')} is required`,
    );
  }
  const contract = await findContract(em, input.contractId, { forUpdate: true });
  const move = applyContractAction(contract.status as ContractStatus, 'reissue', input.reason);
  if (!move.ok) {
    throw move.field === 'reason'
      ? businessRejection('ValidationFailed', `reason: ${move.message}`)
      : businessRejection(
          ContractProcessRejection.notNow,
          `Contract ${contract.contractNumber}: ${move.message}`,
        );
  }
  const reason = input.reason.trim();
  const actor: Actor = { userId: input.requestedBy.userId, roles: [...input.requestedBy.roles] };
  const applied = await applyContractChanges(
    em,
    contract,
    parseContractChanges(input.changes),
    actor,
  );
  const issued = await issueDocument(em, contract, {
    actor,
    agencyName: context.agencyName,
    reason,
    at: context.now,
  });
  const { voidedDocumentId, ...document } = issued;
  recordContractHistory(em, contract, {
    action: 'reissue',
    from: move.from,
    reason,
    details: { ...document, voidedDocumentId, changed: applied.changed },
    requestId: input.requestId,
    workflowId: input.workflowId,
    actor: actor.userId,
  });
  recordEvent(em, contractReissued, {
    aggregateId: contract.id,
    actor,
    correlationId: input.workflowId,
    data: {
      ...contractEventIdentity(contract),
      documentId: document.documentId,
      documentSha256: document.sha256,
      issueNumber: document.issueNumber,
      period: { from: contract.periodFrom, to: contract.periodTo },
      // CTR-3: only an issued contract is re-issued, and issuing stored its first document.
      voidedDocumentId: voidedDocumentId as string,
      reason,
    },
  });
  return document;
}
