import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decideUpdate, taxonomyReviewWorkflowId } from '@platform/contracts';
import { eventually } from '@platform/testing';
import { taxonomyXml } from '../src/airs/taxonomy-xml-writer.js';
import { decide, publish, versionStatus } from './support/review-requests.js';
import {
  FIRST_RELEASE,
  releaseHeader,
  SECOND_RELEASE,
  startReviewTestbed,
  type ReviewTestbed,
} from './support/review-testbed.js';
import type { StandInTask } from './support/stand-in-tasks.js';
import { expectStatus } from './support/users.js';

/**
 * TAX-5 acceptance: the review of an update import shows as one task in the administrators'
 * `taxonomy-reviews` queue (stand-in tasks activities; the tasks service's suites run the real
 * ones) and closes however the review ends — published once every term is decided over HTTP, or
 * discarded from the task through the service's real discard activity.
 */
let testbed: ReviewTestbed;

beforeAll(async () => {
  testbed = await startReviewTestbed();
});

afterAll(async () => {
  await testbed?.close();
});

/** A published first release and a pending second one of a taxonomy of its own. */
async function pendingUpdate(name: string) {
  const first = await testbed.imported(
    taxonomyXml(releaseHeader('2026-07-01', name), FIRST_RELEASE),
  );
  await publish(testbed.app, first.versionId);
  const second = await testbed.imported(
    taxonomyXml(releaseHeader('2026-10-01', name), SECOND_RELEASE),
  );
  expect(second).toMatchObject({ status: 'pending-user-review', changes: { toReview: 2 } });
  return { first, second };
}

async function reviewTaskOf(versionId: string): Promise<StandInTask> {
  await eventually(() => expect(testbed.tasks.ofSubject(versionId)).toBeDefined());
  return testbed.tasks.ofSubject(versionId) as StandInTask;
}

describe('the review task (TAX-5)', () => {
  it('TAX-5: the review appears as one task in the taxonomy-reviews queue and closes when the version publishes', async () => {
    const { second } = await pendingUpdate('211 Review Task Taxonomy');
    const task = await reviewTaskOf(second.versionId);
    expect(task).toMatchObject({
      queue: 'taxonomy-reviews',
      title: 'Review 2 changed terms of 211 Review Task Taxonomy release 2026-10-01',
      subject: { type: 'taxonomy-version', id: second.versionId },
      deciderRoles: ['administrator'],
      allowedOutcomes: ['discard'],
      completion: null,
    });
    expect(task.details?.[0]).toBe(
      'Replaced: 1 term; deleted: 1 term; modified, held for review: 0 terms.',
    );

    expectStatus(
      await decide(testbed.app, second.versionId, 'BD-1800.1900', 'accept'),
      200,
      'accept',
    );
    expectStatus(
      await decide(testbed.app, second.versionId, 'BD-5000.8300', 'reject'),
      200,
      'reject',
    );
    expect(await testbed.reviewResult(second.versionId)).toEqual({
      outcome: 'published',
      versionId: second.versionId,
    });
    expect(testbed.tasks.tasks.filter((t) => t.subject.id === second.versionId)).toHaveLength(1);
    expect(task.completion).toMatchObject({ outcome: 'published', reason: null });
  });

  it('TAX-5: discarding from the task discards the version', async () => {
    const { first, second } = await pendingUpdate('211 Discarded Review Taxonomy');
    const task = await reviewTaskOf(second.versionId);

    await testbed.env.client.workflow
      .getHandle(taxonomyReviewWorkflowId(second.versionId))
      .executeUpdate(decideUpdate, {
        args: [
          {
            taskId: task.taskId,
            outcome: 'discard',
            reason: 'The wrong release was imported',
            decidedBy: { userId: 'admin.ada', roles: ['administrator'] },
          },
        ],
      });

    expect(await testbed.reviewResult(second.versionId)).toEqual({
      outcome: 'discarded',
      versionId: second.versionId,
    });
    expect(await versionStatus(testbed.app, second.versionId)).toBe('discarded');
    expect(await versionStatus(testbed.app, first.versionId)).toBe('published');
    expect(task.completion).toMatchObject({
      outcome: 'discarded',
      decidedBy: 'admin.ada',
      reason: 'The wrong release was imported',
    });
  });
});
