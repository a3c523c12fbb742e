import type { EntityManager } from '@platform/persistence';

/**
 * The set-based term writes of an update import and its review (TAX-5, ADR 0021: a version is a
 * complete copy of its terms). Each statement takes the codes it touches as a subquery (`codes`:
 * SQL selecting one `code` column, with its parameters), so the import applies ~9,200 terms in a
 * handful of statements and a review decision applies one with the same code.
 */
export interface CodeSet {
  sql: string;
  params: unknown[];
}

/** One code, as a CodeSet. */
export const oneCode = (code: string): CodeSet => ({ sql: 'select ?::text', params: [code] });

/**
 * TAX-2/TAX-5: a new version starts as a copy of the published one — every term with its display
 * state (TAX-3), custom terms (TAX-4), texts in every language (TAX-6), see-also references and
 * related concepts.
 */
export async function copyVersionTerms(
  em: EntityManager,
  fromVersionId: string,
  toVersionId: string,
  updatedBy: string,
): Promise<void> {
  await em.execute(
    `insert into term (version_id, code, parent_code, level, facet, display_state, custom, updated_by)
     select ?, code, parent_code, level, facet, display_state, custom, ?
       from term where version_id = ?`,
    [toVersionId, updatedBy, fromVersionId],
  );
  await em.execute(
    `insert into term_text (version_id, code, language, name, definition, use_references)
     select ?, code, language, name, definition, use_references from term_text where version_id = ?`,
    [toVersionId, fromVersionId],
  );
  await em.execute(
    `insert into term_see_also (version_id, code, see_also_code)
     select ?, code, see_also_code from term_see_also where version_id = ?`,
    [toVersionId, fromVersionId],
  );
  await em.execute(
    `insert into term_related_concept (version_id, code, concept_code, concept_name)
     select ?, code, concept_code, concept_name from term_related_concept where version_id = ?`,
    [toVersionId, fromVersionId],
  );
}

export interface ImportTarget {
  versionId: string;
  importId: string;
  /** The taxonomy's default language: the language of its update files. */
  language: string;
  updatedBy: string;
}

/**
 * TAX-5: writes the file's values (staged in import_term) of `codes` into the version: new terms
 * are inserted (active, not custom), existing ones take the file's parent, level, facet, text in
 * the file's language, see-also references and related concepts; other languages' texts and the
 * display state stay.
 */
export async function applyImportedTerms(
  em: EntityManager,
  target: ImportTarget,
  codes: CodeSet,
): Promise<void> {
  const { versionId, importId, language, updatedBy } = target;
  const staged = `from import_term i where i.import_id = ? and i.code in (${codes.sql})`;
  const stagedParams = [importId, ...codes.params];
  await em.execute(
    `insert into term (version_id, code, parent_code, level, facet, updated_by)
     select ?, i.code, i.parent_code, i.level, i.facet, ? ${staged}
     on conflict (version_id, code) do update
       set parent_code = excluded.parent_code, level = excluded.level, facet = excluded.facet,
           updated_at = now(), updated_by = excluded.updated_by`,
    [versionId, updatedBy, ...stagedParams],
  );
  await em.execute(
    `insert into term_text (version_id, code, language, name, definition, use_references)
     select ?, i.code, ?, i.name, i.definition, i.use_references ${staged}
     on conflict (version_id, code, language) do update
       set name = excluded.name, definition = excluded.definition,
           use_references = excluded.use_references`,
    [versionId, language, ...stagedParams],
  );
  await replaceLinks(em, versionId, codes, {
    seeAlso: `select distinct ?::uuid, i.code, s.code
                from import_term i cross join lateral unnest(i.see_also) as s(code)
               where i.import_id = ? and i.code in (${codes.sql})`,
    related: `select distinct on (i.code, r.value->>'code') ?::uuid, i.code, r.value->>'code',
                     r.value->>'name'
                from import_term i cross join lateral jsonb_array_elements(i.related_concepts) r
               where i.import_id = ? and i.code in (${codes.sql})`,
    params: [versionId, ...stagedParams],
  });
}

/**
 * TAX-5: a rejected modification — the term takes back the values it had in the version this one
 * is based on (parent, level, facet, the language's text, see-also references, related concepts).
 */
export async function restoreTermsFrom(
  em: EntityManager,
  fromVersionId: string,
  target: Omit<ImportTarget, 'importId'>,
  codes: CodeSet,
): Promise<void> {
  const { versionId, language, updatedBy } = target;
  await em.execute(
    `update term t set parent_code = o.parent_code, level = o.level, facet = o.facet,
            updated_at = now(), updated_by = ?
       from term o
      where t.version_id = ? and o.version_id = ? and o.code = t.code and t.code in (${codes.sql})`,
    [updatedBy, versionId, fromVersionId, ...codes.params],
  );
  await em.execute(
    `update term_text t set name = o.name, definition = o.definition,
            use_references = o.use_references
       from term_text o
      where t.version_id = ? and t.language = ? and o.version_id = ? and o.code = t.code
        and o.language = t.language and t.code in (${codes.sql})`,
    [versionId, language, fromVersionId, ...codes.params],
  );
  await replaceLinks(em, versionId, codes, {
    seeAlso: `select ?::uuid, code, see_also_code from term_see_also
               where version_id = ? and code in (${codes.sql})`,
    related: `select ?::uuid, code, concept_code, concept_name from term_related_concept
               where version_id = ? and code in (${codes.sql})`,
    params: [versionId, fromVersionId, ...codes.params],
  });
}

/** Replaces the see-also references and related concepts of `codes` with the given selects'. */
async function replaceLinks(
  em: EntityManager,
  versionId: string,
  codes: CodeSet,
  from: { seeAlso: string; related: string; params: unknown[] },
): Promise<void> {
  for (const table of ['term_see_also', 'term_related_concept']) {
    await em.execute(`delete from ${table} where version_id = ? and code in (${codes.sql})`, [
      versionId,
      ...codes.params,
    ]);
  }
  await em.execute(
    `insert into term_see_also (version_id, code, see_also_code) ${from.seeAlso}`,
    from.params,
  );
  await em.execute(
    `insert into term_related_concept (version_id, code, concept_code, concept_name) ${from.related}`,
    from.params,
  );
}

/** TAX-5: an accepted deletion or replacement removes the term (and its texts) from the version. */
export async function removeTerms(em: EntityManager, versionId: string, codes: CodeSet) {
  await em.execute(`delete from term where version_id = ? and code in (${codes.sql})`, [
    versionId,
    ...codes.params,
  ]);
}
