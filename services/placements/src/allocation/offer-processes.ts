import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowIdReusePolicy } from '@temporalio/client';
import {
  SearchAttributes,
  TaskQueues,
  WAITLIST_OFFER_WORKFLOW,
  waitlistOfferWorkflowId,
  WorkQueues,
  type WaitlistOfferInput,
} from '@platform/contracts';
import { startOnce } from '@platform/temporal';

/**
 * PRV-10: starts the process of an offer (workflow `waitlistOffer`, id `waitlist-offer/<offerId>`)
 * that opens the case worker's task. The offer id is derived from its cause (offer-ids.ts), so a
 * redelivered event starts nothing new; a process that already ran is not started again.
 */
@Injectable()
export class WaitlistOfferProcesses {
  private readonly logger = new Logger(WaitlistOfferProcesses.name);

  constructor(@Inject(Client) private readonly temporal: Client) {}

  async start(offer: WaitlistOfferInput, memo: Record<string, unknown> = {}): Promise<void> {
    const workflowId = waitlistOfferWorkflowId(offer.offerId);
    const started = await startOnce(this.temporal, WAITLIST_OFFER_WORKFLOW, {
      workflowId,
      taskQueue: TaskQueues.workflows,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [offer],
      typedSearchAttributes: [
        { key: SearchAttributes.providerId, value: offer.providerId },
        { key: SearchAttributes.workQueue, value: WorkQueues.waitlistOffers },
        { key: SearchAttributes.assignee, value: offer.offeredTo },
        { key: SearchAttributes.businessStatus, value: 'awaiting-answer' },
      ],
      memo,
    });
    this.logger.log(`${workflowId} ${started ? 'started' : 'already started'}`);
  }
}
