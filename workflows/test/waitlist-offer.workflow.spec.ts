import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { Client, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  decideUpdate,
  DecisionRejection,
  TaskQueues,
  WAITLIST_OFFER_WORKFLOW,
  waitlistOfferStateQuery,
  waitlistOfferWorkflowId,
  type Role,
  type TaskDecision,
  type WaitlistOfferInput,
  type WaitlistOfferResult,
} from '@platform/contracts';
import { eventually } from '@platform/testing';
import { calendarDateAt } from '../src/shared/clock.js';
import { InMemoryWaitlistOffers, offerInput } from './support/in-memory-waitlist-offers.js';
import { WorkflowTestbed, workflowsPath } from './support/workflow-testbed.js';

/**
 * PRV-10 (ADR 0020): a freed place offered to a waitlist entry's case worker, on Temporal's
 * time-skipping test server with in-memory stand-ins for the providers and placements activities
 * (their own suites run the real ones).
 */
type OfferFn = (input: WaitlistOfferInput) => Promise<WaitlistOfferResult>;
type OfferHandle = WorkflowHandle<OfferFn>;

const historiesDir = new URL('../histories/', import.meta.url);
const DECLINE_HISTORY = 'waitlist-offer-decline-next.json';

const services = new InMemoryWaitlistOffers();
let testbed: WorkflowTestbed;
/**
 * A plain client, not the time-skipping one: the process waits for a person with no timer, and the
 * time-skipping client lets the server jump ahead (to the 10-year execution limit) whenever it
 * waits for a result or an update. Time stands still instead; nothing here depends on it passing.
 */
let client: Client;

beforeAll(async () => {
  testbed = await WorkflowTestbed.start(services, { placements: services });
  client = new Client({ connection: testbed.env.connection, namespace: testbed.env.namespace });
});

afterAll(async () => {
  await testbed?.shutdown();
});

const chen = { userId: 'cw.chen', roles: ['case-worker'] as Role[] };
const cole = { userId: 'cw.cole', roles: ['case-worker'] as Role[] };
const rivera = { userId: 'rm.rivera', roles: ['resource-manager'] as Role[] };

/** What placements does when a place frees up: the offer's process starts. */
async function startOffer(first: WaitlistOfferInput, next: WaitlistOfferInput[] = []) {
  services.offer(first, next);
  const handle = await client.workflow.start<OfferFn>(WAITLIST_OFFER_WORKFLOW, {
    workflowId: waitlistOfferWorkflowId(first.offerId),
    taskQueue: TaskQueues.workflows,
    args: [first],
  });
  return { handle, taskId: await openTaskOf(handle) };
}

async function openTaskOf(handle: OfferHandle): Promise<string> {
  return eventually(async () => {
    const [task] = testbed.tasks.of(handle.workflowId);
    const state = await handle.query(waitlistOfferStateQuery);
    expect(state.status).toBe('awaiting-answer');
    expect(task?.taskId).toBe(state.taskId);
    return task?.taskId as string;
  });
}

/** RECORD_HISTORIES=1 refreshes the replay fixture after an intended workflow change. */
async function recordHistory(handle: OfferHandle, file: string): Promise<void> {
  if (process.env['RECORD_HISTORIES'] !== '1') return;
  writeFileSync(new URL(file, historiesDir), historyToJSON(await handle.fetchHistory()));
}

const finished = (handle: OfferHandle): Promise<WaitlistOfferResult> => handle.result();

const decide = (handle: OfferHandle, decision: TaskDecision) =>
  handle.executeUpdate(decideUpdate, { args: [decision] });

async function refusal(handle: OfferHandle, decision: TaskDecision): Promise<string> {
  const error = await decide(handle, decision).then(
    () => new Error('the decision was accepted'),
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return ((error as WorkflowUpdateFailedError).cause as ApplicationFailure).type as string;
}

describe('waitlist offer workflow (PRV-10)', () => {
  it('PRV-10: the freed place is a task for the entry’s case worker in the waitlist-offers queue; accepted, the entry is allocated from the day the place is free and the offer closes as accepted', async () => {
    const offer = offerInput(randomUUID(), chen.userId);
    const { handle, taskId } = await startOffer(offer);
    const [task] = testbed.tasks.of(handle.workflowId);
    expect(task).toMatchObject({
      queue: 'waitlist-offers',
      assignee: 'cw.chen',
      subject: { type: 'waitlist-offer', id: offer.offerId },
      allowedOutcomes: ['accept', 'decline'],
      outcomesRequiringReason: ['decline'],
      deciderRoles: ['case-worker'],
    });
    expect(task?.title).toBe(
      `Place Room 101 bed 1 offered to ${offer.clientReference} from 2099-03-01`,
    );

    await decide(handle, { taskId, outcome: 'accept', reason: null, decidedBy: chen });
    await expect(finished(handle)).resolves.toEqual({
      offerId: offer.offerId,
      status: 'accepted',
      decidedBy: 'cw.chen',
      nextOfferId: null,
    });
    // A future period: the providers service makes it a reservation (PRV-10).
    expect(services.allocations.filter((a) => a.entryId === offer.entryId)).toEqual([
      {
        entryId: offer.entryId,
        from: '2099-03-01',
        to: null,
        placeId: offer.placeId,
        allocatedBy: 'cw.chen',
        workflowId: handle.workflowId,
      },
    ]);
    expect(services.offers.get(offer.offerId)?.state).toBe('accepted');
    expect(testbed.tasks.task(taskId)).toMatchObject({
      status: 'completed',
      completion: { outcome: 'accept', decidedBy: 'cw.chen' },
    });
  });

  it('PRV-10: a place free since before the answer is allocated from today (a placement), never from a past day', async () => {
    const offer = offerInput(randomUUID(), chen.userId, { availableFrom: '2020-01-01' });
    const { handle, taskId } = await startOffer(offer);
    await decide(handle, { taskId, outcome: 'accept', reason: null, decidedBy: chen });
    await finished(handle);
    // The process's today: the day it asked the providers service to allocate.
    const history = await handle.fetchHistory();
    const scheduled = (history.events ?? []).find(
      (event) =>
        event.activityTaskScheduledEventAttributes?.activityType?.name === 'allocateWaitlistEntry',
    );
    const today = calendarDateAt(Number(scheduled?.eventTime?.seconds) * 1000);
    expect(services.allocations.find((a) => a.entryId === offer.entryId)?.from).toBe(today);
  });

  it('PRV-10: declined with a reason, the place is offered to the next suitable entry — a new process and a task for that entry’s case worker', async () => {
    const placeId = randomUUID();
    const first = offerInput(placeId, chen.userId);
    const second = offerInput(placeId, cole.userId);
    const { handle, taskId } = await startOffer(first, [second]);
    await decide(handle, {
      taskId,
      outcome: 'decline',
      reason: 'Family moved away',
      decidedBy: chen,
    });
    await expect(finished(handle)).resolves.toMatchObject({
      status: 'declined',
      nextOfferId: second.offerId,
    });
    expect(testbed.tasks.task(taskId).completion).toMatchObject({
      outcome: 'decline',
      reason: 'Family moved away',
    });
    expect(services.allocations.some((a) => a.entryId === first.entryId)).toBe(false);
    await recordHistory(handle, DECLINE_HISTORY);

    const next = client.workflow.getHandle<OfferFn>(waitlistOfferWorkflowId(second.offerId));
    const nextTaskId = await openTaskOf(next);
    expect(testbed.tasks.task(nextTaskId)).toMatchObject({
      queue: 'waitlist-offers',
      assignee: 'cw.cole',
      subject: { type: 'waitlist-offer', id: second.offerId },
    });
    // The last suitable entry declines too: nobody is left, the chain ends.
    await decide(next, { taskId: nextTaskId, outcome: 'decline', reason: 'No', decidedBy: cole });
    await expect(finished(next)).resolves.toMatchObject({ status: 'declined', nextOfferId: null });
  });

  it('PRV-10: an entry that left its list before the answer is not allocated; the place goes to the next entry', async () => {
    const placeId = randomUUID();
    const first = offerInput(placeId, chen.userId);
    const second = offerInput(placeId, cole.userId);
    services.gone.add(first.entryId);
    const { handle, taskId } = await startOffer(first, [second]);
    await decide(handle, { taskId, outcome: 'accept', reason: null, decidedBy: chen });
    await expect(finished(handle)).resolves.toMatchObject({
      status: 'declined',
      nextOfferId: second.offerId,
    });
    expect(testbed.tasks.task(taskId).completion?.outcome).toBe('not-allocated');
    expect(services.offers.get(first.offerId)?.state).toBe('declined');
  });

  it('ROLE: only a case worker answers, and a decline needs a reason', async () => {
    const offer = offerInput(randomUUID(), chen.userId);
    const { handle, taskId } = await startOffer(offer);
    expect(
      await refusal(handle, { taskId, outcome: 'accept', reason: null, decidedBy: rivera }),
    ).toBe(DecisionRejection.roleNotAllowed);
    expect(
      await refusal(handle, { taskId, outcome: 'decline', reason: ' ', decidedBy: chen }),
    ).toBe(DecisionRejection.reasonRequired);
    await decide(handle, { taskId, outcome: 'accept', reason: null, decidedBy: chen });
    await expect(finished(handle)).resolves.toMatchObject({ status: 'accepted' });
  });
});

describe('replay (ARCHITECTURE rule 5)', () => {
  it('PRV-10: replays the recorded history of a declined offer that started the next one without non-determinism', async () => {
    const url = new URL(DECLINE_HISTORY, historiesDir);
    expect(existsSync(url)).toBe(true);
    const history: unknown = JSON.parse(readFileSync(url, 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowsPath }, history, `recorded-${DECLINE_HISTORY}`),
    ).resolves.toBeUndefined();
  });
});
