import type { EntityManager } from '@platform/persistence';
import { compoundIndexName } from '../indexing/compound-name.js';
import { CENTRE_LOCATION, OPEN_CENTRE } from './directory-scope.js';
import type { SearchHitView } from './search.views.js';
import { textArray } from '../shared/text-array.js';

type ServiceDetails = Omit<SearchHitView, 'matchedIndexes' | 'rank'>;

/** What search shows of the provider services on a page: provider, product, category, centres. */
export async function serviceDetails(
  em: EntityManager,
  providerServiceIds: readonly string[],
): Promise<Map<string, ServiceDetails>> {
  const rows = await em.execute<
    (ServiceDetails & { categoryCode: string | null; categoryName: string | null })[]
  >(
    `select ps.provider_service_id as "providerServiceId", ps.provider_id as "providerId",
            p.name as "providerName", sp.name as "productName",
            pc.category_code as "categoryCode", pc.category_name as "categoryName",
            array(select ${CENTRE_LOCATION} from service_centre c
                   where c.provider_id = ps.provider_id and ${OPEN_CENTRE}
                   order by c.name, c.service_centre_id) as locations
       from provider_service ps
       left join provider p on p.provider_id = ps.provider_id
       left join service_product sp on sp.service_product_id = ps.service_product_id
       left join provider_classification pc on pc.provider_id = ps.provider_id
      where ps.provider_service_id = any(?::uuid[])`,
    [textArray(providerServiceIds)],
  );
  return new Map(
    rows.map(({ categoryCode, categoryName, ...row }) => [
      row.providerServiceId,
      { ...row, category: categoryCode ? { code: categoryCode, name: categoryName } : null },
    ]),
  );
}

/** A term's name in a language of the published version (term_text's key: one index probe). */
const TERM_NAME = (language: string) => `(select tt.name from term_text tt
   where tt.version_id = v.version_id and tt.code = c.code and tt.language = ${language})`;

/**
 * TAX-8 / TAX-6: indexes' compound names from the published version, each term in `language`
 * (else the taxonomy's default language; a term no longer published shows its code). Each name is
 * looked up by term_text's key: joining term_text hashed every text of every version per page.
 */
export async function compoundNamesIn(
  em: EntityManager,
  indexIds: readonly string[],
  language: string | undefined,
): Promise<Map<string, string>> {
  const rows = await em.execute<{ indexId: string; names: string[] }[]>(
    `select i.index_id as "indexId",
            array(select coalesce(${TERM_NAME('coalesce(?::text, t.default_language)')},
                                  ${TERM_NAME('t.default_language')}, c.code)
                    from unnest(i.term_codes) with ordinality as c(code, ord)
                   order by c.ord) as names
       from service_index i
       join taxonomy t on t.taxonomy_id = i.taxonomy_id
       left join taxonomy_version v on v.taxonomy_id = i.taxonomy_id and v.status = 'published'
      where i.index_id = any(?::uuid[])`,
    [language ?? null, textArray(indexIds)],
  );
  return new Map(rows.map((row) => [row.indexId, compoundIndexName(row.names)]));
}
