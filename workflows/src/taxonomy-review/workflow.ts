import {
  condition,
  continueAsNew,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  SearchAttributes,
  taxonomyReviewDecidedSignal,
  taxonomyReviewDiscardedSignal,
  WorkQueues,
  type TaskDecision,
  type TaxonomyReviewInput,
  type TaxonomyReviewResult,
  type TaxonomyReviewStatus,
} from '@platform/contracts/workflows';
import { tasksActivities as tasks, taxonomyActivities as taxonomy } from '../shared/activities.js';
import { businessRejectionOf } from '../shared/business-rejection.js';
import { daysAfterNow, msUntil, workflowNow } from '../shared/clock.js';
import { acceptDecisions } from '../shared/decide-handler.js';
import { taskDecisionFields } from '../shared/decision-rules.js';
import { openTask } from '../shared/open-task.js';
import {
  clearAssignee,
  followTaskAssignment,
  type OpenTaskState,
} from '../shared/task-assignment.js';
import {
  checkReviewDecision,
  nextReminderAt,
  reminderMessage,
  remindersDue,
  REMINDER_INTERVAL_DAYS,
  reviewTaskContent,
  TAXONOMY_REVIEW_DECISION,
} from './policy.js';

/**
 * Status checks before the process continues as new: each decision adds a signal and an activity
 * to the history, and a review of a few thousand deleted terms must not outgrow it. The new run
 * asks the service again, so nothing is lost across the hand-over.
 */
export const CHECKS_PER_RUN = 500;

type BusinessStatus = 'pending-user-review' | 'published' | 'discarded';
type Outcome = TaxonomyReviewResult['outcome'];

/**
 * TAX-5 (ADR 0021): an update import's review, which may take weeks. The process holds no state
 * of its own about decisions: on start, after each decision signal and on each reminder it asks
 * the taxonomy service how many terms are still undecided, so a lost or repeated signal changes
 * nothing and a restarted worker simply replays. When none is left it has the service publish the
 * version (superseding the previous one, in the importing administrator's name); a discarded
 * version ends it.
 *
 * The review shows as ONE task in the administrators' `taxonomy-reviews` queue, reminded every 14
 * days while terms are undecided and completed `published` or `discarded` however the review
 * ended. Deciding the task `discard` (with a reason) has the service discard the version.
 */
export async function taxonomyReview(input: TaxonomyReviewInput): Promise<TaxonomyReviewResult> {
  const { workflowId } = workflowInfo();
  const task: OpenTaskState = { taskId: input.taskId ?? null, assignee: null };
  const openedAt = input.taskOpenedAt ? Date.parse(input.taskOpenedAt) : workflowNow();
  let signals = 0;
  let discardedBy: string | null = null;
  /** A `discard` decision accepted on the task and not yet carried out. */
  let discard: TaskDecision | null = null;
  /** Publishing or discarding has begun: the task takes no decision any more. */
  let closing = false;
  let reminded = 0;

  setHandler(taxonomyReviewDecidedSignal, () => {
    signals += 1;
  });
  setHandler(taxonomyReviewDiscardedSignal, (discarded) => {
    discardedBy = discarded.discardedBy;
  });
  followTaskAssignment(task);
  acceptDecisions(
    (proposed) =>
      checkReviewDecision(proposed, {
        openTaskId: task.taskId,
        closing: closing || discard !== null,
      }),
    (accepted) => {
      discard = accepted;
    },
  );

  const taskId =
    input.taskId ??
    (await openTask(
      {
        requestKey: `${workflowId}/task`,
        workflowId,
        queue: WorkQueues.taxonomyReviews,
        subject: { type: 'taxonomy-version', id: input.versionId },
        priority: 'normal',
        dueAt: daysAfterNow(REMINDER_INTERVAL_DAYS),
        ...reviewTaskContent(input),
        ...taskDecisionFields(TAXONOMY_REVIEW_DECISION),
      },
      (named) => {
        task.taskId = named;
      },
    ));
  task.taskId = taskId;
  show('pending-user-review');

  for (let checks = 1; ; checks += 1) {
    const seen = signals;
    const review = await taxonomy.taxonomyReviewStatus({ versionId: input.versionId });
    const ended = await settle(review);
    if (ended) return ended;
    // Right after settle: a discard accepted meanwhile would be lost across the hand-over.
    // A reminder falling due now is sent by the new run (its key says it is the same one).
    if (checks >= CHECKS_PER_RUN) break;
    await remindIfDue(review.undecided);
    await condition(
      () => discardedBy !== null || discard !== null || signals !== seen,
      msUntil(nextReminderAt(openedAt, workflowNow())),
    );
  }
  return continueAsNew<typeof taxonomyReview>({
    ...input,
    taskId,
    taskOpenedAt: new Date(openedAt).toISOString(),
  });

  /** Ends the process when the review is over, however it ended; null while it goes on. */
  async function settle(review: TaxonomyReviewStatus): Promise<TaxonomyReviewResult | null> {
    const decided: TaskDecision | null = discard;
    if (decided && review.status === 'pending-user-review') return discardFromTask(decided);
    if (decided && review.status === 'discarded') {
      // Discarded through the API as the task's discard came in: the task's reason stands.
      return close('discarded', decided.decidedBy.userId, decided.reason?.trim() || null);
    }
    if (discardedBy !== null || review.status === 'discarded') {
      // A discard whose signal was lost is known only from the service.
      return close('discarded', discardedBy ?? 'system', null);
    }
    if (review.status === 'published' || review.status === 'superseded') {
      return close('published', input.importedBy, null);
    }
    if (review.status === 'pending-user-review' && review.undecided === 0) {
      closing = true;
      const published = await taxonomy.publishReviewedVersion({
        versionId: input.versionId,
        publishedBy: input.importedBy,
      });
      const outcome = published.outcome === 'discarded' ? 'discarded' : 'published';
      return close(outcome, input.importedBy, null);
    }
    return null;
  }

  /**
   * TAX-5: an administrator discarded the version from the task. A version published meanwhile is
   * refused by the service (TAX-2): the task then closes as published.
   */
  async function discardFromTask(decided: TaskDecision): Promise<TaxonomyReviewResult> {
    closing = true;
    const by = decided.decidedBy.userId;
    const reason = (decided.reason ?? '').trim();
    try {
      await taxonomy.discardTaxonomyVersion({
        versionId: input.versionId,
        discardedBy: by,
        reason,
      });
    } catch (error) {
      if (!businessRejectionOf(error)) throw error;
      return close('published', input.importedBy, null);
    }
    return close('discarded', by, reason);
  }

  /** TAX-5: one reminder per 14 days the review has been open, each with what is left. */
  async function remindIfDue(undecided: number): Promise<void> {
    const due = remindersDue(openedAt, workflowNow());
    if (due <= reminded) return;
    await tasks.remindTask({
      taskId,
      requestKey: `${workflowId}/reminder/${due}`,
      message: reminderMessage(undecided),
    });
    reminded = due;
  }

  async function close(
    outcome: Outcome,
    decidedBy: string,
    reason: string | null,
  ): Promise<TaxonomyReviewResult> {
    closing = true;
    await tasks.completeTask({ taskId, outcome, decidedBy, reason });
    clearAssignee(task);
    show(outcome);
    return { outcome, versionId: input.versionId };
  }

  function show(status: BusinessStatus): void {
    upsertSearchAttributes([
      { key: SearchAttributes.businessStatus, value: status },
      { key: SearchAttributes.workQueue, value: task.taskId ? WorkQueues.taxonomyReviews : null },
    ]);
    upsertMemo({
      summary: `${input.taxonomyName} release ${input.versionLabel}: ${status}`,
    });
  }
}
