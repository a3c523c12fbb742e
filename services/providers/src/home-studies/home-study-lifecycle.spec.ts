import { describe, expect, it } from '@jest/globals';
import {
  applyHomeStudyAction,
  availableHomeStudyActions,
  HOME_STUDY_ACTIONS,
  HOME_STUDY_STATUSES,
  isEditable,
  isFinal,
  type HomeStudyAction,
  type HomeStudyStatus,
} from './home-study-lifecycle.js';

const legal: [HomeStudyStatus, HomeStudyAction, HomeStudyStatus][] = [
  ['in-progress', 'submit', 'submitted'],
  ['returned', 'submit', 'submitted'],
  ['submitted', 'approve', 'approved'],
  ['submitted', 'reject', 'rejected'],
  ['submitted', 'return', 'returned'],
];

describe('home study status machine (CRD-7, WF-1)', () => {
  it.each(legal)('CRD-7: %s --%s--> %s', (from, action, to) => {
    expect(applyHomeStudyAction(from, action, 'because')).toEqual({ ok: true, from, to });
  });

  it('CRD-7: every other move is refused on the status, saying why', () => {
    const allowed = new Set(legal.map(([from, action]) => `${from}:${action}`));
    let refused = 0;
    for (const status of HOME_STUDY_STATUSES) {
      for (const action of HOME_STUDY_ACTIONS) {
        if (allowed.has(`${status}:${action}`)) continue;
        expect(applyHomeStudyAction(status, action, 'because')).toMatchObject({
          ok: false,
          field: 'status',
        });
        refused += 1;
      }
    }
    expect(refused).toBe(HOME_STUDY_STATUSES.length * HOME_STUDY_ACTIONS.length - legal.length);
    expect(applyHomeStudyAction('in-progress', 'approve', null)).toEqual({
      ok: false,
      field: 'status',
      message:
        'An in-progress home study cannot be approved: only a submitted home study can be approved',
    });
    expect(applyHomeStudyAction('submitted', 'submit', null)).toMatchObject({
      message: expect.stringContaining('awaiting the supervisor’s decision'),
    });
  });

  it.each(['approved', 'rejected'] as const)(
    'CRD-7: a %s home study is final — nothing moves it; a later one is a new (re-)study',
    (status) => {
      expect(isFinal(status)).toBe(true);
      expect(availableHomeStudyActions(status)).toEqual([]);
      expect(isEditable(status)).toBe(false);
      expect(applyHomeStudyAction(status, 'submit', null)).toMatchObject({
        ok: false,
        message: expect.stringContaining('final'),
      });
    },
  );

  it('WF-1: a returned home study is revised and submitted again, as often as needed', () => {
    let status: HomeStudyStatus = 'in-progress';
    for (let round = 0; round < 3; round += 1) {
      status = expectMove(status, 'submit');
      expect(status).toBe('submitted');
      expect(isEditable(status)).toBe(false);
      status = expectMove(status, 'return', 'Add the fire safety assessment');
      expect(isEditable(status)).toBe(true);
    }
    expect(expectMove(expectMove(status, 'submit'), 'approve')).toBe('approved');
  });

  it('CRD-7: rejecting needs the failure reason; WF-1: returning needs the comments', () => {
    expect(applyHomeStudyAction('submitted', 'reject', '  ')).toEqual({
      ok: false,
      field: 'reason',
      message: 'Rejecting a home study needs a failure reason',
    });
    expect(applyHomeStudyAction('submitted', 'return', null)).toEqual({
      ok: false,
      field: 'reason',
      message: 'Returning a home study needs review comments',
    });
    expect(applyHomeStudyAction('submitted', 'approve', null)).toMatchObject({ ok: true });
  });

  it('WF-1: only a submitted home study awaits a decision', () => {
    expect(
      HOME_STUDY_STATUSES.filter((s) => availableHomeStudyActions(s).includes('approve')),
    ).toEqual(['submitted']);
    expect(availableHomeStudyActions('submitted')).toEqual(['approve', 'reject', 'return']);
    expect(availableHomeStudyActions('in-progress')).toEqual(['submit']);
  });
});

function expectMove(
  from: HomeStudyStatus,
  action: HomeStudyAction,
  reason: string | null = null,
): HomeStudyStatus {
  const move = applyHomeStudyAction(from, action, reason);
  if (!move.ok) throw new Error(move.message);
  return move.to;
}
