import type { Actor } from '@platform/contracts';
import { refuseIfAny } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import { inBatches, type TaxonomyFileHeader, type TaxonomyFileTerm } from '../airs/index.js';
import type { ImportQuery } from './import.schemas.js';

/** Terms per multi-row insert: few round trips, statements of a few hundred kilobytes. */
const BATCH = 500;

export async function recordImport(
  em: EntityManager,
  importId: string,
  header: TaxonomyFileHeader,
  query: ImportQuery,
  actor: Actor,
): Promise<void> {
  await em.execute(
    `insert into taxonomy_import (import_id, taxonomy_name, country, language, release_date,
       review_before_import, review_elements, imported_by)
     select ?, ?, ?, ?, ?::date, ?, array(select jsonb_array_elements_text(?::jsonb)), ?`,
    [
      importId,
      header.name,
      header.country,
      header.language,
      header.releaseDate,
      query.reviewBeforeImport,
      JSON.stringify(query.reviewElements),
      actor.userId,
    ],
  );
}

/**
 * TAX-1: copies the file's terms into the staging table as they are parsed, BATCH terms per
 * insert (one JSON document per batch, expanded by the database), in the import's transaction:
 * a file that turns out bad halfway leaves nothing. Returns how many terms were staged.
 */
export async function stageTerms(
  em: EntityManager,
  importId: string,
  terms: AsyncIterable<TaxonomyFileTerm>,
): Promise<number> {
  let count = 0;
  for await (const batch of inBatches(terms, BATCH)) {
    await em.execute(
      `insert into import_term (import_id, code, parent_code, level, facet, name, definition,
         use_references, see_also, related_concepts, replaces)
       select ?, t.code, t."parentCode", t.level, t.facet, t.name, t.definition,
              t."useReferences", t."seeAlso", t."relatedConcepts", t.replaces
         from jsonb_to_recordset(?::jsonb) as t(code text, "parentCode" text, level int,
              facet text, name text, definition text, "useReferences" text[], "seeAlso" text[],
              "relatedConcepts" jsonb, replaces text[])`,
      [importId, JSON.stringify(batch)],
    );
    count += batch.length;
  }
  return count;
}

/**
 * TAX-1: every parent a term names is a term of the same file (the hierarchy is complete). NOT IN
 * over the file's codes is one hashed set whatever the planner knows: the staged rows are not
 * analysed yet, and a correlated NOT EXISTS was planned as a nested loop (seconds for 9,200).
 */
export async function refuseMissingParents(em: EntityManager, importId: string): Promise<void> {
  const orphans = await em.execute<{ code: string; parentCode: string }[]>(
    `select i.code, i.parent_code as "parentCode" from import_term i
      where i.import_id = ? and i.parent_code is not null
        and i.parent_code not in (select p.code from import_term p where p.import_id = ?)
      order by i.code limit 5`,
    [importId, importId],
  );
  refuseIfAny(
    orphans.map((orphan) => ({
      rule: 'TAX-1',
      field: 'parent',
      message: `term ${orphan.code}: its parent ${orphan.parentCode} is not in the file`,
    })),
  );
}
