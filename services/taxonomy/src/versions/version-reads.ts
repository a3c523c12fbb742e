import { NotFoundProblem } from '@platform/http';
import type { EntityManager } from '@platform/persistence';

/** A timestamp as ISO 8601 text, as every view shows times. */
export const isoTime = (column: string) => `to_json(${column}) #>> '{}'`;

export type VersionStatus =
  'editing' | 'pending-user-review' | 'published' | 'superseded' | 'discarded';

/** TAX-2: a version of a taxonomy, in lists. */
export interface VersionSummary {
  versionId: string;
  taxonomyId: string;
  versionLabel: string;
  releaseDate: string | null;
  status: VersionStatus;
  basedOnVersionId: string | null;
  createdAt: string;
  createdBy: string;
  publishedAt: string | null;
  publishedBy: string | null;
  supersededAt: string | null;
}

/** TAX-2/TAX-3/TAX-4: one version with its terms counted by display state and its drafts. */
export interface VersionView extends VersionSummary {
  taxonomyName: string;
  kind: 'airs' | 'custom';
  defaultLanguage: string;
  termCount: number;
  termsByDisplayState: Record<'active' | 'used' | 'inactive-shown' | 'inactive-hidden', number>;
  /** TAX-4: edits of the published version's terms waiting for it to be republished. */
  pendingDrafts: number;
}

export const VERSION_COLUMNS = `
  v.version_id as "versionId", v.taxonomy_id as "taxonomyId", v.version_label as "versionLabel",
  to_char(v.release_date, 'YYYY-MM-DD') as "releaseDate", v.status,
  v.based_on_version_id as "basedOnVersionId", ${isoTime('v.created_at')} as "createdAt",
  v.created_by as "createdBy", ${isoTime('v.published_at')} as "publishedAt",
  v.published_by as "publishedBy", ${isoTime('v.superseded_at')} as "supersededAt"`;

/** A taxonomy's versions, newest first. */
export function taxonomyVersions(em: EntityManager, taxonomyId: string): Promise<VersionSummary[]> {
  return em.execute<VersionSummary[]>(
    `select ${VERSION_COLUMNS} from taxonomy_version v
      where v.taxonomy_id = ? order by v.created_at desc, v.version_label desc`,
    [taxonomyId],
  );
}

export async function versionView(em: EntityManager, versionId: string): Promise<VersionView> {
  const [row] = await em.execute<(Omit<VersionView, 'termsByDisplayState'> & VersionCounts)[]>(
    `select ${VERSION_COLUMNS}, t.name as "taxonomyName", t.kind,
            t.default_language as "defaultLanguage",
            (select count(*)::int from term where version_id = v.version_id) as "termCount",
            (select count(*)::int from term_draft where version_id = v.version_id) as "pendingDrafts",
            (select coalesce(jsonb_object_agg(display_state, n), '{}') from (
               select display_state, count(*)::int as n from term
                where version_id = v.version_id group by display_state) s) as "byState"
       from taxonomy_version v join taxonomy t using (taxonomy_id)
      where v.version_id = ?`,
    [versionId],
  );
  if (!row) throw new NotFoundProblem('Taxonomy version', versionId);
  const { byState, ...view } = row;
  return {
    ...view,
    termsByDisplayState: {
      active: byState['active'] ?? 0,
      used: byState['used'] ?? 0,
      'inactive-shown': byState['inactive-shown'] ?? 0,
      'inactive-hidden': byState['inactive-hidden'] ?? 0,
    },
  };
}

interface VersionCounts {
  byState: Record<string, number>;
}

/** The version's taxonomy and its default language (TAX-6), or 404. */
export async function versionLanguage(
  em: EntityManager,
  versionId: string,
): Promise<{ taxonomyId: string; defaultLanguage: string }> {
  const [row] = await em.execute<{ taxonomyId: string; defaultLanguage: string }[]>(
    `select v.taxonomy_id as "taxonomyId", t.default_language as "defaultLanguage"
       from taxonomy_version v join taxonomy t using (taxonomy_id) where v.version_id = ?`,
    [versionId],
  );
  if (!row) throw new NotFoundProblem('Taxonomy version', versionId);
  return row;
}
