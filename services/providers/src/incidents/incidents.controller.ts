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
import type { Actor, Role } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { idParam } from '../shared/common.schemas.js';
import { PROVIDER_RECORD_MANAGERS, PROVIDER_RECORD_READERS } from '../shared/roles.js';
import { IncidentPartsService } from './incident-parts.service.js';
import { INCIDENT_REOPENERS } from './incident-rules.js';
import {
  addInjuryBody,
  addInjuryExample,
  addRestraintBody,
  addRestraintExample,
  addStaffActionBody,
  addStaffActionExample,
  closeIncidentBody,
  listIncidentsQuery,
  participantInput,
  recordIncidentBody,
  recordIncidentExample,
  reopenIncidentBody,
  updateIncidentBody,
  type AddInjuryBody,
  type AddRestraintBody,
  type AddStaffActionBody,
  type CloseIncidentBody,
  type ListIncidentsQuery,
  type ParticipantInput,
  type RecordIncidentBody,
  type ReopenIncidentBody,
  type UpdateIncidentBody,
} from './incident.schemas.js';
import type {
  IncidentSummaryView,
  IncidentView,
  InjuryView,
  ParticipantView,
  RestraintView,
  StaffActionView,
} from './incident.views.js';
import { IncidentsService } from './incidents.service.js';

const idPipe = new ZodValidationPipe(idParam, 'path');

/**
 * ROLE: resource managers, their supervisors and facility managers maintain the incidents of the
 * providers they manage (guide 2.2.3: facility managers view and maintain provider incidents).
 * ROLE (decision): a case worker who learns of an incident involving a client may report it
 * (create, with its participants); managing it afterwards is the managers' job.
 */
const INCIDENT_REPORTERS: Role[] = [...PROVIDER_RECORD_MANAGERS, 'case-worker'];

@ApiTags('incidents')
@Controller('incidents')
export class IncidentsController {
  constructor(
    @Inject(IncidentsService) private readonly incidents: IncidentsService,
    @Inject(IncidentPartsService) private readonly parts: IncidentPartsService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...INCIDENT_REPORTERS)
  @ApiOperation({
    summary: 'Record an incident against a provider with its participants (INC-1, INC-3)',
    description:
      'Participants are providers, provider members (`memberId`), clients (`clientReferenceId` ' +
      'and name) or other people (name), each in a role. INC-1: the provider the incident is ' +
      'recorded against must be a participant, and at least one member or client must take ' +
      'part; otherwise 422 naming INC-1. INC-3: with `reportedByGroupId`, every provider ' +
      'participant must be affiliated with that group on `occurredOn` (422 naming INC-3). ' +
      'Case workers may report incidents; managing them is for resource and facility managers.',
  })
  record(
    @ValidBody(recordIncidentBody, recordIncidentExample) body: RecordIncidentBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<IncidentView> {
    return this.incidents.record(body, actor, correlationId);
  }

  @Get()
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary:
      'Incidents by provider, group (INC-3), type, category, severity, status and period, latest first',
    description:
      '`providerId`: incidents the provider participates in. `groupId`: incidents reported by ' +
      'the group or involving a provider affiliated with it on the day they occurred (INC-3). ' +
      "A provider's own user sees only incidents its provider participates in (SS-3).",
  })
  list(
    @ValidQuery(listIncidentsQuery) query: ListIncidentsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<IncidentSummaryView>> {
    return this.incidents.list(query, actor);
  }

  @Get(':id')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: 'An incident with its participants, injuries, restraints, staff actions (INC-1)',
    description:
      'Staff also see the investigations linked to it (INC-4) and whether one is still awaited ' +
      "after closing as requires-investigation. A provider's own user gets 404 unless its " +
      'provider participates (SS-3).',
  })
  get(@Param('id', idPipe) id: string, @CurrentActor() actor: Actor): Promise<IncidentView> {
    return this.incidents.get(id, actor);
  }

  @Patch(':id')
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Change the facts of an open incident (INC-2: 409 once closed)',
    description:
      'The provider it is recorded against does not change. Changing `reportedByGroupId` or ' +
      '`occurredOn` re-checks the group affiliation of every provider participant (INC-3).',
  })
  update(
    @Param('id', idPipe) id: string,
    @ValidBody(updateIncidentBody, { severity: 'critical' }) body: UpdateIncidentBody,
    @CurrentActor() actor: Actor,
  ): Promise<IncidentView> {
    return this.incidents.update(id, body, actor);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Close an open incident with a reason (INC-2)',
    description:
      'The reason is substantiated, unsubstantiated, withdrawn or requires-investigation; ' +
      'without one 422 naming INC-2, an already closed incident 409 naming INC-2.',
  })
  close(
    @Param('id', idPipe) id: string,
    @ValidBody(closeIncidentBody, { reason: 'unsubstantiated', notes: 'Complaint found false' })
    body: CloseIncidentBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<IncidentView> {
    return this.incidents.close(id, body, actor, correlationId);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @RequireRoles(...INCIDENT_REOPENERS)
  @ApiOperation({
    summary: 'Reopen a closed incident, giving why — supervisors only (INC-2)',
    description: 'Reopening undoes a finding, so only a resource manager supervisor may do it.',
  })
  reopen(
    @Param('id', idPipe) id: string,
    @ValidBody(reopenIncidentBody, { reason: 'A new witness came forward' })
    body: ReopenIncidentBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<IncidentView> {
    return this.incidents.reopen(id, body, actor, correlationId);
  }

  @Post(':id/participants')
  @HttpCode(201)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Add a participant in a role to an open incident (INC-1, INC-3)',
    description:
      'The same person in the same role twice is refused (409 naming INC-1); a provider joining ' +
      'a group-reported incident must have been affiliated with the group that day (INC-3).',
  })
  addParticipant(
    @Param('id', idPipe) id: string,
    @ValidBody(participantInput, {
      kind: 'member',
      role: 'witness',
      memberId: '0199a3c2-9a10-7cc0-8d5e-000000000101',
    })
    body: ParticipantInput,
    @CurrentActor() actor: Actor,
  ): Promise<ParticipantView> {
    return this.parts.addParticipant(id, body, actor);
  }

  @Delete(':id/participants/:participantId')
  @HttpCode(204)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Remove a participant from an open incident (INC-1)',
    description:
      'Refused when an injury, restraint or staff action names the participant (409), or when ' +
      'the incident would lose its provider or its last member or client (422), naming INC-1.',
  })
  removeParticipant(
    @Param('id', idPipe) id: string,
    @Param('participantId', idPipe) participantId: string,
  ): Promise<void> {
    return this.parts.removeParticipant(id, participantId);
  }

  @Post(':id/injuries')
  @HttpCode(201)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Record an injury of a victim participant (INC-1)',
    description:
      'The injured party is a person participating as victim; the responsible one, if given, ' +
      'is a participant too (422 naming INC-1 otherwise).',
  })
  addInjury(
    @Param('id', idPipe) id: string,
    @ValidBody(addInjuryBody, addInjuryExample) body: AddInjuryBody,
    @CurrentActor() actor: Actor,
  ): Promise<InjuryView> {
    return this.parts.addInjury(id, body, actor);
  }

  @Delete(':id/injuries/:injuryId')
  @HttpCode(204)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({ summary: 'Remove an injury recorded by mistake (INC-1)' })
  removeInjury(
    @Param('id', idPipe) id: string,
    @Param('injuryId', idPipe) injuryId: string,
  ): Promise<void> {
    return this.parts.removeInjury(id, injuryId);
  }

  @Post(':id/restraints')
  @HttpCode(201)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Record a restraint a member participant applied, and for how long (INC-1)',
    description:
      'Physical, mechanical or chemical; applied by a member participant to another person ' +
      'participating; lasting at least one minute.',
  })
  addRestraint(
    @Param('id', idPipe) id: string,
    @ValidBody(addRestraintBody, addRestraintExample) body: AddRestraintBody,
    @CurrentActor() actor: Actor,
  ): Promise<RestraintView> {
    return this.parts.addRestraint(id, body, actor);
  }

  @Delete(':id/restraints/:restraintId')
  @HttpCode(204)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({ summary: 'Remove a restraint recorded by mistake (INC-1)' })
  removeRestraint(
    @Param('id', idPipe) id: string,
    @Param('restraintId', idPipe) restraintId: string,
  ): Promise<void> {
    return this.parts.removeRestraint(id, restraintId);
  }

  @Post(':id/staff-actions')
  @HttpCode(201)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Record an action taken against a member participant, e.g. a reprimand (INC-1)',
  })
  addStaffAction(
    @Param('id', idPipe) id: string,
    @ValidBody(addStaffActionBody, addStaffActionExample) body: AddStaffActionBody,
    @CurrentActor() actor: Actor,
  ): Promise<StaffActionView> {
    return this.parts.addStaffAction(id, body, actor);
  }

  @Delete(':id/staff-actions/:staffActionId')
  @HttpCode(204)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({ summary: 'Remove a staff action recorded by mistake (INC-1)' })
  removeStaffAction(
    @Param('id', idPipe) id: string,
    @Param('staffActionId', idPipe) staffActionId: string,
  ): Promise<void> {
    return this.parts.removeStaffAction(id, staffActionId);
  }
}
