import { NotFoundProblem, type Page } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { ListImportsQuery } from './import.schemas.js';
import { IMPORT_COLUMNS, IMPORT_FROM, type ImportView } from './import.views.js';

/** The imports, newest first, paged. */
export async function listImports(
  em: EntityManager,
  query: ListImportsQuery,
): Promise<Page<ImportView>> {
  const [count] = await em.execute<{ total: number }[]>(
    'select count(*)::int as total from taxonomy_import',
  );
  const items = await em.execute<ImportView[]>(
    `select ${IMPORT_COLUMNS} from ${IMPORT_FROM}
      order by i.imported_at desc, i.import_id limit ? offset ?`,
    [query.limit, query.offset],
  );
  return { items, total: count?.total ?? 0, limit: query.limit, offset: query.offset };
}

export async function getImport(em: EntityManager, importId: string): Promise<ImportView> {
  const [row] = await em.execute<ImportView[]>(
    `select ${IMPORT_COLUMNS} from ${IMPORT_FROM} where i.import_id = ?`,
    [importId],
  );
  if (!row) throw new NotFoundProblem('Taxonomy import', importId);
  return row;
}
