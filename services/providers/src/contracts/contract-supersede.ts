import type { EntityManager } from '@mikro-orm/postgresql';
import { contractAmended, type Actor } from '@platform/contracts';
import type { CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import { markUpdated } from '../shared/audit.js';
import { applyContractAction, type ContractStatus } from './contract-lifecycle.js';
import { contractEventIdentity } from './contract-event-identity.js';
import { findContract } from './contract.lookup.js';
import { recordContractHistory } from './contract-history.js';
import type { ContractRecord } from './contract.entities.js';

/**
 * CTR-5: the version an amendment supersedes, locked; a refusal (CTR-5 naming its status) when it
 * is no longer active — terminated while its amendment was being signed — so the amendment cannot
 * activate over it.
 */
export async function versionToSupersede(
  em: EntityManager,
  amendment: ContractRecord,
): Promise<{ previous: ContractRecord | null; refusal: string | null }> {
  if (!amendment.amendsContractId) return { previous: null, refusal: null };
  const previous = await findContract(em, amendment.amendsContractId, { forUpdate: true });
  const move = applyContractAction(previous.status as ContractStatus, 'supersede');
  if (move.ok) return { previous, refusal: null };
  return {
    previous,
    refusal: `CTR-5: the version this amends (${previous.contractNumber} v${previous.version}) is ${previous.status}, not active`,
  };
}

/**
 * CTR-5: the amendment activated, so the version it amends is superseded: active → amended, with a
 * `supersede` history row and `contract.amended`. `effectiveFrom` — from when the old version no
 * longer binds — is the later of the amendment's first day and its activation day: nothing is
 * changed retroactively (what was delivered before the activation stays under the terms in force
 * then), and an amendment that starts later leaves the old version binding until it starts.
 */
export function supersede(
  em: EntityManager,
  previous: ContractRecord,
  amendment: ContractRecord,
  context: { actor: Actor; activatedOn: CalendarDate; workflowId: string; at: Date },
): void {
  const effectiveFrom =
    amendment.periodFrom > context.activatedOn ? amendment.periodFrom : context.activatedOn;
  const from = previous.status as ContractStatus;
  previous.status = 'amended';
  markUpdated(previous, context.actor, context.at);
  recordContractHistory(em, previous, {
    action: 'supersede',
    from,
    details: { amendedByContractId: amendment.id, effectiveFrom },
    workflowId: context.workflowId,
    actor: context.actor.userId,
  });
  recordEvent(em, contractAmended, {
    aggregateId: previous.id,
    actor: context.actor,
    correlationId: context.workflowId,
    data: {
      ...contractEventIdentity(previous),
      amendedByContractId: amendment.id,
      effectiveFrom,
    },
  });
}
