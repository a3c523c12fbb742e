import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import {
  homeStudySubmitted,
  type Actor,
  type HomeStudyDecisionRecorded,
} from '@platform/contracts';
import {
  assertMayAccessProvider,
  NotFoundProblem,
  ProblemException,
  RuleViolation,
  ValidationProblem,
  type Page,
} from '@platform/http';
import type { CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import { Provider } from '../providers/provider.entity.js';
import { findProvider } from '../providers/provider.lookup.js';
import { markUpdated, newAudit } from '../shared/audit.js';
import { eventOrigin } from '../shared/event-origin.js';
import { findPage } from '@platform/persistence';
import { throwIfRuleIssues } from '../shared/rule-issues.js';
import { decideHomeStudy, HomeStudyRefusal, lockHomeStudy } from './home-study-approval.js';
import { applyHomeStudyAction, isEditable, type HomeStudyStatus } from './home-study-lifecycle.js';
import { assessmentIssues, completionIssues, visitIssues } from './home-study-rules.js';
import {
  DOCUMENT_MEDIA_TYPE,
  HOME_STUDY_TEMPLATES,
  renderHomeStudyDocument,
  type HomeStudyDocumentData,
} from './home-study-templates.js';
import {
  HomeStudy,
  HomeStudyAssessment,
  HomeStudyCorrectiveAction,
  HomeStudyDocument,
  HomeStudyStatusChange,
  HomeStudyVisit,
  type HomeStudyRecord,
} from './home-study.entities.js';
import type {
  CompleteCorrectiveActionBody,
  CreateHomeStudyBody,
  DecideHomeStudyBody,
  GenerateDocumentBody,
  ListDocumentsQuery,
  ListHomeStudiesQuery,
  RecordAssessmentBody,
  RecordVisitBody,
  SubmitHomeStudyBody,
} from './home-study.schemas.js';
import {
  assessmentView,
  documentSummaryView,
  documentView,
  homeStudySummaryView,
  homeStudyView,
  visitView,
  type AssessmentView,
  type DocumentSummaryView,
  type DocumentView,
  type HomeStudySummaryView,
  type HomeStudyView,
  type VisitView,
} from './home-study.views.js';

/** CRD-7: a home study's refusal as the HTTP API answers it (problem+json naming the rule). */
export function problemFor(refusal: HomeStudyRefusal): ProblemException {
  switch (refusal.kind) {
    case 'not-found':
      return new NotFoundProblem('Home study', refusal.subjectId ?? '');
    case 'forbidden':
      return new RuleViolation(refusal.rule, refusal.message, 403);
    case 'invalid':
      return new ValidationProblem([
        { field: refusal.field ?? 'body', message: `${refusal.rule}: ${refusal.message}` },
      ]);
    case 'conflict':
      return new RuleViolation(refusal.rule, refusal.message);
  }
}

/** CRD-7: home studies of providers, their assessments, visits, documents and submission. */
@Injectable()
export class HomeStudiesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /**
   * CRD-7: starts a home study. A re-study is linked to the provider's latest approved home study,
   * which it repeats; a home study that has no approved one to repeat, or whose latest approved
   * one already has its re-study, is refused.
   */
  async create(
    providerId: string,
    body: CreateHomeStudyBody,
    actor: Actor,
  ): Promise<HomeStudyView> {
    try {
      return await this.orm.em.fork().transactional(async (em) => {
        await findProvider(em, providerId);
        const previousHomeStudyId =
          body.type === 're-study' ? await this.studyToRepeat(em, providerId) : null;
        const audit = newAudit(actor);
        const study = em.create(HomeStudy, {
          id: randomUUID(),
          providerId,
          type: body.type,
          status: 'in-progress',
          dueOn: body.dueOn,
          previousHomeStudyId,
          notes: body.notes,
          submission: 0,
          ...audit,
        });
        const created = em.create(HomeStudyStatusChange, {
          homeStudyId: study.id,
          action: 'create',
          fromStatus: null,
          toStatus: 'in-progress',
          reason: previousHomeStudyId ? `Re-study of home study ${previousHomeStudyId}` : null,
          recommendation: null,
          submission: 0,
          actor: actor.userId,
          decisionId: null,
          decidedOn: null,
          workflowId: null,
          at: audit.createdAt,
        });
        return homeStudyView(study, {
          assessments: [],
          correctiveActions: [],
          visits: [],
          history: [created],
        });
      });
    } catch (error) {
      // two re-studies of one approved home study at once: the unique index decides (CRD-7)
      if (error instanceof UniqueConstraintViolationException) {
        throw new RuleViolation(
          'CRD-7',
          'The latest approved home study of this provider already has its re-study',
        );
      }
      throw error;
    }
  }

  private async studyToRepeat(em: EntityManager, providerId: string): Promise<string> {
    const approved = await em.findOne(
      HomeStudy,
      { providerId, status: 'approved' },
      { orderBy: { decidedAt: 'desc', id: 'desc' } },
    );
    if (!approved) {
      throw new RuleViolation(
        'CRD-7',
        'A re-study repeats an approved home study, and this provider has none',
      );
    }
    const existing = await em.findOne(HomeStudy, {
      previousHomeStudyId: approved.id,
      type: 're-study',
    });
    if (existing) {
      throw new RuleViolation(
        'CRD-7',
        `Home study ${approved.id} (approved ${approved.decidedOn}) already has its re-study: ${existing.id}`,
      );
    }
    return approved.id;
  }

  /** CRD-7: the provider's home studies, newest first, by status and type (SS-3). */
  async list(
    providerId: string,
    query: ListHomeStudiesQuery,
    actor: Actor,
  ): Promise<Page<HomeStudySummaryView>> {
    const em = this.orm.em.fork();
    await findProvider(em, providerId, { readBy: actor });
    return findPage(
      em,
      HomeStudy,
      {
        providerId,
        ...(query.status ? { status: query.status } : {}),
        ...(query.type ? { type: query.type } : {}),
      },
      query,
      { createdAt: 'desc', id: 'desc' },
      homeStudySummaryView,
    );
  }

  /** CRD-7: one home study with assessments, visits and status history (SS-3). */
  async get(providerId: string, homeStudyId: string, actor: Actor): Promise<HomeStudyView> {
    assertMayAccessProvider(actor, providerId, 'Home study', homeStudyId);
    const em = this.orm.em.fork();
    const study = await findHomeStudy(em, providerId, homeStudyId);
    return homeStudyView(study, await loadParts(em, homeStudyId));
  }

  /** CRD-7: records an assessment (and a conditional pass's corrective actions). */
  async recordAssessment(
    providerId: string,
    homeStudyId: string,
    body: RecordAssessmentBody,
    actor: Actor,
    today: CalendarDate,
  ): Promise<AssessmentView> {
    throwIfRuleIssues(assessmentIssues(body, today));
    return this.orm.em.fork().transactional(async (em) => {
      const study = await findHomeStudy(em, providerId, homeStudyId, { forUpdate: true });
      assertEditable(study, 'an assessment');
      const assessment = em.create(HomeStudyAssessment, {
        id: randomUUID(),
        homeStudyId,
        assessmentType: body.assessmentType,
        result: body.result,
        assessedOn: body.assessedOn,
        notes: body.notes,
        ...newAudit(actor),
      });
      const actions = body.correctiveActions.map((action) =>
        em.create(HomeStudyCorrectiveAction, {
          id: randomUUID(),
          homeStudyId,
          assessmentId: assessment.id,
          description: action.description,
          dueOn: action.dueOn,
          completedOn: action.completedOn,
          ...newAudit(actor),
        }),
      );
      markUpdated(study, actor);
      return assessmentView(assessment, actions);
    });
  }

  /**
   * CRD-7: records the day a corrective action of a conditional pass was carried out. Allowed in
   * any status: the provider often completes it after the home study is approved.
   */
  async completeCorrectiveAction(
    providerId: string,
    homeStudyId: string,
    assessmentId: string,
    actionId: string,
    body: CompleteCorrectiveActionBody,
    actor: Actor,
    today: CalendarDate,
  ): Promise<AssessmentView> {
    return this.orm.em.fork().transactional(async (em) => {
      await findHomeStudy(em, providerId, homeStudyId, { forUpdate: true });
      const assessment = await em.findOne(HomeStudyAssessment, { id: assessmentId, homeStudyId });
      if (!assessment) throw new NotFoundProblem('Assessment', assessmentId);
      const actions = await em.find(
        HomeStudyCorrectiveAction,
        { assessmentId },
        { orderBy: { dueOn: 'asc', createdAt: 'asc', id: 'asc' } },
      );
      const action = actions.find((candidate) => candidate.id === actionId);
      if (!action) throw new NotFoundProblem('Corrective action', actionId);
      throwIfRuleIssues(
        completionIssues(body.completedOn, assessment.assessedOn as CalendarDate, today),
      );
      if (action.completedOn && action.completedOn !== body.completedOn) {
        throw new RuleViolation(
          'CRD-7',
          `Corrective action ${actionId} was already completed on ${action.completedOn}`,
        );
      }
      if (!action.completedOn) {
        action.completedOn = body.completedOn;
        markUpdated(action, actor);
      }
      return assessmentView(assessment, actions);
    });
  }

  /** CRD-7: records a visit to the provider's home or organisation. */
  async recordVisit(
    providerId: string,
    homeStudyId: string,
    body: RecordVisitBody,
    actor: Actor,
    today: CalendarDate,
  ): Promise<VisitView> {
    throwIfRuleIssues(visitIssues(body, today));
    return this.orm.em.fork().transactional(async (em) => {
      const study = await findHomeStudy(em, providerId, homeStudyId, { forUpdate: true });
      assertEditable(study, 'a visit');
      const visit = em.create(HomeStudyVisit, {
        id: randomUUID(),
        homeStudyId,
        visitedOn: body.visitedOn,
        attendees: body.attendees,
        narrative: body.narrative,
        ...newAudit(actor),
      });
      markUpdated(study, actor);
      return visitView(visit);
    });
  }

  /**
   * WF-1: the resource manager submits the home study with a recommendation to the supervisor —
   * the first time from in progress, again after it was returned for further review. Announced
   * by `home-study.submitted`, which starts (or continues) the approval process.
   */
  async submit(
    providerId: string,
    homeStudyId: string,
    body: SubmitHomeStudyBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<HomeStudyView> {
    return this.orm.em.fork().transactional(async (em) => {
      const study = await findHomeStudy(em, providerId, homeStudyId, { forUpdate: true });
      const move = applyHomeStudyAction(study.status as HomeStudyStatus, 'submit', null);
      if (!move.ok) throw new RuleViolation('CRD-7', `Home study ${study.id}: ${move.message}`);
      const parts = await loadParts(em, homeStudyId);
      if (parts.assessments.length === 0) {
        throw new RuleViolation(
          'CRD-7',
          `Home study ${study.id} has no assessment; record at least one before submitting it`,
        );
      }
      const at = new Date();
      study.status = move.to;
      study.submission += 1;
      study.recommendation = body.recommendation;
      study.recommendationText = body.recommendationText;
      study.submittedBy = actor.userId;
      study.submittedAt = at;
      markUpdated(study, actor, at);
      const change = em.create(HomeStudyStatusChange, {
        homeStudyId: study.id,
        action: 'submit',
        fromStatus: move.from,
        toStatus: move.to,
        reason: body.recommendationText,
        recommendation: body.recommendation,
        submission: study.submission,
        actor: actor.userId,
        decisionId: null,
        decidedOn: null,
        workflowId: null,
        at,
      });
      recordEvent(em, homeStudySubmitted, {
        aggregateId: study.id,
        ...eventOrigin(actor, correlationId),
        data: {
          homeStudyId: study.id,
          providerId: study.providerId,
          type: study.type,
          previousHomeStudyId: study.previousHomeStudyId ?? null,
          submission: study.submission,
          recommendation: body.recommendation,
          recommendationText: body.recommendationText,
          submittedBy: actor.userId,
          dueOn: study.dueOn ?? null,
        },
      });
      return homeStudyView(study, { ...parts, history: [...parts.history, change] });
    });
  }

  /**
   * WF-1: the supervisor's decision over HTTP. The approval workflow is the normal path (the
   * decision task calls the recordHomeStudyDecision activity); this endpoint runs the same domain
   * function so decisions can be recorded before that workflow exists.
   */
  async decide(
    providerId: string,
    homeStudyId: string,
    body: DecideHomeStudyBody,
    actor: Actor,
    today: CalendarDate,
    correlationId?: string,
  ): Promise<HomeStudyDecisionRecorded> {
    try {
      return await this.orm.em.fork().transactional((em) =>
        decideHomeStudy(
          em,
          {
            homeStudyId,
            providerId,
            decisionId: body.decisionId ?? randomUUID(),
            outcome: body.outcome,
            reason: body.reason,
            decidedBy: actor.userId,
            decidedByRoles: actor.roles,
            workflowId: null,
            ...(correlationId ? { correlationId } : {}),
          },
          today,
        ),
      );
    } catch (error) {
      if (error instanceof HomeStudyRefusal) throw problemFor(error);
      if (error instanceof UniqueConstraintViolationException) {
        throw new RuleViolation(
          'CRD-7',
          `Decision ${body.decisionId} was recorded by a concurrent request`,
        );
      }
      throw error;
    }
  }

  /** CRD-7: generates a supporting document from a template and attaches it to the home study. */
  async generateDocument(
    providerId: string,
    homeStudyId: string,
    body: GenerateDocumentBody,
    actor: Actor,
    today: CalendarDate,
  ): Promise<DocumentView> {
    return this.orm.em.fork().transactional(async (em) => {
      const study = await findHomeStudy(em, providerId, homeStudyId);
      const template = HOME_STUDY_TEMPLATES[body.templateId];
      const parts = await loadParts(em, homeStudyId);
      if (template.needsVisit && !body.visitId) {
        throw new ValidationProblem([
          { field: 'visitId', message: `CRD-7: the ${template.id} template is about one visit` },
        ]);
      }
      if (!template.needsVisit && body.visitId) {
        throw new ValidationProblem([
          { field: 'visitId', message: `CRD-7: the ${template.id} template is not about a visit` },
        ]);
      }
      if (body.visitId && !parts.visits.some((visit) => visit.id === body.visitId)) {
        throw new NotFoundProblem('Visit', body.visitId);
      }
      const provider = await em.findOneOrFail(Provider, { id: providerId });
      const rendered = renderHomeStudyDocument(
        body.templateId,
        documentData(provider.name, study, homeStudyView(study, parts)),
        { generatedOn: today, generatedBy: actor.userId, visitId: body.visitId },
      );
      const document = em.create(HomeStudyDocument, {
        id: randomUUID(),
        homeStudyId,
        templateId: body.templateId,
        visitId: body.visitId,
        title: rendered.title,
        mediaType: DOCUMENT_MEDIA_TYPE,
        content: rendered.content,
        generatedBy: actor.userId,
        generatedAt: new Date(),
      });
      return documentView(document);
    });
  }

  /** CRD-7: the home study's documents, newest first, without their content. */
  async listDocuments(
    providerId: string,
    homeStudyId: string,
    query: ListDocumentsQuery,
    actor: Actor,
  ): Promise<Page<DocumentSummaryView>> {
    assertMayAccessProvider(actor, providerId, 'Home study', homeStudyId);
    const em = this.orm.em.fork();
    await findHomeStudy(em, providerId, homeStudyId);
    return findPage(
      em,
      HomeStudyDocument,
      { homeStudyId, ...(query.templateId ? { templateId: query.templateId } : {}) },
      query,
      { generatedAt: 'desc', id: 'desc' },
      documentSummaryView,
    );
  }

  async getDocument(
    providerId: string,
    homeStudyId: string,
    documentId: string,
    actor: Actor,
  ): Promise<DocumentView> {
    assertMayAccessProvider(actor, providerId, 'Home study', homeStudyId);
    const em = this.orm.em.fork();
    await findHomeStudy(em, providerId, homeStudyId);
    const document = await em.findOne(HomeStudyDocument, { id: documentId, homeStudyId });
    if (!document) throw new NotFoundProblem('Document', documentId);
    return documentView(document);
  }
}

/** The provider's home study, or 404 (also when it belongs to another provider). */
async function findHomeStudy(
  em: EntityManager,
  providerId: string,
  homeStudyId: string,
  options: { forUpdate?: boolean } = {},
): Promise<HomeStudyRecord> {
  await findProvider(em, providerId);
  if (options.forUpdate) {
    try {
      return await lockHomeStudy(em, homeStudyId, providerId);
    } catch (error) {
      if (error instanceof HomeStudyRefusal) throw problemFor(error);
      throw error;
    }
  }
  const study = await em.findOne(HomeStudy, { id: homeStudyId, providerId });
  if (!study) throw new NotFoundProblem('Home study', homeStudyId);
  return study;
}

/** CRD-7: assessments and visits change only while the resource manager works on the study. */
function assertEditable(study: HomeStudyRecord, what: string): void {
  if (isEditable(study.status as HomeStudyStatus)) return;
  throw new RuleViolation(
    'CRD-7',
    `Home study ${study.id} is ${study.status}; ${what} can be recorded only while it is in ` +
      'progress or returned for further review',
  );
}

/** Everything recorded for a home study. One query after another: they may share a transaction. */
async function loadParts(em: EntityManager, homeStudyId: string) {
  const assessments = await em.find(
    HomeStudyAssessment,
    { homeStudyId },
    { orderBy: { assessedOn: 'asc', createdAt: 'asc', id: 'asc' } },
  );
  const correctiveActions = await em.find(
    HomeStudyCorrectiveAction,
    { homeStudyId },
    { orderBy: { dueOn: 'asc', createdAt: 'asc', id: 'asc' } },
  );
  const visits = await em.find(
    HomeStudyVisit,
    { homeStudyId },
    { orderBy: { visitedOn: 'asc', createdAt: 'asc', id: 'asc' } },
  );
  const history = await em.find(HomeStudyStatusChange, { homeStudyId }, { orderBy: { id: 'asc' } });
  return { assessments, correctiveActions, visits, history };
}

function documentData(
  providerName: string,
  study: HomeStudyRecord,
  view: HomeStudyView,
): HomeStudyDocumentData {
  return {
    provider: { id: study.providerId, name: providerName },
    homeStudy: {
      id: view.id,
      type: view.type,
      status: view.status,
      dueOn: view.dueOn,
      previousHomeStudyId: view.previousHomeStudyId,
      submission: view.submission,
      recommendation: view.recommendation,
      recommendationText: view.recommendationText,
      submittedBy: view.submittedBy,
      decidedBy: view.decidedBy,
      decidedOn: view.decidedOn,
      failureReason: view.failureReason,
      returnComments: view.returnComments,
      reStudyDueOn: view.reStudyDueOn,
    },
    assessments: view.assessments,
    visits: view.visits,
    history: view.statusHistory,
  };
}
