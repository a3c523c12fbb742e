import type { Actor } from '@platform/contracts';
import { refuse } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import { lockVersion } from './publishing.js';
import { versionChange, type VersionChangeView } from './version-changes.reads.js';
import { describeOrphans, orphanedTerms } from './version-hierarchy.js';
import { applyImportedTerms, oneCode, removeTerms, restoreTermsFrom } from './version-terms.js';

export type ReviewDecision = 'accepted' | 'rejected';

interface ReviewedVersion {
  taxonomyId: string;
  versionLabel: string;
  status: string;
  basedOnVersionId: string | null;
  importId: string | null;
  language: string;
}

async function reviewedVersion(em: EntityManager, versionId: string): Promise<ReviewedVersion> {
  const locked = await lockVersion(em, versionId);
  const [row] = await em.execute<Omit<ReviewedVersion, 'versionLabel' | 'status' | 'taxonomyId'>[]>(
    `select v.based_on_version_id as "basedOnVersionId", t.default_language as language,
            (select import_id from taxonomy_import
              where version_id = v.version_id and kind = 'update' limit 1) as "importId"
       from taxonomy_version v join taxonomy t using (taxonomy_id) where v.version_id = ?`,
    [versionId],
  );
  return { ...locked, ...(row as Omit<ReviewedVersion, 'versionLabel' | 'status' | 'taxonomyId'>) };
}

/**
 * TAX-5: an administrator accepts or rejects one term of a version's review list, under the
 * version's lock. Accepting a deletion removes the term from the new version (rejecting keeps
 * it); accepting a replacement removes the old term — its indexes move to the replacement when the
 * version is published — and rejecting keeps both; accepting a modification gives the term the
 * file's values (held until now when reviewed before importing), rejecting gives it back the
 * published version's. Repeating the same decision answers the same; anything else is 409.
 *
 * The new version's hierarchy stays whole at every step (409 naming TAX-5 and the codes
 * otherwise): the removal of a term is accepted only once none of its children is left in the
 * version (decide theirs first — children the release moves elsewhere have already moved unless
 * their move is held for review), and a rejection that would keep a term under a parent whose
 * removal was accepted is refused. accept-all/reject-all are checked the same way.
 */
export async function decideReviewItem(
  em: EntityManager,
  input: {
    versionId: string;
    code: string;
    decision: ReviewDecision;
    comment?: string | undefined;
    actor: Actor;
  },
): Promise<VersionChangeView> {
  const { versionId, code, decision, actor } = input;
  const version = await reviewedVersion(em, versionId);
  const item = await versionChange(em, versionId, code);
  if (item?.needsReview && item.decision === decision) return item;
  refuseUnlessPending(version);
  if (!item?.needsReview) {
    refuse(
      {
        rule: 'TAX-5',
        field: 'code',
        message: `${code} is not on the review list of this version`,
      },
      409,
    );
  }
  if (item.decision !== null) {
    refuse(
      {
        rule: 'TAX-5',
        field: 'code',
        message: `${code} was already ${item.decision} by ${item.decidedBy ?? 'someone'}`,
      },
      409,
    );
  }
  await applyDecision(em, versionId, version, item, decision, actor);
  await refuseBrokenHierarchy(em, versionId, 'code', (orphans) =>
    decision === 'accepted'
      ? `accepting the ${CHANGE_NAMES[item.change]} of ${code} would leave its children without ` +
        `a parent: ${orphans}; decide their removal (or move) first, or reject this ${CHANGE_NAMES[item.change]}`
      : `rejecting the ${CHANGE_NAMES[item.change]} of ${code} would keep terms under a parent ` +
        `whose removal was accepted: ${orphans}; accept this ${CHANGE_NAMES[item.change]} instead`,
  );
  await em.execute(
    `update version_change set decision = ?, decided_at = now(), decided_by = ?,
            decision_comment = ?
      where version_id = ? and code = ?`,
    [decision, actor.userId, input.comment ?? null, versionId, code],
  );
  return (await versionChange(em, versionId, code)) as VersionChangeView;
}

const CHANGE_NAMES: Record<VersionChangeView['change'], string> = {
  added: 'addition',
  modified: 'change',
  replaced: 'replacement',
  deleted: 'deletion',
};

/**
 * TAX-5: refuses (409, rolling the decision back) when the decision just applied left terms of the
 * version whose parent is not in it; `message` names them and says what to decide instead.
 */
async function refuseBrokenHierarchy(
  em: EntityManager,
  versionId: string,
  field: string,
  message: (orphans: string) => string,
): Promise<void> {
  const orphans = await orphanedTerms(em, versionId);
  if (orphans.length === 0) return;
  refuse({ rule: 'TAX-5', field, message: message(describeOrphans(orphans)) }, 409);
}

function refuseUnlessPending(version: ReviewedVersion): void {
  if (version.status === 'pending-user-review') return;
  refuse(
    {
      rule: 'TAX-5',
      field: 'versionId',
      message: `version ${version.versionLabel} is ${version.status}; only a version pending user review takes review decisions`,
    },
    409,
  );
}

/**
 * TAX-5: the same decision for every undecided term on the review list, set-based (a release
 * may delete hundreds of terms). Answers how many terms it decided.
 */
export async function decideAllReviewItems(
  em: EntityManager,
  input: { versionId: string; decision: ReviewDecision; actor: Actor },
): Promise<{ versionId: string; decision: ReviewDecision; decided: number }> {
  const { versionId, decision, actor } = input;
  const version = await reviewedVersion(em, versionId);
  refuseUnlessPending(version);
  const undecided = (changes: string) => ({
    sql: `select code from version_change where version_id = ? and needs_review
            and decision is null and change in (${changes})`,
    params: [versionId],
  });
  const target = { versionId, language: version.language, updatedBy: actor.userId };
  if (decision === 'accepted') {
    await removeTerms(em, versionId, undecided(`'deleted', 'replaced'`));
    if (version.importId) {
      const withImport = { ...target, importId: version.importId };
      await applyImportedTerms(em, withImport, undecided(`'modified'`));
    }
  } else if (version.basedOnVersionId) {
    await restoreTermsFrom(em, version.basedOnVersionId, target, undecided(`'modified'`));
  }
  await refuseBrokenHierarchy(em, versionId, 'versionId', (orphans) =>
    decision === 'accepted'
      ? `accepting every undecided change would leave terms without their parent: ${orphans} ` +
        '(kept by a rejection, or custom); reject the removal of their parents first'
      : `rejecting every undecided change would put terms back under parents whose removal was ` +
        `accepted: ${orphans}; accept their changes first`,
  );
  const decided = await em.execute<{ code: string }[]>(
    `update version_change set decision = ?, decided_at = now(), decided_by = ?
      where version_id = ? and needs_review and decision is null returning code`,
    [decision, actor.userId, versionId],
  );
  return { versionId, decision, decided: decided.length };
}

async function applyDecision(
  em: EntityManager,
  versionId: string,
  version: ReviewedVersion,
  item: VersionChangeView,
  decision: ReviewDecision,
  actor: Actor,
): Promise<void> {
  const codes = oneCode(item.code);
  if (item.change === 'deleted' || item.change === 'replaced') {
    if (decision === 'accepted') await removeTerms(em, versionId, codes);
    return;
  }
  if (item.change !== 'modified') return;
  const target = { versionId, language: version.language, updatedBy: actor.userId };
  if (decision === 'accepted' && version.importId) {
    await applyImportedTerms(em, { ...target, importId: version.importId }, codes);
  } else if (decision === 'rejected' && version.basedOnVersionId) {
    await restoreTermsFrom(em, version.basedOnVersionId, target, codes);
  }
}

/** TAX-5: the administrator gives up a pending (or editing) update version instead of reviewing it. */
export async function discardVersion(
  em: EntityManager,
  versionId: string,
  actor: Actor,
): Promise<{ versionId: string; status: 'discarded' }> {
  const version = await lockVersion(em, versionId);
  if (version.status === 'discarded') return { versionId, status: 'discarded' };
  if (version.status !== 'pending-user-review' && version.status !== 'editing') {
    refuse(
      {
        rule: 'TAX-2',
        field: 'versionId',
        message: `version ${version.versionLabel} is ${version.status}; only an editing or pending version can be discarded`,
      },
      409,
    );
  }
  // The release's label is freed, so the same release can be imported again later (TAX-1).
  await em.execute(
    `update taxonomy_version
        set status = 'discarded', version_label = version_label || ' (discarded ' || ? || ')'
      where version_id = ?`,
    [`${new Date().toISOString()} by ${actor.userId}`, versionId],
  );
  return { versionId, status: 'discarded' };
}
