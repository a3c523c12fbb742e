import { raw, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { Actor } from '@platform/contracts';
import { isProviderSelfService } from '@platform/http';
import { containsPattern } from '../shared/name-search.js';
import type { ListProvidersQuery } from './provider.schemas.js';
import type { ProviderRecord } from './provider.entity.js';

/**
 * Provider search (`GET /providers`): every filter given must hold. Each one is served by an index
 * of `provider-classification.migration.ts` (or the provider-service migration), so a search stays
 * fast on a large register (`bench/provider-search.mjs`):
 * - name, city: "contains", case-insensitive — `lower(col) like lower('%text%')`, a trigram GIN
 *   index on `lower(col)`;
 * - category, type (PRV-3): b-tree `(category_code, type_code, name, id)`;
 * - specialty (PRV-3): a semi-join on `provider_specialty (specialty_code, provider_id)`;
 * - serviceProductId (PRV-6): providers with a provider service for the product that has not
 *   ended (pending, approved or suspended), on `provider_service (service_product_id, provider_id)`.
 * A provider's own user only ever finds itself (ROLE-2).
 */
export function providerSearchFilter(
  query: ListProvidersQuery,
  actor: Actor,
): FilterQuery<ProviderRecord> {
  const conditions: FilterQuery<ProviderRecord>[] = [];
  if (isProviderSelfService(actor)) conditions.push({ id: actor.providerId ?? '' });
  if (query.status) conditions.push({ status: query.status });
  if (query.name) conditions.push(containsFilter('name', query.name));
  if (query.city) conditions.push(containsFilter('city', query.city));
  if (query.category) conditions.push({ categoryCode: query.category });
  if (query.type) conditions.push({ typeCode: query.type });
  if (query.specialty) {
    conditions.push({
      [raw(
        (alias) =>
          `${alias}.id in (select ps.provider_id from provider_specialty ps where ps.specialty_code = ?)`,
        [query.specialty],
      )]: [],
    });
  }
  if (query.serviceProductId) {
    conditions.push({
      [raw(
        (alias) =>
          `${alias}.id in (select sv.provider_id from provider_service sv where sv.service_product_id = ? and sv.status <> 'ended')`,
        [query.serviceProductId],
      )]: [],
    });
  }
  return conditions.length === 0 ? {} : { $and: conditions };
}

/** `lower(column) like lower('%text%')`: the form the trigram index on `lower(column)` serves. */
function containsFilter(column: 'name' | 'city', text: string): FilterQuery<ProviderRecord> {
  return {
    [raw((alias) => `lower(${alias}.${column}) like lower(?)`, [containsPattern(text)])]: [],
  };
}

/**
 * The list order: by name, then id. With a name filter the same order is written `name || ''`, so
 * PostgreSQL cannot walk `provider_list_order` and filter as it goes: names that contain the term
 * mostly *start* with it ("Sunflower …"), so they sit together in name order and such a walk reads
 * most of the table before it finds a page (165 ms at 100,000 providers, growing with the table).
 * Fetching the matches through the trigram index and sorting them costs about what counting them
 * does, and the total is counted anyway. Without a name filter, walking the index is the fast way.
 */
export function providerSearchOrder(query: ListProvidersQuery): QueryOrderMap<ProviderRecord>[] {
  return query.name
    ? [{ [raw((alias) => `${alias}.name || ''`)]: 'asc' }, { id: 'asc' }]
    : [{ name: 'asc', id: 'asc' }];
}
