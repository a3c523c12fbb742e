import type { Actor } from '@platform/contracts';
import { NotFoundProblem, refuse } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { TermText } from './term-content.js';
import { effectiveChildren, parentProblem } from './term-hierarchy.js';
import {
  deleteTermRows,
  recomputeLevels,
  termDraft,
  termRows,
  writeTermRows,
} from './term-store.js';

interface Draft {
  code: string;
  action: 'added' | 'modified' | 'deleted';
  parentCode: string | null;
  facet: string | null;
  custom: boolean;
  texts: TermText[];
}

/**
 * TAX-4: republishing applies every draft of the version, in the caller's transaction (the one
 * that then publishes it): additions and modifications are written into the version's terms,
 * deletions remove them, levels follow the moves, and the drafts are gone. A term drafted for
 * deletion that an index started to use since is refused (409 naming TAX-3), so nothing is
 * applied. Returns how many drafts were applied.
 */
export async function applyTermDrafts(
  em: EntityManager,
  versionId: string,
  actor: Actor,
): Promise<number> {
  const drafts = await em.execute<Draft[]>(
    `select code, action, parent_code as "parentCode", facet, custom, texts
       from term_draft where version_id = ? order by code`,
    [versionId],
  );
  if (drafts.length === 0) return 0;
  const deletions = drafts.filter((draft) => draft.action === 'deleted').map((d) => d.code);
  const [used] = await em.execute<{ code: string }[]>(
    `select code from term where version_id = ? and display_state = 'used'
        and code in (select jsonb_array_elements_text(?::jsonb)) order by code limit 1`,
    [versionId, JSON.stringify(deletions)],
  );
  if (used) {
    refuse(
      {
        rule: 'TAX-3',
        field: 'versionId',
        message: `term ${used.code} is drafted for deletion but is used by indexes; remove them first`,
      },
      409,
    );
  }
  for (const { code, action, ...content } of drafts) {
    if (action === 'deleted') await deleteTermRows(em, versionId, code);
    else await writeTermRows(em, versionId, code, content, actor);
  }
  await recomputeLevels(em, versionId);
  await em.execute('delete from term_draft where version_id = ?', [versionId]);
  return drafts.length;
}

/**
 * TAX-4: a new version (an update import, a new custom version) is a copy of the published one,
 * and drafts are not part of it — they wait for the published version to be republished. Starting
 * a new version while drafts wait would lose them when it publishes, so it is refused (409 naming
 * TAX-4) until the administrator republishes.
 */
export async function refuseWhileDraftsAwaitRepublishing(
  em: EntityManager,
  taxonomyId: string,
): Promise<void> {
  const [waiting] = await em.execute<{ drafts: number; versionLabel: string }[]>(
    `select count(*)::int as drafts, min(v.version_label) as "versionLabel"
       from term_draft d join taxonomy_version v using (version_id)
      where v.taxonomy_id = ? and v.status = 'published'`,
    [taxonomyId],
  );
  if (waiting && waiting.drafts > 0) {
    refuse(
      {
        rule: 'TAX-4',
        field: 'taxonomyId',
        message:
          `the published version ${waiting.versionLabel} has ${waiting.drafts} term change(s) ` +
          'not yet republished; republish it before starting a new version',
      },
      409,
    );
  }
}

/**
 * TAX-4: the administrator takes back a term's pending draft on the published version, in the
 * caller's transaction (the version locked): the term stays as published, a drafted addition is
 * gone. 404 when the term has no draft. The hierarchy the drafts will publish must stay whole
 * (409 naming TAX-4 and the codes): a drafted addition other drafts put terms under, or a term
 * whose published parent is drafted for deletion (or was moved below it by drafts), keeps its
 * draft until those drafts are discarded or changed. Answers the discarded draft's action.
 */
export async function discardTermDraft(
  em: EntityManager,
  versionId: string,
  code: string,
): Promise<Draft['action']> {
  const draft = await termDraft(em, versionId, code);
  if (!draft) throw new NotFoundProblem('Term draft', code);
  await em.execute('delete from term_draft where version_id = ? and code = ?', [versionId, code]);
  const published = await termRows(em, versionId, code);
  if (!published) {
    const children = await effectiveChildren(em, versionId, code);
    if (children.length > 0) {
      refuse(
        {
          rule: 'TAX-4',
          field: 'code',
          message: `${code} is a drafted addition with drafted child terms ${children.join(', ')}; discard or move them first`,
        },
        409,
      );
    }
    return draft.action;
  }
  const problem = await parentProblem(em, versionId, code, published.parentCode);
  if (problem !== null) {
    refuse(
      {
        rule: 'TAX-4',
        field: 'code',
        message: `discarding the draft of ${code} would put it back under its published parent ${published.parentCode ?? ''}, but ${problem}; discard or change the draft of ${published.parentCode ?? ''} first`,
      },
      409,
    );
  }
  return draft.action;
}
