import { z } from 'zod';
import { HOME_STUDY_RECOMMENDATIONS, HOME_STUDY_TYPES } from '@platform/contracts';
import { pageQuery } from '@platform/http';
import { calendarDateInput } from '../shared/common.schemas.js';
import { addRuleIssues } from '../shared/rule-issues.js';
import { HOME_STUDY_DECISIONS, HOME_STUDY_STATUSES } from './home-study-lifecycle.js';
import { ASSESSMENT_RESULTS, assessmentIssues, visitIssues } from './home-study-rules.js';
import { HOME_STUDY_TEMPLATE_IDS } from './home-study-templates.js';

const text = (max: number) => z.string().trim().min(1, 'must not be blank').max(max);

/**
 * CRD-7: starts a home study of the provider. A re-study is linked by the service to the
 * provider's latest approved home study.
 */
export const createHomeStudyBody = z
  .object({
    type: z.enum(HOME_STUDY_TYPES),
    dueOn: calendarDateInput.nullable().default(null),
    notes: text(4_000).nullable().default(null),
  })
  .strict();
export type CreateHomeStudyBody = z.infer<typeof createHomeStudyBody>;

export const createHomeStudyExample: z.input<typeof createHomeStudyBody> = {
  type: 'initial',
  dueOn: '2026-03-31',
  notes: 'Foster home applying for placement services',
};

export const listHomeStudiesQuery = pageQuery.extend({
  status: z.enum(HOME_STUDY_STATUSES).optional(),
  type: z.enum(HOME_STUDY_TYPES).optional(),
});
export type ListHomeStudiesQuery = z.infer<typeof listHomeStudiesQuery>;

const correctiveAction = z
  .object({
    description: text(2_000),
    dueOn: calendarDateInput,
    completedOn: calendarDateInput.nullable().default(null),
  })
  .strict();

/** CRD-7: an assessment; a conditional pass records its corrective actions. */
export const recordAssessmentBody = z
  .object({
    assessmentType: text(200),
    result: z.enum(ASSESSMENT_RESULTS),
    assessedOn: calendarDateInput,
    notes: text(4_000).nullable().default(null),
    correctiveActions: z.array(correctiveAction).max(50).default([]),
  })
  .strict()
  .superRefine((assessment, ctx) => addRuleIssues(ctx, assessmentIssues(assessment)));
export type RecordAssessmentBody = z.infer<typeof recordAssessmentBody>;

export const recordAssessmentExample: z.input<typeof recordAssessmentBody> = {
  assessmentType: 'Provider safety',
  result: 'conditional-pass',
  assessedOn: '2026-02-10',
  notes: 'Safe, but the balcony deck on the second floor is damaged',
  correctiveActions: [{ description: 'Repair the second-floor balcony deck', dueOn: '2026-03-10' }],
};

/** CRD-7: the date a corrective action was carried out. */
export const completeCorrectiveActionBody = z.object({ completedOn: calendarDateInput }).strict();
export type CompleteCorrectiveActionBody = z.infer<typeof completeCorrectiveActionBody>;

/** CRD-7: a visit to the provider's home: date, who attended, what the visitor saw. */
export const recordVisitBody = z
  .object({
    visitedOn: calendarDateInput,
    attendees: z.array(text(200)).min(1, 'name at least one attendee').max(50),
    narrative: text(20_000),
  })
  .strict()
  .superRefine((visit, ctx) => addRuleIssues(ctx, visitIssues(visit)));
export type RecordVisitBody = z.infer<typeof recordVisitBody>;

export const recordVisitExample: z.input<typeof recordVisitBody> = {
  visitedOn: '2026-02-10',
  attendees: ['Maria Lopez', 'Tom Lopez'],
  narrative: 'Walked through every room with both foster parents; smoke detectors tested.',
};

/** WF-1: the resource manager's recommendation, submitted to the supervisor. */
export const submitHomeStudyBody = z
  .object({
    recommendation: z.enum(HOME_STUDY_RECOMMENDATIONS),
    recommendationText: text(4_000),
  })
  .strict();
export type SubmitHomeStudyBody = z.infer<typeof submitHomeStudyBody>;

export const submitHomeStudyExample: z.input<typeof submitHomeStudyBody> = {
  recommendation: 'approve',
  recommendationText: 'Safe home; the balcony repair is the only open corrective action.',
};

/**
 * WF-1: the supervisor's decision. A rejection needs the failure reason (CRD-7, non-compliance),
 * a return the comments for further review. `decisionId` makes a retried request harmless.
 */
export const decideHomeStudyBody = z
  .object({
    outcome: z.enum(HOME_STUDY_DECISIONS),
    reason: text(4_000).nullable().default(null),
    decisionId: text(200).optional(),
  })
  .strict()
  .superRefine((decision, ctx) => {
    if (decision.outcome !== 'approve' && !decision.reason) {
      addRuleIssues(ctx, [
        {
          rule: 'CRD-7',
          field: 'reason',
          message:
            decision.outcome === 'reject'
              ? 'a rejected home study records the failure reason (non-compliance)'
              : 'a home study returned for further review records the comments',
        },
      ]);
    }
  });
export type DecideHomeStudyBody = z.infer<typeof decideHomeStudyBody>;

export const decideHomeStudyExample: z.input<typeof decideHomeStudyBody> = {
  outcome: 'return',
  reason: 'Add the fire safety assessment before I decide',
};

/** CRD-7: generates a supporting document from a template. */
export const generateDocumentBody = z
  .object({
    templateId: z.enum(HOME_STUDY_TEMPLATE_IDS),
    /** For visit-level templates (visit-summary): the visit the document is about. */
    visitId: z.uuid('must be a UUID').nullable().default(null),
  })
  .strict();
export type GenerateDocumentBody = z.infer<typeof generateDocumentBody>;

export const listDocumentsQuery = pageQuery.extend({
  templateId: z.enum(HOME_STUDY_TEMPLATE_IDS).optional(),
});
export type ListDocumentsQuery = z.infer<typeof listDocumentsQuery>;
