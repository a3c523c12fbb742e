import {
  condition,
  ParentClosePolicy,
  setHandler,
  startChild,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import {
  SearchAttributes,
  WAITLIST_OFFER_WORKFLOW,
  waitlistOfferStateQuery,
  waitlistOfferWorkflowId,
  WorkQueues,
  type TaskDecision,
  type WaitlistOfferInput,
  type WaitlistOfferResult,
  type WaitlistOfferState,
  type WaitlistOfferStatus,
} from '@platform/contracts/workflows';
import { businessRejectionOf } from '../shared/business-rejection.js';
import {
  placementsActivities as placements,
  providersActivities as providers,
  tasksActivities as tasks,
} from '../shared/activities.js';
import { calendarDateAt, DAY_MS, workflowNow } from '../shared/clock.js';
import { acceptDecisions } from '../shared/decide-handler.js';
import { checkDecision, taskDecisionFields } from '../shared/decision-rules.js';
import { openTask } from '../shared/open-task.js';
import { clearAssignee, followTaskAssignment } from '../shared/task-assignment.js';
import {
  allocationPeriod,
  OFFER_TASK_PRIORITY,
  offerTaskContent,
  WAITLIST_OFFER_DECISION,
} from './policy.js';

/**
 * PRV-10 (ADR 0020): a freed place offered to the first suitable waitlist entry. The process opens
 * a task in the `waitlist-offers` queue assigned to the entry's case worker and waits for the
 * answer. Accepted: the providers service allocates the entry (its waitlist-entry.allocated makes
 * placements create the reservation or placement), then placements closes the offer as accepted.
 * Declined — or the entry could no longer be allocated (it expired or was removed meanwhile) —
 * placements closes the offer as declined and offers the place to the next suitable entry, whose
 * process this one starts (an abandoned child: it outlives this one).
 */
export async function waitlistOffer(input: WaitlistOfferInput): Promise<WaitlistOfferResult> {
  const { workflowId } = workflowInfo();
  const state: WaitlistOfferState = {
    status: 'awaiting-answer',
    taskId: null,
    assignee: null,
    decidedBy: null,
    nextOfferId: null,
  };
  let decision: TaskDecision | null = null;

  const publish = (status: WaitlistOfferStatus) => {
    state.status = status;
    upsertSearchAttributes([
      { key: SearchAttributes.businessStatus, value: status },
      { key: SearchAttributes.workQueue, value: state.taskId ? WorkQueues.waitlistOffers : null },
    ]);
    upsertMemo({
      summary: `Place ${input.placeName} offered to ${input.clientReference} from ${input.availableFrom}: ${status}`,
    });
  };

  setHandler(waitlistOfferStateQuery, () => state);
  followTaskAssignment(state);
  acceptDecisions(
    (proposed) => checkDecision(proposed, WAITLIST_OFFER_DECISION, decision ? null : state.taskId),
    (accepted) => {
      decision = accepted;
    },
  );
  upsertSearchAttributes([{ key: SearchAttributes.providerId, value: input.providerId }]);

  const taskId = await openTask(
    {
      requestKey: `${workflowId}/task`,
      workflowId,
      queue: WorkQueues.waitlistOffers,
      subject: { type: 'waitlist-offer', id: input.offerId },
      priority: OFFER_TASK_PRIORITY,
      dueAt: new Date(workflowNow() + input.answerDays * DAY_MS).toISOString(),
      assignee: input.offeredTo,
      ...offerTaskContent(input),
      ...taskDecisionFields(WAITLIST_OFFER_DECISION),
    },
    (named) => {
      state.taskId = named;
    },
  );
  publish('awaiting-answer');

  await condition(() => decision !== null);
  const answer = decision as unknown as TaskDecision;
  const decidedBy = answer.decidedBy.userId;
  state.decidedBy = decidedBy;

  if (answer.outcome === 'accept') {
    publish('allocating');
    const refusal = await allocate(decidedBy);
    if (refusal === null) {
      await placements.acceptWaitlistOffer({ offerId: input.offerId, decidedBy });
      return close('accepted', { outcome: 'accept', decidedBy, reason: null });
    }
    // PRV-10: the entry left the list meanwhile; the place goes to the next one.
    return decline(decidedBy, `not allocated: ${refusal}`, 'not-allocated');
  }
  return decline(decidedBy, (answer.reason ?? '').trim(), 'decline');

  /** Asks the providers service to allocate; answers its refusal's message, or null when done. */
  async function allocate(allocatedBy: string): Promise<string | null> {
    const period = allocationPeriod(input.availableFrom, calendarDateAt(workflowNow()));
    try {
      await providers.allocateWaitlistEntry({
        entryId: input.entryId,
        ...period,
        placeId: input.placeId,
        allocatedBy,
        workflowId,
      });
      return null;
    } catch (error) {
      const rejection = businessRejectionOf(error);
      if (!rejection) throw error;
      return rejection.message;
    }
  }

  async function decline(
    by: string,
    reason: string,
    outcome: 'decline' | 'not-allocated',
  ): Promise<WaitlistOfferResult> {
    const decided = await placements.declineWaitlistOffer({
      offerId: input.offerId,
      decidedBy: by,
      reason,
    });
    if (decided.nextOffer) {
      const next = decided.nextOffer;
      state.nextOfferId = next.offerId;
      await startChild(WAITLIST_OFFER_WORKFLOW, {
        workflowId: waitlistOfferWorkflowId(next.offerId),
        args: [next],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        typedSearchAttributes: [
          { key: SearchAttributes.providerId, value: next.providerId },
          { key: SearchAttributes.workQueue, value: WorkQueues.waitlistOffers },
          { key: SearchAttributes.assignee, value: next.offeredTo },
          { key: SearchAttributes.businessStatus, value: 'awaiting-answer' },
        ],
      });
    }
    return close('declined', { outcome, decidedBy: by, reason: reason || null });
  }

  async function close(
    status: 'accepted' | 'declined',
    completion: { outcome: string; decidedBy: string; reason: string | null },
  ): Promise<WaitlistOfferResult> {
    await tasks.completeTask({ taskId, ...completion });
    clearAssignee(state);
    publish(status);
    return {
      offerId: input.offerId,
      status,
      decidedBy: completion.decidedBy,
      nextOfferId: state.nextOfferId,
    };
  }
}
