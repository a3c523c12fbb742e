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
import { todayDate } from '../shared/today.js';
import { idParam } from '../shared/common.schemas.js';
import { MemberTrainingsService, type TrainingCreditsView } from './member-trainings.service.js';
import { TrainingCoursesService } from './training-courses.service.js';
import {
  assignProviderTrainingBody,
  assignProviderTrainingExample,
  completeTrainingBody,
  createTrainingCourseBody,
  listMemberTrainingsQuery,
  listProviderTrainingsQuery,
  listTrainingCoursesQuery,
  recordMemberTrainingBody,
  recordMemberTrainingExample,
  trainingCourseExample,
  trainingCreditsQuery,
  updateTrainingCourseBody,
  waiveTrainingBody,
  type AssignProviderTrainingBody,
  type CompleteTrainingBody,
  type CreateTrainingCourseBody,
  type ListMemberTrainingsQuery,
  type ListProviderTrainingsQuery,
  type ListTrainingCoursesQuery,
  type RecordMemberTrainingBody,
  type TrainingCreditsQuery,
  type UpdateTrainingCourseBody,
  type WaiveTrainingBody,
} from './training.schemas.js';
import type { MemberTrainingView, TrainingCourseView } from './training.views.js';

const idPipe = new ZodValidationPipe(idParam, 'path');

@ApiTags('trainings')
@Controller('training-courses')
export class TrainingCoursesController {
  constructor(@Inject(TrainingCoursesService) private readonly courses: TrainingCoursesService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({
    summary: 'Register a training course (CRD-4); codes are unique',
    description:
      'The code (e.g. FIRST-AID, stored upper-case) is what service products (SVC-10) and licence ' +
      'types (CRD-3) name as mandatory courses; it never changes. Credits weight the course; ' +
      '`creditVariations` give other credits for providers of a category and/or type. ' +
      '`serviceProductId` names the training service product that delivers the course as a ' +
      'managed training.',
  })
  create(
    @ValidBody(createTrainingCourseBody, trainingCourseExample) body: CreateTrainingCourseBody,
    @CurrentActor() actor: Actor,
  ): Promise<TrainingCourseView> {
    return this.courses.create(body, actor);
  }

  @Get()
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'Training courses by name; search matches code or name (CRD-4)' })
  list(
    @ValidQuery(listTrainingCoursesQuery) query: ListTrainingCoursesQuery,
  ): Promise<Page<TrainingCourseView>> {
    return this.courses.list(query);
  }

  @Get(':id')
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'One training course (CRD-4)' })
  get(@Param('id', idPipe) id: string): Promise<TrainingCourseView> {
    return this.courses.get(id);
  }

  @Patch(':id')
  @RequireRoles(...REGISTRY_ADMINS)
  @ApiOperation({
    summary: "Change a course's name, credits, service product or active flag (CRD-4)",
  })
  update(
    @Param('id', idPipe) id: string,
    @ValidBody(updateTrainingCourseBody, { defaultCredits: 3 }) body: UpdateTrainingCourseBody,
    @CurrentActor() actor: Actor,
  ): Promise<TrainingCourseView> {
    return this.courses.update(id, body, actor);
  }
}

@ApiTags('trainings')
@Controller('members/:memberId')
export class MemberTrainingsController {
  constructor(@Inject(MemberTrainingsService) private readonly trainings: MemberTrainingsService) {}

  @Post('trainings')
  @HttpCode(201)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Record a training of a member, managed or unmanaged (CRD-4)',
    description:
      '`kind: unmanaged`: a training taken elsewhere — a registered course (`courseCode`) or a ' +
      'free-text `courseName` with its `trainingProviderName` — with optional `units` and the ' +
      'completion date; it is recorded completed. `kind: managed`: the course of the training ' +
      'service product `serviceProductId`, arranged for the member at provider `providerId` ' +
      '(a current member of it), `mandatory` or `recommended`, to be completed by `requiredBy`; ' +
      'it is assigned, then approved, then completed — or waived.',
  })
  record(
    @Param('memberId', idPipe) memberId: string,
    @ValidBody(recordMemberTrainingBody, recordMemberTrainingExample)
    body: RecordMemberTrainingBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<MemberTrainingView> {
    return this.trainings.record(memberId, body, actor, todayDate(), correlationId);
  }

  @Get('trainings')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: "A member's trainings, latest first (CRD-4)",
    description: 'A provider user sees only trainings of its own (current or past) members (SS-3).',
  })
  list(
    @Param('memberId', idPipe) memberId: string,
    @ValidQuery(listMemberTrainingsQuery) query: ListMemberTrainingsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<MemberTrainingView>> {
    return this.trainings.list(memberId, query, actor);
  }

  @Get('trainings/:trainingId')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: 'One training of a member (CRD-4)' })
  get(
    @Param('memberId', idPipe) memberId: string,
    @Param('trainingId', idPipe) trainingId: string,
    @CurrentActor() actor: Actor,
  ): Promise<MemberTrainingView> {
    return this.trainings.get(memberId, trainingId, actor);
  }

  @Post('trainings/:trainingId/approve')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({ summary: 'Approve an assigned managed training (CRD-4)' })
  approve(
    @Param('memberId', idPipe) memberId: string,
    @Param('trainingId', idPipe) trainingId: string,
    @CurrentActor() actor: Actor,
  ): Promise<MemberTrainingView> {
    return this.trainings.approve(memberId, trainingId, actor, todayDate());
  }

  @Post('trainings/:trainingId/complete')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Record the completion date and units of an approved managed training (CRD-4)',
  })
  complete(
    @Param('memberId', idPipe) memberId: string,
    @Param('trainingId', idPipe) trainingId: string,
    @ValidBody(completeTrainingBody, { completedOn: '2026-03-14', units: 6 })
    body: CompleteTrainingBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<MemberTrainingView> {
    return this.trainings.complete(memberId, trainingId, body, actor, todayDate(), correlationId);
  }

  @Post('trainings/:trainingId/waive')
  @HttpCode(200)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Waive a managed training the member need not complete; a reason is required (CRD-4)',
  })
  waive(
    @Param('memberId', idPipe) memberId: string,
    @Param('trainingId', idPipe) trainingId: string,
    @ValidBody(waiveTrainingBody, { reason: 'Registered nurse: first aid already certified' })
    body: WaiveTrainingBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<MemberTrainingView> {
    return this.trainings.waive(memberId, trainingId, body, actor, todayDate(), correlationId);
  }

  @Get('training-credits')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: "A member's training credits, weighted by a provider's category and type (CRD-4)",
    description:
      'Credits of trainings completed on or before `onDate` (default today) and on or after ' +
      '`since`. A registered course earns its credits — those of the variation for the category ' +
      'and type of `providerId` when given, else its default credits; a free-text course earns ' +
      'the units recorded for it. Waived trainings earn nothing.',
  })
  credits(
    @Param('memberId', idPipe) memberId: string,
    @ValidQuery(trainingCreditsQuery) query: TrainingCreditsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<TrainingCreditsView> {
    return this.trainings.credits(memberId, query, actor, todayDate());
  }
}

@ApiTags('trainings')
@Controller('providers/:providerId/trainings')
export class ProviderTrainingsController {
  constructor(@Inject(MemberTrainingsService) private readonly trainings: MemberTrainingsService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...PROVIDER_RECORD_MANAGERS)
  @ApiOperation({
    summary: 'Arrange a managed training for participants among the provider members (CRD-4)',
    description:
      'One training per participant: the course of the training service product, mandatory or ' +
      'recommended, to be completed by `requiredBy`. Every participant must be a current member ' +
      'of the provider without an open training of the course there (409 CRD-4).',
  })
  assign(
    @Param('providerId', idPipe) providerId: string,
    @ValidBody(assignProviderTrainingBody, assignProviderTrainingExample)
    body: AssignProviderTrainingBody,
    @CurrentActor() actor: Actor,
  ): Promise<{ items: MemberTrainingView[] }> {
    return this.trainings.assignForProvider(providerId, body, actor, todayDate());
  }

  @Get()
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: 'Managed trainings arranged for the provider, by required completion date (CRD-4)',
  })
  list(
    @Param('providerId', idPipe) providerId: string,
    @ValidQuery(listProviderTrainingsQuery) query: ListProviderTrainingsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<MemberTrainingView>> {
    return this.trainings.listOfProvider(providerId, query, actor);
  }
}

/** The trainings HTTP API (CRD-4), registered in the providers module. */
export const TRAINING_CONTROLLERS = [
  TrainingCoursesController,
  MemberTrainingsController,
  ProviderTrainingsController,
];

export const TRAINING_SERVICES = [TrainingCoursesService, MemberTrainingsService];
