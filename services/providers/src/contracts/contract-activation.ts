import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ContractProcessRejection,
  hasAnyRole,
  type ActivateContractInput,
  type Actor,
  type ContractActivationOutcome,
} from '@platform/contracts';
import type { CalendarDate } from '@platform/kernel';
import { businessRejection } from '@platform/temporal';
import { markUpdated } from '../shared/audit.js';
import { CONTRACT_MANAGERS } from './contract-roles.js';
import { recordContractActivated } from './contract-activated-event.js';
import { activationFacts } from './contract-activation-facts.js';
import { findContract } from './contract.lookup.js';
import { recordContractHistory } from './contract-history.js';
import { applyContractAction, type ContractStatus } from './contract-lifecycle.js';
import { activationRefusals } from './contract-rules.js';
import { loadContractTermsState } from './contract-terms-state.js';
import { supersede, versionToSupersede } from './contract-supersede.js';
import { ContractStatusChange, type ContractStatusChangeRecord } from './contract.entities.js';

/** What an activation recorded under its request id answered: a retry answers the same. */
function outcomeOf(change: ContractStatusChangeRecord): ContractActivationOutcome {
  const details = change.details as {
    refusals?: string[];
    activatedOn?: string;
    supersededContractId?: string | null;
  };
  if (change.action === 'activation-refused') {
    return { activated: false, refusals: details.refusals ?? [] };
  }
  return {
    activated: true,
    activatedOn: details.activatedOn as string,
    supersededContractId: details.supersededContractId ?? null,
  };
}

async function earlierOutcome(
  em: EntityManager,
  input: ActivateContractInput,
): Promise<ContractActivationOutcome | null> {
  const earlier = await em.findOne(ContractStatusChange, { requestId: input.requestId });
  if (!earlier) return null;
  if (
    earlier.contractId === input.contractId &&
    (earlier.action === 'activate' || earlier.action === 'activation-refused')
  ) {
    return outcomeOf(earlier);
  }
  throw businessRejection(
    ContractProcessRejection.notNow,
    `WF-3: request ${input.requestId} was already recorded for another step or contract`,
  );
}

/**
 * CTR-3 / CTR-4: activates the signed contract, in the caller's transaction, when CTR-2 and CTR-4
 * allow it on `today`: the provider and every covered service approved, a valid licence of each
 * required type, the current document signed (facts read where they live, ADR 0015). A refusal
 * records nothing but an `activation-refused` history row with every reason, and answers them.
 * Otherwise: issued → active (activatedOn, activatedBy), the amended version superseded (CTR-5),
 * and `contract.activated` with the FIN-11 schedule. Idempotent on `requestId`.
 */
export async function activate(
  em: EntityManager,
  input: ActivateContractInput,
  today: CalendarDate,
  now: Date,
): Promise<ContractActivationOutcome> {
  const earlier = await earlierOutcome(em, input);
  if (earlier) return earlier;

  if (!hasAnyRole(input.activatedBy, CONTRACT_MANAGERS)) {
    throw businessRejection(
      ContractProcessRejection.roleNotAllowed,
      `ROLE: ${input.activatedBy.userId} may not activate contracts: one of ${CONTRACT_MANAGERS.join(', ')} is required`,
    );
  }
  const contract = await findContract(em, input.contractId, { forUpdate: true });
  const move = applyContractAction(contract.status as ContractStatus, 'activate');
  if (!move.ok) {
    throw businessRejection(
      ContractProcessRejection.notNow,
      `Contract ${contract.contractNumber}: ${move.message}`,
    );
  }

  const actor: Actor = { userId: input.activatedBy.userId, roles: [...input.activatedBy.roles] };
  const { previous, refusal } = await versionToSupersede(em, contract);
  const terms = await loadContractTermsState(em, contract);
  const refusals = [
    ...activationRefusals(await activationFacts(em, contract, terms, today)),
    ...(refusal ? [refusal] : []),
  ];
  const history = {
    from: move.from,
    requestId: input.requestId,
    workflowId: input.workflowId,
    actor: actor.userId,
  };
  if (refusals.length > 0) {
    recordContractHistory(em, contract, {
      ...history,
      action: 'activation-refused',
      details: { refusals, checkedOn: today },
    });
    return { activated: false, refusals };
  }

  contract.status = move.to;
  contract.activatedOn = today;
  contract.activatedBy = actor.userId;
  markUpdated(contract, actor, now);
  const supersededContractId = previous?.id ?? null;
  recordContractHistory(em, contract, {
    ...history,
    action: 'activate',
    details: { activatedOn: today, supersededContractId },
  });
  if (previous) {
    supersede(em, previous, contract, {
      actor,
      activatedOn: today,
      workflowId: input.workflowId,
      at: now,
    });
  }
  recordContractActivated(em, contract, terms, {
    actor,
    workflowId: input.workflowId,
    supersedesContractId: supersededContractId,
  });
  return { activated: true, activatedOn: today, supersededContractId };
}
