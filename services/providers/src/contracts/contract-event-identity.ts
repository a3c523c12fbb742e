import type { ContractRecord } from './contract.entities.js';

/**
 * The fields every `providers.contract` event starts with: which version of which contract, for
 * which provider, of which type (CTR-1) — so finance can group the versions of one contract.
 */
export function contractEventIdentity(contract: ContractRecord) {
  return {
    contractId: contract.id,
    contractNumber: contract.contractNumber,
    version: contract.version,
    providerId: contract.providerId,
    type: contract.type,
  };
}
