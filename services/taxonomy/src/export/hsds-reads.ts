import type { EntityManager } from '@platform/persistence';
import { textArray } from '../shared/text-array.js';

/**
 * HSDS ids are UUIDs, but a term is (taxonomy, code) and an attribute is (index, term): a stable
 * UUID (RFC 9562 version 8, from an md5 of the natural key) so every export names them alike.
 */
const stableUuid = (key: string) =>
  `overlay(overlay(md5(${key}) placing '8' from 13) placing '8' from 17)::uuid`;

export interface ServiceRow {
  providerServiceId: string;
  providerId: string;
  providerName: string | null;
  providerStatus: string;
  categoryName: string | null;
  productName: string | null;
  serviceStatus: string;
  total: number;
}

/** One page of provider services (of known providers), in id order, with the total. */
export function servicePage(
  em: EntityManager,
  limit: number,
  offset: number,
): Promise<ServiceRow[]> {
  return em.execute<ServiceRow[]>(
    `select ps.provider_service_id as "providerServiceId", ps.provider_id as "providerId",
            p.name as "providerName", p.status as "providerStatus",
            pc.category_name as "categoryName", sp.name as "productName",
            ps.status as "serviceStatus", count(*) over ()::int as total
       from provider_service ps
       join provider p on p.provider_id = ps.provider_id
       left join provider_classification pc on pc.provider_id = ps.provider_id
       left join service_product sp on sp.service_product_id = ps.service_product_id
      order by ps.provider_service_id
      limit ? offset ?`,
    [limit, offset],
  );
}

export interface IndexTermRow {
  attributeId: string;
  serviceTaxonomyId: string;
  indexId: string;
  providerServiceId: string;
  termId: string;
}

/** The page's indexes, one row per term (in index order), with the HSDS ids of the links. */
export function indexTerms(
  em: EntityManager,
  serviceIds: readonly string[],
): Promise<IndexTermRow[]> {
  return em.execute<IndexTermRow[]>(
    `select ${stableUuid(`'attribute:' || i.index_id || ':' || c.code`)} as "attributeId",
            ${stableUuid(`'service_taxonomy:' || i.index_id || ':' || c.code`)} as "serviceTaxonomyId",
            i.index_id as "indexId", i.provider_service_id as "providerServiceId",
            ${stableUuid(`i.taxonomy_id || ':' || c.code`)} as "termId"
       from service_index i
       cross join unnest(i.term_codes) with ordinality as c(code, ord)
      where i.provider_service_id = any(?::uuid[])
      order by i.provider_service_id, i.created_at, i.index_id, c.ord`,
    [textArray(serviceIds)],
  );
}

export interface TermRow {
  id: string;
  code: string;
  name: string;
  description: string | null;
  parentId: string | null;
  taxonomyId: string;
  taxonomyName: string;
  language: string;
  versionLabel: string;
  taxonomyKind: string;
  country: string;
}

/**
 * The published terms the page's indexes use and all their ancestors (so a consumer can show the
 * hierarchy), in `language` or the taxonomy's default language.
 */
export function usedTerms(
  em: EntityManager,
  serviceIds: readonly string[],
  language: string | undefined,
): Promise<TermRow[]> {
  return em.execute<TermRow[]>(
    `with recursive used as (
       select distinct v.version_id, t.code, t.parent_code
         from service_index i
         join taxonomy_version v on v.taxonomy_id = i.taxonomy_id and v.status = 'published'
         join term t on t.version_id = v.version_id and t.code = any(i.term_codes)
        where i.provider_service_id = any(?::uuid[])
       union
       select p.version_id, p.code, p.parent_code
         from used u join term p on p.version_id = u.version_id and p.code = u.parent_code
     )
     select ${stableUuid(`x.taxonomy_id || ':' || u.code`)} as id, u.code,
            coalesce(own.name, fallback.name) as name,
            coalesce(own.definition, fallback.definition) as description,
            case when u.parent_code is null then null
                 else ${stableUuid(`x.taxonomy_id || ':' || u.parent_code`)} end as "parentId",
            x.taxonomy_id as "taxonomyId", x.name as "taxonomyName",
            coalesce(own.language, fallback.language) as language,
            v.version_label as "versionLabel", x.kind as "taxonomyKind", x.country
       from used u
       join taxonomy_version v on v.version_id = u.version_id
       join taxonomy x on x.taxonomy_id = v.taxonomy_id
       left join term_text own on own.version_id = u.version_id and own.code = u.code
             and own.language = coalesce(?::text, x.default_language)
       left join term_text fallback on fallback.version_id = u.version_id and fallback.code = u.code
             and fallback.language = x.default_language
      order by x.taxonomy_id, u.code`,
    [textArray(serviceIds), language ?? null],
  );
}
