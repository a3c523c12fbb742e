import { describe, expect, it } from '@jest/globals';
import { languageQueriesSql, searchSql } from './search-sql.js';

const page = { limit: 25, offset: 50 };
const placeholders = (sql: string) => (sql.match(/\?/g) ?? []).length;

describe('search query building (TAX-9)', () => {
  it('TAX-9: words become a tsquery per language with a simple-config fallback for stop words', () => {
    const { sql, params } = languageQueriesSql('at risk', 'fr');
    expect(sql).toContain("websearch_to_tsquery('simple'");
    expect(sql).toContain('select default_language from taxonomy');
    expect(params).toEqual(['at risk', 'at risk', 'at risk', 'fr', 'fr']);
    expect(placeholders(sql)).toBe(params.length);
  });

  it('TAX-9: words are matched only against index documents, one branch per language', () => {
    const queries = [
      { language: 'en', query: "'risk'" },
      { language: 'fr', query: "'risqu'" },
    ];
    const { sql, params } = searchSql({ q: 'at risk', language: 'fr', ...page }, queries);
    expect(sql).toContain('from index_document d');
    expect(sql).not.toMatch(/service_product|sp\.name/);
    expect(sql.match(/union all/g)).toHaveLength(1);
    expect(params).toEqual([
      ...["'risk'", 'en', "'risk'", 'fr', 'fr'],
      ...["'risqu'", 'fr', "'risqu'", 'fr', 'fr'],
      25,
      50,
    ]);
    expect(placeholders(sql)).toBe(params.length);
  });

  it('TAX-9: words read the directory scope from the documents; only filters join the service', () => {
    const queries = [{ language: 'en', query: "'girl'" }];
    const plain = searchSql({ q: 'girls', ...page }, queries).sql;
    expect(plain).toContain('d.offered');
    expect(plain).not.toMatch(/provider_service ps|service_index i/);
    const filtered = searchSql({ q: 'girls', category: 'shelter', ...page }, queries).sql;
    expect(filtered).toContain('join provider_service ps');
    const browsed = searchSql({ termCode: 'Y', ...page }).sql;
    expect(browsed).toContain('offered_in_directory(ps.status, p.status)');
  });

  it('TAX-9: words with no taxonomy to search match nothing', () => {
    expect(searchSql({ q: 'girls', ...page }, []).sql).toContain('where false');
  });

  it('TAX-9: a term filter without words browses indexes of the term and its descendants', () => {
    const { sql, params } = searchSql({ termCode: 'PH-1400', ...page });
    expect(sql).not.toContain('index_document');
    expect(sql).toContain('c.parent_code = s.code');
    expect(params).toEqual(['PH-1400', 25, 50]);
    expect(placeholders(sql)).toBe(params.length);
  });

  it('TAX-9: category and location filters are bound values; location wildcards are literal', () => {
    const queries = [{ language: 'en', query: "'girl'" }];
    const { sql, params } = searchSql(
      { q: 'girls', termCode: 'Y', category: 'shelter', location: '100%', ...page },
      queries,
    );
    expect(params).toEqual(['Y', "'girl'", 'en', "'girl'", 'shelter', '%100\\%%', 25, 50]);
    expect(placeholders(sql)).toBe(params.length);
  });
});
