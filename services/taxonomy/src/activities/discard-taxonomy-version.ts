import type { MikroORM } from '@mikro-orm/postgresql';
import type {
  DiscardTaxonomyVersionInput,
  DiscardTaxonomyVersionResult,
} from '@platform/contracts';
import { NotFoundProblem, ProblemException } from '@platform/http';
import { businessRejection } from '@platform/temporal';
import { lockVersion } from '../versions/publishing.js';
import { discardVersion } from '../versions/review-decisions.js';

/**
 * TAX-5 / TAX-2: an administrator discarded the version from its review task (the reason stays
 * with the task). The version is discarded exactly as `POST /taxonomy-versions/{id}/discard` does
 * it, in one transaction under the version's lock. Idempotent: a version discarded already (a
 * retry, or through the API first) answers `already-discarded`; a version published meanwhile is
 * a non-retryable refusal naming TAX-2.
 */
export async function discardTaxonomyVersion(
  orm: MikroORM,
  input: DiscardTaxonomyVersionInput,
): Promise<DiscardTaxonomyVersionResult> {
  const actor = { userId: input.discardedBy, roles: ['administrator'] as const };
  try {
    return await orm.em.fork().transactional(async (em) => {
      const version = await lockVersion(em, input.versionId);
      if (version.status === 'discarded') {
        return { versionId: input.versionId, outcome: 'already-discarded' as const };
      }
      await discardVersion(em, input.versionId, actor);
      return { versionId: input.versionId, outcome: 'discarded' as const };
    });
  } catch (error) {
    if (error instanceof NotFoundProblem) {
      throw businessRejection('TaxonomyVersionNotFound', `No version ${input.versionId}`);
    }
    if (error instanceof ProblemException) throw businessRejection('TAX-2', error.message);
    throw error;
  }
}
