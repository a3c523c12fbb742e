import { refuse } from '@platform/http';
import type { EntityManager } from '@platform/persistence';

/** The deepest level a term may have (the schema's limit; AIRS uses up to 6). */
export const MAX_LEVEL = 12;

/**
 * TAX-4: the hierarchy as it will be once the version's drafts are applied — the version's terms
 * without those drafted, plus the drafts that are not deletions. On an editing version (no
 * drafts) it is simply the version's terms. Parameters: versionId twice.
 */
const EFFECTIVE = `effective (code, parent_code) as (
    select t.code, t.parent_code from term t
     where t.version_id = ? and not exists (
       select 1 from term_draft d where d.version_id = t.version_id and d.code = t.code)
    union all
    select d.code, d.parent_code from term_draft d where d.version_id = ? and d.action <> 'deleted')`;

export async function effectiveChildCount(
  em: EntityManager,
  versionId: string,
  code: string,
): Promise<number> {
  const [row] = await em.execute<{ count: number }[]>(
    `with ${EFFECTIVE} select count(*)::int as count from effective where parent_code = ?`,
    [versionId, versionId, code],
  );
  return row?.count ?? 0;
}

/** Up to `limit` codes of the term's children as they will be once drafts apply, by code. */
export async function effectiveChildren(
  em: EntityManager,
  versionId: string,
  code: string,
  limit = 20,
): Promise<string[]> {
  const rows = await em.execute<{ code: string }[]>(
    `with ${EFFECTIVE} select code from effective where parent_code = ? order by code limit ?`,
    [versionId, versionId, code, limit],
  );
  return rows.map((row) => row.code);
}

/** The chain from `code` up to its top-level term, `code` first (empty when it does not exist). */
async function ancestry(em: EntityManager, versionId: string, code: string): Promise<string[]> {
  const rows = await em.execute<{ code: string }[]>(
    `with recursive ${EFFECTIVE}, up (code, parent_code, depth) as (
       select code, parent_code, 1 from effective where code = ?
       union all
       select e.code, e.parent_code, up.depth + 1 from effective e join up on e.code = up.parent_code
        where up.depth <= ${MAX_LEVEL})
     select code from up order by depth`,
    [versionId, versionId, code],
  );
  return rows.map((row) => row.code);
}

/** How many levels the term's subtree spans (1 for a term without children). */
async function subtreeHeight(em: EntityManager, versionId: string, code: string): Promise<number> {
  const [row] = await em.execute<{ height: number }[]>(
    `with recursive ${EFFECTIVE}, down (code, depth) as (
       select code, 1 from effective where code = ?
       union all
       select e.code, down.depth + 1 from effective e join down on e.parent_code = down.code
        where down.depth <= ${MAX_LEVEL})
     select coalesce(max(depth), 1)::int as height from down`,
    [versionId, versionId, code],
  );
  return row?.height ?? 1;
}

/**
 * TAX-4: what is wrong with `parentCode` as the parent of `code` in the hierarchy as it will be
 * once drafts apply, or null: not a term of the version, the term itself or one below it (a
 * cycle), or a subtree deeper than MAX_LEVEL levels. `code` is null for a new term (no subtree).
 */
export async function parentProblem(
  em: EntityManager,
  versionId: string,
  code: string | null,
  parentCode: string | null,
): Promise<string | null> {
  if (parentCode === null) return null;
  const chain = await ancestry(em, versionId, parentCode);
  if (chain.length === 0) return `the version has no term ${parentCode}`;
  if (code !== null && chain.includes(code)) {
    return `${parentCode} is ${code} or a term below it; a term cannot be its own ancestor`;
  }
  const height = code === null ? 1 : await subtreeHeight(em, versionId, code);
  if (chain.length + height > MAX_LEVEL) {
    return `the hierarchy would be deeper than ${MAX_LEVEL} levels`;
  }
  return null;
}

/** TAX-4: a bad parent (see parentProblem) is a 422 naming `parentCode`. */
export async function refuseBadParent(
  em: EntityManager,
  versionId: string,
  code: string | null,
  parentCode: string | null,
): Promise<void> {
  const problem = await parentProblem(em, versionId, code, parentCode);
  if (problem !== null) refuse({ rule: 'TAX-4', field: 'parentCode', message: problem });
}
