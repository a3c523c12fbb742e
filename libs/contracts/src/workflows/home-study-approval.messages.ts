import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { Role } from '../roles.js';
import type { HomeStudyRecommendation } from '../events/home-study.events.js';
import type {
  HomeStudyDecisionOutcome,
  HomeStudyDecisionRecorded,
  ReStudyScheduled,
} from '../activities/providers.activities.js';

/** WF-1: one approval process per home study, started by its first submission. */
export const HOME_STUDY_APPROVAL_WORKFLOW = 'homeStudyApproval';

/** Deterministic id (ARCHITECTURE rule 4): every submission of a home study reaches one process. */
export function homeStudyApprovalWorkflowId(homeStudyId: string): string {
  return `home-study-approval/${homeStudyId}`;
}

export interface HomeStudyApprovalInput {
  homeStudyId: string;
  providerId: string;
  /** Days the supervisor has to decide a submission: the task's due date. */
  decisionDays: number;
  /** How long before the due date the assignee (or the queue) is reminded. */
  reminderDaysBeforeDue: number;
  /** Days the resource manager has to revise a returned home study. */
  revisionDays: number;
  /**
   * Who an overdue decision is escalated to (a named escalation role); absent: the supervisors
   * of the approvals queue.
   */
  escalateToRoles?: readonly Role[];
}

/**
 * A submission of the home study for the supervisor's decision (the `home-study.submitted` fact),
 * delivered as a signal: the first one with the start, later ones after each return.
 */
export interface HomeStudySubmission {
  /** 1 the first time, 2 after one return …; a submission the process has seen is ignored. */
  submission: number;
  recommendation: HomeStudyRecommendation;
  recommendationText: string;
  submittedBy: string;
}

export const homeStudySubmittedSignal = defineSignal<[HomeStudySubmission]>('homeStudySubmitted');

/**
 * A decision on the home study recorded outside the process (the providers service's own decision
 * endpoint), sent by the providers service from the `home-study.decided` fact so the process
 * follows it instead of waiting on a task nobody needs to decide any more.
 */
export type HomeStudyDecidedElsewhere = HomeStudyDecisionRecorded;

export const homeStudyDecidedElsewhereSignal = defineSignal<[HomeStudyDecidedElsewhere]>(
  'homeStudyDecidedElsewhere',
);

export type HomeStudyApprovalStatus =
  | 'awaiting-submission'
  | 'awaiting-decision'
  | 'escalated'
  | 'recording-decision'
  | 'returned'
  | 'approved'
  | 'rejected';

export interface HomeStudyDecisionSummary {
  submission: number;
  outcome: HomeStudyDecisionOutcome;
  reason: string | null;
  decidedBy: string;
}

export interface HomeStudyApprovalState {
  status: HomeStudyApprovalStatus;
  /** The submission being (or last) decided; 0 before the first arrives. */
  submission: number;
  /** The open task: the supervisor's decision, or the resource manager's revision. */
  taskId: string | null;
  assignee: string | null;
  /** Decisions so far, oldest first. */
  decisions: HomeStudyDecisionSummary[];
  reStudy: ReStudyScheduled | null;
}

export const homeStudyApprovalStateQuery = defineQuery<HomeStudyApprovalState>('state');

export interface HomeStudyApprovalResult {
  homeStudyId: string;
  status: 'approved' | 'rejected';
  submissions: number;
  reStudy: ReStudyScheduled | null;
}
