import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProviderReminded, RemindProviderToSignInput } from '@platform/contracts';
import { businessRejection } from '@platform/temporal';
import { findContract } from './contract.lookup.js';
import { ContractNotice } from './contract.entities.js';

/**
 * WF-3: reminds the provider to sign before the deadline, by recording a notice it sees in
 * self-service (SS-5). Once per `requestKey` (the process's reminder for one document and one
 * offset): a retry inserts nothing. `sentTo` is empty: there is no provider email directory yet
 * (ADR 0016), so the notice is the reminder and nothing is emailed.
 */
export async function remindToSign(
  em: EntityManager,
  input: RemindProviderToSignInput,
): Promise<ProviderReminded> {
  const deadline = new Date(input.deadline);
  if (Number.isNaN(deadline.getTime())) {
    throw businessRejection('ValidationFailed', `deadline: not a timestamp: ${input.deadline}`);
  }
  const contract = await findContract(em, input.contractId);
  await em
    .createQueryBuilder(ContractNotice)
    .insert({
      requestKey: input.requestKey,
      contractId: contract.id,
      message: input.message,
      deadline,
      sentTo: [],
    })
    .onConflict('requestKey')
    .ignore()
    .execute();
  return { contractId: contract.id, sentTo: [] };
}
