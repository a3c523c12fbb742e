import { serviceIndexAdded, serviceIndexRemoved, type Actor } from '@platform/contracts';
import { recordEvent } from '@platform/messaging';
import type { EntityManager } from '@platform/persistence';
import { compoundIndexName } from './compound-name.js';
import { textArray } from '../shared/text-array.js';

/** A stored index (TAX-8): the provider service, the taxonomy and its terms in order. */
export interface IndexRecord {
  indexId: string;
  providerServiceId: string;
  providerId: string;
  taxonomyId: string;
  termCodes: string[];
  createdAt: string;
  createdBy: string;
}

const SELECT_INDEX = `
  select i.index_id as "indexId", i.provider_service_id as "providerServiceId",
         s.provider_id as "providerId", i.taxonomy_id as "taxonomyId",
         i.term_codes as "termCodes", i.created_at as "createdAt", i.created_by as "createdBy"
    from service_index i join provider_service s using (provider_service_id)`;

export function indexesWhere(
  em: EntityManager,
  condition: string,
  params: unknown[],
  lock = false,
): Promise<IndexRecord[]> {
  return em.execute<IndexRecord[]>(
    `${SELECT_INDEX} where ${condition} order by i.created_at, i.index_id
     ${lock ? 'for update of i' : ''}`,
    params,
  );
}

/**
 * The names of a taxonomy's terms for compound names, in its default language: from the published
 * version, else from the newest version being edited or reviewed, so a replacement term not yet
 * published is named too (TAX-5). A code no version has keeps its code.
 */
export async function termNames(
  em: EntityManager,
  taxonomyId: string,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const rows = await em.execute<{ code: string; name: string }[]>(
    `select distinct on (tt.code) tt.code, tt.name
       from taxonomy t
       join taxonomy_version v using (taxonomy_id)
       join term_text tt on tt.version_id = v.version_id and tt.language = t.default_language
      where t.taxonomy_id = ? and tt.code = any(?::text[])
        and v.status in ('published', 'editing', 'pending-user-review')
      order by tt.code, v.status <> 'published', v.created_at desc`,
    [taxonomyId, textArray(codes)],
  );
  return new Map(rows.map((row) => [row.code, row.name]));
}

/** TAX-8: "Youth Mentoring * At Risk Youth * Girls" for the index's terms. */
export async function compoundNameOf(
  em: EntityManager,
  taxonomyId: string,
  codes: readonly string[],
): Promise<string> {
  const names = await termNames(em, taxonomyId, codes);
  return compoundIndexName(codes.map((code) => names.get(code) ?? code));
}

const eventFacts = async (em: EntityManager, index: IndexRecord) => ({
  indexId: index.indexId,
  providerServiceId: index.providerServiceId,
  providerId: index.providerId,
  taxonomyId: index.taxonomyId,
  termCodes: index.termCodes,
  compoundName: await compoundNameOf(em, index.taxonomyId, index.termCodes),
});

/** TAX-8: `service-index.added`, keyed by provider service, in the caller's transaction. */
export async function recordIndexAdded(
  em: EntityManager,
  index: IndexRecord,
  actor: Actor,
): Promise<void> {
  recordEvent(em, serviceIndexAdded, {
    aggregateId: index.providerServiceId,
    actor,
    data: await eventFacts(em, index),
  });
}

/** TAX-8: `service-index.removed` for the index as it is, in the caller's transaction. */
export async function recordIndexRemovedOnly(
  em: EntityManager,
  index: IndexRecord,
  reason: string | null,
  actor: Actor,
): Promise<void> {
  const data = { ...(await eventFacts(em, index)), reason };
  recordEvent(em, serviceIndexRemoved, { aggregateId: index.providerServiceId, actor, data });
}

/** TAX-8: deletes the index (its search documents go with it) and records `service-index.removed`. */
export async function deleteIndex(
  em: EntityManager,
  index: IndexRecord,
  reason: string | null,
  actor: Actor,
): Promise<void> {
  await recordIndexRemovedOnly(em, index, reason, actor);
  await em.execute('delete from service_index where index_id = ?', [index.indexId]);
}
