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
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { todayDate } from '../shared/today.js';
import { idParam } from '../shared/common.schemas.js';
import { AGENCY_READERS, PROVIDER_RECORD_MANAGERS } from '../shared/roles.js';
import {
  closeInvestigationBody,
  linkIncidentBody,
  listInvestigationsQuery,
  openInvestigationBody,
  openInvestigationExample,
  updateInvestigationBody,
  type CloseInvestigationBody,
  type LinkIncidentBody,
  type ListInvestigationsQuery,
  type OpenInvestigationBody,
  type UpdateInvestigationBody,
} from './investigation.schemas.js';
import { InvestigationsService, type InvestigationView } from './investigations.service.js';

const idPipe = new ZodValidationPipe(idParam, 'path');

/**
 * ROLE (decision): investigations are confidential agency work — staff and operators read them
 * (AGENCY_READERS), a provider's own user does not (403), and the incident managers
 * (PROVIDER_RECORD_MANAGERS) run them.
 */
@ApiTags('investigations')
@Controller('investigations')
export class InvestigationsController {
  constructor(
    @Inject(InvestigationsService) private readonly investigations: InvestigationsService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Open an investigation of a provider, optionally linked to incidents (INC-4)',
    description:
      'Linked incidents must exist and involve the provider under investigation (422 naming ' +
      'INC-4). `openedOn` defaults to today and cannot be in the future.',
  })
  open(
    @ValidBody(openInvestigationBody, openInvestigationExample) body: OpenInvestigationBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<InvestigationView> {
    return this.investigations.open(body, todayDate(), actor, correlationId);
  }

  @Get()
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({
    summary:
      'Investigations by provider, type, status, outcome, investigator, incident and period opened (INC-4)',
  })
  list(
    @ValidQuery(listInvestigationsQuery) query: ListInvestigationsQuery,
  ): Promise<Page<InvestigationView>> {
    return this.investigations.list(query);
  }

  @Get(':id')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'An investigation with its linked incidents (INC-4)' })
  get(@Param('id', idPipe) id: string): Promise<InvestigationView> {
    return this.investigations.get(id);
  }

  @Patch(':id')
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Change the type, allegation or investigator of an open investigation (INC-4)',
  })
  update(
    @Param('id', idPipe) id: string,
    @ValidBody(updateInvestigationBody, { assignedInvestigatorId: 'rm.rivera' })
    body: UpdateInvestigationBody,
    @CurrentActor() actor: Actor,
  ): Promise<InvestigationView> {
    return this.investigations.update(id, body, actor);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Close an open investigation with its findings and outcome (INC-4)',
    description:
      '`closedOn` defaults to today; it cannot precede the opening day or be in the future. A ' +
      'closed investigation is not changed (409 naming INC-4).',
  })
  close(
    @Param('id', idPipe) id: string,
    @ValidBody(closeInvestigationBody, {
      outcome: 'substantiated',
      findings: 'Restraints were applied without cause on three occasions',
    })
    body: CloseInvestigationBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<InvestigationView> {
    return this.investigations.close(id, body, todayDate(), actor, correlationId);
  }

  @Post(':id/incidents')
  @HttpCode(201)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Link an incident involving the provider to its open investigation (INC-4)',
  })
  link(
    @Param('id', idPipe) id: string,
    @ValidBody(linkIncidentBody, { incidentId: '0199a3c2-9a10-7cc0-8d5e-000000000401' })
    body: LinkIncidentBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<InvestigationView> {
    return this.investigations.link(id, body.incidentId, actor, correlationId);
  }

  @Delete(':id/incidents/:incidentId')
  @HttpCode(204)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({ summary: 'Unlink an incident from an open investigation (INC-4)' })
  unlink(
    @Param('id', idPipe) id: string,
    @Param('incidentId', idPipe) incidentId: string,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<void> {
    return this.investigations.unlink(id, incidentId, actor, correlationId);
  }
}
