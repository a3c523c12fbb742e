import {
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Res,
  type StreamableFile,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { idParam } from '../shared/common.schemas.js';
import { documentResponse, type HeaderSink } from './contract-document-files.js';
import { CONTRACT_MANAGERS, CONTRACT_READERS } from './contract-roles.js';
import {
  contractChangesInput,
  createContractBody,
  createContractExample,
  listContractsQuery,
  updateContractExample,
  type ContractChanges,
  type CreateContractBody,
  type ListContractsQuery,
} from './contract.schemas.js';
import type { ContractHistoryView, ContractSummaryView, ContractView } from './contract.views.js';
import { ContractsService } from './contracts.service.js';

const idPipe = new ZodValidationPipe(idParam, 'path');

/** CTR-1 / CTR-2 / CTR-3 / CTR-4: contract records — create, edit, find, read, documents. */
@ApiTags('contracts')
@Controller('contracts')
export class ContractsController {
  constructor(@Inject(ContractsService) private readonly contracts: ContractsService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...CONTRACT_MANAGERS)
  @ApiOperation({
    summary: 'Create a contract in editing (CTR-1, CTR-2)',
    description:
      'Numbered C-<year>-<sequence>, version 1. Fixed-fee contracts state `fixedFee` (a total split ' +
      'by frequency, or a periodic amount); utilization contracts `unitRates` per covered service ' +
      'and sub-period (CTR-1, CTR-5). Covered services are approved provider services of the ' +
      'provider — or, for a group contract (`providerGroupId`), of a bound provider affiliated ' +
      'with the group (CTR-2). A broken rule is 422 naming it and the field.',
  })
  create(
    @ValidBody(createContractBody, createContractExample) body: CreateContractBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ContractView> {
    return this.contracts.create(body, actor, correlationId);
  }

  @Get()
  @RequireRoles(...CONTRACT_READERS)
  @ApiOperation({
    summary: 'Contracts by provider, status, type, number, open flags, or binding on a day (CTR-3)',
  })
  list(
    @ValidQuery(listContractsQuery) query: ListContractsQuery,
  ): Promise<Page<ContractSummaryView>> {
    return this.contracts.list(query);
  }

  @Get(':id')
  @RequireRoles(...CONTRACT_READERS)
  @ApiOperation({
    summary: 'One contract version: terms, status, documents, signatures, flags, process (CTR-1…7)',
  })
  get(@Param('id', idPipe) id: string): Promise<ContractView> {
    return this.contracts.get(id);
  }

  @Get(':id/history')
  @RequireRoles(...CONTRACT_READERS)
  @ApiOperation({ summary: 'Who moved the contract through its lifecycle, when and why (CTR-3)' })
  history(@Param('id', idPipe) id: string): Promise<ContractHistoryView[]> {
    return this.contracts.history(id);
  }

  @Patch(':id')
  @RequireRoles(...CONTRACT_MANAGERS)
  @ApiOperation({
    summary: 'Change the terms of a contract in editing (CTR-2, CTR-3)',
    description:
      'A key given replaces that term whole. Issued: 409 naming CTR-3 — re-issue with a reason ' +
      '(POST /contracts/{id}/reissue). Active: 409 naming CTR-5 — amend it ' +
      '(POST /contracts/{id}/amendments).',
  })
  update(
    @Param('id', idPipe) id: string,
    @ValidBody(contractChangesInput, updateContractExample) body: ContractChanges,
    @CurrentActor() actor: Actor,
  ): Promise<ContractView> {
    return this.contracts.update(id, body, actor);
  }

  @Get(':id/document')
  @RequireRoles(...CONTRACT_READERS)
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: "The contract's current document, the PDF sent for signature (CTR-4)",
    description: '`ETag` and `X-Document-SHA256` give its SHA-256. 404 while editing.',
  })
  async document(
    @Param('id', idPipe) id: string,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<StreamableFile> {
    return documentResponse(await this.contracts.document(id, null), response);
  }

  @Get(':id/documents/:documentId')
  @RequireRoles(...CONTRACT_READERS)
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'Any document issued for the contract, void ones included (CTR-3, CTR-4)',
    description: 'A document voided by a re-issue or cancellation carries `X-Document-Void: true`.',
  })
  async documentById(
    @Param('id', idPipe) id: string,
    @Param('documentId', idPipe) documentId: string,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<StreamableFile> {
    return documentResponse(await this.contracts.document(id, documentId), response);
  }
}
