import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import {
  decideUpdate,
  DecisionRejection,
  TaskQueues,
  TAXONOMY_REVIEW_WORKFLOW,
  taxonomyReviewDecidedSignal,
  taxonomyReviewDiscardedSignal,
  taxonomyReviewWorkflowId,
  WorkQueues,
  type TaskDecision,
  type TaxonomyReviewInput,
  type TaxonomyReviewResult,
} from '@platform/contracts';
import { eventually } from '@platform/testing';
import { DAY_MS } from '../src/shared/clock.js';
import { InMemoryTaxonomyReviews } from './support/in-memory-taxonomy-reviews.js';
import { WorkflowTestbed } from './support/workflow-testbed.js';

/**
 * TAX-5's import review on Temporal's time-skipping test server, with an in-memory stand-in for
 * the taxonomy service's activities (its own suite runs the real ones) and the recording tasks
 * service: the process publishes the version once no term is undecided, however the decisions
 * reached it, and a discarded version ends it; the review shows as one task in the administrators'
 * queue, reminded every 14 days, which also discards the version.
 */
type ReviewFn = (input: TaxonomyReviewInput) => Promise<TaxonomyReviewResult>;

const reviews = new InMemoryTaxonomyReviews();
let testbed: WorkflowTestbed;

beforeAll(async () => {
  testbed = await WorkflowTestbed.start({}, { taxonomy: reviews });
});

afterAll(async () => {
  await testbed?.shutdown();
});

async function startReview(termsToReview: number, carried: Partial<TaxonomyReviewInput> = {}) {
  const input: TaxonomyReviewInput = {
    taxonomyId: randomUUID(),
    versionId: randomUUID(),
    importId: randomUUID(),
    termsToReview,
    importedBy: 'admin.ada',
    taxonomyName: '211 LA County Taxonomy',
    versionLabel: '2026-07-01',
    reviewList: { replaced: 1, deleted: termsToReview - 1, modified: 0 },
    ...carried,
  };
  reviews.add(input.versionId, termsToReview);
  const handle: WorkflowHandle<ReviewFn> = await testbed.client.workflow.start<ReviewFn>(
    TAXONOMY_REVIEW_WORKFLOW,
    {
      workflowId: taxonomyReviewWorkflowId(input.versionId),
      taskQueue: TaskQueues.workflows,
      args: [input],
    },
  );
  await eventually(() => expect(reviews.statusCallsFor(input.versionId)).toBe(1));
  return { input, handle };
}

/** The service commits a decision and signals the process, which asks again. */
async function decide(handle: WorkflowHandle<ReviewFn>, versionId: string, code: string) {
  const asked = reviews.statusCallsFor(versionId);
  reviews.decide(versionId);
  await handle.signal(taxonomyReviewDecidedSignal, {
    code,
    decision: 'accepted',
    decidedBy: 'admin.ada',
  });
  await eventually(() => expect(reviews.statusCallsFor(versionId)).toBeGreaterThan(asked));
}

/** The review's tasks, once the process opened its one task. */
async function reviewTask(versionId: string) {
  const workflowId = taxonomyReviewWorkflowId(versionId);
  await eventually(() => expect(testbed.tasks.of(workflowId)).toHaveLength(1));
  return testbed.tasks.of(workflowId)[0]!;
}

const remindersOf = (taskId: string) =>
  testbed.tasks.reminders.filter((reminder) => reminder.taskId === taskId);

const decideTask = (handle: WorkflowHandle<ReviewFn>, decision: TaskDecision) =>
  handle.executeUpdate(decideUpdate, { args: [decision] });

async function refusal(handle: WorkflowHandle<ReviewFn>, decision: TaskDecision): Promise<string> {
  const error = await decideTask(handle, decision).then(
    () => new Error('the decision was accepted'),
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return ((error as WorkflowUpdateFailedError).cause as ApplicationFailure).type as string;
}

const ADMIN = { userId: 'admin.ada', roles: ['administrator'] } as const;

const businessStatus = async (handle: WorkflowHandle<ReviewFn>) =>
  (await handle.describe()).searchAttributes['BusinessStatus'];

describe('taxonomy import review (TAX-5)', () => {
  it('TAX-5: the version is published in the importer’s name once the last term is decided, not before', async () => {
    const { input, handle } = await startReview(2);
    expect(await businessStatus(handle)).toEqual(['pending-user-review']);

    await decide(handle, input.versionId, 'BD-1800');
    expect(reviews.publishCallsFor(input.versionId)).toEqual([]);
    expect(reviews.statusOf(input.versionId)).toBe('pending-user-review');

    await decide(handle, input.versionId, 'BD-1900');
    expect(await handle.result()).toEqual({ outcome: 'published', versionId: input.versionId });
    expect(reviews.publishCallsFor(input.versionId)).toEqual([
      { versionId: input.versionId, publishedBy: 'admin.ada' },
    ]);
    expect(reviews.statusOf(input.versionId)).toBe('published');
    expect(await businessStatus(handle)).toEqual(['published']);
  });

  it('TAX-5: a lost decision signal changes nothing — the next signal finds every term decided', async () => {
    const { input, handle } = await startReview(2);
    reviews.decide(input.versionId); // committed, its signal lost
    await decide(handle, input.versionId, 'BD-1900');

    expect(await handle.result()).toEqual({ outcome: 'published', versionId: input.versionId });
    expect(reviews.publishCallsFor(input.versionId)).toHaveLength(1);
  });

  it('TAX-5: a version published another way meanwhile ends the process without publishing again', async () => {
    const { input, handle } = await startReview(1);
    reviews.set(input.versionId, 'published');
    await handle.signal(taxonomyReviewDecidedSignal, {
      code: 'BD-1800',
      decision: 'rejected',
      decidedBy: 'admin.ada',
    });

    expect(await handle.result()).toEqual({ outcome: 'published', versionId: input.versionId });
    expect(reviews.publishCallsFor(input.versionId)).toEqual([]);
  });

  it('TAX-5: a discarded version ends its review without publishing', async () => {
    const { input, handle } = await startReview(3);
    reviews.set(input.versionId, 'discarded');
    await handle.signal(taxonomyReviewDiscardedSignal, { discardedBy: 'admin.ada' });

    expect(await handle.result()).toEqual({ outcome: 'discarded', versionId: input.versionId });
    expect(reviews.publishCallsFor(input.versionId)).toEqual([]);
    expect(await businessStatus(handle)).toEqual(['discarded']);
  });

  it('TAX-5: a review that lasts 30 days survives a worker restart and publishes on its last decision', async () => {
    const { input, handle } = await startReview(2);
    await decide(handle, input.versionId, 'BD-1800');

    await testbed.env.sleep(30 * DAY_MS);
    await testbed.stopWorkflowWorker();
    reviews.decide(input.versionId);
    await handle.signal(taxonomyReviewDecidedSignal, {
      code: 'BD-1900',
      decision: 'accepted',
      decidedBy: 'admin.ada',
    });
    expect(reviews.publishCallsFor(input.versionId)).toEqual([]);
    await testbed.startWorkflowWorker();

    expect(await handle.result()).toEqual({ outcome: 'published', versionId: input.versionId });
    expect(reviews.publishCallsFor(input.versionId)).toHaveLength(1);
    expect(reviews.statusOf(input.versionId)).toBe('published');
  });

  it('TAX-5: the review appears as one task in the taxonomy-reviews queue and closes when the version publishes', async () => {
    const { input, handle } = await startReview(12, {
      reviewList: { replaced: 3, deleted: 8, modified: 1 },
    });
    const task = await reviewTask(input.versionId);
    expect(task).toMatchObject({
      queue: WorkQueues.taxonomyReviews,
      requestKey: `${taxonomyReviewWorkflowId(input.versionId)}/task`,
      title: 'Review 12 changed terms of 211 LA County Taxonomy release 2026-07-01',
      subject: { type: 'taxonomy-version', id: input.versionId },
      deciderRoles: ['administrator'],
      allowedOutcomes: ['discard'],
      outcomesRequiringReason: ['discard'],
      status: 'open',
    });
    expect(task.details?.[0]).toBe(
      'Replaced: 3 terms; deleted: 8 terms; modified, held for review: 1 term.',
    );
    expect(task.details?.[1]).toContain(
      `GET /taxonomy-versions/${input.versionId}/changes?needsReview=true`,
    );
    expect((await handle.describe()).searchAttributes['WorkQueue']).toEqual(['taxonomy-reviews']);

    for (let left = 12; left > 1; left -= 1) reviews.decide(input.versionId);
    await decide(handle, input.versionId, 'BD-1900');

    expect(await handle.result()).toEqual({ outcome: 'published', versionId: input.versionId });
    expect(testbed.tasks.of(taxonomyReviewWorkflowId(input.versionId))).toHaveLength(1);
    expect(testbed.tasks.task(task.taskId)).toMatchObject({
      status: 'completed',
      completion: {
        taskId: task.taskId,
        outcome: 'published',
        decidedBy: 'admin.ada',
        reason: null,
      },
    });
  });

  it('TAX-5: a version discarded through the API closes its task as discarded by who discarded it', async () => {
    const { input, handle } = await startReview(2);
    const task = await reviewTask(input.versionId);
    reviews.set(input.versionId, 'discarded');
    await handle.signal(taxonomyReviewDiscardedSignal, { discardedBy: 'admin.bo' });

    expect(await handle.result()).toEqual({ outcome: 'discarded', versionId: input.versionId });
    expect(testbed.tasks.task(task.taskId).completion).toMatchObject({
      outcome: 'discarded',
      decidedBy: 'admin.bo',
    });
  });

  it('TAX-5: a review left 14 days reminds the administrators', async () => {
    const { input, handle } = await startReview(3);
    const task = await reviewTask(input.versionId);
    await decide(handle, input.versionId, 'BD-1800');

    await testbed.env.sleep(13 * DAY_MS);
    expect(remindersOf(task.taskId)).toEqual([]);

    await testbed.env.sleep(DAY_MS + 60_000);
    await eventually(() => expect(remindersOf(task.taskId)).toHaveLength(1));
    expect(remindersOf(task.taskId)[0]).toMatchObject({ message: '2 terms still to review' });

    // Every 14 days after, with what is left then.
    await decide(handle, input.versionId, 'BD-1900');
    await testbed.env.sleep(14 * DAY_MS);
    await eventually(() => expect(remindersOf(task.taskId)).toHaveLength(2));
    expect(remindersOf(task.taskId)[1]).toMatchObject({ message: '1 term still to review' });
    expect(new Set(remindersOf(task.taskId).map((reminder) => reminder.requestKey)).size).toBe(2);

    await decide(handle, input.versionId, 'BD-2000');
    expect(await handle.result()).toEqual({ outcome: 'published', versionId: input.versionId });
    expect(testbed.tasks.task(task.taskId).status).toBe('completed');
  });

  it('TAX-5: discarding from the task discards the version', async () => {
    const { input, handle } = await startReview(2);
    const task = await reviewTask(input.versionId);
    const discard = { taskId: task.taskId, outcome: 'discard', decidedBy: ADMIN };

    expect(await refusal(handle, { ...discard, reason: '  ' })).toBe(
      DecisionRejection.reasonRequired,
    );
    expect(
      await refusal(handle, {
        ...discard,
        reason: 'Wrong file',
        decidedBy: { userId: 'rm.rivera', roles: ['resource-manager'] },
      }),
    ).toBe(DecisionRejection.roleNotAllowed);
    expect(await refusal(handle, { ...discard, outcome: 'publish', reason: 'x' })).toBe(
      DecisionRejection.invalidOutcome,
    );
    expect(reviews.discardCallsFor(input.versionId)).toEqual([]);

    await decideTask(handle, { ...discard, reason: 'Wrong release imported' });
    expect(await handle.result()).toEqual({ outcome: 'discarded', versionId: input.versionId });
    expect(reviews.discardCallsFor(input.versionId)).toEqual([
      { versionId: input.versionId, discardedBy: 'admin.ada', reason: 'Wrong release imported' },
    ]);
    expect(reviews.statusOf(input.versionId)).toBe('discarded');
    expect(reviews.publishCallsFor(input.versionId)).toEqual([]);
    expect(testbed.tasks.task(task.taskId)).toMatchObject({
      status: 'completed',
      completion: {
        outcome: 'discarded',
        decidedBy: 'admin.ada',
        reason: 'Wrong release imported',
      },
    });
  });

  it('TAX-5: a run continued as new keeps its task and the reminders’ rhythm — no second task', async () => {
    const versionId = randomUUID();
    const workflowId = taxonomyReviewWorkflowId(versionId);
    // What the earlier run left: the task, opened 20 days ago, and its first reminder (day 14).
    const { taskId } = await testbed.tasks.createTask({
      requestKey: `${workflowId}/task`,
      workflowId,
      queue: WorkQueues.taxonomyReviews,
      title: 'Review 1 changed term of 211 LA County Taxonomy release 2026-07-01',
      subject: { type: 'taxonomy-version', id: versionId },
      dueAt: new Date().toISOString(),
      allowedOutcomes: ['discard'],
      outcomesRequiringReason: ['discard'],
      deciderRoles: ['administrator'],
    });
    await testbed.tasks.remindTask({
      taskId,
      requestKey: `${workflowId}/reminder/1`,
      message: '1 term still to review',
    });
    const openedAt = new Date((await testbed.env.currentTimeMs()) - 20 * DAY_MS).toISOString();
    const { handle } = await startReview(1, { versionId, taskId, taskOpenedAt: openedAt });

    // The next reminder falls due on day 28 of the task, 8 days into this run.
    await testbed.env.sleep(7 * DAY_MS);
    expect(remindersOf(taskId)).toHaveLength(1);
    await testbed.env.sleep(DAY_MS + 60_000);
    await eventually(() => expect(remindersOf(taskId)).toHaveLength(2));
    expect(remindersOf(taskId)[1]).toMatchObject({ requestKey: `${workflowId}/reminder/2` });

    await decide(handle, versionId, 'BD-1800');
    expect(await handle.result()).toEqual({ outcome: 'published', versionId });
    expect(testbed.tasks.of(workflowId)).toHaveLength(1);
    expect(testbed.tasks.task(taskId).completion).toMatchObject({ outcome: 'published' });
  });
});
