import { refuse } from '@platform/http';
import type { EntityManager } from '@platform/persistence';

export interface PublishedTaxonomy {
  taxonomyId: string;
  versionId: string;
}

/**
 * TAX-8: indexes use a taxonomy's published version. Without `taxonomyId`, the only taxonomy
 * with a published version; 422 (TAX-8, `taxonomyId`) when there is none, several, or the named
 * taxonomy has no published version. The version row is share-locked, so it is not superseded
 * while the index is checked against it.
 */
export async function publishedTaxonomy(
  em: EntityManager,
  taxonomyId: string | undefined,
): Promise<PublishedTaxonomy> {
  const rows = await em.execute<PublishedTaxonomy[]>(
    `select taxonomy_id as "taxonomyId", version_id as "versionId" from taxonomy_version
      where status = 'published' and (?::uuid is null or taxonomy_id = ?::uuid)
      order by taxonomy_id limit 2 for share`,
    [taxonomyId ?? null, taxonomyId ?? null],
  );
  const [only] = rows;
  if (!only || rows.length > 1) {
    const message = taxonomyId
      ? `taxonomy ${taxonomyId} has no published version`
      : only
        ? 'several taxonomies are published: name the one to index with'
        : 'no taxonomy is published yet';
    refuse({ rule: 'TAX-8', field: 'taxonomyId', message });
  }
  return only;
}
