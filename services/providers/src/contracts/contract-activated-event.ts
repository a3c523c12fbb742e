import type { EntityManager } from '@mikro-orm/postgresql';
import { contractActivated, type Actor } from '@platform/contracts';
import { recordEvent } from '@platform/messaging';
import { formatMoney } from '../shared/money.js';
import { fixedFeeSchedule } from './contract-payment-schedule.js';
import { contractEventIdentity } from './contract-event-identity.js';
import type { ContractTermsState } from './contract-terms-state.js';
import type { ContractRecord } from './contract.entities.js';

/** CTR-1 / FIN-11: a fixed fee as finance pays it — the terms and the schedule of payments. */
function fixedFeePayload(terms: ContractTermsState) {
  if (!terms.fixedFee) return null;
  const fee = terms.fixedFee;
  return {
    kind: fee.kind,
    amount: formatMoney(fee.amount),
    frequency: fee.frequency,
    payments: fixedFeeSchedule(fee, terms.period).map((payment) => ({
      from: payment.from,
      to: payment.to,
      amount: formatMoney(payment.amount),
    })),
  };
}

/**
 * CTR-4 / FIN-11: `contract.activated`, in the activation's transaction — what finance needs to
 * pay the contract: the fixed-fee schedule (one payment per payment period across the contract's
 * period, paid in arrears) or the unit rates by sub-period (CTR-5), the covered services, the bound
 * providers, the place limit, and the version an amendment supersedes.
 */
export function recordContractActivated(
  em: EntityManager,
  contract: ContractRecord,
  terms: ContractTermsState,
  context: { actor: Actor; workflowId: string; supersedesContractId: string | null },
): void {
  recordEvent(em, contractActivated, {
    aggregateId: contract.id,
    actor: context.actor,
    correlationId: context.workflowId,
    data: {
      ...contractEventIdentity(contract),
      period: terms.period,
      activatedOn: contract.activatedOn as string,
      providerServiceIds: terms.coveredProviderServiceIds,
      boundProviderIds: terms.boundProviderIds,
      placeLimit: terms.placeLimit,
      fixedFee: fixedFeePayload(terms),
      unitRates: terms.unitRates.map((rate) => ({
        providerServiceId: rate.providerServiceId,
        from: rate.from,
        to: rate.to,
        rate: formatMoney(rate.rate),
      })),
      supersedesContractId: context.supersedesContractId,
    },
  });
}
