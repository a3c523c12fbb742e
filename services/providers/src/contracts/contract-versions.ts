import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { contractCreated, type Actor } from '@platform/contracts';
import { recordEvent } from '@platform/messaging';
import { newAudit } from '../shared/audit.js';
import { eventOrigin } from '../shared/event-origin.js';
import { contractEventIdentity } from './contract-event-identity.js';
import { recordContractHistory } from './contract-history.js';
import { checkContractTerms } from './contract-terms-checks.js';
import { writeContractTerms, type ContractTermsState } from './contract-terms-state.js';
import { Contract, type ContractRecord } from './contract.entities.js';

/** How a new contract version came to be: a new contract, an amendment (CTR-5), a renewal (CTR-6). */
export interface NewVersion {
  contractNumber: string;
  version: number;
  amendsContractId: string | null;
  renewsContractId: string | null;
  /** The history's action: `create`, `amend` or `renew`. */
  action: 'create' | 'amend' | 'renew';
  reason?: string | null;
}

/** CTR-2: the next contract number, e.g. C-2026-000012 (the year it is created; never reused). */
export async function nextContractNumber(em: EntityManager, year: number): Promise<string> {
  const [row] = (await em.execute(`select nextval('contract_number_seq') as n`)) as [
    { n: string | number },
  ];
  return `C-${year}-${String(row.n).padStart(6, '0')}`;
}

/**
 * CTR-2 / CTR-3: a new contract version in editing with these terms, inside the caller's
 * transaction: the terms are checked (422 naming the rule and field), stored, the history starts
 * and `contract.created` is recorded in the outbox.
 */
export async function createContractVersion(
  em: EntityManager,
  terms: ContractTermsState,
  origin: NewVersion,
  actor: Actor,
  correlationId?: string,
): Promise<ContractRecord> {
  const checked = await checkContractTerms(em, terms);
  const contract = em.create(Contract, {
    id: randomUUID(),
    contractNumber: origin.contractNumber,
    version: origin.version,
    title: terms.title,
    providerId: terms.providerId,
    providerGroupId: terms.providerGroupId,
    type: terms.type,
    status: 'editing',
    periodFrom: terms.period.from,
    periodTo: terms.period.to,
    fixedFeeKind: null,
    fixedFeeAmountCents: null,
    fixedFeeFrequency: null,
    placeLimit: null,
    amendsContractId: origin.amendsContractId,
    renewsContractId: origin.renewsContractId,
    issueCount: 0,
    activatedOn: null,
    activatedBy: null,
    terminatedOn: null,
    statusReason: null,
    ...newAudit(actor),
  });
  await writeContractTerms(em, contract, terms, checked.licenceTypeIds);
  recordContractHistory(em, contract, {
    action: origin.action,
    from: null,
    reason: origin.reason ?? null,
    details: {
      ...(origin.amendsContractId ? { amendsContractId: origin.amendsContractId } : {}),
      ...(origin.renewsContractId ? { renewsContractId: origin.renewsContractId } : {}),
    },
    actor: actor.userId,
  });
  recordEvent(em, contractCreated, {
    aggregateId: contract.id,
    ...eventOrigin(actor, correlationId),
    data: {
      ...contractEventIdentity(contract),
      period: terms.period,
      amendsContractId: origin.amendsContractId,
      renewsContractId: origin.renewsContractId,
    },
  });
  return contract;
}
