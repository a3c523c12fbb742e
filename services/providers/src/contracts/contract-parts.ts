import type { EntityManager } from '@mikro-orm/postgresql';
import { Provider } from '../providers/provider.entity.js';
import { loadContractTermsState } from './contract-terms-state.js';
import {
  Contract,
  ContractDocument,
  ContractFlag,
  ContractNotice,
  ContractSignature,
  type ContractRecord,
} from './contract.entities.js';
import { recordsById } from '../shared/lookup.js';
import {
  contractSummaryView,
  type ContractParts,
  type ContractSummaryView,
} from './contract.views.js';

/** Reads everything the view of one contract version shows (without the PDFs' bytes). */
export async function loadContractParts(
  em: EntityManager,
  contract: ContractRecord,
): Promise<ContractParts> {
  const contractId = contract.id;
  const [provider, terms, documents, signatures, openFlags, notices, amendments, renewals] =
    await Promise.all([
      em.findOne(Provider, { id: contract.providerId }, { fields: ['id', 'name'] }),
      loadContractTermsState(em, contract),
      em.find(ContractDocument, { contractId }, { orderBy: { issueNumber: 'asc' } }),
      em.find(ContractSignature, { contractId }, { orderBy: { signedAt: 'asc', id: 'asc' } }),
      em.find(ContractFlag, { contractId, resolvedAt: null }, { orderBy: { raisedAt: 'asc' } }),
      em.find(ContractNotice, { contractId }, { orderBy: { sentAt: 'asc', requestKey: 'asc' } }),
      em.find(
        Contract,
        { amendsContractId: contractId },
        { fields: ['id'], orderBy: { version: 'asc' } },
      ),
      em.find(
        Contract,
        { renewsContractId: contractId },
        { fields: ['id'], orderBy: { createdAt: 'asc', id: 'asc' } },
      ),
    ]);
  return {
    contract,
    providerName: provider?.name ?? contract.providerId,
    terms,
    documents,
    signatures,
    openFlags,
    notices,
    amendedByContractIds: amendments.map((row) => row.id),
    renewedByContractIds: renewals.map((row) => row.id),
  };
}

/** The list views of contract versions, with their providers' names and open flag counts. */
export async function loadContractSummaries(
  em: EntityManager,
  contracts: readonly ContractRecord[],
): Promise<ContractSummaryView[]> {
  if (contracts.length === 0) return [];
  const [providers, flags] = await Promise.all([
    recordsById(
      em,
      Provider,
      contracts.map((contract) => contract.providerId),
    ),
    em.find(ContractFlag, {
      contractId: { $in: contracts.map((contract) => contract.id) },
      resolvedAt: null,
    }),
  ]);
  return contracts.map((contract) =>
    contractSummaryView(contract, {
      providerName: providers.get(contract.providerId)?.name ?? contract.providerId,
      openFlagCount: flags.filter((flag) => flag.contractId === contract.id).length,
    }),
  );
}
