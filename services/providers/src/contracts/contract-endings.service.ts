import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  contractCancelled,
  contractTerminated,
  type Actor,
  type ContractClosed,
} from '@platform/contracts';
import { RuleViolation } from '@platform/http';
import type { CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import { markUpdated } from '../shared/audit.js';
import { eventOrigin } from '../shared/event-origin.js';
import { formatMoney } from '../shared/money.js';
import { ruleViolation } from '../shared/rule-issues.js';
import { todayDate } from '../shared/today.js';
import { voidCurrentDocument } from './contract-documents.js';
import { contractEventIdentity } from './contract-event-identity.js';
import { recordContractHistory } from './contract-history.js';
import { applyContractAction } from './contract-lifecycle.js';
import { CONTRACT_PROCESS, type ContractProcess } from './contract-process.port.js';
import { fixedFeeOf } from './contract-terms-state.js';
import { finalPaymentOnTermination } from './contract-termination.js';
import { findContract } from './contract.lookup.js';
import type { CancelContractBody, TerminateContractBody } from './contract.schemas.js';
import type { ContractView } from './contract.views.js';
import { ContractsService } from './contracts.service.js';

/** CTR-3 / CTR-7: a contract ends early — cancelled before it is active, or terminated while it is. */
@Injectable()
export class ContractEndingsService {
  private readonly logger = new Logger(ContractEndingsService.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(ContractsService) private readonly contracts: ContractsService,
    @Inject(CONTRACT_PROCESS) private readonly process: ContractProcess,
  ) {}

  /**
   * CTR-3: editing or issued → cancelled (final). The current document is void, with any
   * signature on it; `contract.cancelled`; then an issued contract's process is told and ends.
   */
  async cancel(
    contractId: string,
    body: CancelContractBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ContractView> {
    const reason = body.reason?.trim() || null;
    const at = new Date();
    const previous = await this.orm.em.fork().transactional(async (em) => {
      const contract = await findContract(em, contractId, { forUpdate: true });
      const move = applyContractAction(contract.status, 'cancel', reason);
      if (!move.ok) throw new RuleViolation('CTR-3', move.message, 409);
      contract.status = move.to;
      contract.statusReason = reason;
      markUpdated(contract, actor, at);
      const voided = await voidCurrentDocument(em, contract.id, at, 'Contract cancelled');
      recordContractHistory(em, contract, {
        action: 'cancel',
        from: move.from,
        reason,
        details: voided ? { voidedDocumentId: voided } : {},
        actor: actor.userId,
      });
      recordEvent(em, contractCancelled, {
        aggregateId: contract.id,
        ...eventOrigin(actor, correlationId),
        data: {
          ...contractEventIdentity(contract),
          previousStatus: move.from as 'editing' | 'issued',
          reason,
        },
      });
      return move.from;
    });
    if (previous === 'issued') {
      await this.tellProcess(contractId, {
        status: 'cancelled',
        on: todayDate(at),
        reason,
        by: actor.userId,
      });
    }
    return this.contracts.get(contractId);
  }

  /**
   * CTR-7: active → terminated on a day of its period, not before it was activated; the last
   * binding day is `terminatedOn`. A fixed-fee contract's cut-short payment is prorated
   * (`finalPayment` in `contract.terminated`, which finance follows). Then the process ends.
   */
  async terminate(
    contractId: string,
    body: TerminateContractBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<ContractView> {
    await this.orm.em.fork().transactional(async (em) => {
      const contract = await findContract(em, contractId, { forUpdate: true });
      const move = applyContractAction(contract.status, 'terminate', body.reason);
      if (!move.ok) {
        throw new RuleViolation('CTR-3', move.message, move.field === 'reason' ? 422 : 409);
      }
      const period = {
        from: contract.periodFrom as CalendarDate,
        to: contract.periodTo as CalendarDate,
      };
      const earliest =
        contract.activatedOn && contract.activatedOn > period.from
          ? (contract.activatedOn as CalendarDate)
          : period.from;
      if (body.terminatedOn < earliest || body.terminatedOn > period.to) {
        throw ruleViolation([
          {
            rule: 'CTR-7',
            field: 'terminatedOn',
            message: `a contract is terminated on a day from ${earliest} (its start or activation) to ${period.to} (its end)`,
          },
        ]);
      }
      const fee = fixedFeeOf(contract);
      const finalPayment = fee ? finalPaymentOnTermination(fee, period, body.terminatedOn) : null;
      contract.status = move.to;
      contract.terminatedOn = body.terminatedOn;
      contract.statusReason = body.reason;
      markUpdated(contract, actor);
      const finalPaymentData = finalPayment && {
        from: finalPayment.from,
        to: finalPayment.to,
        amount: formatMoney(finalPayment.amount),
      };
      recordContractHistory(em, contract, {
        action: 'terminate',
        from: move.from,
        reason: body.reason,
        details: { terminatedOn: body.terminatedOn, finalPayment: finalPaymentData },
        actor: actor.userId,
      });
      recordEvent(em, contractTerminated, {
        aggregateId: contract.id,
        ...eventOrigin(actor, correlationId),
        data: {
          ...contractEventIdentity(contract),
          terminatedOn: body.terminatedOn,
          reason: body.reason,
          finalPayment: finalPaymentData,
        },
      });
    });
    await this.tellProcess(contractId, {
      status: 'terminated',
      on: body.terminatedOn,
      reason: body.reason,
      by: actor.userId,
    });
    return this.contracts.get(contractId);
  }

  /** WF-3 follows what was recorded; when Temporal cannot be reached the record stands. */
  private async tellProcess(contractId: string, closed: ContractClosed): Promise<void> {
    try {
      const running = await this.process.closed(contractId, closed);
      this.logger.log(
        `contract/${contractId} ${closed.status}: ${running ? 'told' : 'no process'}`,
      );
    } catch (error) {
      this.logger.warn(`contract/${contractId} not told it is ${closed.status}: ${String(error)}`);
    }
  }
}
