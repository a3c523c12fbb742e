import { ApplicationFailure } from '@temporalio/common';
import type {
  DiscardTaxonomyVersionInput,
  DiscardTaxonomyVersionResult,
  PublishReviewedVersionInput,
  PublishReviewedVersionResult,
  TaxonomyActivities,
  TaxonomyReviewStatus,
} from '@platform/contracts';

type Status = TaxonomyReviewStatus['status'];

/**
 * The taxonomy service's TAX-5 review activities in memory (its own suites run the real ones on
 * its database): versions with a count of undecided terms that a test decides down, discards or
 * publishes behind the process's back. Publishing is refused while a term is undecided and
 * answers already-published on a retry, as the real activity does; discarding is refused once
 * published (TAX-2) and answers already-discarded on a retry. Every publish and discard call is
 * recorded.
 */
export class InMemoryTaxonomyReviews implements TaxonomyActivities {
  readonly publishCalls: PublishReviewedVersionInput[] = [];
  readonly discardCalls: DiscardTaxonomyVersionInput[] = [];
  readonly statusCalls: string[] = [];
  private readonly versions = new Map<string, { status: Status; undecided: number }>();

  add(versionId: string, undecided: number): void {
    this.versions.set(versionId, { status: 'pending-user-review', undecided });
  }

  /** An administrator's decision, committed by the service (the process may or may not be told). */
  decide(versionId: string): void {
    this.version(versionId).undecided -= 1;
  }

  set(versionId: string, status: Status): void {
    this.version(versionId).status = status;
  }

  statusOf(versionId: string): Status {
    return this.version(versionId).status;
  }

  statusCallsFor(versionId: string): number {
    return this.statusCalls.filter((id) => id === versionId).length;
  }

  publishCallsFor(versionId: string): PublishReviewedVersionInput[] {
    return this.publishCalls.filter((call) => call.versionId === versionId);
  }

  async taxonomyReviewStatus(input: { versionId: string }): Promise<TaxonomyReviewStatus> {
    this.statusCalls.push(input.versionId);
    const { status, undecided } = this.version(input.versionId);
    return { versionId: input.versionId, status, undecided };
  }

  async publishReviewedVersion(
    input: PublishReviewedVersionInput,
  ): Promise<PublishReviewedVersionResult> {
    this.publishCalls.push(input);
    const version = this.version(input.versionId);
    const answer = (outcome: PublishReviewedVersionResult['outcome']) => ({
      versionId: input.versionId,
      outcome,
      supersededVersionId: null,
    });
    if (version.status === 'published') return answer('already-published');
    if (version.status === 'discarded') return answer('discarded');
    if (version.undecided > 0) {
      throw ApplicationFailure.create({
        type: 'TAX-5',
        message: `${version.undecided} terms undecided`,
        nonRetryable: true,
      });
    }
    version.status = 'published';
    return answer('published');
  }

  discardCallsFor(versionId: string): DiscardTaxonomyVersionInput[] {
    return this.discardCalls.filter((call) => call.versionId === versionId);
  }

  async discardTaxonomyVersion(
    input: DiscardTaxonomyVersionInput,
  ): Promise<DiscardTaxonomyVersionResult> {
    this.discardCalls.push(input);
    const version = this.version(input.versionId);
    if (version.status === 'discarded') {
      return { versionId: input.versionId, outcome: 'already-discarded' };
    }
    if (version.status === 'published' || version.status === 'superseded') {
      throw ApplicationFailure.create({
        type: 'TAX-2',
        message: `version ${input.versionId} is ${version.status}`,
        nonRetryable: true,
      });
    }
    version.status = 'discarded';
    return { versionId: input.versionId, outcome: 'discarded' };
  }

  private version(versionId: string) {
    const found = this.versions.get(versionId);
    if (!found) throw new Error(`no version ${versionId}`);
    return found;
  }
}
