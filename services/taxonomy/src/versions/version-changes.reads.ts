import { NotFoundProblem, type Page } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import { indexCounts } from './index-usage.js';
import type { ListChangesQuery } from './review.schemas.js';

/** TAX-5: one recorded difference of a version, as the review list shows it. */
export interface VersionChangeView {
  code: string;
  change: 'added' | 'modified' | 'replaced' | 'deleted';
  changedElements: string[];
  replacedBy: string | null;
  needsReview: boolean;
  /** In the taxonomy's default language: the published version's name, the file's name. */
  oldName: string | null;
  /** For a replaced term, the replacement's name. */
  newName: string | null;
  decision: 'accepted' | 'rejected' | null;
  decidedBy: string | null;
  decidedAt: string | null;
  /** The administrator's reason for the decision, if given. */
  comment: string | null;
  /**
   * Replaced and deleted terms: how many provider-service indexes use the code (TAX-8) — what
   * accepting moves or removes. Null for other changes.
   */
  indexCount: number | null;
}

const FROM = `
  from version_change c
  join taxonomy_version v on v.version_id = c.version_id
  join taxonomy tx on tx.taxonomy_id = v.taxonomy_id
  left join term_text ot on ot.version_id = v.based_on_version_id and ot.code = c.code
        and ot.language = tx.default_language
  left join taxonomy_import imp on imp.version_id = v.version_id and imp.kind = 'update'
  left join import_term it on it.import_id = imp.import_id and it.code = coalesce(c.replaced_by, c.code)`;

const COLUMNS = `c.code, c.change, c.changed_elements as "changedElements",
  c.replaced_by as "replacedBy", c.needs_review as "needsReview", ot.name as "oldName",
  it.name as "newName", c.decision, c.decided_by as "decidedBy", c.decided_at as "decidedAt",
  c.decision_comment as comment,
  v.taxonomy_id as "taxonomyId"`;

type Row = Omit<VersionChangeView, 'indexCount'> & { taxonomyId: string };

async function withIndexCounts(em: EntityManager, rows: Row[]): Promise<VersionChangeView[]> {
  const counted = rows.filter((row) => row.change === 'replaced' || row.change === 'deleted');
  const taxonomyId = rows[0]?.taxonomyId;
  const counts = taxonomyId
    ? await indexCounts(
        em,
        taxonomyId,
        counted.map((row) => row.code),
      )
    : new Map<string, number>();
  return rows.map(({ taxonomyId: _taxonomyId, ...row }) => ({
    ...row,
    indexCount:
      row.change === 'replaced' || row.change === 'deleted' ? (counts.get(row.code) ?? 0) : null,
  }));
}

export async function versionExists(em: EntityManager, versionId: string): Promise<void> {
  const [found] = await em.execute<{ found: number }[]>(
    'select 1 as found from taxonomy_version where version_id = ?',
    [versionId],
  );
  if (!found) throw new NotFoundProblem('Taxonomy version', versionId);
}

/** TAX-5: a version's differences by code, filtered by kind, review need and decision, paged. */
export async function listVersionChanges(
  em: EntityManager,
  versionId: string,
  query: ListChangesQuery,
): Promise<Page<VersionChangeView>> {
  await versionExists(em, versionId);
  const where = ['c.version_id = ?'];
  const params: unknown[] = [versionId];
  if (query.change !== undefined) {
    where.push('c.change = ?');
    params.push(query.change);
  }
  if (query.needsReview !== undefined) {
    where.push('c.needs_review = ?');
    params.push(query.needsReview);
  }
  if (query.decided !== undefined) {
    where.push(query.decided ? 'c.decision is not null' : 'c.decision is null');
  }
  const filter = `where ${where.join(' and ')}`;
  const [count] = await em.execute<{ total: number }[]>(
    `select count(*)::int as total from version_change c ${filter}`,
    params,
  );
  const rows = await em.execute<Row[]>(
    `select ${COLUMNS} ${FROM} ${filter} order by c.code limit ? offset ?`,
    [...params, query.limit, query.offset],
  );
  return {
    items: await withIndexCounts(em, rows),
    total: count?.total ?? 0,
    limit: query.limit,
    offset: query.offset,
  };
}

/** One difference of a version; null when the code has none. */
export async function versionChange(
  em: EntityManager,
  versionId: string,
  code: string,
): Promise<VersionChangeView | null> {
  const rows = await em.execute<Row[]>(
    `select ${COLUMNS} ${FROM} where c.version_id = ? and c.code = ?`,
    [versionId, code],
  );
  const [view] = await withIndexCounts(em, rows);
  return view ?? null;
}
