import { Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { idParam } from '../shared/common.schemas.js';
import { AGENCY_READERS, PROVIDER_RECORD_READERS, RESOURCE_MANAGERS } from '../shared/roles.js';
import { BackgroundChecksService } from './background-checks.service.js';
import { ParticipantsService } from './participants.service.js';
import {
  addMemberBody,
  addMemberExample,
  addParticipantBody,
  addParticipantExample,
  createMemberBody,
  endMembershipBody,
  listBackgroundChecksQuery,
  listMembersQuery,
  listParticipantsQuery,
  listProviderMembersQuery,
  recordBackgroundCheckBody,
  recordBackgroundCheckExample,
  type AddMemberBody,
  type AddParticipantBody,
  type CreateMemberBody,
  type EndMembershipBody,
  type ListBackgroundChecksQuery,
  type ListMembersQuery,
  type ListParticipantsQuery,
  type ListProviderMembersQuery,
  type RecordBackgroundCheckBody,
} from './provider-member.schemas.js';
import type {
  BackgroundCheckView,
  MemberView,
  ParticipantView,
  ProviderMemberView,
} from './provider-member.views.js';
import { ProviderMembersService } from './provider-members.service.js';

const idPipe = new ZodValidationPipe(idParam, 'path');
/*
 * ROLE: resource managers (and their supervisors) manage providers' members. People across
 * providers and their background checks are read by agency staff and operators only.
 */

@ApiTags('provider members')
@Controller('providers/:providerId/members')
export class ProviderMembersController {
  constructor(@Inject(ProviderMembersService) private readonly members: ProviderMembersService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({
    summary: 'Make a person a member of the provider in a role for a period (PRV-8)',
    description:
      'Give `memberId` for a person already known (e.g. an unassigned member) or `name` ' +
      '(and optionally `dateOfBirth`) for a new one. Dates are calendar dates, `to` inclusive; ' +
      'no `to` means open-ended. A period that shares a day with another membership of the ' +
      'same person at this provider is refused with 409 naming PRV-8.',
  })
  add(
    @Param('providerId', idPipe) providerId: string,
    @ValidBody(addMemberBody, addMemberExample) body: AddMemberBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ProviderMemberView> {
    return this.members.add(providerId, body, actor, correlationId);
  }

  @Get()
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: "The provider's memberships by role, name and date active (PRV-8)",
  })
  list(
    @Param('providerId', idPipe) providerId: string,
    @ValidQuery(listProviderMembersQuery) query: ListProviderMembersQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ProviderMemberView>> {
    return this.members.listOfProvider(providerId, query, actor);
  }

  @Get(':memberId')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: 'A member of the provider with its memberships there (PRV-8)' })
  get(
    @Param('providerId', idPipe) providerId: string,
    @Param('memberId', idPipe) memberId: string,
    @CurrentActor() actor: Actor,
  ): Promise<MemberView> {
    return this.members.getOfProvider(providerId, memberId, actor);
  }

  @Post(':memberId/end')
  @HttpCode(200)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({
    summary: "Set the last day of the member's membership that covers it (PRV-8)",
  })
  end(
    @Param('providerId', idPipe) providerId: string,
    @Param('memberId', idPipe) memberId: string,
    @ValidBody(endMembershipBody, { to: '2026-06-30', reason: 'Moved out of the household' })
    body: EndMembershipBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<MemberView> {
    return this.members.endMembership(providerId, memberId, body, actor, correlationId);
  }
}

@ApiTags('provider members')
@Controller('members')
export class MembersController {
  constructor(@Inject(ProviderMembersService) private readonly members: ProviderMembersService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({ summary: 'Record a person not (yet) a member of any provider (PRV-8)' })
  create(
    @ValidBody(createMemberBody, { name: 'Jamal Okafor', dateOfBirth: '1990-07-04' })
    body: CreateMemberBody,
    @CurrentActor() actor: Actor,
  ): Promise<MemberView> {
    return this.members.create(body, actor);
  }

  @Get()
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({
    summary: 'People by name; unassigned=true: those with no membership active today (PRV-8)',
  })
  list(@ValidQuery(listMembersQuery) query: ListMembersQuery): Promise<Page<MemberView>> {
    return this.members.list(query);
  }

  @Get(':memberId')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'A person with all their memberships (PRV-8)' })
  get(@Param('memberId', idPipe) memberId: string): Promise<MemberView> {
    return this.members.get(memberId);
  }
}

@ApiTags('provider members')
@Controller('providers/:providerId/participants')
export class ParticipantsController {
  constructor(@Inject(ParticipantsService) private readonly participants: ParticipantsService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({ summary: 'Add an external participant, e.g. a lawyer or doctor (PRV-8)' })
  add(
    @Param('providerId', idPipe) providerId: string,
    @ValidBody(addParticipantBody, addParticipantExample) body: AddParticipantBody,
    @CurrentActor() actor: Actor,
  ): Promise<ParticipantView> {
    return this.participants.add(providerId, body, actor);
  }

  @Get()
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: "The provider's participants by name (PRV-8)" })
  list(
    @Param('providerId', idPipe) providerId: string,
    @ValidQuery(listParticipantsQuery) query: ListParticipantsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ParticipantView>> {
    return this.participants.list(providerId, query, actor);
  }

  @Get(':participantId')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: 'One participant of the provider (PRV-8)' })
  get(
    @Param('providerId', idPipe) providerId: string,
    @Param('participantId', idPipe) participantId: string,
    @CurrentActor() actor: Actor,
  ): Promise<ParticipantView> {
    return this.participants.get(providerId, participantId, actor);
  }
}

@ApiTags('provider members')
@Controller('members/:memberId/background-checks')
export class BackgroundChecksController {
  constructor(@Inject(BackgroundChecksService) private readonly checks: BackgroundChecksService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({
    summary: 'Record a background check of a member with its result (CRD-6)',
    description:
      'A failed check needs `failureReason` (e.g. "Criminal record"); only a failed one has it. ' +
      'Passed and failed checks need `completedOn`; a passed one needs `validFrom` (and may ' +
      'have `validTo`, inclusive). Breaking these gives 400 naming the field and CRD-6.',
  })
  record(
    @Param('memberId', idPipe) memberId: string,
    @ValidBody(recordBackgroundCheckBody, recordBackgroundCheckExample)
    body: RecordBackgroundCheckBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<BackgroundCheckView> {
    return this.checks.record(memberId, body, actor, correlationId);
  }

  @Get()
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: "A member's background checks, latest first, by type and result" })
  list(
    @Param('memberId', idPipe) memberId: string,
    @ValidQuery(listBackgroundChecksQuery) query: ListBackgroundChecksQuery,
  ): Promise<Page<BackgroundCheckView>> {
    return this.checks.list(memberId, query);
  }

  @Get(':checkId')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'One background check of a member (CRD-6)' })
  get(
    @Param('memberId', idPipe) memberId: string,
    @Param('checkId', idPipe) checkId: string,
  ): Promise<BackgroundCheckView> {
    return this.checks.get(memberId, checkId);
  }
}

/** The members' HTTP API (PRV-8, CRD-6), registered in the providers module. */
export const PROVIDER_MEMBER_CONTROLLERS = [
  ProviderMembersController,
  MembersController,
  ParticipantsController,
  BackgroundChecksController,
];

export const PROVIDER_MEMBER_SERVICES = [
  ProviderMembersService,
  ParticipantsService,
  BackgroundChecksService,
];
