import type { EntityManager } from '@platform/persistence';
import { textArray } from '../shared/text-array.js';

/**
 * TAX-9: the search documents of indexes, built set-based from the published version: per index
 * and per language any of its terms has, the concatenation of its terms' documents (names A, use
 * references B, definitions C; see term_text_document in the core migration). A term without a
 * text in that language contributes its default-language text, so a half-translated compound
 * index is still found by all its terms. Each document carries its index's service and taxonomy
 * and whether a directory offers the service (kept by triggers since: search-scope migration), so
 * search reads documents alone.
 */
const BUILD_DOCUMENTS = (indexFilter: string) => `
  with idx as (
    select i.index_id, i.provider_service_id, i.taxonomy_id, v.version_id, t.default_language, code
      from service_index i
      join taxonomy t using (taxonomy_id)
      join taxonomy_version v on v.taxonomy_id = i.taxonomy_id and v.status = 'published'
      cross join unnest(i.term_codes) code
     where ${indexFilter}
  ),
  languages as (
    select distinct idx.index_id, tt.language
      from idx join term_text tt on tt.version_id = idx.version_id and tt.code = idx.code
  )
  insert into index_document (index_id, language, document, provider_service_id, taxonomy_id, offered)
  select l.index_id, l.language, tsvector_agg(coalesce(own.document, fallback.document)),
         idx.provider_service_id, idx.taxonomy_id, offered_in_directory(ps.status, p.status)
    from languages l
    join idx using (index_id)
    left join provider_service ps on ps.provider_service_id = idx.provider_service_id
    left join provider p on p.provider_id = ps.provider_id
    left join term_text own
      on own.version_id = idx.version_id and own.code = idx.code and own.language = l.language
    left join term_text fallback
      on fallback.version_id = idx.version_id and fallback.code = idx.code
     and fallback.language = idx.default_language
   group by l.index_id, l.language, idx.provider_service_id, idx.taxonomy_id, ps.status, p.status`;

/**
 * TAX-9: rebuilds the search documents of every index of a taxonomy from its published version.
 * Called by publishVersion in its transaction, so search never mixes two versions' vocabulary.
 */
export async function refreshIndexDocuments(em: EntityManager, taxonomyId: string): Promise<void> {
  await em.execute(
    `delete from index_document d using service_index i
      where d.index_id = i.index_id and i.taxonomy_id = ?`,
    [taxonomyId],
  );
  await em.execute(BUILD_DOCUMENTS('i.taxonomy_id = ?'), [taxonomyId]);
}

/** TAX-9: (re)builds the search documents of the given indexes, e.g. one just added. */
export async function refreshDocumentsOf(
  em: EntityManager,
  indexIds: readonly string[],
): Promise<void> {
  if (indexIds.length === 0) return;
  await em.execute('delete from index_document where index_id = any(?::uuid[])', [
    textArray(indexIds),
  ]);
  await em.execute(BUILD_DOCUMENTS('i.index_id = any(?::uuid[])'), [textArray(indexIds)]);
}
