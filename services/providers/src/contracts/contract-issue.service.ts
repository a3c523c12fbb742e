import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { contractIssued, type Actor, type ContractApprovalInput } from '@platform/contracts';
import { RuleViolation } from '@platform/http';
import { recordEvent } from '@platform/messaging';
import { PROCESS_SETTINGS, type ProcessSettings } from '../process-starters/process-settings.js';
import { Provider } from '../providers/provider.entity.js';
import { markUpdated } from '../shared/audit.js';
import { eventOrigin } from '../shared/event-origin.js';
import { throwIfRuleViolated, type RuleIssue } from '../shared/rule-issues.js';
import { issueDocument } from './contract-documents.js';
import { contractEventIdentity } from './contract-event-identity.js';
import { recordContractHistory } from './contract-history.js';
import { applyContractAction } from './contract-lifecycle.js';
import { CONTRACT_PROCESS, type ContractProcess } from './contract-process.port.js';
import { contractApprovalInput } from './contract-process-input.js';
import { checkContractTerms } from './contract-terms-checks.js';
import { loadContractTermsState, type ContractTermsState } from './contract-terms-state.js';
import type { ContractRecord } from './contract.entities.js';
import { findContract } from './contract.lookup.js';
import type { ContractView } from './contract.views.js';
import { ContractsService } from './contracts.service.js';

/** CTR-4: what a contract needs before it can be sent for signature, beyond its terms' rules. */
export function issueReadinessIssues(terms: ContractTermsState): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (terms.coveredProviderServiceIds.length === 0) {
    issues.push({
      rule: 'CTR-2',
      field: 'coveredProviderServiceIds',
      message: 'a contract is issued covering at least one provider service',
    });
  }
  if (terms.type === 'utilization' && terms.unitRates.length === 0) {
    issues.push({
      rule: 'CTR-1',
      field: 'unitRates',
      message: 'a utilization contract is issued with its unit rates',
    });
  }
  return issues;
}

/** CTR-3 / CTR-4 / WF-3: issues a contract in editing and starts its publish–sign–activate process. */
@Injectable()
export class ContractIssueService {
  private readonly logger = new Logger(ContractIssueService.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(ContractsService) private readonly contracts: ContractsService,
    @Inject(CONTRACT_PROCESS) private readonly process: ContractProcess,
    @Inject(PROCESS_SETTINGS) private readonly settings: ProcessSettings,
  ) {}

  /**
   * In one transaction: editing → issued (CTR-3), the terms checked again (the covered services
   * may have changed since they were written, CTR-2), the document rendered and stored (CTR-4),
   * history and `contract.issued`. Then, after the commit, WF-3 starts (idempotent).
   */
  async issue(contractId: string, actor: Actor, correlationId?: string): Promise<ContractView> {
    const input = await this.orm.em
      .fork()
      .transactional((em) => this.issueInTransaction(em, contractId, actor, correlationId));
    await this.startProcess(input);
    return this.contracts.get(contractId);
  }

  private async issueInTransaction(
    em: EntityManager,
    contractId: string,
    actor: Actor,
    correlationId?: string,
  ): Promise<ContractApprovalInput> {
    const contract = await findContract(em, contractId, { forUpdate: true });
    const move = applyContractAction(contract.status, 'issue');
    if (!move.ok) throw new RuleViolation('CTR-3', move.message, 409);
    const terms = await loadContractTermsState(em, contract);
    throwIfRuleViolated(issueReadinessIssues(terms), 422);
    await checkContractTerms(em, terms);

    contract.status = move.to;
    markUpdated(contract, actor);
    const document = await issueDocument(em, contract, {
      actor,
      agencyName: this.settings.contract.agencyName,
      reason: null,
      at: new Date(),
    });
    recordContractHistory(em, contract, {
      action: 'issue',
      from: move.from,
      details: {
        documentId: document.documentId,
        sha256: document.sha256,
        issueNumber: document.issueNumber,
      },
      actor: actor.userId,
    });
    recordEvent(em, contractIssued, {
      aggregateId: contract.id,
      ...eventOrigin(actor, correlationId),
      data: {
        ...contractEventIdentity(contract),
        documentId: document.documentId,
        documentSha256: document.sha256,
        issueNumber: document.issueNumber,
        period: terms.period,
      },
    });
    const { voidedDocumentId: _voided, ...issued } = document;
    return contractApprovalInput(
      {
        contractId: contract.id,
        contractNumber: contract.contractNumber,
        version: contract.version,
        providerId: contract.providerId,
        providerName: await providerName(em, contract),
        amendsContractId: contract.amendsContractId ?? null,
        periodTo: contract.periodTo,
        document: issued,
      },
      this.settings.contract,
    );
  }

  /**
   * WF-3 starts after the commit, so a process never waits on a contract that was not issued. If
   * Temporal cannot be reached now the contract stays issued; the starter that follows
   * `contract.issued` starts the process from the event (both are idempotent by workflow id).
   */
  private async startProcess(input: ContractApprovalInput): Promise<void> {
    try {
      await this.process.start(input);
    } catch (error) {
      this.logger.warn(
        `contract/${input.contractId} not started now (${String(error)}); contract.issued starts it`,
      );
    }
  }
}

async function providerName(em: EntityManager, contract: ContractRecord): Promise<string> {
  const provider = await em.findOne(Provider, { id: contract.providerId }, { fields: ['name'] });
  return provider?.name ?? contract.providerId;
}
