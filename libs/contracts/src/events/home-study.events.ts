import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

/**
 * CRD-7 / WF-1: a home study is its own aggregate, `home-study`, keyed by home study id. It has a
 * lifecycle of its own (in progress → submitted → approved | rejected | returned → submitted …)
 * and its own approval process (WF-1, one workflow per home study), so what has to stay in order
 * is one home study's submissions and decisions — a decision must never overtake the submission
 * it answers. A provider has many home studies over the years (the initial one, then re-studies),
 * possibly several open at once; keying them by provider would order events that need no order
 * and couple the process to the provider's topic. `providerId` is in every event's data for
 * consumers that follow a provider.
 */
const homeStudy = { owner: 'providers', aggregateType: 'home-study' } as const;

/** CRD-7: why a home study is done — when the provider is approved, repeated later, or ad hoc. */
export const HOME_STUDY_TYPES = ['initial', 're-study', 'change-of-circumstances'] as const;
export type HomeStudyType = (typeof HOME_STUDY_TYPES)[number];

/** WF-1: what the resource manager recommends when submitting a home study. */
export const HOME_STUDY_RECOMMENDATIONS = ['approve', 'reject'] as const;
export type HomeStudyRecommendation = (typeof HOME_STUDY_RECOMMENDATIONS)[number];

/** WF-1: the status a supervisor's decision leaves a submitted home study in. */
export const HOME_STUDY_DECIDED_STATUSES = ['approved', 'rejected', 'returned'] as const;

const EXAMPLE_HOME_STUDY_ID = '0199a3c2-9a10-7cc0-8d5e-000000000701';
const EXAMPLE_PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * WF-1: a resource manager submitted a home study with a recommendation for the supervisor's
 * decision. This is the fact that starts (or, after a return, continues) the approval process.
 */
export const homeStudySubmitted = defineEvent({
  ...homeStudy,
  type: 'home-study.submitted',
  version: 1,
  description:
    'A resource manager submitted a home study to the resource manager supervisor with a ' +
    'recommendation (CRD-7, WF-1). `submission` counts the submissions of this home study: 1 the ' +
    'first time, 2 after it was returned once for further review, and so on.',
  schema: z.object({
    homeStudyId: z.uuid(),
    providerId: z.uuid(),
    type: z.enum(HOME_STUDY_TYPES),
    previousHomeStudyId: z.uuid().nullable(),
    submission: z.number().int().min(1),
    recommendation: z.enum(HOME_STUDY_RECOMMENDATIONS),
    recommendationText: z.string().min(1),
    submittedBy: z.string().min(1),
    dueOn: calendarDate.nullable(),
  }),
  example: {
    homeStudyId: EXAMPLE_HOME_STUDY_ID,
    providerId: EXAMPLE_PROVIDER_ID,
    type: 'initial',
    previousHomeStudyId: null,
    submission: 1,
    recommendation: 'approve',
    recommendationText: 'Safe home; the balcony repair is the only open corrective action.',
    submittedBy: 'rm.rivera',
    dueOn: '2026-03-31',
  },
});

/**
 * WF-1: the supervisor decided a submitted home study. Approved and rejected are final; a returned
 * home study goes back to the resource manager for further review and is submitted again.
 */
export const homeStudyDecided = defineEvent({
  ...homeStudy,
  type: 'home-study.decided',
  version: 1,
  description:
    'The resource manager supervisor approved, rejected or returned a submitted home study ' +
    '(CRD-7, WF-1). `reason` is the failure reason of a rejection (non-compliance) or the review ' +
    'comments of a return; it may be null on approval. `reStudyDueOn` is set on approval: the ' +
    'date the next re-study is due. `decisionId` is the idempotency key of the decision (the ' +
    "supervisor's task id when decided through the approval process).",
  schema: z.object({
    homeStudyId: z.uuid(),
    providerId: z.uuid(),
    decisionId: z.string().min(1),
    submission: z.number().int().min(1),
    outcome: z.enum(HOME_STUDY_DECIDED_STATUSES),
    reason: z.string().nullable(),
    decidedBy: z.string().min(1),
    decidedOn: calendarDate,
    reStudyDueOn: calendarDate.nullable(),
  }),
  example: {
    homeStudyId: EXAMPLE_HOME_STUDY_ID,
    providerId: EXAMPLE_PROVIDER_ID,
    decisionId: '0199a3c2-9a10-7cc0-8d5e-000000000801',
    submission: 1,
    outcome: 'rejected',
    reason: 'Non-compliance: no working smoke detector on the upper floor',
    decidedBy: 'sup.sato',
    decidedOn: '2026-03-15',
    reStudyDueOn: null,
  },
});
