import type { EntityManager } from '@platform/persistence';

/** A term of a version whose parent is not a term of that version. */
export interface OrphanedTerm {
  code: string;
  parentCode: string;
}

/** How many orphans a refusal names (a broken release may orphan hundreds). */
const NAMED = 20;

/**
 * TAX-1/TAX-5: the hierarchy of a version is whole — every term's parent is a term of the same
 * version. Answers the terms that break it (up to NAMED, by code), one anti-join over the version.
 */
export async function orphanedTerms(em: EntityManager, versionId: string): Promise<OrphanedTerm[]> {
  return em.execute<OrphanedTerm[]>(
    `select t.code, t.parent_code as "parentCode" from term t
      where t.version_id = ? and t.parent_code is not null
        and not exists (select 1 from term p where p.version_id = t.version_id and p.code = t.parent_code)
      order by t.code limit ${NAMED}`,
    [versionId],
  );
}

/** "C1 (parent P), C2 (parent P)" — the codes a refusal names. */
export function describeOrphans(orphans: readonly OrphanedTerm[]): string {
  const named = orphans.map((orphan) => `${orphan.code} (parent ${orphan.parentCode})`).join(', ');
  return orphans.length >= NAMED ? `${named}, …` : named;
}
