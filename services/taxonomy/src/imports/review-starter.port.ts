import type { TaxonomyReviewInput } from '@platform/contracts';

/**
 * TAX-5: starts the review process of a version an update import left pending user review. The
 * import service calls it after its transaction commits; the versions area binds the
 * implementation (the review workflow), so imports do not depend on how a review runs.
 */
export interface ReviewStarter {
  start(input: ReviewToStart): Promise<void>;
}

/** What the import knows; the starter reads the rest of the process's input (names, review list). */
export type ReviewToStart = Pick<
  TaxonomyReviewInput,
  'taxonomyId' | 'versionId' | 'importId' | 'termsToReview' | 'importedBy'
>;

export const REVIEW_STARTER = Symbol('REVIEW_STARTER');
