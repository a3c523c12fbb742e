import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, type Page } from '@platform/http';
import { PARTICIPANT_READERS, PARTICIPANT_WRITERS } from '../shared/roles.js';
import {
  createParticipantBody,
  createParticipantExample,
  listParticipantsQuery,
  type CreateParticipantBody,
  type ListParticipantsQuery,
} from './participant.schemas.js';
import type { ParticipantView } from './participant.views.js';
import { ParticipantsService } from './participants.service.js';
import { idPipe } from '../shared/request-inputs.js';

/** FIN-4 "client and payee registered": the clients finance bills for and nominees it pays. */
@ApiTags('participants')
@Controller('participants')
export class ParticipantsController {
  constructor(@Inject(ParticipantsService) private readonly participants: ParticipantsService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...PARTICIPANT_WRITERS)
  @ApiOperation({
    summary: 'Register a client or a nominee (FIN-4 "client and payee registered")',
  })
  register(
    @ValidBody(createParticipantBody, createParticipantExample) body: CreateParticipantBody,
    @CurrentActor() actor: Actor,
  ): Promise<ParticipantView> {
    return this.participants.register(body, actor);
  }

  @Get()
  @RequireRoles(...PARTICIPANT_READERS)
  @ApiOperation({ summary: 'Clients and nominees by kind and name (contains), paged' })
  list(
    @ValidQuery(listParticipantsQuery) query: ListParticipantsQuery,
  ): Promise<Page<ParticipantView>> {
    return this.participants.list(query);
  }

  @Get(':id')
  @RequireRoles(...PARTICIPANT_READERS)
  @ApiOperation({ summary: 'One client or nominee' })
  get(@Param('id', idPipe) id: string): Promise<ParticipantView> {
    return this.participants.get(id);
  }
}
