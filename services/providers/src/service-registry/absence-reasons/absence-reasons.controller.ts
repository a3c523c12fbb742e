import { Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { AGENCY_READERS, REGISTRY_ADMINS } from '../../shared/roles.js';
import { idParam } from '../../shared/common.schemas.js';
import {
  absenceReasonExample,
  createAbsenceReasonBody,
  listAbsenceReasonsQuery,
  updateAbsenceReasonBody,
  type CreateAbsenceReasonBody,
  type ListAbsenceReasonsQuery,
  type UpdateAbsenceReasonBody,
} from './absence-reason.schemas.js';
import type { AbsenceReasonView } from './absence-reason.view.js';
import { AbsenceReasonsService } from './absence-reasons.service.js';

const idPipe = new ZodValidationPipe(idParam, 'path');

@ApiTags('service registry')
@Controller('absence-reasons')
export class AbsenceReasonsController {
  constructor(@Inject(AbsenceReasonsService) private readonly reasons: AbsenceReasonsService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({ summary: 'Configure an absence reason as payable and/or deductible (SVC-11)' })
  create(
    @ValidBody(createAbsenceReasonBody, absenceReasonExample) body: CreateAbsenceReasonBody,
    @CurrentActor() actor: Actor,
  ): Promise<AbsenceReasonView> {
    return this.reasons.create(body, actor);
  }

  @Get()
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'List absence reasons; filter by name substring, payable, deductible' })
  list(
    @ValidQuery(listAbsenceReasonsQuery) query: ListAbsenceReasonsQuery,
  ): Promise<Page<AbsenceReasonView>> {
    return this.reasons.list(query);
  }

  @Get(':id')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'One absence reason (SVC-11)' })
  get(@Param('id', idPipe) id: string): Promise<AbsenceReasonView> {
    return this.reasons.get(id);
  }

  @Patch(':id')
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({ summary: 'Rename an absence reason or change whether it is payable/deductible' })
  update(
    @Param('id', idPipe) id: string,
    @ValidBody(updateAbsenceReasonBody, { deductible: true }) body: UpdateAbsenceReasonBody,
    @CurrentActor() actor: Actor,
  ): Promise<AbsenceReasonView> {
    return this.reasons.update(id, body, actor);
  }
}
