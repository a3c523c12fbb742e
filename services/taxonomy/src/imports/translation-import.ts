import type { EntityManager } from '@platform/persistence';
import { refreshIndexDocuments } from '../search/index-documents.js';

/**
 * TAX-6: a second language of an imported release adds a text in that language to each term of
 * the SAME version (one customisation, one set of indexes). Codes the version does not have are
 * counted, not added (a translation does not change the hierarchy); terms the file does not
 * translate keep their other languages (and, in an update version, the text the previous
 * release's translation carried over; the file's texts replace those term by term). A published
 * version's search documents are rebuilt so searches in the new language find its services.
 */
export async function addTranslation(
  em: EntityManager,
  input: {
    importId: string;
    taxonomyId: string;
    versionId: string;
    versionStatus: string;
    language: string;
  },
): Promise<{ unknownCodes: number; untranslatedTerms: number }> {
  const { importId, versionId, language } = input;
  await em.execute(
    `insert into term_text (version_id, code, language, name, definition, use_references)
     select t.version_id, t.code, ?, i.name, i.definition, i.use_references
       from import_term i join term t on t.version_id = ? and t.code = i.code
      where i.import_id = ?
     on conflict (version_id, code, language) do update
       set name = excluded.name, definition = excluded.definition,
           use_references = excluded.use_references`,
    [language, versionId, importId],
  );
  // NOT IN over one hashed set: the staged rows have no planner statistics yet (see staging).
  const [counts] = await em.execute<{ unknownCodes: number; untranslatedTerms: number }[]>(
    `select
       (select count(*)::int from import_term i where i.import_id = ?
           and i.code not in (select t.code from term t where t.version_id = ?))
         as "unknownCodes",
       (select count(*)::int from term t where t.version_id = ?
           and t.code not in (select i.code from import_term i where i.import_id = ?))
         as "untranslatedTerms"`,
    [importId, versionId, versionId, importId],
  );
  if (input.versionStatus === 'published') await refreshIndexDocuments(em, input.taxonomyId);
  return counts ?? { unknownCodes: 0, untranslatedTerms: 0 };
}
