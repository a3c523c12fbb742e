import type { MikroORM } from '@mikro-orm/postgresql';
import type { TaxonomyActivities } from '@platform/contracts';
import { publishReviewedVersion, taxonomyReviewStatus } from '../versions/reviewed-publishing.js';
import { discardTaxonomyVersion } from './discard-taxonomy-version.js';

/**
 * TAX-5: the activities of the import-review process (ADR 0021), hosted on
 * TaskQueues.taxonomyActivities: where a version's review stands, publishing it once complete,
 * and discarding it when an administrator decides so on the review task.
 */
export function createTaxonomyActivities(orm: MikroORM): TaxonomyActivities {
  return {
    taxonomyReviewStatus: (input) => taxonomyReviewStatus(orm, input),
    publishReviewedVersion: (input) => publishReviewedVersion(orm, input),
    discardTaxonomyVersion: (input) => discardTaxonomyVersion(orm, input),
  };
}
