import { Controller, Get, Headers, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { PROVIDER_RECORD_MANAGERS, PROVIDER_RECORD_READERS } from '../shared/roles.js';
import { todayDate } from '../shared/today.js';
import { idParam } from '../shared/common.schemas.js';
import {
  endAccreditationBody,
  listAccreditationsQuery,
  recordAccreditationBody,
  recordAccreditationExample,
  statusOnQuery,
  updateAccreditationBody,
  type EndAccreditationBody,
  type ListAccreditationsQuery,
  type RecordAccreditationBody,
  type StatusOnQuery,
  type UpdateAccreditationBody,
} from './accreditation.schemas.js';
import type { AccreditationView } from './accreditation.view.js';
import { AccreditationsService } from './accreditations.service.js';

const idPipe = new ZodValidationPipe(idParam, 'path');

@ApiTags('accreditations')
@Controller('providers/:providerId/accreditations')
export class AccreditationsController {
  constructor(
    @Inject(AccreditationsService) private readonly accreditations: AccreditationsService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Record an accreditation of the provider with start and expiry dates (CRD-1)',
    description:
      'Both dates inclusive; an expiry before the start is refused with 400 naming expiryDate ' +
      'and CRD-1.',
  })
  record(
    @Param('providerId', idPipe) providerId: string,
    @ValidBody(recordAccreditationBody, recordAccreditationExample) body: RecordAccreditationBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<AccreditationView> {
    return this.accreditations.record(providerId, body, actor, todayDate(), correlationId);
  }

  @Get()
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary:
      "The provider's accreditations with their status (current | expired …) on a date (CRD-1)",
  })
  list(
    @Param('providerId', idPipe) providerId: string,
    @ValidQuery(listAccreditationsQuery) query: ListAccreditationsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<AccreditationView>> {
    return this.accreditations.list(providerId, query, actor, todayDate());
  }

  @Get(':accreditationId')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: 'One accreditation of the provider, with its status on a date (CRD-1)' })
  get(
    @Param('providerId', idPipe) providerId: string,
    @Param('accreditationId', idPipe) accreditationId: string,
    @ValidQuery(statusOnQuery) query: StatusOnQuery,
    @CurrentActor() actor: Actor,
  ): Promise<AccreditationView> {
    return this.accreditations.get(providerId, accreditationId, actor, query.onDate ?? todayDate());
  }

  @Patch(':accreditationId')
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Correct an accreditation that has not been ended (CRD-1)',
  })
  update(
    @Param('providerId', idPipe) providerId: string,
    @Param('accreditationId', idPipe) accreditationId: string,
    @ValidBody(updateAccreditationBody, { expiryDate: '2030-06-30' }) body: UpdateAccreditationBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<AccreditationView> {
    return this.accreditations.update(
      providerId,
      accreditationId,
      body,
      actor,
      todayDate(),
      correlationId,
    );
  }

  @Post(':accreditationId/end')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'End an accreditation early, e.g. withdrawn: its last current day and why (CRD-1)',
  })
  end(
    @Param('providerId', idPipe) providerId: string,
    @Param('accreditationId', idPipe) accreditationId: string,
    @ValidBody(endAccreditationBody, {
      endDate: '2027-03-31',
      reason: 'Withdrawn by the accrediting body after a review',
    })
    body: EndAccreditationBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<AccreditationView> {
    return this.accreditations.end(
      providerId,
      accreditationId,
      body,
      actor,
      todayDate(),
      correlationId,
    );
  }
}

/** The accreditations HTTP API (CRD-1), registered in the providers module. */
export const ACCREDITATION_CONTROLLERS = [AccreditationsController];
export const ACCREDITATION_SERVICES = [AccreditationsService];
