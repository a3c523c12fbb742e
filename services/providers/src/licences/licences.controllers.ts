import { Controller, Get, Headers, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import {
  AGENCY_READERS,
  PROVIDER_RECORD_MANAGERS,
  PROVIDER_RECORD_READERS,
  REGISTRY_ADMINS,
} from '../shared/roles.js';
import { idParam } from '../shared/common.schemas.js';
import { LicenceTypesService } from './licence-types.service.js';
import {
  createLicenceTypeBody,
  createLicenceTypeExample,
  listLicenceTypesQuery,
  listLicencesQuery,
  optionalReasonBody,
  recordLicenceBody,
  recordLicenceExample,
  renewLicenceBody,
  requiredReasonBody,
  trainingCheckQuery,
  updateLicenceTypeBody,
  type CreateLicenceTypeBody,
  type ListLicenceTypesQuery,
  type ListLicencesQuery,
  type OptionalReasonBody,
  type RecordLicenceBody,
  type RenewLicenceBody,
  type RequiredReasonBody,
  type TrainingCheckQuery,
  type UpdateLicenceTypeBody,
} from './licence.schemas.js';
import type { LicenceStatusChangeView, LicenceTypeView, LicenceView } from './licence.views.js';
import { LicencesService, type LicenceTrainingCheckView } from './licences.service.js';

const idPipe = new ZodValidationPipe(idParam, 'path');

@ApiTags('licences')
@Controller('licence-types')
export class LicenceTypesController {
  constructor(@Inject(LicenceTypesService) private readonly types: LicenceTypesService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({
    summary: 'Register a licence type with its mandatory courses (CRD-2, CRD-3)',
    description:
      'Codes are stored upper-case and are unique (409 otherwise). `mandatoryCourseCodes` are the ' +
      'training courses (CRD-4) every active member of a provider must have completed or waived ' +
      'before a licence of this type is approved (CRD-3, a warning). `defaultValidityMonths` ' +
      '(default 12) sets the period of a licence or renewal recorded without an end date.',
  })
  create(
    @ValidBody(createLicenceTypeBody, createLicenceTypeExample) body: CreateLicenceTypeBody,
    @CurrentActor() actor: Actor,
  ): Promise<LicenceTypeView> {
    return this.types.create(body, actor);
  }

  @Get()
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'Licence types by name, or requiring a course (CRD-2, CRD-3)' })
  list(
    @ValidQuery(listLicenceTypesQuery) query: ListLicenceTypesQuery,
  ): Promise<Page<LicenceTypeView>> {
    return this.types.list(query);
  }

  @Get(':id')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'One licence type (CRD-2, CRD-3)' })
  get(@Param('id', idPipe) id: string): Promise<LicenceTypeView> {
    return this.types.get(id);
  }

  @Patch(':id')
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({
    summary: "Change a licence type's name, mandatory courses or default validity (CRD-3)",
    description:
      'The code never changes. New mandatory courses apply from the next approval or renewal.',
  })
  update(
    @Param('id', idPipe) id: string,
    @ValidBody(updateLicenceTypeBody, { mandatoryCourseCodes: ['FIRST-AID'] })
    body: UpdateLicenceTypeBody,
    @CurrentActor() actor: Actor,
  ): Promise<LicenceTypeView> {
    return this.types.update(id, body, actor);
  }
}

@ApiTags('licences')
@Controller('providers/:providerId/licences')
export class LicencesController {
  constructor(@Inject(LicencesService) private readonly licences: LicencesService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: "Record a provider's licence, pending approval (CRD-2)",
    description:
      'A licence covers one or more provider services of this provider (422 naming CRD-2 ' +
      "otherwise) for a period; without `to` it lasts the licence type's default validity. It is " +
      'not valid until approved.',
  })
  record(
    @Param('providerId', idPipe) providerId: string,
    @ValidBody(recordLicenceBody, recordLicenceExample) body: RecordLicenceBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<LicenceView> {
    return this.licences.record(providerId, body, actor, correlationId);
  }

  @Get()
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: "The provider's licences by status, type, covered service, validity on a date (CRD-2)",
  })
  list(
    @Param('providerId', idPipe) providerId: string,
    @ValidQuery(listLicencesQuery) query: ListLicencesQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<LicenceView>> {
    return this.licences.list(providerId, query, actor);
  }

  @Get(':licenceId')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: 'One licence with its period history (CRD-2)' })
  get(
    @Param('providerId', idPipe) providerId: string,
    @Param('licenceId', idPipe) licenceId: string,
    @CurrentActor() actor: Actor,
  ): Promise<LicenceView> {
    return this.licences.get(providerId, licenceId, actor);
  }

  @Get(':licenceId/status-history')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: 'Who moved the licence through its lifecycle, when and why (CRD-2)' })
  history(
    @Param('providerId', idPipe) providerId: string,
    @Param('licenceId', idPipe) licenceId: string,
    @CurrentActor() actor: Actor,
  ): Promise<LicenceStatusChangeView[]> {
    return this.licences.history(providerId, licenceId, actor);
  }

  @Get(':licenceId/training-check')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: 'Which active members miss a mandatory course of the licence type on a date (CRD-3)',
  })
  trainingCheck(
    @Param('providerId', idPipe) providerId: string,
    @Param('licenceId', idPipe) licenceId: string,
    @ValidQuery(trainingCheckQuery) query: TrainingCheckQuery,
    @CurrentActor() actor: Actor,
  ): Promise<LicenceTrainingCheckView> {
    return this.licences.trainingCheck(providerId, licenceId, query.date, actor);
  }

  @Post(':licenceId/approve')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Approve a pending or rejected licence; shows CRD-3 training warnings (CRD-2)',
    description:
      'Approval proceeds despite training warnings: they are returned in `trainingWarnings` and ' +
      'kept in the status history. Any other status: 409 naming CRD-2.',
  })
  approve(
    @Param('providerId', idPipe) providerId: string,
    @Param('licenceId', idPipe) licenceId: string,
    @ValidBody(optionalReasonBody, {}) body: OptionalReasonBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<LicenceView> {
    return this.licences.decide(
      providerId,
      licenceId,
      { action: 'approve', reason: body.reason ?? null },
      actor,
      correlationId,
    );
  }

  @Post(':licenceId/reject')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Reject a pending licence with a reason; it may be approved later (CRD-2)',
  })
  reject(
    @Param('providerId', idPipe) providerId: string,
    @Param('licenceId', idPipe) licenceId: string,
    @ValidBody(requiredReasonBody, { reason: 'The licence number does not match the certificate' })
    body: RequiredReasonBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<LicenceView> {
    return this.licences.decide(
      providerId,
      licenceId,
      { action: 'reject', reason: body.reason },
      actor,
      correlationId,
    );
  }

  @Post(':licenceId/suspend')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({ summary: 'Suspend an approved licence with a reason (CRD-2)' })
  suspend(
    @Param('providerId', idPipe) providerId: string,
    @Param('licenceId', idPipe) licenceId: string,
    @ValidBody(requiredReasonBody, { reason: 'Complaint: safety rules broken' })
    body: RequiredReasonBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<LicenceView> {
    return this.licences.decide(
      providerId,
      licenceId,
      { action: 'suspend', reason: body.reason },
      actor,
      correlationId,
    );
  }

  @Post(':licenceId/reinstate')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({ summary: 'Reinstate a suspended licence (CRD-2)' })
  reinstate(
    @Param('providerId', idPipe) providerId: string,
    @Param('licenceId', idPipe) licenceId: string,
    @ValidBody(optionalReasonBody, { reason: 'Complaint unsubstantiated' })
    body: OptionalReasonBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<LicenceView> {
    return this.licences.decide(
      providerId,
      licenceId,
      { action: 'reinstate', reason: body.reason ?? null },
      actor,
      correlationId,
    );
  }

  @Post(':licenceId/renew')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Renew an approved licence for a new period; shows CRD-3 training warnings (CRD-2)',
    description:
      'The new period starts the day after the current one ends and ends on `to` (default: the ' +
      "licence type's validity). The period history keeps every period.",
  })
  renew(
    @Param('providerId', idPipe) providerId: string,
    @Param('licenceId', idPipe) licenceId: string,
    @ValidBody(renewLicenceBody, { to: '2027-12-31' }) body: RenewLicenceBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<LicenceView> {
    return this.licences.decide(
      providerId,
      licenceId,
      { action: 'renew', newTo: body.to ?? null, reason: body.reason ?? null },
      actor,
      correlationId,
    );
  }

  @Post(':licenceId/non-compliance')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Instead of renewing, record why the licence is non-compliant (CRD-2)',
    description:
      'E.g. "safety issue found", "background check failed". The licence is no longer valid.',
  })
  nonCompliance(
    @Param('providerId', idPipe) providerId: string,
    @Param('licenceId', idPipe) licenceId: string,
    @ValidBody(requiredReasonBody, { reason: 'Safety issue found' }) body: RequiredReasonBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<LicenceView> {
    return this.licences.decide(
      providerId,
      licenceId,
      { action: 'record-non-compliance', reason: body.reason },
      actor,
      correlationId,
    );
  }
}

/** The licences' HTTP API (CRD-2, CRD-3), registered in the providers module. */
export const LICENCE_CONTROLLERS = [LicenceTypesController, LicencesController];
export const LICENCE_SERVICES = [LicenceTypesService, LicencesService];
