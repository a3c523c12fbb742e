import type { Page } from '@platform/http';
import { NotFoundProblem } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import { containsPattern } from '@platform/persistence';
import { isoTime, versionLanguage } from '../versions/version-reads.js';
import type { TermText } from './term-content.js';
import type { ListTermsQuery } from './term.schemas.js';
import type { TermDetailView, TermDraftView, TermListItem } from './term-views.js';

/**
 * TAX-6: the text of term `alias` to show — in the language asked for, else one of the same
 * language in another region, else the taxonomy's default language, else any. Parameters: the
 * language twice, then the default language.
 */
const chosenText = (alias: string) => `left join lateral (
    select tt.language, tt.name, tt.definition, tt.use_references from term_text tt
     where tt.version_id = ${alias}.version_id and tt.code = ${alias}.code
     order by (tt.language = ?) desc, (split_part(tt.language, '-', 1) = split_part(?, '-', 1)) desc,
              (tt.language = ?) desc, tt.language
     limit 1) x on true`;

const LIST_COLUMNS = `t.code, t.parent_code as "parentCode", t.level, t.facet,
  t.display_state as "displayState", t.custom, x.language, x.name, x.definition,
  x.use_references as "useReferences",
  (select count(*)::int from term c where c.version_id = t.version_id and c.parent_code = t.code)
    as "childCount"`;

/**
 * TAX-4/TAX-3/TAX-6: a version's terms as the version holds them (drafts of the published version
 * are only marked), filtered by parent, name and display state, by code. Inactive-hidden terms
 * are left out unless `showHidden` (an administrator asked for them).
 */
export async function listTerms(
  em: EntityManager,
  versionId: string,
  query: ListTermsQuery,
  showHidden: boolean,
): Promise<Page<TermListItem>> {
  const { defaultLanguage } = await versionLanguage(em, versionId);
  const language = query.language ?? defaultLanguage;
  const where = ['t.version_id = ?'];
  const params: unknown[] = [versionId];
  if (query.parentCode) {
    where.push('t.parent_code = ?');
    params.push(query.parentCode);
  }
  if (query.q) {
    where.push('x.name ilike ?');
    params.push(containsPattern(query.q));
  }
  if (query.displayState) {
    where.push('t.display_state = ?');
    params.push(query.displayState);
  }
  if (!showHidden) where.push(`t.display_state <> 'inactive-hidden'`);
  const from = `from term t ${chosenText('t')} where ${where.join(' and ')}`;
  const textParams = [language, language, defaultLanguage];
  const [count] = await em.execute<{ total: number }[]>(`select count(*)::int as total ${from}`, [
    ...textParams,
    ...params,
  ]);
  const items = await em.execute<TermListItem[]>(
    `select ${LIST_COLUMNS},
            (select action from term_draft d where d.version_id = t.version_id and d.code = t.code)
              as draft
       ${from} order by t.code limit ? offset ?`,
    [...textParams, ...params, query.limit, query.offset],
  );
  return { items, total: count?.total ?? 0, limit: query.limit, offset: query.offset };
}

type DraftRow = TermDraftView & { custom: boolean };

/** TAX-4/TAX-6: one term with every language's text, references and pending draft; or 404. */
export async function termDetail(
  em: EntityManager,
  versionId: string,
  code: string,
  requestedLanguage: string | undefined,
): Promise<TermDetailView> {
  const { defaultLanguage } = await versionLanguage(em, versionId);
  const language = requestedLanguage ?? defaultLanguage;
  const textParams = [language, language, defaultLanguage];
  const [term] = await em.execute<Omit<TermListItem, 'draft'>[]>(
    `select ${LIST_COLUMNS} from term t ${chosenText('t')} where t.version_id = ? and t.code = ?`,
    [...textParams, versionId, code],
  );
  const [draft] = await em.execute<DraftRow[]>(
    `select action, parent_code as "parentCode", facet, custom, texts,
            ${isoTime('updated_at')} as "updatedAt", updated_by as "updatedBy"
       from term_draft where version_id = ? and code = ?`,
    [versionId, code],
  );
  if (!term && !draft) throw new NotFoundProblem('Term', code);
  const texts = await em.execute<TermText[]>(
    `select language, name, definition, use_references as "useReferences"
       from term_text where version_id = ? and code = ? order by language`,
    [versionId, code],
  );
  const seeAlso = await em.execute<{ code: string; name: string | null }[]>(
    `select s.see_also_code as code, x.name
       from term_see_also s left join term t on t.version_id = s.version_id and t.code = s.see_also_code
       ${chosenText('t')}
      where s.version_id = ? and s.code = ? order by s.see_also_code`,
    [...textParams, versionId, code],
  );
  const relatedConcepts = await em.execute<{ code: string; name: string | null }[]>(
    `select concept_code as code, concept_name as name from term_related_concept
      where version_id = ? and code = ? order by concept_code`,
    [versionId, code],
  );
  const { custom: draftCustom, ...draftView } = draft ?? { custom: false };
  const shown =
    term ?? draftOnlyTerm(code, draft as DraftRow, draftCustom, language, defaultLanguage);
  return {
    ...shown,
    versionId,
    inVersion: term !== undefined,
    texts: term ? texts : (draft?.texts ?? []),
    seeAlso,
    relatedConcepts,
    draft: draft ? (draftView as TermDraftView) : null,
  };
}

/** A term drafted for addition, shown from its draft in the language asked for (TAX-6). */
function draftOnlyTerm(
  code: string,
  draft: DraftRow,
  custom: boolean,
  language: string,
  defaultLanguage: string,
): Omit<
  TermDetailView,
  'versionId' | 'inVersion' | 'texts' | 'seeAlso' | 'relatedConcepts' | 'draft'
> {
  const text =
    draft.texts.find((t) => t.language === language) ??
    draft.texts.find((t) => t.language === defaultLanguage) ??
    draft.texts[0];
  return {
    code,
    parentCode: draft.parentCode,
    level: null,
    facet: draft.facet,
    displayState: null,
    custom,
    language: text?.language ?? defaultLanguage,
    name: text?.name ?? '',
    definition: text?.definition ?? null,
    useReferences: text?.useReferences ?? [],
    childCount: 0,
  };
}
