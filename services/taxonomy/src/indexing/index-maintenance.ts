import type { Actor } from '@platform/contracts';
import type { EntityManager } from '@platform/persistence';
import { refreshDocumentsOf } from '../search/index-documents.js';
import {
  deleteIndex,
  indexesWhere,
  recordIndexAdded,
  recordIndexRemovedOnly,
} from './index-records.js';
import { syncTermUsage } from './term-usage.js';
import { textArray } from '../shared/text-array.js';

/*
 * TAX-5 → TAX-8: what a taxonomy update's review does to indexes, in the caller's transaction.
 * Indexes refer to (taxonomy, code), so only replaced and deleted codes touch them.
 */

/**
 * TAX-5: an accepted replacement moves every index using `fromCode` to `toCode`, in place. Each
 * moved index is announced as removed (with the reason) and added again under the same id with
 * its new terms; one that would duplicate an index the service already has is only removed.
 * Display states (TAX-3) and search documents follow. Answers how many indexes were touched.
 */
export async function moveIndexesToReplacement(
  em: EntityManager,
  taxonomyId: string,
  fromCode: string,
  toCode: string,
  actor: Actor,
): Promise<number> {
  const indexes = await indexesWhere(
    em,
    'i.taxonomy_id = ? and i.term_codes @> array[?]::text[]',
    [taxonomyId, fromCode],
    true,
  );
  const reason = `TAX-5: term ${fromCode} was replaced by ${toCode}`;
  const moved: string[] = [];
  for (const index of indexes) {
    const termCodes = [...new Set(index.termCodes.map((c) => (c === fromCode ? toCode : c)))];
    const [duplicate] = await em.execute<unknown[]>(
      `select 1 from service_index where provider_service_id = ? and taxonomy_id = ?
          and term_codes = ?::text[] and index_id <> ?`,
      [index.providerServiceId, taxonomyId, textArray(termCodes), index.indexId],
    );
    if (duplicate) {
      await deleteIndex(em, index, `${reason}; the service already has that index`, actor);
      continue;
    }
    await recordIndexRemovedOnly(em, index, reason, actor);
    await em.execute('update service_index set term_codes = ?::text[] where index_id = ?', [
      textArray(termCodes),
      index.indexId,
    ]);
    await recordIndexAdded(em, { ...index, termCodes }, actor);
    moved.push(index.indexId);
  }
  await syncTermUsage(em, taxonomyId, [fromCode, toCode]);
  await refreshDocumentsOf(em, moved);
  return indexes.length;
}

/**
 * TAX-5: an accepted deletion removes every index using `code` (a compound index without one of
 * its terms would say something else), recording `service-index.removed` with `reason`. Display
 * states (TAX-3) of the index's other terms follow. Answers how many indexes were removed.
 */
export async function removeIndexesUsing(
  em: EntityManager,
  taxonomyId: string,
  code: string,
  reason: string,
  actor: Actor,
): Promise<number> {
  const indexes = await indexesWhere(
    em,
    'i.taxonomy_id = ? and i.term_codes @> array[?]::text[]',
    [taxonomyId, code],
    true,
  );
  for (const index of indexes) await deleteIndex(em, index, reason, actor);
  await syncTermUsage(em, taxonomyId, [code, ...indexes.flatMap((index) => index.termCodes)]);
  return indexes.length;
}
