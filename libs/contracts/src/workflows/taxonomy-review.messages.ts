import { defineSignal } from '@temporalio/workflow';

/**
 * TAX-5: an update import whose replaced, deleted (or chosen modified) terms wait for an
 * administrator's review. The version stays "pending user review" until every term on its review
 * list is accepted or rejected; the review may take weeks, so it is a workflow (ADR 0021): it
 * survives restarts of the service and the worker, and publishes the version — superseding the
 * one before it — once the last decision is in, retrying until the taxonomy service answers.
 */
export const TAXONOMY_REVIEW_WORKFLOW = 'taxonomyReview';

/** Deterministic id (ARCHITECTURE rule 4): one review process per taxonomy version. */
export function taxonomyReviewWorkflowId(versionId: string): string {
  return `taxonomy-version/${versionId}`;
}

export interface TaxonomyReviewInput {
  taxonomyId: string;
  versionId: string;
  /** The import that created the version. */
  importId: string;
  /** How many terms were put on the review list when the import finished. */
  termsToReview: number;
  /** The administrator who imported the file: the version is published in their name. */
  importedBy: string;
  /** The taxonomy's name and the version's label (its release date): the review task's title. */
  taxonomyName: string;
  versionLabel: string;
  /** The review list by kind of change (replaced, deleted, modified terms held for review). */
  reviewList: { replaced: number; deleted: number; modified: number };
  /**
   * The review task in the `taxonomy-reviews` queue, once opened: carried when the process
   * continues as new, so the new run neither opens a second task nor restarts the reminders'
   * 14-day count (`taskOpenedAt`, ISO date-time).
   */
  taskId?: string;
  taskOpenedAt?: string;
}

/**
 * Sent by the taxonomy service after each review decision is committed; the workflow asks the
 * service whether any term is still undecided, so a lost or repeated signal changes nothing.
 */
export const taxonomyReviewDecidedSignal =
  defineSignal<[{ code: string; decision: 'accepted' | 'rejected'; decidedBy: string }]>(
    'taxonomyReviewDecided',
  );

/** The administrator discarded the pending version instead of finishing the review. */
export const taxonomyReviewDiscardedSignal =
  defineSignal<[{ discardedBy: string }]>('taxonomyReviewDiscarded');

export interface TaxonomyReviewResult {
  outcome: 'published' | 'discarded';
  versionId: string;
}
