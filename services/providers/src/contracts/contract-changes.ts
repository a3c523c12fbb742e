import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { ValidationProblem } from '@platform/http';
import { markUpdated } from '../shared/audit.js';
import { checkContractTerms } from './contract-terms-checks.js';
import {
  changedTerms,
  loadContractTermsState,
  mergeContractChanges,
  writeContractTerms,
  type ContractTermsState,
} from './contract-terms-state.js';
import { contractChangesInput, type ContractChanges } from './contract.schemas.js';
import type { ContractRecord } from './contract.entities.js';

export type { ContractChanges } from './contract.schemas.js';

/** What a change did to the terms: both versions and the names of the terms that differ. */
export interface AppliedContractChanges {
  before: ContractTermsState;
  after: ContractTermsState;
  /** e.g. ['placeLimit', 'unitRates']; empty when the changes restate the terms. */
  changed: string[];
}

/**
 * CTR-3: reads the `changes` of a PATCH body, a re-issue or an amendment (the process passes them
 * as plain JSON, `ContractTermsChanges`): 400 problem+json naming each bad field under `changes.`.
 */
export function parseContractChanges(raw: unknown): ContractChanges {
  const result = contractChangesInput.safeParse(raw ?? {});
  if (result.success) return result.data;
  throw new ValidationProblem(
    result.error.issues.map((issue) => ({
      field: ['changes', ...issue.path].join('.'),
      message: issue.message,
    })),
  );
}

/**
 * CTR-1 / CTR-2 / CTR-5: applies changes to a contract version's terms inside the caller's
 * transaction: merges them into the stored terms, checks the result against the rules and the
 * records (422 naming the rule and field otherwise) and replaces the stored terms. The caller has
 * checked that the status lets the terms change (CTR-3: editing, or issued with a re-issue) and
 * records the history and events. Used by PATCH and by the re-issue step of WF-3.
 */
export async function applyContractChanges(
  em: EntityManager,
  contract: ContractRecord,
  changes: ContractChanges,
  actor: Actor,
): Promise<AppliedContractChanges> {
  const before = await loadContractTermsState(em, contract);
  const after = mergeContractChanges(before, changes);
  const checked = await checkContractTerms(em, after);
  await writeContractTerms(em, contract, after, checked.licenceTypeIds);
  markUpdated(contract, actor);
  return { before, after, changed: changedTerms(before, after) };
}
