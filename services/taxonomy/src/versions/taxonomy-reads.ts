import { NotFoundProblem, type Page } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import { containsPattern } from '@platform/persistence';
import type { ListTaxonomiesQuery } from './taxonomy.schemas.js';
import { isoTime, taxonomyVersions, type VersionSummary } from './version-reads.js';

/** TAX-1/TAX-7: a taxonomy and the version indexing and search use (the published one). */
export interface TaxonomyView {
  taxonomyId: string;
  name: string;
  kind: 'airs' | 'custom';
  defaultLanguage: string;
  country: string;
  createdAt: string;
  createdBy: string;
  publishedVersionId: string | null;
  publishedVersionLabel: string | null;
}

export interface TaxonomyDetailView extends TaxonomyView {
  /** TAX-2: every version, newest first. */
  versions: VersionSummary[];
}

const TAXONOMY_COLUMNS = `t.taxonomy_id as "taxonomyId", t.name, t.kind,
  t.default_language as "defaultLanguage", t.country, ${isoTime('t.created_at')} as "createdAt",
  t.created_by as "createdBy", p.version_id as "publishedVersionId",
  p.version_label as "publishedVersionLabel"
  from taxonomy t
  left join taxonomy_version p on p.taxonomy_id = t.taxonomy_id and p.status = 'published'`;

export async function listTaxonomies(
  em: EntityManager,
  query: ListTaxonomiesQuery,
): Promise<Page<TaxonomyView>> {
  const where: string[] = ['true'];
  const params: unknown[] = [];
  if (query.kind) {
    where.push('t.kind = ?');
    params.push(query.kind);
  }
  if (query.name) {
    where.push('t.name ilike ?');
    params.push(containsPattern(query.name));
  }
  const filter = `where ${where.join(' and ')}`;
  const [count] = await em.execute<{ total: number }[]>(
    `select count(*)::int as total from taxonomy t ${filter}`,
    params,
  );
  const items = await em.execute<TaxonomyView[]>(
    `select ${TAXONOMY_COLUMNS} ${filter} order by t.name, t.country limit ? offset ?`,
    [...params, query.limit, query.offset],
  );
  return { items, total: count?.total ?? 0, limit: query.limit, offset: query.offset };
}

export async function taxonomyDetail(
  em: EntityManager,
  taxonomyId: string,
): Promise<TaxonomyDetailView> {
  const [taxonomy] = await em.execute<TaxonomyView[]>(
    `select ${TAXONOMY_COLUMNS} where t.taxonomy_id = ?`,
    [taxonomyId],
  );
  if (!taxonomy) throw new NotFoundProblem('Taxonomy', taxonomyId);
  return { ...taxonomy, versions: await taxonomyVersions(em, taxonomyId) };
}
