import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { NotFoundProblem, refuse } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import { userDisplayStateChange, type DisplayState } from './display-states.js';
import { editableVersion, type EditableVersion } from './editable-version.js';
import { discardTermDraft } from './term-drafts.js';
import { editedContent, withText, type TermContent } from './term-content.js';
import { effectiveChildCount, refuseBadParent } from './term-hierarchy.js';
import { termDetail } from './term-reads.js';
import type { AddTermBody, TermTextBody, UpdateTermBody } from './term.schemas.js';
import {
  deleteTermRows,
  recomputeLevels,
  saveDraft,
  storedTerm,
  writeTermRows,
  type StoredTerm,
} from './term-store.js';
import type { TermDetailView } from './term-views.js';

/**
 * TAX-4/TAX-6: adding, changing and deleting terms. On an editing version a command changes the
 * version's terms; on the published version it becomes the term's draft, effective once the
 * version is republished (reads and search keep the published values until then). Field-level
 * translations (PUT texts) follow the same rule: a translation changes what search finds (TAX-9
 * searches in the requested language), so like any other edit it waits for the republish.
 */
@Injectable()
export class TermsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  add(versionId: string, body: AddTermBody, actor: Actor): Promise<TermDetailView> {
    return this.command(versionId, body.language, async (em, version) => {
      if (await storedTerm(em, versionId, body.code)) {
        refuse(
          { rule: 'TAX-4', field: 'code', message: `the version already has a term ${body.code}` },
          409,
        );
      }
      const parentCode = body.parentCode ?? null;
      await refuseBadParent(em, versionId, null, parentCode);
      const content: TermContent = {
        parentCode,
        facet: body.facet ?? null,
        custom: true,
        texts: [
          {
            language: body.language ?? version.defaultLanguage,
            name: body.name,
            definition: body.definition ?? null,
            useReferences: body.useReferences ?? [],
          },
        ],
      };
      await this.save(em, version, body.code, content, actor);
      return body.code;
    });
  }

  update(
    versionId: string,
    code: string,
    body: UpdateTermBody,
    actor: Actor,
  ): Promise<TermDetailView> {
    return this.command(versionId, body.language, async (em, version) => {
      const current = await existingTerm(em, versionId, code);
      if (body.parentCode !== undefined && body.parentCode !== current.content.parentCode) {
        await refuseBadParent(em, versionId, code, body.parentCode);
      }
      const language = body.language ?? version.defaultLanguage;
      const content = editedContent(current.content, body, language, version.defaultLanguage);
      await this.save(em, version, code, content, actor);
      if (version.writes === 'direct' && content.parentCode !== current.content.parentCode) {
        await recomputeLevels(em, versionId);
      }
      return code;
    });
  }

  /** TAX-6: adds or replaces the term's text in one language. */
  putText(
    versionId: string,
    code: string,
    language: string,
    body: TermTextBody,
    actor: Actor,
  ): Promise<TermDetailView> {
    return this.command(versionId, language, async (em, version) => {
      const current = await existingTerm(em, versionId, code);
      const content = withText(current.content, {
        language,
        name: body.name,
        definition: body.definition ?? null,
        useReferences: body.useReferences ?? [],
      });
      await this.save(em, version, code, content, actor);
      return code;
    });
  }

  /**
   * TAX-4/TAX-3: a term with children (as they will be once drafts apply) or used by an index
   * cannot be deleted (409 naming TAX-3): move or delete its children, remove its indexes first.
   */
  delete(versionId: string, code: string, actor: Actor): Promise<void> {
    return this.orm.em.fork().transactional(async (em) => {
      const version = await editableVersion(em, versionId);
      await existingTerm(em, versionId, code);
      const [row] = await em.execute<{ displayState: string }[]>(
        'select display_state as "displayState" from term where version_id = ? and code = ?',
        [versionId, code],
      );
      if (row?.displayState === 'used') {
        refuse(
          {
            rule: 'TAX-3',
            field: 'code',
            message: `${code} is used by indexes; remove them before deleting it`,
          },
          409,
        );
      }
      const children = await effectiveChildCount(em, versionId, code);
      if (children > 0) {
        refuse(
          {
            rule: 'TAX-3',
            field: 'code',
            message: `${code} has ${children} child term(s); move or delete them first to keep the hierarchy`,
          },
          409,
        );
      }
      if (version.writes === 'direct') await deleteTermRows(em, versionId, code);
      else await saveDraft(em, versionId, code, null, actor);
    });
  }

  /**
   * TAX-4: discards the term's pending draft on the published version; answers the term as
   * published, or null when the draft was an addition (nothing of it is published).
   */
  discardDraft(versionId: string, code: string): Promise<TermDetailView | null> {
    return this.orm.em.fork().transactional(async (em) => {
      await editableVersion(em, versionId);
      const action = await discardTermDraft(em, versionId, code);
      return action === 'added' ? null : termDetail(em, versionId, code, undefined);
    });
  }

  /**
   * TAX-3: a person sets active, inactive-shown or inactive-hidden (never used). Display states
   * decide what may be indexed now, so they apply directly, on the published version too.
   */
  setDisplayState(
    versionId: string,
    code: string,
    requested: DisplayState,
    actor: Actor,
  ): Promise<TermDetailView> {
    return this.command(versionId, undefined, async (em) => {
      const [term] = await em.execute<{ displayState: DisplayState }[]>(
        `select display_state as "displayState" from term
          where version_id = ? and code = ? for update`,
        [versionId, code],
      );
      if (!term) {
        await existingTerm(em, versionId, code);
        refuse(
          {
            rule: 'TAX-4',
            field: 'code',
            message: `${code} is a drafted addition; republish the version before setting its display state`,
          },
          409,
        );
      }
      const change = userDisplayStateChange(term.displayState, requested);
      if ('refused' in change) refuse(change.refused, change.status);
      await em.execute(
        `update term set display_state = ?, updated_at = now(), updated_by = ?
          where version_id = ? and code = ?`,
        [change.state, actor.userId, versionId, code],
      );
      return code;
    });
  }

  /** One command in one transaction on a locked editable version, answering the term's view. */
  private async command(
    versionId: string,
    language: string | undefined,
    run: (em: EntityManager, version: EditableVersion) => Promise<string>,
  ): Promise<TermDetailView> {
    return this.orm.em.fork().transactional(async (em) => {
      const version = await editableVersion(em, versionId);
      const code = await run(em, version);
      return termDetail(em, versionId, code, language);
    });
  }

  private async save(
    em: EntityManager,
    version: EditableVersion,
    code: string,
    content: TermContent,
    actor: Actor,
  ): Promise<void> {
    if (version.writes === 'direct') {
      await writeTermRows(em, version.versionId, code, content, actor);
    } else {
      await saveDraft(em, version.versionId, code, content, actor);
    }
  }
}

async function existingTerm(
  em: EntityManager,
  versionId: string,
  code: string,
): Promise<StoredTerm> {
  const term = await storedTerm(em, versionId, code);
  if (!term) throw new NotFoundProblem('Term', code);
  return term;
}
