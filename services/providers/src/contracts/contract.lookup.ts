import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundProblem } from '@platform/http';
import { Contract, type ContractRecord } from './contract.entities.js';

/**
 * The contract version, or 404. `forUpdate` locks its row, which serialises the commands on one
 * version (issue, cancel, terminate, amend …) with each other and with WF-3's steps.
 */
export async function findContract(
  em: EntityManager,
  contractId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ContractRecord> {
  const contract = await em.findOne(
    Contract,
    { id: contractId },
    options.forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!contract) throw new NotFoundProblem('Contract', contractId);
  return contract;
}
