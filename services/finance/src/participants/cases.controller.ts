import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, type Page } from '@platform/http';
import { PARTICIPANT_READERS, PARTICIPANT_WRITERS } from '../shared/roles.js';
import { CasesService } from './cases.service.js';
import {
  closeCaseBody,
  closeCaseExample,
  createCaseBody,
  createCaseExample,
  listCasesQuery,
  type CloseCaseBody,
  type CreateCaseBody,
  type ListCasesQuery,
} from './participant.schemas.js';
import type { CaseView } from './participant.views.js';
import { idPipe } from '../shared/request-inputs.js';

/** FIN-4 "case valid": cases of registered clients, open from a day until closed. */
@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(@Inject(CasesService) private readonly cases: CasesService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...PARTICIPANT_WRITERS)
  @ApiOperation({
    summary: 'Open a case for one or more registered clients (FIN-4)',
    description:
      'Every `clientIds` entry must be a registered client (422 naming FIN-4 and the entry, e.g. ' +
      '`clientIds[1]`); the reference is unique (409).',
  })
  create(
    @ValidBody(createCaseBody, createCaseExample) body: CreateCaseBody,
    @CurrentActor() actor: Actor,
  ): Promise<CaseView> {
    return this.cases.create(body, actor);
  }

  @Get()
  @RequireRoles(...PARTICIPANT_READERS)
  @ApiOperation({ summary: 'Cases by client, status and reference, paged' })
  list(@ValidQuery(listCasesQuery) query: ListCasesQuery): Promise<Page<CaseView>> {
    return this.cases.list(query);
  }

  @Get(':id')
  @RequireRoles(...PARTICIPANT_READERS)
  @ApiOperation({ summary: 'One case with its clients' })
  get(@Param('id', idPipe) id: string): Promise<CaseView> {
    return this.cases.get(id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequireRoles(...PARTICIPANT_WRITERS)
  @ApiOperation({
    summary: 'Close a case (FIN-4): valid from then on only for periods ending by `closedOn`',
    description: '`closedOn` cannot be before the case opened (422); a closed case is 409.',
  })
  close(
    @Param('id', idPipe) id: string,
    @ValidBody(closeCaseBody, closeCaseExample) body: CloseCaseBody,
    @CurrentActor() actor: Actor,
  ): Promise<CaseView> {
    return this.cases.close(id, body, actor);
  }
}
