import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { NotFoundProblem, refuse, refuseIfAny } from '@platform/http';
import { inOneSnapshot, type EntityManager } from '@platform/persistence';
import { refreshDocumentsOf } from '../search/index-documents.js';
import {
  compoundNameOf,
  deleteIndex,
  indexesWhere,
  recordIndexAdded,
  type IndexRecord,
} from './index-records.js';
import type { IndexView } from './index.views.js';
import { unindexableTerms, type PublishedTerm } from './indexable-terms.js';
import type { AddIndexBody } from './indexing.schemas.js';
import { publishedTaxonomy } from './published-taxonomy.js';
import { syncTermUsage } from './term-usage.js';
import { textArray } from '../shared/text-array.js';

async function indexView(em: EntityManager, index: IndexRecord): Promise<IndexView> {
  const { providerId: _providerId, ...rest } = index;
  return {
    ...rest,
    createdAt: new Date(index.createdAt).toISOString(),
    compoundName: await compoundNameOf(em, index.taxonomyId, index.termCodes),
  };
}

async function isKnownProviderService(em: EntityManager, providerServiceId: string) {
  const [known] = await em.execute<unknown[]>(
    'select 1 from provider_service where provider_service_id = ?',
    [providerServiceId],
  );
  return known !== undefined;
}

/** TAX-8: the provider service must be known from the providers service's events. */
async function refuseUnknownProviderService(em: EntityManager, providerServiceId: string) {
  if (!(await isKnownProviderService(em, providerServiceId))) {
    refuse({
      rule: 'TAX-8',
      field: 'providerServiceId',
      message: `provider service ${providerServiceId} is not known to the taxonomy service`,
    });
  }
}

/** TAX-8: link provider services to terms (one or a compound), list and remove the links. */
@Injectable()
export class IndexingService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /**
   * TAX-8 in one transaction: the index, its search documents (TAX-9), its terms made `used`
   * (TAX-3) and `service-index.added`.
   */
  add(providerServiceId: string, body: AddIndexBody, actor: Actor): Promise<IndexView> {
    return this.orm.em.fork().transactional(async (em) => {
      await refuseUnknownProviderService(em, providerServiceId);
      const { taxonomyId, versionId } = await publishedTaxonomy(em, body.taxonomyId);
      const terms = await em.execute<PublishedTerm[]>(
        `select code, display_state as "displayState" from term
          where version_id = ? and code = any(?::text[])`,
        [versionId, textArray(body.termCodes)],
      );
      refuseIfAny(unindexableTerms(body.termCodes, terms));
      const indexId = randomUUID();
      const inserted = await em.execute<unknown[]>(
        `insert into service_index (index_id, provider_service_id, taxonomy_id, term_codes, created_by)
         values (?, ?, ?, ?::text[], ?)
         on conflict (provider_service_id, taxonomy_id, term_codes) do nothing returning 1`,
        [indexId, providerServiceId, taxonomyId, textArray(body.termCodes), actor.userId],
      );
      if (inserted.length === 0) {
        refuse(
          {
            rule: 'TAX-8',
            field: 'termCodes',
            message: 'the provider service already has this index',
          },
          409,
        );
      }
      await syncTermUsage(em, taxonomyId, body.termCodes);
      await refreshDocumentsOf(em, [indexId]);
      const [index] = await indexesWhere(em, 'i.index_id = ?', [indexId]);
      if (!index) throw new Error(`index ${indexId} was not stored`);
      await recordIndexAdded(em, index, actor);
      return indexView(em, index);
    });
  }

  list(providerServiceId: string): Promise<{ items: IndexView[] }> {
    return inOneSnapshot(this.orm.em.fork(), async (em) => {
      // 404 until the providers service's events made the provider service known here.
      if (!(await isKnownProviderService(em, providerServiceId))) {
        throw new NotFoundProblem('Provider service', providerServiceId);
      }
      const indexes = await indexesWhere(em, 'i.provider_service_id = ?', [providerServiceId]);
      const items: IndexView[] = [];
      for (const index of indexes) items.push(await indexView(em, index));
      return { items };
    });
  }

  /** TAX-8: removes the index; terms no other index uses are active again (TAX-3). */
  remove(providerServiceId: string, indexId: string, actor: Actor): Promise<void> {
    return this.orm.em.fork().transactional(async (em) => {
      const [index] = await indexesWhere(
        em,
        'i.index_id = ? and i.provider_service_id = ?',
        [indexId, providerServiceId],
        true,
      );
      if (!index) throw new NotFoundProblem('Index', indexId);
      await deleteIndex(em, index, null, actor);
      await syncTermUsage(em, index.taxonomyId, index.termCodes);
    });
  }
}
