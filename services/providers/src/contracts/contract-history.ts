import type { EntityManager } from '@mikro-orm/postgresql';
import type { ContractStatus } from './contract-lifecycle.js';
import { ContractStatusChange, type ContractRecord } from './contract.entities.js';

export interface ContractHistoryEntry {
  /** A CTR-3 action, or a step that keeps the status (`create`, `update`, `flag` …). */
  action: string;
  from: ContractStatus | null;
  reason?: string | null;
  details?: Record<string, unknown>;
  requestId?: string | null;
  workflowId?: string | null;
  actor: string;
}

/** CTR-3: one row of the contract's history, to the contract's current status. */
export function recordContractHistory(
  em: EntityManager,
  contract: ContractRecord,
  entry: ContractHistoryEntry,
): void {
  em.create(ContractStatusChange, {
    contractId: contract.id,
    action: entry.action,
    fromStatus: entry.from,
    toStatus: contract.status,
    reason: entry.reason ?? null,
    details: entry.details ?? {},
    requestId: entry.requestId ?? null,
    workflowId: entry.workflowId ?? null,
    actor: entry.actor,
    at: new Date(),
  });
}
