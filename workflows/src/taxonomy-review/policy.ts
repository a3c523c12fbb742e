import {
  DecisionRejection,
  type TaxonomyReviewInput,
  type TaskDecision,
} from '@platform/contracts/workflows';
import { checkDecision, type DecisionPolicy, type Rejection } from '../shared/decision-rules.js';
import { DAY_MS } from '../shared/clock.js';

/**
 * TAX-5 / ROLE: the review is worked term by term through the taxonomy API (the process asks the
 * service how it stands); the task itself takes one decision — an administrator discards the
 * version with a reason instead of finishing the review.
 */
export const TAXONOMY_REVIEW_DECISION: DecisionPolicy = {
  deciderRoles: ['administrator'],
  outcomes: ['discard'],
  requiredFields: { discard: ['reason'] },
};

/** TAX-5: a review left this long reminds the queue, and again every as many days after. */
export const REMINDER_INTERVAL_DAYS = 14;

/** Where the review process stands, as the `decide` validator needs it. */
export interface ReviewProgress {
  /** The review task; null before it is opened. */
  openTaskId: string | null;
  /** A discard was accepted already, or the process is publishing or closing the version. */
  closing: boolean;
}

/**
 * The review task's `decide` validation (ARCHITECTURE rule 6): the shared checks (open task,
 * administrator, outcome, a discard's reason), then none once the version is being published or
 * discarded — the task closes with what happened.
 */
export function checkReviewDecision(
  decision: TaskDecision,
  progress: ReviewProgress,
): Rejection | null {
  const rejection = checkDecision(decision, TAXONOMY_REVIEW_DECISION, progress.openTaskId);
  if (rejection) return rejection;
  if (progress.closing) {
    return {
      type: DecisionRejection.notDecidableNow,
      message: 'The review is complete: the version is being published or discarded (TAX-5)',
    };
  }
  return null;
}

type TaskFacts = Pick<
  TaxonomyReviewInput,
  'versionId' | 'taxonomyName' | 'versionLabel' | 'termsToReview' | 'reviewList'
>;

const terms = (count: number) => `${count} term${count === 1 ? '' : 's'}`;

/**
 * TAX-5: the review task says what is on the review list and where to work it: each term is
 * accepted or rejected through the taxonomy API; the version publishes once none is left.
 */
export function reviewTaskContent(input: TaskFacts): { title: string; details: string[] } {
  const { replaced, deleted, modified } = input.reviewList;
  return {
    title:
      `Review ${input.termsToReview} changed ${input.termsToReview === 1 ? 'term' : 'terms'} of ` +
      `${input.taxonomyName} release ${input.versionLabel}`,
    details: [
      `Replaced: ${terms(replaced)}; deleted: ${terms(deleted)}; modified, held for review: ${terms(modified)}.`,
      `Accept or reject each term on the review list (GET /taxonomy-versions/${input.versionId}/changes?needsReview=true); ` +
        'the version is published, superseding the current one, once every term is decided (TAX-5).',
      'Discard with a reason: the version is discarded and the current one stays published.',
    ],
  };
}

/** TAX-5: what the reminder says. */
export function reminderMessage(undecided: number): string {
  return `${terms(undecided)} still to review`;
}

const INTERVAL_MS = REMINDER_INTERVAL_DAYS * DAY_MS;

/**
 * TAX-5: how many reminders are due at `now` for a task opened at `openedAt` (one per full 14
 * days). Counted from the task's opening, so a run that continued as new keeps the rhythm, and the
 * count names the reminder's request key, so none is sent twice.
 */
export function remindersDue(openedAt: number, now: number): number {
  return Math.max(0, Math.floor((now - openedAt) / INTERVAL_MS));
}

/** When the next reminder falls due (workflow time, ms). */
export function nextReminderAt(openedAt: number, now: number): number {
  return openedAt + (remindersDue(openedAt, now) + 1) * INTERVAL_MS;
}
