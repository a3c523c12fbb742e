import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import type { Page } from '@platform/http';
import {
  decideAllReviewItems,
  decideReviewItem,
  discardVersion,
  type ReviewDecision,
} from './review-decisions.js';
import { TemporalReviewProcess } from './review-process.js';
import type { ListChangesQuery } from './review.schemas.js';
import { listVersionChanges, type VersionChangeView } from './version-changes.reads.js';

/**
 * TAX-5: the review list of an update version and the administrator's decisions. Each decision
 * is one transaction; the review process is signalled after it commits.
 */
@Injectable()
export class ReviewService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(TemporalReviewProcess) private readonly process: TemporalReviewProcess,
  ) {}

  changes(versionId: string, query: ListChangesQuery): Promise<Page<VersionChangeView>> {
    return listVersionChanges(this.orm.em.fork(), versionId, query);
  }

  async decide(
    versionId: string,
    code: string,
    decision: ReviewDecision,
    comment: string | undefined,
    actor: Actor,
  ): Promise<VersionChangeView> {
    const decided = await this.orm.em
      .fork()
      .transactional((em) => decideReviewItem(em, { versionId, code, decision, comment, actor }));
    await this.process.decided(versionId, code, decision, actor.userId);
    return decided;
  }

  async decideAll(versionId: string, decision: ReviewDecision, actor: Actor) {
    const decided = await this.orm.em
      .fork()
      .transactional((em) => decideAllReviewItems(em, { versionId, decision, actor }));
    await this.process.decided(versionId, '*', decision, actor.userId);
    return decided;
  }

  async discard(versionId: string, actor: Actor) {
    const discarded = await this.orm.em
      .fork()
      .transactional((em) => discardVersion(em, versionId, actor));
    await this.process.discarded(versionId, actor.userId);
    return discarded;
  }
}
