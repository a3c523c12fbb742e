import type {
  HomeStudyDecisionSummary,
  HomeStudyForApproval,
  HomeStudySubmission,
} from '@platform/contracts/workflows';

/** What a task shows: its title and the lines the person working it should read. */
export interface TaskContent {
  title: string;
  details: string[];
}

/**
 * WF-1: the supervisor's task — the resource manager's recommendation with its text, what the
 * assessments, visits and documents amount to (CRD-7), the warnings to weigh, and what earlier
 * submissions were returned for.
 */
export function decisionTaskContent(
  study: HomeStudyForApproval,
  submitted: HomeStudySubmission,
  earlier: readonly HomeStudyDecisionSummary[],
): TaskContent {
  const { assessments, visits } = study;
  return {
    title: `Home study of ${study.providerName}: ${submitted.recommendation} recommended (submission ${submitted.submission})`,
    details: [
      `Recommendation of ${submitted.submittedBy}: ${submitted.recommendation} — ${submitted.recommendationText}`,
      `Home study type: ${study.type}`,
      `Assessments: ${assessments.total} (${assessments.passed} passed, ${assessments.failed} failed, ` +
        `${assessments.conditionallyPassed} conditionally passed; ` +
        `${assessments.openCorrectiveActions} open corrective actions)`,
      `Visits: ${visits.total}${visits.lastVisitedOn ? `, last on ${visits.lastVisitedOn}` : ''}`,
      `Supporting documents: ${study.documents}`,
      ...study.warnings.map((warning) => `Warning: ${warning}`),
      ...earlier.map(
        (decided) =>
          `Submission ${decided.submission}: ${decided.outcome} by ${decided.decidedBy}` +
          (decided.reason ? ` — ${decided.reason}` : ''),
      ),
    ],
  };
}

/** WF-1: the resource manager's task after a return: what to revise, and how the task closes. */
export function revisionTaskContent(
  providerName: string,
  returned: HomeStudyDecisionSummary,
): TaskContent {
  return {
    title: `Home study of ${providerName}: returned for further review (submission ${returned.submission})`,
    details: [
      `Returned by ${returned.decidedBy}: ${returned.reason ?? ''}`,
      'Revise the home study and submit it again in the providers service; this task closes ' +
        'itself on resubmission',
    ],
  };
}
