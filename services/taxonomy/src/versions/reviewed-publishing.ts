import type { MikroORM } from '@mikro-orm/postgresql';
import type {
  PublishReviewedVersionInput,
  PublishReviewedVersionResult,
  TaxonomyReviewStatus,
} from '@platform/contracts';
import { NotFoundProblem } from '@platform/http';
import { businessRejection } from '@platform/temporal';
import type { EntityManager } from '@platform/persistence';
import { applyAcceptedIndexChanges } from './index-usage.js';
import { lockVersion, publishVersion } from './publishing.js';
import { describeOrphans, orphanedTerms } from './version-hierarchy.js';

async function undecided(em: EntityManager, versionId: string): Promise<number> {
  const [row] = await em.execute<{ undecided: number }[]>(
    `select count(*)::int as undecided from version_change
      where version_id = ? and needs_review and decision is null`,
    [versionId],
  );
  return row?.undecided ?? 0;
}

/** TAX-5: where a version's review stands (the review process's question after each signal). */
export async function taxonomyReviewStatus(
  orm: MikroORM,
  input: { versionId: string },
): Promise<TaxonomyReviewStatus> {
  const em = orm.em.fork();
  const [row] = await em.execute<{ status: TaxonomyReviewStatus['status'] }[]>(
    'select status from taxonomy_version where version_id = ?',
    [input.versionId],
  );
  if (!row) throw businessRejection('TaxonomyVersionNotFound', `No version ${input.versionId}`);
  return {
    versionId: input.versionId,
    status: row.status,
    undecided: await undecided(em, input.versionId),
  };
}

/**
 * TAX-5/TAX-2: the review is complete — under the version's lock the version is published,
 * superseding the one before it (publishVersion records the event), and the indexes of accepted
 * replacements move to their replacement terms, those of accepted deletions are removed. Idempotent: a retry after success answers
 * already-published; a discarded version answers discarded; an undecided term, or a term whose
 * parent is not in the version, is a non-retryable refusal naming TAX-5.
 */
export function publishReviewedVersion(
  orm: MikroORM,
  input: PublishReviewedVersionInput,
): Promise<PublishReviewedVersionResult> {
  return orm.em.fork().transactional(async (em) => {
    const version = await lockVersion(em, input.versionId).catch((error: unknown) => {
      if (!(error instanceof NotFoundProblem)) throw error;
      throw businessRejection('TaxonomyVersionNotFound', `No version ${input.versionId}`);
    });
    const answer = (outcome: PublishReviewedVersionResult['outcome']) => ({
      versionId: input.versionId,
      outcome,
      supersededVersionId: null,
    });
    if (version.status === 'published' || version.status === 'superseded') {
      return answer('already-published');
    }
    if (version.status === 'discarded') return answer('discarded');
    const open = await undecided(em, input.versionId);
    if (open > 0) {
      throw businessRejection(
        'TAX-5',
        `${open} terms of version ${version.versionLabel} are undecided`,
      );
    }
    // The decisions keep the hierarchy whole (review-decisions.ts); this is the last guard, as a
    // non-retryable refusal (publishVersion's own 409 would be retried by the process forever).
    const orphans = await orphanedTerms(em, input.versionId);
    if (orphans.length > 0) {
      throw businessRejection(
        'TAX-5',
        `version ${version.versionLabel} has terms whose parent is not in it: ${describeOrphans(orphans)}; it is not published`,
      );
    }
    const actor = { userId: input.publishedBy, roles: ['administrator'] as const };
    const published = await publishVersion(em, input.versionId, actor);
    await applyAcceptedIndexChanges(em, input.versionId, actor);
    return {
      versionId: input.versionId,
      outcome: 'published',
      supersededVersionId: published.supersededVersionId,
    };
  });
}
