import type { CalendarDate } from '@platform/kernel';
import { auditView } from '../shared/audit.js';
import { dateOrNull, instantOrNull } from '../shared/view-values.js';
import { availableHomeStudyActions, type HomeStudyStatus } from './home-study-lifecycle.js';
import type {
  HomeStudyAssessmentRecord,
  HomeStudyCorrectiveActionRecord,
  HomeStudyDocumentRecord,
  HomeStudyRecord,
  HomeStudyStatusChangeRecord,
  HomeStudyVisitRecord,
} from './home-study.entities.js';

export type HomeStudySummaryView = ReturnType<typeof homeStudySummaryView>;

/** CRD-7: a home study as lists show it. */
export function homeStudySummaryView(study: HomeStudyRecord) {
  return {
    id: study.id,
    providerId: study.providerId,
    type: study.type,
    status: study.status,
    /** What may be done next (WF-1), e.g. ['submit'] while in progress. */
    availableActions: availableHomeStudyActions(study.status as HomeStudyStatus),
    dueOn: dateOrNull(study.dueOn),
    previousHomeStudyId: study.previousHomeStudyId ?? null,
    notes: study.notes ?? null,
    submission: study.submission,
    recommendation: study.recommendation ?? null,
    recommendationText: study.recommendationText ?? null,
    submittedBy: study.submittedBy ?? null,
    submittedAt: instantOrNull(study.submittedAt),
    decidedBy: study.decidedBy ?? null,
    decidedOn: dateOrNull(study.decidedOn),
    failureReason: study.failureReason ?? null,
    returnComments: study.returnComments ?? null,
    reStudyDueOn: dateOrNull(study.reStudyDueOn),
    ...auditView(study),
  };
}

export type AssessmentView = ReturnType<typeof assessmentView>;

export function assessmentView(
  assessment: HomeStudyAssessmentRecord,
  actions: readonly HomeStudyCorrectiveActionRecord[],
) {
  return {
    id: assessment.id,
    homeStudyId: assessment.homeStudyId,
    assessmentType: assessment.assessmentType,
    result: assessment.result,
    assessedOn: assessment.assessedOn as CalendarDate,
    notes: assessment.notes ?? null,
    correctiveActions: actions
      .filter((action) => action.assessmentId === assessment.id)
      .map((action) => ({
        id: action.id,
        description: action.description,
        dueOn: action.dueOn as CalendarDate,
        completedOn: dateOrNull(action.completedOn),
        completedBy: action.completedOn ? action.updatedBy : null,
      })),
    ...auditView(assessment),
  };
}

export type VisitView = ReturnType<typeof visitView>;

export function visitView(visit: HomeStudyVisitRecord) {
  return {
    id: visit.id,
    homeStudyId: visit.homeStudyId,
    visitedOn: visit.visitedOn as CalendarDate,
    attendees: [...visit.attendees],
    narrative: visit.narrative,
    /** The resource manager who recorded the visit (the visitor). */
    visitedBy: visit.createdBy,
    ...auditView(visit),
  };
}

export type StatusChangeView = ReturnType<typeof statusChangeView>;

/** CRD-7 status history: who, when, from, to, and the reason or comments. */
export function statusChangeView(change: HomeStudyStatusChangeRecord) {
  return {
    action: change.action,
    fromStatus: change.fromStatus ?? null,
    toStatus: change.toStatus,
    reason: change.reason ?? null,
    recommendation: change.recommendation ?? null,
    submission: change.submission,
    actor: change.actor,
    at: change.at.toISOString(),
    decisionId: change.decisionId ?? null,
    workflowId: change.workflowId ?? null,
  };
}

export type HomeStudyView = ReturnType<typeof homeStudyView>;

/** CRD-7: a home study with everything recorded for it and its status history. */
export function homeStudyView(
  study: HomeStudyRecord,
  parts: {
    assessments: readonly HomeStudyAssessmentRecord[];
    correctiveActions: readonly HomeStudyCorrectiveActionRecord[];
    visits: readonly HomeStudyVisitRecord[];
    history: readonly HomeStudyStatusChangeRecord[];
  },
) {
  return {
    ...homeStudySummaryView(study),
    assessments: parts.assessments.map((assessment) =>
      assessmentView(assessment, parts.correctiveActions),
    ),
    visits: parts.visits.map(visitView),
    statusHistory: parts.history.map(statusChangeView),
  };
}

export type DocumentSummaryView = ReturnType<typeof documentSummaryView>;

/** CRD-7: a generated document without its content (lists). */
export function documentSummaryView(document: HomeStudyDocumentRecord) {
  return {
    id: document.id,
    homeStudyId: document.homeStudyId,
    templateId: document.templateId,
    visitId: document.visitId ?? null,
    title: document.title,
    mediaType: document.mediaType,
    generatedBy: document.generatedBy,
    generatedAt: document.generatedAt.toISOString(),
  };
}

export type DocumentView = ReturnType<typeof documentView>;

export function documentView(document: HomeStudyDocumentRecord) {
  return { ...documentSummaryView(document), content: document.content };
}
