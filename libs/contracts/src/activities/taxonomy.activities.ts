/**
 * Activities the taxonomy service hosts on TaskQueues.taxonomyActivities (ADR 0021). Each is
 * idempotent: a retry after a lost reply finds the work done and answers the same.
 */

export interface TaxonomyReviewStatus {
  versionId: string;
  status: 'editing' | 'pending-user-review' | 'published' | 'superseded' | 'discarded';
  /** Terms on the review list not yet accepted or rejected. */
  undecided: number;
}

export interface PublishReviewedVersionInput {
  versionId: string;
  publishedBy: string;
}

export interface PublishReviewedVersionResult {
  versionId: string;
  /** `already-published`: a retry, or the version was published another way first. */
  outcome: 'published' | 'already-published' | 'discarded';
  supersededVersionId: string | null;
}

/** TAX-5: an administrator discards the version from its review task, with a reason. */
export interface DiscardTaxonomyVersionInput {
  versionId: string;
  discardedBy: string;
  reason: string;
}

export interface DiscardTaxonomyVersionResult {
  versionId: string;
  /** `already-discarded`: a retry, or the version was discarded through the API first. */
  outcome: 'discarded' | 'already-discarded';
}

export interface TaxonomyActivities {
  /** TAX-5: where the version's review stands (read only). */
  taxonomyReviewStatus(input: { versionId: string }): Promise<TaxonomyReviewStatus>;
  /**
   * TAX-5 / TAX-2: applies the review decisions, publishes the version and supersedes the one
   * published before it. Refused (non-retryable) while a term is undecided.
   */
  publishReviewedVersion(input: PublishReviewedVersionInput): Promise<PublishReviewedVersionResult>;
  /**
   * TAX-5 / TAX-2: discards a version pending user review (as `POST …/discard` does). Idempotent;
   * refused (non-retryable, TAX-2) once the version is published or superseded.
   */
  discardTaxonomyVersion(input: DiscardTaxonomyVersionInput): Promise<DiscardTaxonomyVersionResult>;
}
