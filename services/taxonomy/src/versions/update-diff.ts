import type { EntityManager } from '@platform/persistence';
import type { ReviewOptions } from './term-diff.js';
import { textArray } from '../shared/text-array.js';

/** Sorted distinct elements of an array expression, so arrays compare as sets (as term-diff does). */
const asSet = (expression: string) =>
  `array(select distinct e from unnest(${expression}) as e(e) order by 1)`;

/**
 * TAX-5: records in version_change how the import's terms (import_term) differ from the version
 * the new one is based on, in one set-based statement — the rules of `diffTerms` (term-diff.ts)
 * over the default language's texts: added (a new code that replaces no current term), modified
 * (same code; changed elements named), replaced (a non-custom code the file lacks that a file term
 * lists in `replaces`; the smallest such code replaces it), deleted (a non-custom code the file
 * lacks and nothing replaces). needs_review as `needsReview` says.
 */
export async function recordUpdateDiff(
  em: EntityManager,
  input: {
    versionId: string;
    basedOnVersionId: string;
    importId: string;
    language: string;
    options: ReviewOptions;
  },
): Promise<void> {
  const { versionId, basedOnVersionId, importId, language, options } = input;
  await em.execute(
    `insert into version_change (version_id, code, change, changed_elements, replaced_by, needs_review)
     with old as (
       select t.code, t.custom, t.parent_code, t.facet, x.name, x.definition,
              ${asSet("coalesce(x.use_references, '{}')")} as use_references,
              array(select s.see_also_code from term_see_also s
                     where s.version_id = t.version_id and s.code = t.code order by 1) as see_also,
              array(select jsonb_build_array(r.concept_code, r.concept_name)::text
                      from term_related_concept r
                     where r.version_id = t.version_id and r.code = t.code order by 1) as related
         from term t
         left join term_text x on x.version_id = t.version_id and x.code = t.code and x.language = ?
        where t.version_id = ?
     ), new as (
       select i.code, i.parent_code, i.facet, i.name, i.definition, i.replaces,
              ${asSet('i.use_references')} as use_references,
              ${asSet('i.see_also')} as see_also,
              array(select distinct jsonb_build_array(r->>'code', r->>'name')::text
                      from jsonb_array_elements(i.related_concepts) r order by 1) as related
         from import_term i where i.import_id = ?
     ), replacement as (
       select r.old_code as code, min(n.code) as replaced_by
         from new n cross join lateral unnest(n.replaces) as r(old_code)
        group by r.old_code
     ), gone as (
       select o.code, p.replaced_by from old o left join replacement p using (code)
        where not o.custom and not exists (select 1 from new n where n.code = o.code)
     ), compared as (
       select n.code, array_remove(array[
                case when o.name is distinct from n.name then 'name' end,
                case when o.definition is distinct from n.definition then 'definition' end,
                case when o.parent_code is distinct from n.parent_code then 'parent' end,
                case when o.facet is distinct from n.facet then 'facet' end,
                case when o.use_references <> n.use_references then 'useReferences' end,
                case when o.see_also <> n.see_also then 'seeAlso' end,
                case when o.related <> n.related then 'relatedConcepts' end
              ], null) as elements
         from new n join old o using (code)
     )
     select ?::uuid, code, case when replaced_by is null then 'deleted' else 'replaced' end,
            '{}'::text[], replaced_by, true
       from gone
     union all
     select ?::uuid, code, 'modified', elements, null,
            case when cardinality(?::text[]) > 0 then elements && ?::text[] else ?::boolean end
       from compared where cardinality(elements) > 0
     union all
     select ?::uuid, n.code, 'added', '{}'::text[], null, false
       from new n
      where not exists (select 1 from old o where o.code = n.code)
        and not exists (select 1 from gone g where g.replaced_by = n.code)`,
    [
      language,
      basedOnVersionId,
      importId,
      versionId,
      versionId,
      textArray(options.reviewElements),
      textArray(options.reviewElements),
      options.reviewBeforeImport,
      versionId,
    ],
  );
}

export interface ChangeCounts {
  added: number;
  modified: number;
  replaced: number;
  deleted: number;
  toReview: number;
}

export async function changeCounts(em: EntityManager, versionId: string): Promise<ChangeCounts> {
  const [row] = await em.execute<ChangeCounts[]>(
    `select count(*) filter (where change = 'added')::int as added,
            count(*) filter (where change = 'modified')::int as modified,
            count(*) filter (where change = 'replaced')::int as replaced,
            count(*) filter (where change = 'deleted')::int as deleted,
            count(*) filter (where needs_review)::int as "toReview"
       from version_change where version_id = ?`,
    [versionId],
  );
  return row ?? { added: 0, modified: 0, replaced: 0, deleted: 0, toReview: 0 };
}
