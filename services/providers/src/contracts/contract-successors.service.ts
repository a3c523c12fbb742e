import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { RuleViolation } from '@platform/http';
import { addDays, daysInclusive, periodEndAfterMonths, type CalendarDate } from '@platform/kernel';
import { ruleViolation } from '../shared/rule-issues.js';
import { todayDate } from '../shared/today.js';
import { recordContractHistory } from './contract-history.js';
import { periodMonths } from './contract-payment-schedule.js';
import { amendmentRefusal, renewalStart, type UnitRate } from './contract-rules.js';
import {
  loadContractTermsState,
  mergeContractChanges,
  type ContractTermsState,
} from './contract-terms-state.js';
import { createContractVersion, nextContractNumber } from './contract-versions.js';
import { Contract, type ContractRecord } from './contract.entities.js';
import { findContract } from './contract.lookup.js';
import type { AmendContractBody, RenewContractBody } from './contract.schemas.js';
import type { ContractView } from './contract.views.js';
import { staffContractView } from './contracts.service.js';

/** CTR-5 / CTR-6: the contracts that follow an active one — its amendment, or its renewal. */
@Injectable()
export class ContractSuccessorsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /**
   * CTR-5: a new version in editing with the same number (version + 1) and every term of the
   * active version, changed as asked. It goes through issue, signature and activation like any
   * contract and supersedes this version when it activates (WF-3). A fixed-fee contract cannot
   * change its amount (terminate and create a new one); one amendment is open at a time.
   */
  amend(
    contractId: string,
    body: AmendContractBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ContractView> {
    return this.orm.em.fork().transactional(async (em) => {
      const current = await findContract(em, contractId, { forUpdate: true });
      requireActive(current, 'CTR-5', 'amended');
      const open = await em.findOne(Contract, {
        amendsContractId: current.id,
        status: { $in: ['editing', 'issued'] },
      });
      if (open) {
        throw new RuleViolation(
          'CTR-5',
          `Contract ${current.contractNumber} already has an open amendment (version ${open.version}, ${open.status}, ${open.id}): finish or cancel it first`,
        );
      }
      const terms = await loadContractTermsState(em, current);
      const amended = mergeContractChanges(terms, body.changes);
      const refusal = amendmentRefusal(terms.fixedFee, amended.fixedFee);
      if (refusal) {
        const [rule = 'CTR-5', message = refusal] = refusal.split(/: (.*)/s);
        throw ruleViolation([{ rule, field: 'changes.fixedFee', message }], 422);
      }
      const latest = await em.findOne(
        Contract,
        { contractNumber: current.contractNumber },
        { orderBy: { version: 'desc' }, fields: ['version'] },
      );
      const amendment = await createContractVersion(
        em,
        amended,
        {
          contractNumber: current.contractNumber,
          version: (latest?.version ?? current.version) + 1,
          amendsContractId: current.id,
          renewsContractId: null,
          action: 'amend',
          reason: body.reason ?? null,
        },
        actor,
        correlationId,
      );
      recordContractHistory(em, current, {
        action: 'amendment-created',
        from: current.status,
        reason: body.reason ?? null,
        details: { amendmentId: amendment.id, version: amendment.version },
        actor: actor.userId,
      });
      return staffContractView(em, amendment);
    });
  }

  /**
   * CTR-6: a new contract (a new number) renewing an active one: it starts the day after the
   * renewed one ends and, unless `periodTo` says otherwise, lasts as long. Every term is copied;
   * a utilization contract's unit rates are re-based: each service's rate in force at the end of
   * the renewed period applies over the whole renewal (its earlier sub-periods stay history).
   * `changes` may adjust the copied terms. One renewal per contract (unless it was cancelled).
   */
  renew(
    contractId: string,
    body: RenewContractBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ContractView> {
    return this.orm.em.fork().transactional(async (em) => {
      const previous = await findContract(em, contractId, { forUpdate: true });
      requireActive(previous, 'CTR-6', 'renewed');
      await refuseSecondRenewal(em, previous);
      const terms = await loadContractTermsState(em, previous);
      const period = renewalPeriod(terms.period, body.periodTo);
      const renewed: ContractTermsState = mergeContractChanges(
        { ...terms, period, unitRates: rebasedRates(terms.unitRates, period) },
        body.changes ?? {},
      );
      const year = Number(todayDate().slice(0, 4));
      const renewal = await createContractVersion(
        em,
        renewed,
        {
          contractNumber: await nextContractNumber(em, year),
          version: 1,
          amendsContractId: null,
          renewsContractId: previous.id,
          action: 'renew',
        },
        actor,
        correlationId,
      );
      recordContractHistory(em, previous, {
        action: 'renewal-created',
        from: previous.status,
        details: { renewalId: renewal.id, contractNumber: renewal.contractNumber },
        actor: actor.userId,
      });
      return staffContractView(em, renewal);
    });
  }
}

function requireActive(contract: ContractRecord, rule: string, pastTense: string): void {
  if (contract.status !== 'active') {
    throw new RuleViolation(
      rule,
      `Only an active contract is ${pastTense}; contract ${contract.contractNumber} version ${contract.version} is ${contract.status}`,
    );
  }
}

async function refuseSecondRenewal(em: EntityManager, previous: ContractRecord): Promise<void> {
  const renewal = await em.findOne(Contract, {
    renewsContractId: previous.id,
    status: { $ne: 'cancelled' },
  });
  if (renewal) {
    throw new RuleViolation(
      'CTR-6',
      `Contract ${previous.contractNumber} is already renewed by ${renewal.contractNumber} (${renewal.id})`,
    );
  }
}

/**
 * CTR-6: from the day after the previous end; by default as long — in whole months when the
 * previous period was whole months (a calendar year renews as the next calendar year), else in days.
 */
export function renewalPeriod(
  previous: { from: CalendarDate; to: CalendarDate },
  periodTo: CalendarDate | undefined,
): { from: CalendarDate; to: CalendarDate } {
  const from = renewalStart(previous.to);
  if (periodTo !== undefined) {
    if (periodTo < from) {
      throw ruleViolation([
        {
          rule: 'CTR-6',
          field: 'periodTo',
          message: `a renewal starts on ${from}, the day after the previous end, and cannot end before it`,
        },
      ]);
    }
    return { from, to: periodTo };
  }
  const months = periodMonths(previous);
  const wholeMonths = periodEndAfterMonths(previous.from, months) === previous.to;
  return {
    from,
    to: wholeMonths
      ? periodEndAfterMonths(from, months)
      : addDays(from, daysInclusive(previous.from, previous.to) - 1),
  };
}

/** CTR-6: each service's latest rate, over the whole renewal period. */
export function rebasedRates(
  rates: readonly UnitRate[],
  period: { from: CalendarDate; to: CalendarDate },
): UnitRate[] {
  const latest = new Map<string, UnitRate>();
  for (const rate of rates) {
    const seen = latest.get(rate.providerServiceId);
    if (!seen || rate.to > seen.to) latest.set(rate.providerServiceId, rate);
  }
  return [...latest.values()].map((rate) => ({ ...rate, from: period.from, to: period.to }));
}
