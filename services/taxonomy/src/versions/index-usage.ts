import type { Actor } from '@platform/contracts';
import type { EntityManager } from '@platform/persistence';
import { moveIndexesToReplacement, removeIndexesUsing } from '../indexing/index-maintenance.js';
import { textArray } from '../shared/text-array.js';

/**
 * TAX-5 meets TAX-8: what the review shows of, and does to, the indexes (`service_index`: one row
 * per index of a provider service, `term_codes` its one or more — compound — codes).
 */

/** How many indexes of the taxonomy use each of `codes` (alone or in a compound index). */
export async function indexCounts(
  em: EntityManager,
  taxonomyId: string,
  codes: readonly string[],
): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await em.execute<{ code: string; count: number }[]>(
    `select c.code, count(i.*)::int as count
       from unnest(?::text[]) as c(code)
       left join service_index i on i.taxonomy_id = ? and c.code = any(i.term_codes)
      group by c.code`,
    [textArray(codes), taxonomyId],
  );
  return new Map(rows.map((row) => [row.code, row.count]));
}

/**
 * TAX-5 → TAX-8: once a reviewed version is published, the indexes of every term whose
 * replacement was accepted move to the replacement, and those of every accepted deletion are
 * removed (the indexing area's moves, with their events, display states and search documents).
 * Run after publishVersion in the same transaction, so the moved indexes are named and searched
 * with the new version's terms; never before, so the published version's indexes never name a
 * code only a draft has. Idempotent: a second run finds no index with those codes.
 */
export async function applyAcceptedIndexChanges(
  em: EntityManager,
  versionId: string,
  actor: Actor,
): Promise<number> {
  const accepted = await em.execute<
    {
      taxonomyId: string;
      versionLabel: string;
      code: string;
      change: string;
      replacedBy: string | null;
    }[]
  >(
    `select v.taxonomy_id as "taxonomyId", v.version_label as "versionLabel", c.code, c.change,
            c.replaced_by as "replacedBy"
       from version_change c join taxonomy_version v using (version_id)
      where c.version_id = ? and c.change in ('replaced', 'deleted') and c.decision = 'accepted'
      order by c.code`,
    [versionId],
  );
  let touched = 0;
  for (const { taxonomyId, versionLabel, code, change, replacedBy } of accepted) {
    touched +=
      change === 'replaced' && replacedBy !== null
        ? await moveIndexesToReplacement(em, taxonomyId, code, replacedBy, actor)
        : await removeIndexesUsing(
            em,
            taxonomyId,
            code,
            `TAX-5: term ${code} was deleted in release ${versionLabel}`,
            actor,
          );
  }
  return touched;
}
