import { describe, expect, it } from '@jest/globals';
import { DecisionRejection, type TaskDecision } from '@platform/contracts/workflows';
import { DAY_MS } from '../shared/clock.js';
import { checkReviewDecision, nextReminderAt, remindersDue, reviewTaskContent } from './policy.js';

const OPENED = Date.parse('2026-07-01T10:00:00Z');

const discard: TaskDecision = {
  taskId: 't-1',
  outcome: 'discard',
  reason: 'Wrong release',
  decidedBy: { userId: 'admin.ada', roles: ['administrator'] },
};

describe('taxonomy review task (TAX-5)', () => {
  it('TAX-5: reminders fall due every full 14 days from the task’s opening', () => {
    expect(remindersDue(OPENED, OPENED + 13 * DAY_MS)).toBe(0);
    expect(remindersDue(OPENED, OPENED + 14 * DAY_MS)).toBe(1);
    expect(remindersDue(OPENED, OPENED + 41 * DAY_MS)).toBe(2);
    expect(nextReminderAt(OPENED, OPENED)).toBe(OPENED + 14 * DAY_MS);
    expect(nextReminderAt(OPENED, OPENED + 14 * DAY_MS)).toBe(OPENED + 28 * DAY_MS);
  });

  it('TAX-5: the task names the taxonomy, the release and what is on the review list', () => {
    const content = reviewTaskContent({
      versionId: 'v-1',
      taxonomyName: '211 LA County Taxonomy',
      versionLabel: '2026-07-01',
      termsToReview: 1,
      reviewList: { replaced: 0, deleted: 1, modified: 0 },
    });
    expect(content.title).toBe(
      'Review 1 changed term of 211 LA County Taxonomy release 2026-07-01',
    );
    expect(content.details[0]).toBe(
      'Replaced: 0 terms; deleted: 1 term; modified, held for review: 0 terms.',
    );
  });

  it('ROLE / TAX-5: only an administrator discards, with a reason, while the review is open', () => {
    const open = { openTaskId: 't-1', closing: false };
    expect(checkReviewDecision(discard, open)).toBeNull();
    expect(checkReviewDecision({ ...discard, reason: ' ' }, open)?.type).toBe(
      DecisionRejection.reasonRequired,
    );
    expect(
      checkReviewDecision(
        { ...discard, decidedBy: { userId: 'rm.rivera', roles: ['resource-manager'] } },
        open,
      )?.type,
    ).toBe(DecisionRejection.roleNotAllowed);
    expect(checkReviewDecision(discard, { ...open, closing: true })?.type).toBe(
      DecisionRejection.notDecidableNow,
    );
  });
});
