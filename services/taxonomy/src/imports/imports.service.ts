import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { RuleViolation, type Page } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import { openTaxonomyFile, TaxonomyFileError } from '../airs/index.js';
import type { TaxonomyConfig } from '../config.js';
import { TAXONOMY_CONFIG } from '../taxonomy-config.token.js';
import { meteredBody, refuseUnlessXml, type BodyMeter } from './import-body.js';
import { getImport, listImports } from './import-reads.js';
import type { ImportQuery, ListImportsQuery } from './import.schemas.js';
import { recordImport, refuseMissingParents, stageTerms } from './import-staging.js';
import { importTarget } from './import-target.js';
import type { ImportAnswer, ImportView } from './import.views.js';
import { createFromImport } from './initial-import.js';
import { REVIEW_STARTER, type ReviewStarter } from './review-starter.port.js';
import { addTranslation } from './translation-import.js';
import { applyUpdateImport } from './update-import.js';

const NO_CHANGES = { added: 0, modified: 0, replaced: 0, deleted: 0, toReview: 0 };

/** TAX-1: a file the parser refused, as a 422 naming the rule, the field and where it is. */
function fileRefusal(error: TaxonomyFileError): RuleViolation {
  return new RuleViolation('TAX-1', `TAX-1: ${error.field} — ${error.message}`, 422, [
    { field: error.field, message: `TAX-1: ${error.message}` },
  ]);
}

/**
 * TAX-1, TAX-5, TAX-6: imports an uploaded taxonomy file in ONE transaction — the import record,
 * the staged terms (streamed from the request in batches), and the taxonomy, version and terms it
 * creates or changes — so a file refused halfway leaves nothing behind. An update left pending
 * user review starts its review process once committed.
 */
@Injectable()
export class TaxonomyImportsService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(TAXONOMY_CONFIG) private readonly config: TaxonomyConfig,
    @Optional() @Inject(REVIEW_STARTER) private readonly reviews?: ReviewStarter,
  ) {}

  async importFile(
    request: IncomingMessage,
    query: ImportQuery,
    actor: Actor,
  ): Promise<ImportAnswer> {
    refuseUnlessXml(request.headers['content-type']);
    const body = meteredBody(request, this.config.TAXONOMY_IMPORT_MAX_BYTES);
    let answer: ImportAnswer;
    try {
      answer = await this.orm.em
        .fork()
        .transactional((em) => this.importIn(em, body.chunks, body.meter, query, actor));
    } catch (error) {
      throw error instanceof TaxonomyFileError ? fileRefusal(error) : error;
    }
    if (answer.status === 'pending-user-review') {
      if (!this.reviews) throw new Error('TAX-5: no review starter is bound (versions area)');
      await this.reviews.start({
        taxonomyId: answer.taxonomyId,
        versionId: answer.versionId,
        importId: answer.importId,
        termsToReview: answer.changes.toReview,
        importedBy: actor.userId,
      });
    }
    return answer;
  }

  private async importIn(
    em: EntityManager,
    chunks: AsyncIterable<Uint8Array>,
    meter: BodyMeter,
    query: ImportQuery,
    actor: Actor,
  ): Promise<ImportAnswer> {
    const started = performance.now();
    const file = await openTaxonomyFile(chunks);
    const importId = randomUUID();
    await recordImport(em, importId, file.header, query, actor);
    const termCount = await stageTerms(em, importId, file.terms);
    const parseMs = Math.round(performance.now() - started);
    await refuseMissingParents(em, importId);
    const target = await importTarget(em, file.header);
    const base = { importId, termCount, changes: NO_CHANGES, translation: null };
    let answer: ImportAnswer;
    if (target.kind === 'initial') {
      const created = await createFromImport(em, importId, file.header, actor);
      answer = {
        ...base,
        kind: 'initial',
        ...created,
        status: 'editing',
        changes: { ...NO_CHANGES, added: termCount },
      };
    } else if (target.kind === 'translation') {
      const translation = await addTranslation(em, {
        ...target,
        importId,
        language: file.header.language,
      });
      const { taxonomyId, versionId, versionStatus: status } = target;
      answer = { ...base, kind: 'translation', taxonomyId, versionId, status, translation };
    } else {
      const { taxonomyId } = target;
      const { reviewBeforeImport, reviewElements } = query;
      const update = await applyUpdateImport(em, {
        importId,
        taxonomyId,
        reviewBeforeImport,
        reviewElements,
        actor,
      });
      answer = { ...base, kind: 'update', taxonomyId, ...update };
    }
    await em.execute(
      `update taxonomy_import set kind = ?, taxonomy_id = ?, version_id = ?, term_count = ?,
         bytes = ?, parse_ms = ? where import_id = ?`,
      [answer.kind, answer.taxonomyId, answer.versionId, termCount, meter.bytes, parseMs, importId],
    );
    return answer;
  }

  list(query: ListImportsQuery): Promise<Page<ImportView>> {
    return listImports(this.orm.em.fork(), query);
  }

  get(importId: string): Promise<ImportView> {
    return getImport(this.orm.em.fork(), importId);
  }
}
