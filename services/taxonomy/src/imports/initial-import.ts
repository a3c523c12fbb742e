import { randomUUID } from 'node:crypto';
import type { Actor } from '@platform/contracts';
import type { EntityManager } from '@platform/persistence';
import type { TaxonomyFileHeader } from '../airs/index.js';

/**
 * TAX-1: the first import of a taxonomy: the taxonomy (its file's language is its default), and
 * a version numbered by the release date, in editing, holding every staged term with its text,
 * see-also references and related concepts — set-based copies from the staging table.
 */
export async function createFromImport(
  em: EntityManager,
  importId: string,
  header: TaxonomyFileHeader,
  actor: Actor,
): Promise<{ taxonomyId: string; versionId: string }> {
  const taxonomyId = randomUUID();
  const versionId = randomUUID();
  await em.execute(
    `insert into taxonomy (taxonomy_id, name, kind, default_language, country, created_by)
     values (?, ?, 'airs', ?, ?, ?)`,
    [taxonomyId, header.name, header.language, header.country, actor.userId],
  );
  await em.execute(
    `insert into taxonomy_version (version_id, taxonomy_id, version_label, release_date, status,
       created_by)
     values (?, ?, ?, ?::date, 'editing', ?)`,
    [versionId, taxonomyId, header.releaseDate, header.releaseDate, actor.userId],
  );
  await copyStagedTerms(em, importId, versionId, header.language, actor);
  return { taxonomyId, versionId };
}

/** Copies every staged term of an import into a version (terms, texts, references). */
export async function copyStagedTerms(
  em: EntityManager,
  importId: string,
  versionId: string,
  language: string,
  actor: Actor,
): Promise<void> {
  await em.execute(
    `insert into term (version_id, code, parent_code, level, facet, updated_by)
     select ?::uuid, code, parent_code, level, facet, ? from import_term where import_id = ?`,
    [versionId, actor.userId, importId],
  );
  await em.execute(
    `insert into term_text (version_id, code, language, name, definition, use_references)
     select ?::uuid, code, ?, name, definition, use_references from import_term
      where import_id = ?`,
    [versionId, language, importId],
  );
  await em.execute(
    `insert into term_see_also (version_id, code, see_also_code)
     select ?::uuid, i.code, target from import_term i cross join unnest(i.see_also) as target
      where i.import_id = ?
     on conflict do nothing`,
    [versionId, importId],
  );
  await em.execute(
    `insert into term_related_concept (version_id, code, concept_code, concept_name)
     select ?::uuid, i.code, concept.code, concept.name
       from import_term i
       cross join jsonb_to_recordset(i.related_concepts) as concept(code text, name text)
      where i.import_id = ?
     on conflict do nothing`,
    [versionId, importId],
  );
}
