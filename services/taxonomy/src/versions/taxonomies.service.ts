import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { NotFoundProblem, refuse, type Page } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import {
  listTaxonomies,
  taxonomyDetail,
  type TaxonomyDetailView,
  type TaxonomyView,
} from './taxonomy-reads.js';
import type {
  CreateTaxonomyBody,
  ListTaxonomiesQuery,
  NewVersionBody,
} from './taxonomy.schemas.js';
import { copyVersionTerms } from './version-terms.js';
import {
  taxonomyVersions,
  versionView,
  type VersionSummary,
  type VersionView,
} from './version-reads.js';
import { refuseWhileDraftsAwaitRepublishing } from '../terms/term-drafts.js';

/**
 * TAX-7: custom taxonomies — created by an administrator with a name, language, country and a
 * first (empty, editing) version, given terms (TAX-4), published (TAX-2), and later changed
 * through a new editing version copied from the published one or by republishing.
 */
@Injectable()
export class TaxonomiesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  create(body: CreateTaxonomyBody, actor: Actor): Promise<TaxonomyDetailView> {
    return this.orm.em.fork().transactional(async (em) => {
      const taxonomyId = randomUUID();
      const inserted = await em.execute<{ taxonomyId: string }[]>(
        `insert into taxonomy (taxonomy_id, name, kind, default_language, country, created_by)
         values (?, ?, 'custom', ?, ?, ?)
         on conflict (name, country) do nothing returning taxonomy_id as "taxonomyId"`,
        [taxonomyId, body.name, body.language, body.country, actor.userId],
      );
      if (inserted.length === 0) {
        refuse(
          {
            rule: 'TAX-7',
            field: 'name',
            message: `${body.country} already has a taxonomy named ${body.name}`,
          },
          409,
        );
      }
      await insertVersion(em, taxonomyId, body.versionLabel, null, actor);
      return taxonomyDetail(em, taxonomyId);
    });
  }

  list(query: ListTaxonomiesQuery): Promise<Page<TaxonomyView>> {
    return listTaxonomies(this.orm.em.fork(), query);
  }

  detail(taxonomyId: string): Promise<TaxonomyDetailView> {
    return taxonomyDetail(this.orm.em.fork(), taxonomyId);
  }

  async versions(taxonomyId: string): Promise<VersionSummary[]> {
    const detail = await taxonomyDetail(this.orm.em.fork(), taxonomyId);
    return detail.versions;
  }

  version(versionId: string): Promise<VersionView> {
    return versionView(this.orm.em.fork(), versionId);
  }

  /**
   * TAX-7/TAX-2: a new editing version of a custom taxonomy, a complete copy of its published
   * version (terms, display states, texts, references). An AIRS taxonomy gets new versions from
   * update imports (TAX-5); one version is worked on at a time.
   */
  newVersion(taxonomyId: string, body: NewVersionBody, actor: Actor): Promise<VersionView> {
    return this.orm.em.fork().transactional(async (em) => {
      const [taxonomy] = await em.execute<{ kind: string }[]>(
        'select kind from taxonomy where taxonomy_id = ? for update',
        [taxonomyId],
      );
      if (!taxonomy) throw new NotFoundProblem('Taxonomy', taxonomyId);
      if (taxonomy.kind !== 'custom') {
        refuse(
          {
            rule: 'TAX-7',
            field: 'taxonomyId',
            message: 'an AIRS taxonomy gets new versions by importing its updates (TAX-5)',
          },
          409,
        );
      }
      const versions = await taxonomyVersions(em, taxonomyId);
      const open = versions.find(
        (v) => v.status === 'editing' || v.status === 'pending-user-review',
      );
      if (open) {
        refuse(
          {
            rule: 'TAX-2',
            field: 'taxonomyId',
            message: `version ${open.versionLabel} is still ${open.status}; publish or delete it first`,
          },
          409,
        );
      }
      await refuseWhileDraftsAwaitRepublishing(em, taxonomyId);
      const published = versions.find((v) => v.status === 'published');
      if (!published) {
        refuse(
          {
            rule: 'TAX-2',
            field: 'taxonomyId',
            message: 'the taxonomy has no published version to copy',
          },
          409,
        );
      }
      const versionId = await insertVersion(
        em,
        taxonomyId,
        body.versionLabel,
        published.versionId,
        actor,
      );
      await copyVersionTerms(em, published.versionId, versionId, actor.userId);
      return versionView(em, versionId);
    });
  }
}

/** A new editing version; a label the taxonomy already has is refused (409 naming `versionLabel`). */
async function insertVersion(
  em: EntityManager,
  taxonomyId: string,
  versionLabel: string,
  basedOnVersionId: string | null,
  actor: Actor,
): Promise<string> {
  const versionId = randomUUID();
  const inserted = await em.execute<{ versionId: string }[]>(
    `insert into taxonomy_version
       (version_id, taxonomy_id, version_label, status, based_on_version_id, created_by)
     values (?, ?, ?, 'editing', ?, ?)
     on conflict (taxonomy_id, version_label) do nothing returning version_id as "versionId"`,
    [versionId, taxonomyId, versionLabel, basedOnVersionId, actor.userId],
  );
  if (inserted.length === 0) {
    refuse(
      {
        rule: 'TAX-7',
        field: 'versionLabel',
        message: `the taxonomy already has a version ${versionLabel}`,
      },
      409,
    );
  }
  return versionId;
}
