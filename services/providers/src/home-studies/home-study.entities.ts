import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { HOME_STUDY_RECOMMENDATIONS, HOME_STUDY_TYPES } from '@platform/contracts';
import { auditProperties } from '../shared/audit.js';
import { HOME_STUDY_ACTIONS, HOME_STUDY_STATUSES } from './home-study-lifecycle.js';
import { ASSESSMENT_RESULTS } from './home-study-rules.js';
import { HOME_STUDY_TEMPLATE_IDS } from './home-study-templates.js';

/**
 * CRD-7: a home study of a provider — verifying that its home or facility suits the services it is
 * to deliver — from the resource manager's work through the supervisor's decision (WF-1).
 */
export const HomeStudy = defineEntity({
  name: 'HomeStudy',
  tableName: 'home_study',
  properties: {
    id: p.uuid().primary(),
    providerId: p.uuid().fieldName('provider_id'),
    type: p.enum(HOME_STUDY_TYPES),
    status: p.enum(HOME_STUDY_STATUSES),
    /** The date by which the home study should be completed (a re-study: when it falls due). */
    dueOn: p.date().fieldName('due_on').nullable(),
    /** The approved home study a re-study follows (CRD-7 repeated after approval). */
    previousHomeStudyId: p.uuid().fieldName('previous_home_study_id').nullable(),
    notes: p.text().nullable(),
    /** How many times it was submitted: 1 the first time, 2 after one return … (WF-1). */
    submission: p.integer().default(0),
    recommendation: p.enum(HOME_STUDY_RECOMMENDATIONS).nullable(),
    recommendationText: p.text().fieldName('recommendation_text').nullable(),
    submittedBy: p.text().fieldName('submitted_by').nullable(),
    submittedAt: p.datetime().fieldName('submitted_at').nullable(),
    /** Set by the final decision (approve or reject). */
    decidedBy: p.text().fieldName('decided_by').nullable(),
    decidedOn: p.date().fieldName('decided_on').nullable(),
    decidedAt: p.datetime().fieldName('decided_at').nullable(),
    /** CRD-7: why the approval failed on non-compliance (rejection). */
    failureReason: p.text().fieldName('failure_reason').nullable(),
    /** WF-1: the supervisor's comments of the latest return for further review. */
    returnComments: p.text().fieldName('return_comments').nullable(),
    /** CRD-7: approved — when the next re-study is due. */
    reStudyDueOn: p.date().fieldName('re_study_due_on').nullable(),
    ...auditProperties,
  },
});
export type HomeStudyRecord = InferEntity<typeof HomeStudy>;

/** CRD-7: an assessment of the home study (e.g. fire safety) and its result. */
export const HomeStudyAssessment = defineEntity({
  name: 'HomeStudyAssessment',
  tableName: 'home_study_assessment',
  properties: {
    id: p.uuid().primary(),
    homeStudyId: p.uuid().fieldName('home_study_id'),
    assessmentType: p.text().fieldName('assessment_type'),
    result: p.enum(ASSESSMENT_RESULTS),
    assessedOn: p.date().fieldName('assessed_on'),
    notes: p.text().nullable(),
    ...auditProperties,
  },
});
export type HomeStudyAssessmentRecord = InferEntity<typeof HomeStudyAssessment>;

/** CRD-7: what the provider is to do for a conditional pass, by when, and when it was done. */
export const HomeStudyCorrectiveAction = defineEntity({
  name: 'HomeStudyCorrectiveAction',
  tableName: 'home_study_corrective_action',
  properties: {
    id: p.uuid().primary(),
    homeStudyId: p.uuid().fieldName('home_study_id'),
    assessmentId: p.uuid().fieldName('assessment_id'),
    description: p.text(),
    dueOn: p.date().fieldName('due_on'),
    completedOn: p.date().fieldName('completed_on').nullable(),
    ...auditProperties,
  },
});
export type HomeStudyCorrectiveActionRecord = InferEntity<typeof HomeStudyCorrectiveAction>;

/** CRD-7: a visit to the provider's home or organisation: date, who attended, and the narrative. */
export const HomeStudyVisit = defineEntity({
  name: 'HomeStudyVisit',
  tableName: 'home_study_visit',
  properties: {
    id: p.uuid().primary(),
    homeStudyId: p.uuid().fieldName('home_study_id'),
    visitedOn: p.date().fieldName('visited_on'),
    /** Names of the provider's members or participants present. */
    attendees: p.array(),
    narrative: p.text(),
    ...auditProperties,
  },
});
export type HomeStudyVisitRecord = InferEntity<typeof HomeStudyVisit>;

/**
 * CRD-7 status history / WF-1 "each step recorded": who moved the home study, when, from which
 * status to which, and why. Append-only. A supervisor's decision carries its idempotency key
 * (`decisionId`, unique), so a retried decision finds the row it wrote the first time.
 */
export const HomeStudyStatusChange = defineEntity({
  name: 'HomeStudyStatusChange',
  tableName: 'home_study_status_change',
  properties: {
    id: p.bigint().primary().autoincrement(),
    homeStudyId: p.uuid().fieldName('home_study_id'),
    action: p.enum(['create', 'schedule', ...HOME_STUDY_ACTIONS] as const),
    fromStatus: p.enum(HOME_STUDY_STATUSES).fieldName('from_status').nullable(),
    toStatus: p.enum(HOME_STUDY_STATUSES).fieldName('to_status'),
    /** Submit: the recommendation text; reject: the failure reason; return: the comments. */
    reason: p.text().nullable(),
    recommendation: p.enum(HOME_STUDY_RECOMMENDATIONS).nullable(),
    submission: p.integer(),
    actor: p.text(),
    decisionId: p.text().fieldName('decision_id').nullable(),
    decidedOn: p.date().fieldName('decided_on').nullable(),
    workflowId: p.text().fieldName('workflow_id').nullable(),
    at: p.datetime().onCreate(() => new Date()),
  },
});
export type HomeStudyStatusChangeRecord = InferEntity<typeof HomeStudyStatusChange>;

/** CRD-7: a supporting document generated from a template and attached to the home study. */
export const HomeStudyDocument = defineEntity({
  name: 'HomeStudyDocument',
  tableName: 'home_study_document',
  properties: {
    id: p.uuid().primary(),
    homeStudyId: p.uuid().fieldName('home_study_id'),
    templateId: p.enum(HOME_STUDY_TEMPLATE_IDS).fieldName('template_id'),
    visitId: p.uuid().fieldName('visit_id').nullable(),
    title: p.text(),
    mediaType: p.text().fieldName('media_type'),
    content: p.text(),
    generatedBy: p.text().fieldName('generated_by'),
    generatedAt: p.datetime().fieldName('generated_at'),
  },
});
export type HomeStudyDocumentRecord = InferEntity<typeof HomeStudyDocument>;

export const HOME_STUDY_ENTITIES = [
  HomeStudy,
  HomeStudyAssessment,
  HomeStudyCorrectiveAction,
  HomeStudyVisit,
  HomeStudyStatusChange,
  HomeStudyDocument,
];
