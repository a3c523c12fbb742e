import {
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import {
  AGENCY_READERS,
  PROVIDER_RECORD_MANAGERS,
  PROVIDER_RECORD_READERS,
  REGISTRY_ADMINS,
} from '../shared/roles.js';
import { todayDate } from '../shared/today.js';
import { idParam } from '../shared/common.schemas.js';
import {
  certificationTypeExample,
  createCertificationTypeBody,
  listCertificationsQuery,
  listCertificationTypesQuery,
  recordCertificationBody,
  recordCertificationExample,
  renewCertificationBody,
  statusOnQuery,
  updateCertificationTypeBody,
  type CreateCertificationTypeBody,
  type ListCertificationsQuery,
  type ListCertificationTypesQuery,
  type RecordCertificationBody,
  type RenewCertificationBody,
  type StatusOnQuery,
  type UpdateCertificationTypeBody,
} from './certification.schemas.js';
import type { CertificationTypeView, CertificationView } from './certification.views.js';
import {
  CertificationTypesService,
  MemberCertificationsService,
} from './certifications.service.js';

const idPipe = new ZodValidationPipe(idParam, 'path');

/** CRD-5: why a certification is deleted; kept with the record. */
const removeCertificationQuery = z.object({
  reason: z.string().trim().min(1).max(2_000).default('Deleted'),
});
type RemoveCertificationQuery = z.infer<typeof removeCertificationQuery>;

@ApiTags('certifications')
@Controller('certification-types')
export class CertificationTypesController {
  constructor(
    @Inject(CertificationTypesService) private readonly types: CertificationTypesService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({
    summary: 'Register a certification type (CRD-5): validity in months, required credits, issuer',
  })
  create(
    @ValidBody(createCertificationTypeBody, certificationTypeExample)
    body: CreateCertificationTypeBody,
    @CurrentActor() actor: Actor,
  ): Promise<CertificationTypeView> {
    return this.types.create(body, actor);
  }

  @Get()
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'Certification types by name (CRD-5)' })
  list(
    @ValidQuery(listCertificationTypesQuery) query: ListCertificationTypesQuery,
  ): Promise<Page<CertificationTypeView>> {
    return this.types.list(query);
  }

  @Get(':id')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'One certification type (CRD-5)' })
  get(@Param('id', idPipe) id: string): Promise<CertificationTypeView> {
    return this.types.get(id);
  }

  @Patch(':id')
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({
    summary: 'Change a certification type (CRD-5); recorded certifications keep their period',
  })
  update(
    @Param('id', idPipe) id: string,
    @ValidBody(updateCertificationTypeBody, { validityMonths: 24 })
    body: UpdateCertificationTypeBody,
    @CurrentActor() actor: Actor,
  ): Promise<CertificationTypeView> {
    return this.types.update(id, body, actor);
  }
}

@ApiTags('certifications')
@Controller('members/:memberId/certifications')
export class MemberCertificationsController {
  constructor(
    @Inject(MemberCertificationsService)
    private readonly certifications: MemberCertificationsService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Record a certification of a member (CRD-5)',
    description:
      "Valid from `validFrom` (default the issue date) for the type's validity in months. The " +
      'member must have earned the credits the type requires by the issue date (training ' +
      "credits, weighted for `providerId`'s category and type when given), else 422 CRD-5; " +
      'another certification of the type for the same days gives 409 CRD-5 (renew or remove it).',
  })
  record(
    @Param('memberId', idPipe) memberId: string,
    @ValidBody(recordCertificationBody, recordCertificationExample) body: RecordCertificationBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CertificationView> {
    return this.certifications.record(memberId, body, actor, todayDate(), correlationId);
  }

  @Get()
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: "A member's certifications with their status (valid | expired …) on a date (CRD-5)",
    description: 'A provider user sees only those of its own (current or past) members (SS-3).',
  })
  list(
    @Param('memberId', idPipe) memberId: string,
    @ValidQuery(listCertificationsQuery) query: ListCertificationsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<CertificationView>> {
    return this.certifications.list(memberId, query, actor, todayDate());
  }

  @Get(':certificationId')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: 'One certification of a member, with its status on a date (CRD-5)' })
  get(
    @Param('memberId', idPipe) memberId: string,
    @Param('certificationId', idPipe) certificationId: string,
    @ValidQuery(statusOnQuery) query: StatusOnQuery,
    @CurrentActor() actor: Actor,
  ): Promise<CertificationView> {
    return this.certifications.get(memberId, certificationId, actor, query.onDate ?? todayDate());
  }

  @Post(':certificationId/renew')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Give an expired certification a new validity period (CRD-5)',
    description:
      "`validTo` defaults to the type's validity from `validFrom`. Only an expired certification " +
      'is renewed, with a period starting after the old one ended (409 CRD-5 otherwise).',
  })
  renew(
    @Param('memberId', idPipe) memberId: string,
    @Param('certificationId', idPipe) certificationId: string,
    @ValidBody(renewCertificationBody, { validFrom: '2027-01-15' }) body: RenewCertificationBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CertificationView> {
    return this.certifications.renew(
      memberId,
      certificationId,
      body,
      actor,
      todayDate(),
      correlationId,
    );
  }

  @Delete(':certificationId')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Delete a certification, e.g. to add it anew on expiry (CRD-5)',
    description:
      'The record is kept, marked removed with who removed it, when and `reason`; it no longer ' +
      'counts and is listed only with includeRemoved=true.',
  })
  remove(
    @Param('memberId', idPipe) memberId: string,
    @Param('certificationId', idPipe) certificationId: string,
    @ValidQuery(removeCertificationQuery) query: RemoveCertificationQuery,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CertificationView> {
    return this.certifications.remove(
      memberId,
      certificationId,
      query.reason,
      actor,
      todayDate(),
      correlationId,
    );
  }
}

/** The certifications HTTP API (CRD-5), registered in the providers module. */
export const CERTIFICATION_CONTROLLERS = [
  CertificationTypesController,
  MemberCertificationsController,
];

export const CERTIFICATION_SERVICES = [CertificationTypesService, MemberCertificationsService];
