import type { Actor } from '@platform/contracts';
import type { EntityManager } from '@platform/persistence';
import type { TermContent, TermText } from './term-content.js';

/**
 * TAX-4: where a term's content lives. A term of an editing version is its `term`/`term_text`
 * rows; a term of the published version may have a draft (`term_draft`) that wins for editing
 * (and is shown alongside in reads) until the version is republished.
 */
export interface StoredTerm {
  /** The term is a row of the version (published or editing); false for a draft-only addition. */
  inVersion: boolean;
  /** The content as edits see it: the draft when there is one, otherwise the term's rows. */
  content: TermContent;
  draftAction: 'added' | 'modified' | null;
}

interface DraftRow {
  action: 'added' | 'modified' | 'deleted';
  parentCode: string | null;
  facet: string | null;
  custom: boolean;
  texts: TermText[];
}

export async function termDraft(
  em: EntityManager,
  versionId: string,
  code: string,
): Promise<DraftRow | null> {
  const [draft] = await em.execute<DraftRow[]>(
    `select action, parent_code as "parentCode", facet, custom, texts
       from term_draft where version_id = ? and code = ?`,
    [versionId, code],
  );
  return draft ?? null;
}

/** The term's own rows (what the version holds now), or null. */
export async function termRows(
  em: EntityManager,
  versionId: string,
  code: string,
): Promise<TermContent | null> {
  const [term] = await em.execute<Omit<TermContent, 'texts'>[]>(
    `select parent_code as "parentCode", facet, custom from term where version_id = ? and code = ?`,
    [versionId, code],
  );
  if (!term) return null;
  const texts = await em.execute<TermText[]>(
    `select language, name, definition, use_references as "useReferences"
       from term_text where version_id = ? and code = ? order by language`,
    [versionId, code],
  );
  return { ...term, texts };
}

/** The term as an edit sees it (its draft first), or null when it does not exist (or is deleted). */
export async function storedTerm(
  em: EntityManager,
  versionId: string,
  code: string,
): Promise<StoredTerm | null> {
  const draft = await termDraft(em, versionId, code);
  const rows = await termRows(em, versionId, code);
  if (draft?.action === 'deleted') return null;
  if (draft) {
    const { action, ...content } = draft;
    return { inVersion: rows !== null, content, draftAction: action };
  }
  return rows ? { inVersion: true, content: rows, draftAction: null } : null;
}

/** TAX-4: keeps the term's next content as its draft; the version's rows stay as they are. */
export async function saveDraft(
  em: EntityManager,
  versionId: string,
  code: string,
  content: TermContent | null,
  actor: Actor,
): Promise<void> {
  const inVersion = (await termRows(em, versionId, code)) !== null;
  if (!content && !inVersion) {
    // A draft addition taken back: nothing to publish.
    await em.execute('delete from term_draft where version_id = ? and code = ?', [versionId, code]);
    return;
  }
  const action = !content ? 'deleted' : inVersion ? 'modified' : 'added';
  await em.execute(
    `insert into term_draft
       (version_id, code, action, parent_code, facet, custom, texts, updated_at, updated_by)
     values (?, ?, ?, ?, ?, ?, ?::jsonb, now(), ?)
     on conflict (version_id, code) do update set action = excluded.action,
       parent_code = excluded.parent_code, facet = excluded.facet, custom = excluded.custom,
       texts = excluded.texts, updated_at = now(), updated_by = excluded.updated_by`,
    [
      versionId,
      code,
      action,
      content?.parentCode ?? null,
      content?.facet ?? null,
      content?.custom ?? false,
      JSON.stringify(content?.texts ?? []),
      actor.userId,
    ],
  );
}

/**
 * Writes the term's content into the version's rows (a direct edit, or a draft being applied on
 * republish). A new term starts `active` (TAX-3) one level below its parent; the display state of
 * an existing term is left alone — the system and the display-state command own it.
 */
export async function writeTermRows(
  em: EntityManager,
  versionId: string,
  code: string,
  content: TermContent,
  actor: Actor,
): Promise<void> {
  await em.execute(
    `insert into term (version_id, code, parent_code, level, facet, custom, updated_by)
     values (?, ?, ?, coalesce((select level + 1 from term where version_id = ? and code = ?), 1),
             ?, ?, ?)
     on conflict (version_id, code) do update set parent_code = excluded.parent_code,
       level = excluded.level, facet = excluded.facet, updated_at = now(),
       updated_by = excluded.updated_by`,
    [
      versionId,
      code,
      content.parentCode,
      versionId,
      content.parentCode,
      content.facet,
      content.custom,
      actor.userId,
    ],
  );
  await em.execute(
    `delete from term_text where version_id = ? and code = ?
        and language not in (select jsonb_array_elements(?::jsonb) ->> 'language')`,
    [versionId, code, JSON.stringify(content.texts)],
  );
  await em.execute(
    `insert into term_text (version_id, code, language, name, definition, use_references)
     select ?, ?, t.language, t.name, t.definition, coalesce(t."useReferences", '{}')
       from jsonb_to_recordset(?::jsonb)
         as t(language text, name text, definition text, "useReferences" text[])
     on conflict (version_id, code, language) do update set name = excluded.name,
       definition = excluded.definition, use_references = excluded.use_references`,
    [versionId, code, JSON.stringify(content.texts)],
  );
}

/** Removes a term from the version's rows, with the see-also references that point to it. */
export async function deleteTermRows(
  em: EntityManager,
  versionId: string,
  code: string,
): Promise<void> {
  await em.execute('delete from term_see_also where version_id = ? and see_also_code = ?', [
    versionId,
    code,
  ]);
  await em.execute('delete from term where version_id = ? and code = ?', [versionId, code]);
}

/**
 * Levels follow the hierarchy: after moves (TAX-4), every term below a top-level term is one level
 * below its parent. Only rows whose level is wrong are written.
 */
export async function recomputeLevels(em: EntityManager, versionId: string): Promise<void> {
  await em.execute(
    `with recursive tree (code, level) as (
       select code, level from term t
        where version_id = ? and (parent_code is null or not exists (
          select 1 from term p where p.version_id = t.version_id and p.code = t.parent_code))
       union all
       select t.code, tree.level + 1 from term t join tree on t.parent_code = tree.code
        where t.version_id = ? and tree.level < 12)
     update term set level = tree.level from tree
      where term.version_id = ? and term.code = tree.code and term.level <> tree.level`,
    [versionId, versionId, versionId],
  );
}
