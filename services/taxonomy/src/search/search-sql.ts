import { containsPattern } from '@platform/persistence';
import { CENTRE_LOCATION, OFFERED_SERVICE, OPEN_CENTRE } from './directory-scope.js';

export interface SearchCriteria {
  q?: string;
  language?: string;
  termCode?: string;
  category?: string;
  location?: string;
  limit: number;
  offset: number;
}

/** The words of `q` as a tsquery, for the documents of one language. */
export interface LanguageQuery {
  language: string;
  query: string;
}

export interface Sql {
  sql: string;
  params: unknown[];
}

/**
 * TAX-9: the query words as a tsquery per language that may be searched — the requested one and
 * each taxonomy's default (the fallback) — in the language's text-search configuration (stemmed,
 * stop words dropped), or in 'simple' when that drops every word: a search for "at" (an English
 * stop word) still finds "At Risk Youth" through the documents' 'simple' lexemes of names and use
 * references. Run first, so the search itself compares documents with constants (GIN index, and
 * ts_rank without rebuilding the query per row).
 */
export function languageQueriesSql(q: string, language: string | undefined): Sql {
  return {
    sql: `select l.language,
                 (case when numnode(websearch_to_tsquery(taxonomy_text_config(l.language), ?::text)) > 0
                       then websearch_to_tsquery(taxonomy_text_config(l.language), ?::text)
                       else websearch_to_tsquery('simple', ?::text) end)::text as query
            from (select ?::text as language where ?::text is not null
                  union select default_language from taxonomy) l
           order by l.language`,
    params: [q, q, q, language ?? null, language ?? null],
  };
}

/**
 * TAX-9: the term and its descendants in each taxonomy's published version (parent_code), as one
 * array of codes per taxonomy: built once, so the index filter below compares each index's codes
 * with a ready array (built per index row, a top-level term took seconds at 100,000 indexes).
 */
const SUBTREE = `
  with recursive subtree as (
    select v.taxonomy_id, t.version_id, t.code
      from term t join taxonomy_version v on v.version_id = t.version_id and v.status = 'published'
     where t.code = ?::text
    union
    select s.taxonomy_id, c.version_id, c.code
      from subtree s join term c on c.version_id = s.version_id and c.parent_code = s.code
  ),
  subtree_codes as (select taxonomy_id, array_agg(code) as codes from subtree group by taxonomy_id)`;

/** Only indexes (`i`) with a term of the subtree (GIN on term_codes). */
const IN_SUBTREE = `join subtree_codes sc on sc.taxonomy_id = i.taxonomy_id and i.term_codes && sc.codes`;

/**
 * One language's matching indexes of offered services with their rank, read from the search
 * documents alone (they carry service, taxonomy and directory scope; search-scope migration). A
 * document in language L is read for an index when L is the requested language (default: the
 * taxonomy's), or L is the taxonomy's default and the index has no document in the requested
 * language (TAX-6 fallback).
 */
function languageBranch(requested: string | null, inSubtree: boolean): string {
  return `
    select d.provider_service_id, d.index_id, ts_rank(d.document, ?::tsquery) as rank
      from index_document d
      join taxonomy t on t.taxonomy_id = d.taxonomy_id
      ${inSubtree ? `join service_index i on i.index_id = d.index_id ${IN_SUBTREE}` : ''}
     where d.language = ? and d.document @@ ?::tsquery and d.offered
       and (d.language = ${requested === null ? 't.default_language' : '?::text'}
            ${
              requested === null
                ? ''
                : `or (d.language = t.default_language and not exists (
                     select 1 from index_document o where o.index_id = d.index_id and o.language = ?::text))`
            })`;
}

/**
 * PRV-3: the category and location filters on the matched services (their bound values appended
 * to `params`). Only they need the service's provider: the directory scope is already in `matched`.
 */
function serviceFilters(criteria: SearchCriteria, params: unknown[]): string {
  if (criteria.category === undefined && criteria.location === undefined) return '';
  const joins = ['join provider_service ps using (provider_service_id)'];
  const conditions: string[] = [];
  if (criteria.category !== undefined) {
    joins.push('join provider_classification pc on pc.provider_id = ps.provider_id');
    conditions.push('pc.category_code = ?');
    params.push(criteria.category);
  }
  if (criteria.location !== undefined) {
    conditions.push(`exists (select 1 from service_centre c
                              where c.provider_id = ps.provider_id and ${OPEN_CENTRE}
                                and ${CENTRE_LOCATION} ilike ?)`);
    params.push(containsPattern(criteria.location));
  }
  return `${joins.join(' ')} where ${conditions.join(' and ')}`;
}

/**
 * TAX-9: the SQL of one page of search results — provider services whose indexes match, ranked
 * by their best index (ts_rank), with the total. Keyword search goes ONLY through index documents,
 * so a service without an index is never found, whatever its name. `queries` come from
 * languageQueriesSql (none: words were given but no taxonomy exists, so nothing matches).
 */
export function searchSql(criteria: SearchCriteria, queries: readonly LanguageQuery[] = []): Sql {
  const params: unknown[] = [];
  const inSubtree = criteria.termCode !== undefined;
  if (inSubtree) params.push(criteria.termCode);
  const requested = criteria.language ?? null;
  let matched: string;
  if (criteria.q === undefined) {
    matched = `select i.provider_service_id, i.index_id, 0::real as rank
                 from service_index i ${inSubtree ? IN_SUBTREE : ''}
                 join provider_service ps using (provider_service_id)
                 join provider p on p.provider_id = ps.provider_id
                where ${OFFERED_SERVICE}`;
  } else if (queries.length === 0) {
    matched =
      'select null::uuid as provider_service_id, null::uuid as index_id, 0::real as rank where false';
  } else {
    matched = queries.map(() => languageBranch(requested, inSubtree)).join(' union all ');
    for (const { language, query } of queries) {
      params.push(query, language, query);
      if (requested !== null) params.push(requested, requested);
    }
  }
  const filters = serviceFilters(criteria, params);
  const sql = `
    ${inSubtree ? `${SUBTREE},` : 'with'}
    matched as materialized (${matched}),
    services as (
      select m.provider_service_id, max(m.rank) as rank
        from matched m ${filters}
       group by m.provider_service_id
    ),
    page as (
      select provider_service_id, rank, count(*) over ()::int as total
        from services
       order by rank desc, provider_service_id
       limit ? offset ?
    )
    select page.provider_service_id as "providerServiceId", page.rank, page.total,
           array_agg(m.index_id order by m.rank desc, m.index_id) as "indexIds"
      from page join matched m using (provider_service_id)
     group by page.provider_service_id, page.rank, page.total
     order by page.rank desc, page.provider_service_id`;
  params.push(criteria.limit, criteria.offset);
  return { sql, params };
}
