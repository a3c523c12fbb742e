import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { refuse } from '@platform/http';
import { applyTermDrafts } from '../terms/term-drafts.js';
import { lockVersion, publishVersion } from './publishing.js';
import { versionView, type VersionView } from './version-reads.js';

export interface PublishedVersionView extends VersionView {
  supersededVersionId: string | null;
  /** TAX-4: drafts of the published version applied by this republish. */
  appliedDrafts: number;
}

/** TAX-2/TAX-4/TAX-7: publishing by hand, republishing after edits, deleting editing versions. */
@Injectable()
export class VersionLifecycleService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /**
   * TAX-2: an editing version is published and the one published before is superseded. TAX-4:
   * publishing the published version republishes it — its term drafts are applied first, in the
   * same transaction. A version pending user review is published by its review (409 naming TAX-5).
   */
  publish(versionId: string, actor: Actor): Promise<PublishedVersionView> {
    return this.orm.em.fork().transactional(async (em) => {
      const version = await lockVersion(em, versionId);
      if (version.status === 'pending-user-review') {
        refuse(
          {
            rule: 'TAX-5',
            field: 'versionId',
            message:
              'the version is pending user review; it is published when every change is decided',
          },
          409,
        );
      }
      const appliedDrafts =
        version.status === 'published' ? await applyTermDrafts(em, versionId, actor) : 0;
      const published = await publishVersion(em, versionId, actor);
      return {
        ...(await versionView(em, versionId)),
        supersededVersionId: published.supersededVersionId,
        appliedDrafts,
      };
    });
  }

  /**
   * TAX-7: an editing version may be deleted when its taxonomy is custom, or is an import that was
   * never published (409 naming TAX-7 otherwise). Its terms go with it; the import that made it
   * stays as history. A taxonomy left without versions is removed.
   */
  deleteVersion(versionId: string): Promise<void> {
    return this.orm.em.fork().transactional(async (em) => {
      const version = await lockVersion(em, versionId);
      const [taxonomy] = await em.execute<{ kind: string; everPublished: boolean }[]>(
        `select kind, exists (select 1 from taxonomy_version
                               where taxonomy_id = t.taxonomy_id and published_at is not null)
                  as "everPublished"
           from taxonomy t where taxonomy_id = ?`,
        [version.taxonomyId],
      );
      if (version.status !== 'editing') {
        refuse(
          {
            rule: 'TAX-7',
            field: 'versionId',
            message: `version ${version.versionLabel} is ${version.status}; only editing versions may be deleted`,
          },
          409,
        );
      }
      if (taxonomy?.kind !== 'custom' && taxonomy?.everPublished) {
        refuse(
          {
            rule: 'TAX-7',
            field: 'versionId',
            message:
              'editing versions of a published AIRS taxonomy come from imports and are discarded, not deleted',
          },
          409,
        );
      }
      await em.execute('update taxonomy_import set version_id = null where version_id = ?', [
        versionId,
      ]);
      await em.execute('delete from taxonomy_version where version_id = ?', [versionId]);
      const [left] = await em.execute<{ count: number }[]>(
        'select count(*)::int as count from taxonomy_version where taxonomy_id = ?',
        [version.taxonomyId],
      );
      if (left?.count === 0) {
        await em.execute('update taxonomy_import set taxonomy_id = null where taxonomy_id = ?', [
          version.taxonomyId,
        ]);
        await em.execute('delete from taxonomy where taxonomy_id = ?', [version.taxonomyId]);
      }
    });
  }
}
