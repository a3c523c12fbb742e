import { Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, HomeStudyDecisionRecorded, Role } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { todayDate } from '../shared/today.js';
import { idParam } from '../shared/common.schemas.js';
import { AGENCY_READERS, PROVIDER_RECORD_READERS, RESOURCE_MANAGERS } from '../shared/roles.js';
import { HomeStudiesService } from './home-studies.service.js';
import { HOME_STUDY_DECIDER } from './home-study-approval.js';
import { HOME_STUDY_TEMPLATES } from './home-study-templates.js';
import {
  completeCorrectiveActionBody,
  createHomeStudyBody,
  createHomeStudyExample,
  decideHomeStudyBody,
  decideHomeStudyExample,
  generateDocumentBody,
  listDocumentsQuery,
  listHomeStudiesQuery,
  recordAssessmentBody,
  recordAssessmentExample,
  recordVisitBody,
  recordVisitExample,
  submitHomeStudyBody,
  submitHomeStudyExample,
  type CompleteCorrectiveActionBody,
  type CreateHomeStudyBody,
  type DecideHomeStudyBody,
  type GenerateDocumentBody,
  type ListDocumentsQuery,
  type ListHomeStudiesQuery,
  type RecordAssessmentBody,
  type RecordVisitBody,
  type SubmitHomeStudyBody,
} from './home-study.schemas.js';
import type {
  AssessmentView,
  DocumentSummaryView,
  DocumentView,
  HomeStudySummaryView,
  HomeStudyView,
  VisitView,
} from './home-study.views.js';

const idPipe = new ZodValidationPipe(idParam, 'path');
/**
 * ROLE / WF-1: only the resource manager supervisor approves, rejects or returns a home study;
 * resource managers and their supervisors carry it out (CRD-7), facility managers do not.
 */
const DECIDERS: Role[] = [HOME_STUDY_DECIDER];

@ApiTags('home studies')
@Controller('providers/:providerId/home-studies')
export class HomeStudiesController {
  constructor(@Inject(HomeStudiesService) private readonly homeStudies: HomeStudiesService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({
    summary: 'Start a home study of the provider (CRD-7)',
    description:
      'Types: initial, re-study (repeats the latest approved home study, to which it is linked; ' +
      '409 naming CRD-7 when there is none or it already has its re-study), ' +
      'change-of-circumstances. The home study starts in progress.',
  })
  create(
    @Param('providerId', idPipe) providerId: string,
    @ValidBody(createHomeStudyBody, createHomeStudyExample) body: CreateHomeStudyBody,
    @CurrentActor() actor: Actor,
  ): Promise<HomeStudyView> {
    return this.homeStudies.create(providerId, body, actor);
  }

  @Get()
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: "The provider's home studies, newest first, by status and type (CRD-7)",
  })
  list(
    @Param('providerId', idPipe) providerId: string,
    @ValidQuery(listHomeStudiesQuery) query: ListHomeStudiesQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<HomeStudySummaryView>> {
    return this.homeStudies.list(providerId, query, actor);
  }

  @Get(':homeStudyId')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({
    summary: 'A home study with its assessments, visits and status history (CRD-7)',
  })
  get(
    @Param('providerId', idPipe) providerId: string,
    @Param('homeStudyId', idPipe) homeStudyId: string,
    @CurrentActor() actor: Actor,
  ): Promise<HomeStudyView> {
    return this.homeStudies.get(providerId, homeStudyId, actor);
  }

  @Post(':homeStudyId/assessments')
  @HttpCode(201)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({
    summary: 'Record an assessment: pass, fail or conditional pass (CRD-7)',
    description:
      'A conditional pass needs at least one corrective action (description, due date, ' +
      'optional completion date); pass and fail have none — 400 naming correctiveActions and ' +
      'CRD-7. Only while the home study is in progress or returned (else 409 CRD-7).',
  })
  recordAssessment(
    @Param('providerId', idPipe) providerId: string,
    @Param('homeStudyId', idPipe) homeStudyId: string,
    @ValidBody(recordAssessmentBody, recordAssessmentExample) body: RecordAssessmentBody,
    @CurrentActor() actor: Actor,
  ): Promise<AssessmentView> {
    return this.homeStudies.recordAssessment(providerId, homeStudyId, body, actor, todayDate());
  }

  @Post(':homeStudyId/assessments/:assessmentId/corrective-actions/:actionId/complete')
  @HttpCode(200)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({
    summary: 'Record when a corrective action of a conditional pass was completed (CRD-7)',
  })
  completeCorrectiveAction(
    @Param('providerId', idPipe) providerId: string,
    @Param('homeStudyId', idPipe) homeStudyId: string,
    @Param('assessmentId', idPipe) assessmentId: string,
    @Param('actionId', idPipe) actionId: string,
    @ValidBody(completeCorrectiveActionBody, { completedOn: '2026-03-01' })
    body: CompleteCorrectiveActionBody,
    @CurrentActor() actor: Actor,
  ): Promise<AssessmentView> {
    return this.homeStudies.completeCorrectiveAction(
      providerId,
      homeStudyId,
      assessmentId,
      actionId,
      body,
      actor,
      todayDate(),
    );
  }

  @Post(':homeStudyId/visits')
  @HttpCode(201)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({
    summary: 'Record a home visit: date, attendees, narrative (CRD-7)',
    description: 'Only while the home study is in progress or returned (else 409 CRD-7).',
  })
  recordVisit(
    @Param('providerId', idPipe) providerId: string,
    @Param('homeStudyId', idPipe) homeStudyId: string,
    @ValidBody(recordVisitBody, recordVisitExample) body: RecordVisitBody,
    @CurrentActor() actor: Actor,
  ): Promise<VisitView> {
    return this.homeStudies.recordVisit(providerId, homeStudyId, body, actor, todayDate());
  }

  @Post(':homeStudyId/submit')
  @HttpCode(200)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({
    summary: 'Submit the home study with a recommendation to the supervisor (CRD-7, WF-1)',
    description:
      'From in progress, or again after it was returned for further review; needs at least one ' +
      'assessment. Publishes home-study.submitted, which starts the approval process (WF-1). ' +
      'Other statuses: 409 naming CRD-7.',
  })
  submit(
    @Param('providerId', idPipe) providerId: string,
    @Param('homeStudyId', idPipe) homeStudyId: string,
    @ValidBody(submitHomeStudyBody, submitHomeStudyExample) body: SubmitHomeStudyBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<HomeStudyView> {
    return this.homeStudies.submit(providerId, homeStudyId, body, actor, correlationId);
  }

  @Post(':homeStudyId/decision')
  @HttpCode(200)
  @RequireRoles(...DECIDERS)
  @ApiOperation({
    summary: 'Approve, reject or return a submitted home study (supervisor; CRD-7, WF-1)',
    description:
      "Normally the supervisor decides through the approval process's task (WF-1), which " +
      'records the decision through the recordHomeStudyDecision activity; this endpoint runs ' +
      'the same domain function, so decisions can be recorded before that workflow exists. ' +
      'Reject needs the failure reason, return the comments (400 naming reason and CRD-7). ' +
      '`decisionId` is an idempotency key: repeating a decision returns the first result. ' +
      'A home study not awaiting a decision: 409 naming CRD-7. Publishes home-study.decided.',
  })
  decide(
    @Param('providerId', idPipe) providerId: string,
    @Param('homeStudyId', idPipe) homeStudyId: string,
    @ValidBody(decideHomeStudyBody, decideHomeStudyExample) body: DecideHomeStudyBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<HomeStudyDecisionRecorded> {
    return this.homeStudies.decide(
      providerId,
      homeStudyId,
      body,
      actor,
      todayDate(),
      correlationId,
    );
  }

  @Post(':homeStudyId/documents')
  @HttpCode(201)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({
    summary: 'Generate a supporting document from a template and attach it (CRD-7)',
    description:
      'Templates: home-study-report, corrective-action-plan, visit-summary (needs visitId). ' +
      'The Markdown text is stored with the template id and the time it was generated.',
  })
  generateDocument(
    @Param('providerId', idPipe) providerId: string,
    @Param('homeStudyId', idPipe) homeStudyId: string,
    @ValidBody(generateDocumentBody, { templateId: 'home-study-report' })
    body: GenerateDocumentBody,
    @CurrentActor() actor: Actor,
  ): Promise<DocumentView> {
    return this.homeStudies.generateDocument(providerId, homeStudyId, body, actor, todayDate());
  }

  @Get(':homeStudyId/documents')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: "The home study's generated documents, newest first (CRD-7)" })
  listDocuments(
    @Param('providerId', idPipe) providerId: string,
    @Param('homeStudyId', idPipe) homeStudyId: string,
    @ValidQuery(listDocumentsQuery) query: ListDocumentsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<DocumentSummaryView>> {
    return this.homeStudies.listDocuments(providerId, homeStudyId, query, actor);
  }

  @Get(':homeStudyId/documents/:documentId')
  @RequireRoles(...PROVIDER_RECORD_READERS)
  @ApiOperation({ summary: 'One generated document with its content (CRD-7)' })
  getDocument(
    @Param('providerId', idPipe) providerId: string,
    @Param('homeStudyId', idPipe) homeStudyId: string,
    @Param('documentId', idPipe) documentId: string,
    @CurrentActor() actor: Actor,
  ): Promise<DocumentView> {
    return this.homeStudies.getDocument(providerId, homeStudyId, documentId, actor);
  }
}

@ApiTags('home studies')
@Controller('home-study-templates')
export class HomeStudyTemplatesController {
  @Get()
  @RequireRoles(...AGENCY_READERS)
  @ApiOperation({ summary: 'The templates supporting documents are generated from (CRD-7)' })
  list(): { id: string; title: string; description: string; needsVisit: boolean }[] {
    return Object.values(HOME_STUDY_TEMPLATES).map(({ id, title, description, needsVisit }) => ({
      id,
      title,
      description,
      needsVisit,
    }));
  }
}
