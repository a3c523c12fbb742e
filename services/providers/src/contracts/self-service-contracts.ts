import {
  Controller,
  Get,
  Inject,
  Injectable,
  Param,
  Res,
  type StreamableFile,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { NotFoundProblem, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { findPageWithRelated } from '@platform/persistence';
import { idParam } from '../shared/common.schemas.js';
import { documentResponse, loadDocumentFile, type HeaderSink } from './contract-document-files.js';
import { loadContractParts, loadContractSummaries } from './contract-parts.js';
import { Contract, type ContractRecord } from './contract.entities.js';
import { selfServiceContractsQuery, type SelfServiceContractsQuery } from './contract.schemas.js';
import {
  contractView,
  type ContractPaths,
  type ContractSummaryView,
  type ContractView,
} from './contract.views.js';
import { ELECTRONIC_SIGNATURE_CONSENT } from './signature-record.js';

const SELF_SERVICE_CONTRACTS = '/self-service/contracts';

const selfServicePaths = (contractId: string): ContractPaths => ({
  self: `${SELF_SERVICE_CONTRACTS}/${contractId}`,
  currentDocument: `${SELF_SERVICE_CONTRACTS}/${contractId}/document`,
  document: (documentId) => `${SELF_SERVICE_CONTRACTS}/${contractId}/documents/${documentId}`,
});

export type SelfServiceContractView = ContractView & {
  /** SS-5: what the provider's user accepts, word for word, when signing electronically. */
  consentStatement: string;
  /** SS-5: where to POST the signature while the current document awaits it; null otherwise. */
  signLink: string | null;
};

/**
 * SS-5 / ROLE-2: the contracts issued to the signed-in provider — every version that was issued
 * at least once (drafts in editing are the agency's), never another provider's (404 as if absent).
 */
@Injectable()
export class SelfServiceContractsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  list(actor: Actor, query: SelfServiceContractsQuery): Promise<Page<ContractSummaryView>> {
    return findPageWithRelated(
      this.orm.em.fork(),
      Contract,
      {
        providerId: ownProviderId(actor),
        issueCount: { $gt: 0 },
        ...(query.status ? { status: { $in: query.status } } : {}),
      },
      query,
      { contractNumber: 'desc', version: 'desc' },
      (contracts, snapshot) => loadContractSummaries(snapshot, contracts),
    );
  }

  async get(actor: Actor, contractId: string): Promise<SelfServiceContractView> {
    const em = this.orm.em.fork();
    const contract = await ownIssuedContract(em, actor, contractId);
    const view = contractView(await loadContractParts(em, contract), selfServicePaths(contract.id));
    return {
      ...view,
      consentStatement: ELECTRONIC_SIGNATURE_CONSENT,
      signLink: view.awaitingSignature
        ? `${SELF_SERVICE_CONTRACTS}/${contract.id}/signature`
        : null,
    };
  }

  async document(actor: Actor, contractId: string, documentId: string | null) {
    const em = this.orm.em.fork();
    return loadDocumentFile(em, await ownIssuedContract(em, actor, contractId), documentId);
  }
}

function ownProviderId(actor: Actor): string {
  // A provider account not linked to a provider sees nothing (matches no uuid).
  return actor.providerId ?? '00000000-0000-0000-0000-000000000000';
}

/** ROLE-2: the provider's own contract, issued at least once; anything else is 404. */
export async function ownIssuedContract(
  em: EntityManager,
  actor: Actor,
  contractId: string,
): Promise<ContractRecord> {
  const contract = await em.findOne(Contract, {
    id: contractId,
    providerId: ownProviderId(actor),
    issueCount: { $gt: 0 },
  });
  if (!contract) throw new NotFoundProblem('Contract', contractId);
  return contract;
}

const idPipe = new ZodValidationPipe(idParam, 'path');

@ApiTags('self-service')
@Controller('self-service/contracts')
export class SelfServiceContractsController {
  constructor(
    @Inject(SelfServiceContractsService) private readonly contracts: SelfServiceContractsService,
  ) {}

  @Get()
  @RequireRoles('provider')
  @ApiOperation({ summary: 'The contracts issued to the signed-in provider (SS-5, ROLE-2)' })
  list(
    @CurrentActor() actor: Actor,
    @ValidQuery(selfServiceContractsQuery) query: SelfServiceContractsQuery,
  ): Promise<Page<ContractSummaryView>> {
    return this.contracts.list(actor, query);
  }

  @Get(':id')
  @RequireRoles('provider')
  @ApiOperation({
    summary: 'One contract issued to the provider: terms, document, signature, consent (SS-5)',
    description:
      '`awaitingSignature` says whether the current document waits for the provider’s ' +
      'signature; `consentStatement` is what signing electronically accepts. Another ' +
      "provider's contract, or a draft: 404.",
  })
  get(
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<SelfServiceContractView> {
    return this.contracts.get(actor, id);
  }

  @Get(':id/document')
  @RequireRoles('provider')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'The current document to review and sign, with its SHA-256 (SS-5, CTR-4)',
  })
  async document(
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<StreamableFile> {
    return documentResponse(await this.contracts.document(actor, id, null), response);
  }

  @Get(':id/documents/:documentId')
  @RequireRoles('provider')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'Any document issued to the provider for the contract, void ones included',
  })
  async documentById(
    @Param('id', idPipe) id: string,
    @Param('documentId', idPipe) documentId: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<StreamableFile> {
    return documentResponse(await this.contracts.document(actor, id, documentId), response);
  }
}
