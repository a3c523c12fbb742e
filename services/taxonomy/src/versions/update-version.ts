import { randomUUID } from 'node:crypto';
import type { Actor } from '@platform/contracts';
import { refuse } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import { changeCounts, recordUpdateDiff, type ChangeCounts } from './update-diff.js';
import { applyImportedTerms, copyVersionTerms } from './version-terms.js';
import { refuseWhileDraftsAwaitRepublishing } from '../terms/term-drafts.js';

export interface UpdateImportInput {
  importId: string;
  taxonomyId: string;
  reviewBeforeImport: boolean;
  reviewElements: string[];
  actor: Actor;
}

export interface UpdateVersion {
  versionId: string;
  status: 'editing' | 'pending-user-review';
  changes: ChangeCounts;
}

interface Basis {
  publishedVersionId: string | undefined;
  language: string;
  releaseDate: string;
}

/**
 * TAX-5 in the import's transaction: a new version labelled with the release date, based on the
 * published one and a complete copy of it (display states, custom terms, every language's texts),
 * then the file applied — added (and replacing) terms inserted, modified terms updated unless the
 * administrator reviews them before importing (they keep their old values until accepted), and
 * replaced and deleted terms kept until the review accepts their removal. Every difference is in
 * version_change. With anything to review the version is pending user review (the review process
 * publishes it); otherwise it is editing, for an administrator to publish (TAX-2).
 */
export async function createUpdateVersion(
  em: EntityManager,
  input: UpdateImportInput,
): Promise<UpdateVersion> {
  const basis = await updateBasis(em, input);
  const basedOn = basis.publishedVersionId;
  if (!basedOn) {
    refuse(
      {
        rule: 'TAX-5',
        field: 'taxonomyId',
        message: 'an update import needs a published version to compare with; publish one first',
      },
      409,
    );
  }
  await refuseWhileAnotherVersionIsOpen(em, input.taxonomyId);
  await refuseWhileDraftsAwaitRepublishing(em, input.taxonomyId);
  const versionId = randomUUID();
  await em.execute(
    `insert into taxonomy_version
       (version_id, taxonomy_id, version_label, release_date, status, based_on_version_id, created_by)
     values (?, ?, ?, ?::date, 'editing', ?, ?)`,
    [
      versionId,
      input.taxonomyId,
      basis.releaseDate,
      basis.releaseDate,
      basedOn,
      input.actor.userId,
    ],
  );
  await copyVersionTerms(em, basedOn, versionId, input.actor.userId);
  // The staged terms, the copy (and below, the recorded changes) are fresh rows the planner has
  // no statistics for: without them it joins ~9,200 rows to ~9,200 by nested loops (minutes).
  await em.execute('analyze import_term, term, term_text, term_see_also, term_related_concept');
  const options = {
    reviewBeforeImport: input.reviewBeforeImport,
    reviewElements: input.reviewElements,
  };
  await recordUpdateDiff(em, {
    versionId,
    basedOnVersionId: basedOn,
    importId: input.importId,
    language: basis.language,
    options,
  });
  await em.execute('analyze version_change');
  const target = {
    versionId,
    importId: input.importId,
    language: basis.language,
    updatedBy: input.actor.userId,
  };
  // New codes (added and replacing terms) and the modifications not held for review.
  await applyImportedTerms(em, target, {
    sql: `select i.code from import_term i where i.import_id = ?
            and not exists (select 1 from term t where t.version_id = ? and t.code = i.code)`,
    params: [input.importId, basedOn],
  });
  await applyImportedTerms(em, target, {
    sql: `select code from version_change where version_id = ? and change = 'modified'
            and not (needs_review and ?::boolean)`,
    params: [versionId, input.reviewBeforeImport],
  });
  const changes = await changeCounts(em, versionId);
  const status = changes.toReview > 0 ? 'pending-user-review' : 'editing';
  await em.execute('update taxonomy_version set status = ? where version_id = ?', [
    status,
    versionId,
  ]);
  await em.execute(
    `update taxonomy_import set version_id = ?, kind = coalesce(kind, 'update') where import_id = ?`,
    [versionId, input.importId],
  );
  return { versionId, status, changes };
}

/** Locks the taxonomy: updates of one taxonomy (and its publishing) take turns. */
async function updateBasis(em: EntityManager, input: UpdateImportInput): Promise<Basis> {
  const [row] = await em.execute<(Basis & { labelTaken: boolean })[]>(
    `select (select version_id from taxonomy_version
               where taxonomy_id = t.taxonomy_id and status = 'published') as "publishedVersionId",
            t.default_language as language,
            to_char(i.release_date, 'YYYY-MM-DD') as "releaseDate",
            exists (select 1 from taxonomy_version v
                     where v.taxonomy_id = t.taxonomy_id
                       and v.version_label = to_char(i.release_date, 'YYYY-MM-DD')) as "labelTaken"
       from taxonomy t, taxonomy_import i
      where t.taxonomy_id = ? and i.import_id = ?
        for update of t`,
    [input.taxonomyId, input.importId],
  );
  if (!row) throw new Error(`update import ${input.importId}: no taxonomy ${input.taxonomyId}`);
  if (row.labelTaken) {
    refuse(
      {
        rule: 'TAX-1',
        field: 'releaseDate',
        message: `release ${row.releaseDate} was already imported as a version of this taxonomy`,
      },
      409,
    );
  }
  return row;
}

/**
 * One open version at a time: an update while another update is in review (or a customisation is
 * being edited) would fork the taxonomy into two drafts of the same published version.
 */
async function refuseWhileAnotherVersionIsOpen(em: EntityManager, taxonomyId: string) {
  const [open] = await em.execute<{ versionLabel: string; status: string }[]>(
    `select version_label as "versionLabel", status from taxonomy_version
      where taxonomy_id = ? and status in ('editing', 'pending-user-review') limit 1`,
    [taxonomyId],
  );
  if (open) {
    refuse(
      {
        rule: 'TAX-5',
        field: 'taxonomyId',
        message: `version ${open.versionLabel} is ${open.status}; publish or discard it before importing another release`,
      },
      409,
    );
  }
}
