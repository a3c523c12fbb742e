import { refuse } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { TaxonomyFileHeader } from '../airs/index.js';

export type ImportTarget =
  | { kind: 'initial' }
  | { kind: 'translation'; taxonomyId: string; versionId: string; versionStatus: string }
  | { kind: 'update'; taxonomyId: string };

/**
 * What a file is to the taxonomies already imported, decided under a lock on its taxonomy (name
 * and country), so two uploads of one taxonomy run one after the other:
 * - no such taxonomy: its first import (TAX-1);
 * - a version of that release exists: a second language of it (TAX-6), unless a file of that
 *   release in that language was imported already (409, TAX-1) — the version's texts do not
 *   tell: an update version carries the previous release's translations over;
 * - a newer release than the latest: an update (TAX-5); an older one is refused (409, TAX-1);
 * - a newer release in another language than the taxonomy's own is refused (409, TAX-6): a
 *   translation adds a second description to a version that exists, so the release is imported
 *   in the taxonomy's language first (then its translation joins that version, pending review or
 *   not).
 * Discarded versions do not count.
 */
export async function importTarget(
  em: EntityManager,
  header: TaxonomyFileHeader,
): Promise<ImportTarget> {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [
    `taxonomy:${JSON.stringify([header.name, header.country])}`,
  ]);
  const [taxonomy] = await em.execute<{ taxonomyId: string; defaultLanguage: string }[]>(
    `select taxonomy_id as "taxonomyId", default_language as "defaultLanguage"
       from taxonomy where name = ? and country = ?`,
    [header.name, header.country],
  );
  if (!taxonomy) return { kind: 'initial' };
  const { taxonomyId } = taxonomy;
  const [sameRelease] = await em.execute<
    { versionId: string; status: string; hasLanguage: boolean }[]
  >(
    `select v.version_id as "versionId", v.status,
            exists (select 1 from taxonomy_import i
                     where i.version_id = v.version_id and i.language = ?) as "hasLanguage"
       from taxonomy_version v
      where v.taxonomy_id = ? and v.release_date = ?::date and v.status <> 'discarded'
      order by v.created_at desc limit 1`,
    [header.language, taxonomyId, header.releaseDate],
  );
  if (sameRelease) {
    if (sameRelease.hasLanguage) {
      refuse(
        {
          rule: 'TAX-1',
          field: 'releaseDate',
          message: `release already imported: ${header.name} (${header.country}) ${header.releaseDate} in ${header.language}`,
        },
        409,
      );
    }
    return {
      kind: 'translation',
      taxonomyId,
      versionId: sameRelease.versionId,
      versionStatus: sameRelease.status,
    };
  }
  const [{ latest } = { latest: null }] = await em.execute<{ latest: string | null }[]>(
    `select max(release_date)::text as latest from taxonomy_version
      where taxonomy_id = ? and status <> 'discarded'`,
    [taxonomyId],
  );
  if (latest !== null && latest > header.releaseDate) {
    refuse(
      {
        rule: 'TAX-1',
        field: 'releaseDate',
        message: `release ${header.releaseDate} is older than the latest imported release ${latest}`,
      },
      409,
    );
  }
  if (header.language !== taxonomy.defaultLanguage) {
    refuse(
      {
        rule: 'TAX-6',
        field: 'language',
        message:
          `release ${header.releaseDate} is not imported yet and this file is in ${header.language}; ` +
          `import the ${taxonomy.defaultLanguage} file of release ${header.releaseDate} first, then its translation`,
      },
      409,
    );
  }
  return { kind: 'update', taxonomyId };
}
