import type { EntityManager } from '@platform/persistence';
import { textArray } from '../shared/text-array.js';

export type DisplayState = 'active' | 'used' | 'inactive-shown' | 'inactive-hidden';

/**
 * TAX-3, system-managed: an indexable term is `used` while an index uses it and `active` when no
 * index does. Inactive terms are the administrator's choice (terms/display-states.ts) and are
 * never changed by indexing.
 */
export function displayStateForUsage(current: DisplayState, inUse: boolean): DisplayState {
  if (current !== 'active' && current !== 'used') return current;
  return inUse ? 'used' : 'active';
}

/**
 * TAX-3: applies displayStateForUsage to the given codes in the taxonomy's published version and
 * in any newer version being edited or reviewed (so the state survives its publication). The term
 * rows are locked first, so an index added and the last one removed at the same time cannot leave
 * a used term active: the second transaction re-reads the indexes after the first commits.
 */
export async function syncTermUsage(
  em: EntityManager,
  taxonomyId: string,
  codes: readonly string[],
): Promise<void> {
  if (codes.length === 0) return;
  const sorted = [...new Set(codes)].sort();
  const versions = `select version_id from taxonomy_version
                     where taxonomy_id = ? and status in ('published', 'editing', 'pending-user-review')`;
  await em.execute(
    `select 1 from term where version_id in (${versions}) and code = any(?::text[])
      order by version_id, code for update`,
    [taxonomyId, textArray(sorted)],
  );
  await em.execute(
    `update term t set display_state = usage.state, updated_at = now(), updated_by = 'system'
       from (select u.version_id, u.code,
                    case when exists (select 1 from service_index i
                                       where i.taxonomy_id = ? and i.term_codes @> array[u.code])
                         then 'used' else 'active' end as state
               from term u
              where u.version_id in (${versions}) and u.code = any(?::text[])) usage
      where t.version_id = usage.version_id and t.code = usage.code
        and t.display_state in ('active', 'used') and t.display_state <> usage.state`,
    [taxonomyId, taxonomyId, textArray(sorted)],
  );
}
