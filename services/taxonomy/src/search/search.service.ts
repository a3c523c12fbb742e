import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { refuse, type Page } from '@platform/http';
import { inOneSnapshot, type EntityManager } from '@platform/persistence';
import { compoundNamesIn, serviceDetails } from './search-details.js';
import { languageQueriesSql, searchSql, type LanguageQuery } from './search-sql.js';
import type { SearchQuery } from './search.schemas.js';
import type { SearchHitView } from './search.views.js';

interface RankedRow {
  providerServiceId: string;
  rank: number;
  indexIds: string[];
  total: number;
}

/** TAX-9: a term filter names a term of a published version (422 naming `termCode`). */
async function refuseUnknownTerm(em: EntityManager, termCode: string): Promise<void> {
  const [known] = await em.execute<unknown[]>(
    `select 1 from term t join taxonomy_version v using (version_id)
      where v.status = 'published' and t.code = ? limit 1`,
    [termCode],
  );
  if (!known) {
    refuse({ rule: 'TAX-9', field: 'termCode', message: `${termCode} is not a published term` });
  }
}

/** TAX-9: provider services found through their indexes' vocabulary, ranked, with filters. */
@Injectable()
export class SearchService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  search(query: SearchQuery): Promise<Page<SearchHitView>> {
    return inOneSnapshot(this.orm.em.fork(), async (em) => {
      if (query.termCode !== undefined) await refuseUnknownTerm(em, query.termCode);
      const queries: LanguageQuery[] = [];
      if (query.q !== undefined) {
        const built = languageQueriesSql(query.q, query.language);
        queries.push(...(await em.execute<LanguageQuery[]>(built.sql, built.params)));
      }
      const { sql, params } = searchSql(query, queries);
      let rows = await em.execute<RankedRow[]>(sql, params);
      let total = rows[0]?.total ?? 0;
      if (rows.length === 0 && query.offset > 0) {
        // past the last page: count from the first page's query, which carries the total
        const first = searchSql({ ...query, limit: 1, offset: 0 }, queries);
        total = (await em.execute<RankedRow[]>(first.sql, first.params))[0]?.total ?? 0;
        rows = [];
      }
      const details = await serviceDetails(
        em,
        rows.map((row) => row.providerServiceId),
      );
      const names = await compoundNamesIn(
        em,
        rows.flatMap((row) => row.indexIds),
        query.language,
      );
      const items = rows.flatMap((row): SearchHitView[] => {
        const service = details.get(row.providerServiceId);
        if (!service) return [];
        return [
          {
            ...service,
            matchedIndexes: row.indexIds.map((id) => names.get(id) ?? id),
            rank: Number(row.rank),
          },
        ];
      });
      return { items, total, limit: query.limit, offset: query.offset };
    });
  }
}
