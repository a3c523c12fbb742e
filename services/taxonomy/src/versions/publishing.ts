import { taxonomyVersionPublished, type Actor } from '@platform/contracts';
import { NotFoundProblem, refuse } from '@platform/http';
import { recordEvent } from '@platform/messaging';
import type { EntityManager } from '@platform/persistence';
import { refreshIndexDocuments } from '../search/index-documents.js';
import { describeOrphans, orphanedTerms } from './version-hierarchy.js';

export interface PublishedVersion {
  versionId: string;
  taxonomyId: string;
  /** The version that was published before and is now superseded; null on a first publish or a republish. */
  supersededVersionId: string | null;
  termCount: number;
}

interface VersionRow {
  versionId: string;
  taxonomyId: string;
  taxonomyName: string;
  versionLabel: string;
  status: string;
}

/** The version, locked for the transaction (publishing, reviewing and editing serialise on it). */
export async function lockVersion(em: EntityManager, versionId: string): Promise<VersionRow> {
  const [row] = await em.execute<VersionRow[]>(
    `select v.version_id as "versionId", v.taxonomy_id as "taxonomyId", t.name as "taxonomyName",
            v.version_label as "versionLabel", v.status
       from taxonomy_version v join taxonomy t using (taxonomy_id)
      where v.version_id = ? for update of v`,
    [versionId],
  );
  if (!row) throw new NotFoundProblem('Taxonomy version', versionId);
  return row;
}

/**
 * TAX-2: publishes a version, in the caller's transaction. An editing version (or a reviewed one,
 * whose decisions the caller applied first) becomes the published one and the version published
 * before it is superseded; republishing the published version (TAX-4, after its terms' edits were
 * applied) announces it again. The search documents of the taxonomy's indexes are rebuilt from
 * the published terms in the same transaction, so search never mixes two versions' vocabulary.
 * Last check before it goes out: the hierarchy is whole — a term whose parent is not in the
 * version refuses the publish (409 naming TAX-2 and the codes): better refused than a broken tree.
 */
export async function publishVersion(
  em: EntityManager,
  versionId: string,
  actor: Actor,
): Promise<PublishedVersion> {
  const version = await lockVersion(em, versionId);
  if (version.status === 'superseded' || version.status === 'discarded') {
    refuse(
      {
        rule: 'TAX-2',
        field: 'versionId',
        message: `version ${version.versionLabel} is ${version.status} and cannot be published`,
      },
      409,
    );
  }
  const orphans = await orphanedTerms(em, versionId);
  if (orphans.length > 0) {
    refuse(
      {
        rule: 'TAX-2',
        field: 'versionId',
        message: `version ${version.versionLabel} has terms whose parent is not in it: ${describeOrphans(orphans)}; it is not published`,
      },
      409,
    );
  }
  let supersededVersionId: string | null = null;
  if (version.status !== 'published') {
    const superseded = await em.execute<{ versionId: string }[]>(
      `update taxonomy_version set status = 'superseded', superseded_at = now()
        where taxonomy_id = ? and status = 'published' returning version_id as "versionId"`,
      [version.taxonomyId],
    );
    supersededVersionId = superseded[0]?.versionId ?? null;
  }
  await em.execute(
    `update taxonomy_version set status = 'published', published_at = now(), published_by = ?
      where version_id = ?`,
    [actor.userId, versionId],
  );
  const [{ termCount } = { termCount: 0 }] = await em.execute<{ termCount: number }[]>(
    'select count(*)::int as "termCount" from term where version_id = ?',
    [versionId],
  );
  await refreshIndexDocuments(em, version.taxonomyId);
  recordEvent(em, taxonomyVersionPublished, {
    aggregateId: version.taxonomyId,
    actor,
    data: {
      taxonomyId: version.taxonomyId,
      taxonomyName: version.taxonomyName,
      versionId,
      versionLabel: version.versionLabel,
      supersededVersionId,
      termCount,
    },
  });
  return { versionId, taxonomyId: version.taxonomyId, supersededVersionId, termCount };
}
