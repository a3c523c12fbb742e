import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Actor } from '@platform/contracts';
import { RuleViolation, type Page } from '@platform/http';
import { emptyPage, findPageWithRelated } from '@platform/persistence';
import { containsPattern } from '../shared/name-search.js';
import { todayDate } from '../shared/today.js';
import { applyContractChanges } from './contract-changes.js';
import { loadDocumentFile, type DocumentFile } from './contract-document-files.js';
import { recordContractHistory } from './contract-history.js';
import { termsChange } from './contract-lifecycle.js';
import { loadContractParts, loadContractSummaries } from './contract-parts.js';
import { createContractVersion, nextContractNumber } from './contract-versions.js';
import {
  Contract,
  ContractFlag,
  ContractStatusChange,
  type ContractRecord,
} from './contract.entities.js';
import { findContract } from './contract.lookup.js';
import type {
  ContractChanges,
  CreateContractBody,
  ListContractsQuery,
} from './contract.schemas.js';
import {
  contractHistoryView,
  contractView,
  staffContractPaths,
  type ContractHistoryView,
  type ContractSummaryView,
  type ContractView,
} from './contract.views.js';

/** The staff view of one contract version, read with `em` (inside a command's transaction too). */
export async function staffContractView(
  em: EntityManager,
  contract: ContractRecord,
): Promise<ContractView> {
  return contractView(await loadContractParts(em, contract), staffContractPaths(contract.id));
}

/** CTR-1 / CTR-2 / CTR-3: contracts in editing — create, change, find, read, history. */
@Injectable()
export class ContractsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  create(body: CreateContractBody, actor: Actor, correlationId?: string): Promise<ContractView> {
    return this.orm.em.fork().transactional(async (em) => {
      const year = Number(todayDate().slice(0, 4));
      const contract = await createContractVersion(
        em,
        body,
        {
          contractNumber: await nextContractNumber(em, year),
          version: 1,
          amendsContractId: null,
          renewsContractId: null,
          action: 'create',
        },
        actor,
        correlationId,
      );
      return staffContractView(em, contract);
    });
  }

  /**
   * CTR-3: the terms change freely while editing. Issued: only with a re-issue (the provider signs
   * what it was sent). Active: only by an amendment (CTR-5). Anything later: never.
   */
  update(contractId: string, changes: ContractChanges, actor: Actor): Promise<ContractView> {
    return this.orm.em.fork().transactional(async (em) => {
      const contract = await findContract(em, contractId, { forUpdate: true });
      const allowed = termsChange(contract.status);
      if (allowed === 'needs-reissue') {
        throw new RuleViolation(
          'CTR-3',
          `Contract ${contract.contractNumber} is issued: its terms change only with a re-issue ` +
            `that gives a reason — POST /contracts/${contract.id}/reissue {reason, changes}`,
        );
      }
      if (allowed === 'refused') {
        throw contract.status === 'active'
          ? new RuleViolation(
              'CTR-5',
              `Contract ${contract.contractNumber} is active: amend it instead — ` +
                `POST /contracts/${contract.id}/amendments {changes}`,
            )
          : new RuleViolation(
              'CTR-3',
              `A ${contract.status} contract's terms can no longer change`,
            );
      }
      const applied = await applyContractChanges(em, contract, changes, actor);
      recordContractHistory(em, contract, {
        action: 'update',
        from: contract.status,
        details: { changed: applied.changed },
        actor: actor.userId,
      });
      return staffContractView(em, contract);
    });
  }

  async get(contractId: string): Promise<ContractView> {
    const em = this.orm.em.fork();
    return staffContractView(em, await findContract(em, contractId));
  }

  /** CTR-4: the current document (`documentId` null) or any issued one, void ones included. */
  async document(contractId: string, documentId: string | null): Promise<DocumentFile> {
    const em = this.orm.em.fork();
    return loadDocumentFile(em, await findContract(em, contractId), documentId);
  }

  async history(contractId: string): Promise<ContractHistoryView[]> {
    const em = this.orm.em.fork();
    await findContract(em, contractId);
    const changes = await em.find(ContractStatusChange, { contractId }, { orderBy: { id: 'asc' } });
    return changes.map(contractHistoryView);
  }

  async list(query: ListContractsQuery): Promise<Page<ContractSummaryView>> {
    const em = this.orm.em.fork();
    const conditions: FilterQuery<ContractRecord>[] = [];
    if (query.providerId) conditions.push({ providerId: query.providerId });
    if (query.status) conditions.push({ status: { $in: query.status } });
    if (query.type) conditions.push({ type: query.type });
    if (query.contractNumber) {
      conditions.push({ contractNumber: { $ilike: containsPattern(query.contractNumber) } });
    }
    if (query.activeOn) {
      const day = query.activeOn;
      // Binding on the day: active within the period, or terminated after it (CTR-7).
      conditions.push({
        periodFrom: { $lte: day },
        $or: [
          { status: 'active', periodTo: { $gte: day } },
          { status: 'terminated', terminatedOn: { $gte: day } },
        ],
      });
    }
    if (query.flagged !== undefined) {
      const flagged = (
        await em.find(ContractFlag, { resolvedAt: null }, { fields: ['contractId'] })
      ).map((flag) => flag.contractId);
      if (query.flagged && flagged.length === 0) return emptyPage(query);
      conditions.push(
        query.flagged ? { id: { $in: flagged } } : flagged.length ? { id: { $nin: flagged } } : {},
      );
    }
    return findPageWithRelated(
      em,
      Contract,
      conditions.length > 0 ? { $and: conditions } : {},
      query,
      { contractNumber: 'desc', version: 'desc' },
      (contracts, snapshot) => loadContractSummaries(snapshot, contracts),
    );
  }
}
