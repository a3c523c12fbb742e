import { Controller, Delete, Get, Headers, Inject, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { idParam } from '../shared/common.schemas.js';
import { AGENCY_READERS } from '../shared/roles.js';
import { ANY_APPROVAL_CHECK_SETTER } from './approval-check.precedence.js';
import type { EffectiveApprovalCheck } from './approval-check.precedence.js';
import {
  effectiveApprovalCheckQuery,
  listApprovalChecksQuery,
  setApprovalCheckBody,
  setApprovalCheckExample,
  type EffectiveApprovalCheckQuery,
  type ListApprovalChecksQuery,
  type SetApprovalCheckBody,
} from './approval-check.schemas.js';
import type { ApprovalCheckHistoryView, ApprovalCheckView } from './approval-check.views.js';
import { ApprovalChecksService } from './approval-checks.service.js';

const idPipe = new ZodValidationPipe(idParam, 'path');
/** ROLE: agency staff read approval checks (finance samples deliveries by them); operators watch. */
const READERS = AGENCY_READERS;

const WHO_SETS =
  'Administrators set organisation-unit and user checks; resource managers and their ' +
  'supervisors set provider and provider-service checks (guide §3.7). Another role gets 403 ' +
  'naming ROLE.';

const PRECEDENCE =
  'The most specific setting wins (ADR 0011): provider service > provider for the product > ' +
  'provider for all services > user for the product > user for all services > organisation ' +
  "unit for the product > organisation unit for all services > the product's own " +
  '`approvalCheckPercentage`.';

@ApiTags('approval checks')
@Controller('approval-checks')
export class ApprovalChecksController {
  constructor(@Inject(ApprovalChecksService) private readonly checks: ApprovalChecksService) {}

  @Put()
  @RequireRoles(...ANY_APPROVAL_CHECK_SETTER)
  @ApiOperation({
    summary: 'Set the approval check percentage of a level, for all services or one (SVC-8)',
    description:
      'One setting per scope, scope id and service product (none: all services); setting it ' +
      'again replaces the percentage and keeps the change in its history. Organisation-unit ' +
      'and user ids are opaque; a provider or provider service must exist (422 naming ' +
      "`scopeId`). A provider service's setting is for its own product. " +
      WHO_SETS,
  })
  set(
    @ValidBody(setApprovalCheckBody, setApprovalCheckExample) body: SetApprovalCheckBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ApprovalCheckView> {
    return this.checks.set(body, actor, correlationId);
  }

  @Get()
  @RequireRoles(...READERS)
  @ApiOperation({
    summary: 'Approval check settings in force, by scope, scope id, product (SVC-8)',
  })
  list(
    @ValidQuery(listApprovalChecksQuery) query: ListApprovalChecksQuery,
  ): Promise<Page<ApprovalCheckView>> {
    return this.checks.list(query);
  }

  @Get('effective')
  @RequireRoles(...READERS)
  @ApiOperation({
    summary: 'The approval check percentage that applies to a service delivery (SVC-8)',
    description:
      'Give the service product (or a provider service, whose product and provider it implies) ' +
      'and whichever of provider, user and organisation unit are known. ' +
      PRECEDENCE +
      ' `source` is the level that applies; `considered` lists every level looked at, most ' +
      'specific first, with its percentage (null: nothing set there). Unknown product, ' +
      'provider or provider service: 404.',
  })
  effective(
    @ValidQuery(effectiveApprovalCheckQuery) query: EffectiveApprovalCheckQuery,
  ): Promise<EffectiveApprovalCheck> {
    return this.checks.effective(query);
  }

  @Get(':id')
  @RequireRoles(...READERS)
  @ApiOperation({ summary: 'One approval check setting; percentage null once removed (SVC-8)' })
  get(@Param('id', idPipe) id: string): Promise<ApprovalCheckView> {
    return this.checks.get(id);
  }

  @Get(':id/history')
  @RequireRoles(...READERS)
  @ApiOperation({
    summary: 'Who changed an approval check from what to what, and when (SVC-8)',
  })
  history(@Param('id', idPipe) id: string): Promise<ApprovalCheckHistoryView> {
    return this.checks.history(id);
  }

  @Delete(':id')
  @RequireRoles(...ANY_APPROVAL_CHECK_SETTER)
  @ApiOperation({
    summary: 'Remove an approval check setting; the next level applies again (SVC-8)',
    description:
      'The setting keeps its id and history (percentage null); setting the same slot again ' +
      'brings it back. Removing a removed setting: 409 naming SVC-8. ' +
      WHO_SETS,
  })
  remove(
    @Param('id', idPipe) id: string,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ApprovalCheckView> {
    return this.checks.remove(id, actor, correlationId);
  }
}
