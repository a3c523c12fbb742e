import { addMonths, type CalendarDate } from '@platform/kernel';
import type { RuleIssue } from '../shared/rule-issues.js';

/**
 * CRD-7: the rules of a home study's content — assessments, their corrective actions, visits —
 * and the dates that follow from an approval. Pure: schemas and services apply them, the approval
 * task and the SVC-7 criterion read them; today is always a parameter.
 */

/** CRD-7: an assessment passes, fails, or passes on condition of corrective actions. */
export const ASSESSMENT_RESULTS = ['pass', 'fail', 'conditional-pass'] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];

/**
 * CRD-7: "repeated at intervals after approval". The guide names no interval and the agency has
 * not asked to configure one, so it is a constant (annual re-study, the usual practice for
 * foster and child-care homes) rather than a configuration variable; the due date it gives is
 * stored on the approved home study, so changing the constant never moves an existing due date.
 */
export const RE_STUDY_INTERVAL_MONTHS = 12;

export interface CorrectiveActionFacts {
  description: string;
  dueOn: CalendarDate;
  completedOn?: CalendarDate | null;
}

export interface AssessmentFacts {
  assessmentType: string;
  result: AssessmentResult;
  assessedOn: CalendarDate;
  correctiveActions: readonly CorrectiveActionFacts[];
}

/** CRD-7: what is wrong with an assessment as recorded; empty when it may be stored. */
export function assessmentIssues(assessment: AssessmentFacts, today?: CalendarDate): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const actions = assessment.correctiveActions;
  if (assessment.result === 'conditional-pass' && actions.length === 0) {
    issues.push({
      rule: 'CRD-7',
      field: 'correctiveActions',
      message:
        'a conditional pass records the corrective actions the provider is to take ' +
        '(e.g. repair the damaged balcony deck): give at least one',
    });
  }
  if (assessment.result !== 'conditional-pass' && actions.length > 0) {
    issues.push({
      rule: 'CRD-7',
      field: 'correctiveActions',
      message: `only a conditional pass has corrective actions, not a ${assessment.result}`,
    });
  }
  actions.forEach((action, index) => {
    if (action.dueOn < assessment.assessedOn) {
      issues.push({
        rule: 'CRD-7',
        field: `correctiveActions.${index}.dueOn`,
        message: `a corrective action cannot be due before the assessment (${assessment.assessedOn})`,
      });
    }
    if (action.completedOn) {
      issues.push(
        ...completionIssues(action.completedOn, assessment.assessedOn, today).map((issue) => ({
          ...issue,
          field: `correctiveActions.${index}.completedOn`,
        })),
      );
    }
  });
  if (today && assessment.assessedOn > today) {
    issues.push({
      rule: 'CRD-7',
      field: 'assessedOn',
      message: `an assessment cannot be recorded before it happens (today is ${today})`,
    });
  }
  return issues;
}

/** CRD-7: a corrective action is completed on or after its assessment, and not in the future. */
export function completionIssues(
  completedOn: CalendarDate,
  assessedOn: CalendarDate,
  today?: CalendarDate,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (completedOn < assessedOn) {
    issues.push({
      rule: 'CRD-7',
      field: 'completedOn',
      message: `a corrective action cannot be completed before its assessment (${assessedOn})`,
    });
  }
  if (today && completedOn > today) {
    issues.push({
      rule: 'CRD-7',
      field: 'completedOn',
      message: `a completion date cannot be in the future (today is ${today})`,
    });
  }
  return issues;
}

export interface VisitFacts {
  visitedOn: CalendarDate;
  attendees: readonly string[];
}

/** CRD-7: a visit is recorded after it took place, with each attendee named once. */
export function visitIssues(visit: VisitFacts, today?: CalendarDate): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (today && visit.visitedOn > today) {
    issues.push({
      rule: 'CRD-7',
      field: 'visitedOn',
      message: `a visit is recorded once it took place (today is ${today})`,
    });
  }
  const seen = new Set<string>();
  visit.attendees.forEach((attendee, index) => {
    const key = attendee.trim().toLowerCase();
    if (seen.has(key)) {
      issues.push({
        rule: 'CRD-7',
        field: `attendees.${index}`,
        message: `${attendee} is already named as an attendee`,
      });
    }
    seen.add(key);
  });
  return issues;
}

/** CRD-7: an approved home study is repeated — its re-study is due this long after approval. */
export function reStudyDueOn(approvedOn: CalendarDate): CalendarDate {
  return addMonths(approvedOn, RE_STUDY_INTERVAL_MONTHS);
}

export interface ApprovalFacts {
  recommendation: 'approve' | 'reject' | null;
  assessments: readonly AssessmentFacts[];
  visits: number;
}

/**
 * WF-1 / CRD-7: what the supervisor should weigh before deciding: missing assessments or visits,
 * corrective actions of conditional passes not yet completed (overdue ones said so), and failed
 * assessments under a recommendation to approve. Warnings, never refusals: the supervisor decides.
 */
export function approvalWarnings(facts: ApprovalFacts, today: CalendarDate): string[] {
  const warnings: string[] = [];
  if (facts.assessments.length === 0) warnings.push('No assessment has been recorded');
  if (facts.visits === 0) warnings.push('No home visit has been recorded');
  for (const assessment of facts.assessments) {
    if (assessment.result === 'fail' && facts.recommendation === 'approve') {
      warnings.push(
        `The ${assessment.assessmentType} assessment of ${assessment.assessedOn} failed, ` +
          'yet the recommendation is to approve',
      );
    }
    for (const action of assessment.correctiveActions) {
      if (action.completedOn) continue;
      const overdue = action.dueOn < today ? ', overdue' : '';
      warnings.push(
        `Corrective action not completed (${assessment.assessmentType} assessment): ` +
          `${action.description} — due ${action.dueOn}${overdue}`,
      );
    }
  }
  return warnings;
}

/** The number of corrective actions without a completion date. */
export function openCorrectiveActions(assessments: readonly AssessmentFacts[]): number {
  return assessments.reduce(
    (open, assessment) =>
      open + assessment.correctiveActions.filter((action) => !action.completedOn).length,
    0,
  );
}

export interface DecidedHomeStudyFacts {
  id: string;
  status: 'approved' | 'rejected';
  decidedOn: CalendarDate;
  /** Orders decisions made on the same day. */
  decidedAt: Date;
  reStudyDueOn: CalendarDate | null;
  failureReason: string | null;
}

/**
 * SVC-7 'home-study' (CRD-7): the provider's home study is in order on `date` when its latest home
 * study decided by then was approved and the re-study that approval calls for is not overdue
 * (due on or after `date`). Otherwise one warning says why: none approved, the latest was rejected
 * (non-compliance), or the re-study is overdue.
 */
export function homeStudyCriterionWarnings(
  decided: readonly DecidedHomeStudyFacts[],
  date: CalendarDate,
): string[] {
  const latest = decided
    .filter((study) => study.decidedOn <= date)
    .sort(
      (a, b) =>
        a.decidedOn.localeCompare(b.decidedOn) || a.decidedAt.getTime() - b.decidedAt.getTime(),
    )
    .at(-1);
  if (!latest) {
    return [`Home study: the provider has no approved home study on ${date}`];
  }
  if (latest.status === 'rejected') {
    return [
      `Home study: the latest home study (${latest.id}) was rejected on ${latest.decidedOn}` +
        (latest.failureReason ? `: ${latest.failureReason}` : ''),
    ];
  }
  if (latest.reStudyDueOn && latest.reStudyDueOn < date) {
    return [
      `Home study: the re-study of home study ${latest.id} (approved ${latest.decidedOn}) was due ` +
        `on ${latest.reStudyDueOn} and is overdue on ${date}`,
    ];
  }
  return [];
}
