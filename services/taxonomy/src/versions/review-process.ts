import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from '@temporalio/client';
import {
  SearchAttributes,
  TaskQueues,
  TAXONOMY_REVIEW_WORKFLOW,
  taxonomyReviewDecidedSignal,
  taxonomyReviewDiscardedSignal,
  taxonomyReviewWorkflowId,
  type TaxonomyReviewInput,
} from '@platform/contracts';
import { signalIfRunning, startOnce } from '@platform/temporal';
import type { EntityManager } from '@platform/persistence';
import type { ReviewStarter, ReviewToStart } from '../imports/review-starter.port.js';
import type { ReviewDecision } from './review-decisions.js';

/**
 * The review process's input for the versions pending user review (all, or one), read from the
 * committed state: who imported the release, and what the review task shows — the taxonomy's
 * name, the version's label and its review list by kind of change.
 */
async function pendingReviewInputs(
  em: EntityManager,
  versionId: string | null,
): Promise<TaxonomyReviewInput[]> {
  const rows = await em.execute<
    (Omit<TaxonomyReviewInput, 'reviewList'> & TaxonomyReviewInput['reviewList'])[]
  >(
    `select v.taxonomy_id as "taxonomyId", v.version_id as "versionId",
            coalesce(i.import_id::text, '') as "importId",
            coalesce(i.imported_by, v.created_by) as "importedBy",
            t.name as "taxonomyName", v.version_label as "versionLabel",
            count(c.code)::int as "termsToReview",
            count(c.code) filter (where c.change = 'replaced')::int as replaced,
            count(c.code) filter (where c.change = 'deleted')::int as deleted,
            count(c.code) filter (where c.change = 'modified')::int as modified
       from taxonomy_version v
       join taxonomy t using (taxonomy_id)
       left join taxonomy_import i on i.version_id = v.version_id and i.kind = 'update'
       left join version_change c on c.version_id = v.version_id and c.needs_review
      where v.status = 'pending-user-review' and (?::uuid is null or v.version_id = ?::uuid)
      group by v.version_id, t.name, i.import_id, i.imported_by`,
    [versionId, versionId],
  );
  return rows.map(({ replaced, deleted, modified, ...input }) => ({
    ...input,
    reviewList: { replaced, deleted, modified },
  }));
}

/**
 * TAX-5: the review process of a version pending user review (workflow `taxonomyReview`), started
 * and told of decisions AFTER the service's transaction committed. Starting is idempotent under
 * the deterministic id; a lost start is recovered when the service starts (ReviewProcessRecovery)
 * and a lost signal changes nothing: the process asks the service how the review stands.
 */
@Injectable()
export class TemporalReviewProcess implements ReviewStarter {
  private readonly logger = new Logger(TemporalReviewProcess.name);

  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(MikroORM) private readonly orm: MikroORM,
  ) {}

  /** After an update import committed: the review's task facts are read from what it left. */
  async start(toStart: ReviewToStart): Promise<void> {
    const workflowId = taxonomyReviewWorkflowId(toStart.versionId);
    try {
      const [pending] = await pendingReviewInputs(this.orm.em.fork(), toStart.versionId);
      // Discarded already (or published another way): there is nothing left to review.
      if (pending) await this.startProcess({ ...pending, ...toStart });
    } catch (error) {
      this.logger.warn(`${workflowId} not started (recovered on next start): ${String(error)}`);
    }
  }

  /** Starts the process unless it runs already (ARCHITECTURE rule 4: deterministic id). */
  async startProcess(input: TaxonomyReviewInput): Promise<void> {
    const workflowId = taxonomyReviewWorkflowId(input.versionId);
    try {
      await startOnce(this.temporal, TAXONOMY_REVIEW_WORKFLOW, {
        workflowId,
        taskQueue: TaskQueues.workflows,
        args: [input],
        typedSearchAttributes: [
          { key: SearchAttributes.businessStatus, value: 'pending-user-review' },
        ],
      });
    } catch (error) {
      this.logger.warn(`${workflowId} not started (recovered on next start): ${String(error)}`);
    }
  }

  async decided(versionId: string, code: string, decision: ReviewDecision, decidedBy: string) {
    await this.signal(versionId, (id) =>
      signalIfRunning(this.temporal, id, taxonomyReviewDecidedSignal, {
        code,
        decision,
        decidedBy,
      }),
    );
  }

  async discarded(versionId: string, discardedBy: string) {
    await this.signal(versionId, (id) =>
      signalIfRunning(this.temporal, id, taxonomyReviewDiscardedSignal, { discardedBy }),
    );
  }

  private async signal(versionId: string, send: (workflowId: string) => Promise<boolean>) {
    const workflowId = taxonomyReviewWorkflowId(versionId);
    try {
      await send(workflowId);
    } catch (error) {
      // Harmless: the process re-reads the review's status on its next signal or start.
      this.logger.warn(`${workflowId} not signalled: ${String(error)}`);
    }
  }
}

/**
 * TAX-5: "ensure processes" — on start, start the review process of every version pending user
 * review (a no-op for those running), so one whose start was lost after the import committed
 * still publishes once reviewed. Runs in the background.
 */
@Injectable()
export class ReviewProcessRecovery implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReviewProcessRecovery.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(TemporalReviewProcess) private readonly process: TemporalReviewProcess,
  ) {}

  onApplicationBootstrap(): void {
    void this.startAll().catch((error: unknown) =>
      this.logger.warn(`pending reviews' processes not ensured: ${String(error)}`),
    );
  }

  async startAll(): Promise<number> {
    const pending = await pendingReviewInputs(this.orm.em.fork(), null);
    for (const input of pending) await this.process.startProcess(input);
    return pending.length;
  }
}
