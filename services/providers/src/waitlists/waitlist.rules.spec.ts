import { describe, expect, it } from '@jest/globals';
import type { WaitlistPriority } from '@platform/contracts';
import type { CalendarDate } from '@platform/kernel';
import {
  allocationKind,
  changePriority,
  expiryDateIssue,
  isExpiredOn,
  leaveTransition,
  moveEntry,
  nextPosition,
  positionsOf,
  renumbered,
  reviewDateFor,
  withoutEntry,
  type Queue,
  type QueuedEntry,
} from './waitlist.rules.js';

const day = (value: string) => value as CalendarDate;

/** A queue from "id:priority" labels (h, m, l), first in line first. */
function queueOf(...labels: string[]): QueuedEntry[] {
  const priorities: Record<string, WaitlistPriority> = { h: 'high', m: 'medium', l: 'low' };
  return labels.map((label) => {
    const [id, priority] = label.split(':') as [string, string];
    return { id, priority: priorities[priority] as WaitlistPriority };
  });
}
const ids = (queue: Queue) => queue.map((entry) => entry.id);

/** Positions must always be 1..N, no gaps, no repeats. */
function expectContiguous(queue: Queue) {
  expect([...positionsOf(queue).values()]).toEqual(queue.map((_, index) => index + 1));
  expect(new Set(ids(queue)).size).toBe(queue.length);
}

describe('waitlist positions (PRV-10)', () => {
  it('PRV-10: a new entry gets position = current entries + 1 (10 entries → 11)', () => {
    expect(nextPosition(10)).toBe(11);
    expect(nextPosition(0)).toBe(1);
  });

  it('PRV-10: moving an entry up swaps it with the one ahead; the rest keep their positions', () => {
    const queue = queueOf('a:m', 'b:m', 'c:m', 'd:m');
    const result = moveEntry(queue, 'c', { direction: 'up' });
    expect(result).toMatchObject({ ok: true, from: 3, to: 2 });
    if (!result.ok) return;
    expect(ids(result.queue)).toEqual(['a', 'c', 'b', 'd']);
    expect(renumbered(queue, result.queue)).toEqual([
      { id: 'c', position: 2 },
      { id: 'b', position: 3 },
    ]);
    expectContiguous(result.queue);
  });

  it('PRV-10: moving an entry down swaps it with the one behind', () => {
    const result = moveEntry(queueOf('a:m', 'b:m', 'c:m'), 'a', { direction: 'down' });
    expect(result).toMatchObject({ ok: true, from: 1, to: 2 });
    if (result.ok) expect(ids(result.queue)).toEqual(['b', 'a', 'c']);
  });

  it('PRV-10: moving to a position shifts the entries in between by one', () => {
    const queue = queueOf('a:m', 'b:m', 'c:m', 'd:m', 'e:m');
    const forward = moveEntry(queue, 'e', { position: 2 });
    expect(forward).toMatchObject({ ok: true, from: 5, to: 2 });
    if (forward.ok) {
      expect(ids(forward.queue)).toEqual(['a', 'e', 'b', 'c', 'd']);
      expectContiguous(forward.queue);
    }
    const back = moveEntry(queue, 'b', { position: 4 });
    if (back.ok) expect(ids(back.queue)).toEqual(['a', 'c', 'd', 'b', 'e']);
    expect(back.ok).toBe(true);
  });

  it('PRV-10: moving to its own position changes nothing', () => {
    const queue = queueOf('a:m', 'b:m');
    const result = moveEntry(queue, 'b', { position: 2 });
    expect(result).toMatchObject({ ok: true, from: 2, to: 2 });
    if (result.ok) expect(renumbered(queue, result.queue)).toEqual([]);
  });

  it('PRV-10: the first cannot move up, the last not down, nor anyone outside 1..N', () => {
    const queue = queueOf('a:m', 'b:m', 'c:m');
    expect(moveEntry(queue, 'a', { direction: 'up' })).toMatchObject({
      ok: false,
      issue: { rule: 'PRV-10', field: 'direction' },
    });
    expect(moveEntry(queue, 'c', { direction: 'down' })).toMatchObject({
      ok: false,
      issue: { field: 'direction' },
    });
    for (const position of [0, 4]) {
      expect(moveEntry(queue, 'b', { position })).toMatchObject({
        ok: false,
        issue: { rule: 'PRV-10', field: 'position' },
      });
    }
  });

  it('PRV-10: an entry leaving the queue closes the gap behind it', () => {
    const queue = queueOf('a:m', 'b:m', 'c:m', 'd:m');
    const result = withoutEntry(queue, 'b');
    expect(result.lastPosition).toBe(2);
    expect(ids(result.queue)).toEqual(['a', 'c', 'd']);
    expect(renumbered(queue, result.queue)).toEqual([
      { id: 'c', position: 2 },
      { id: 'd', position: 3 },
    ]);
    expectContiguous(result.queue);
  });
});

describe('move by priority (PRV-10)', () => {
  it('PRV-10: a raised entry moves up past the lower-priority entries directly ahead of it', () => {
    const result = changePriority(queueOf('h1:h', 'l1:l', 'm1:m', 'x:l'), 'x', 'high');
    expect(ids(result.queue)).toEqual(['h1', 'x', 'l1', 'm1']);
    expect(result).toMatchObject({ from: 4, to: 2 });
    expect(result.queue[1]).toEqual({ id: 'x', priority: 'high' });
    expectContiguous(result.queue);
  });

  it('PRV-10: it stops behind an entry of equal priority: first come, first served within a priority', () => {
    const result = changePriority(queueOf('m1:m', 'l1:l', 'x:l'), 'x', 'medium');
    expect(ids(result.queue)).toEqual(['m1', 'x', 'l1']);
  });

  it('PRV-10: a lowered entry moves down past the higher-priority entries directly behind it', () => {
    const result = changePriority(queueOf('x:h', 'h2:h', 'm1:m', 'l1:l', 'm2:m'), 'x', 'low');
    expect(ids(result.queue)).toEqual(['h2', 'm1', 'x', 'l1', 'm2']);
    expect(result).toMatchObject({ from: 1, to: 3 });
  });

  it('PRV-10: a raised entry never moves down, even with higher priorities behind it', () => {
    const result = changePriority(queueOf('x:l', 'h1:h'), 'x', 'medium');
    expect(ids(result.queue)).toEqual(['x', 'h1']);
    expect(result).toMatchObject({ from: 1, to: 1 });
  });

  it('PRV-10: the same priority again moves nothing', () => {
    const queue = queueOf('l1:l', 'x:h');
    expect(ids(changePriority(queue, 'x', 'high').queue)).toEqual(['l1', 'x']);
  });

  it('PRV-10: in a list ordered by priority the entry lands behind the last of its new priority', () => {
    const result = changePriority(
      queueOf('h1:h', 'h2:h', 'm1:m', 'm2:m', 'l1:l', 'x:l'),
      'x',
      'medium',
    );
    expect(ids(result.queue)).toEqual(['h1', 'h2', 'm1', 'm2', 'x', 'l1']);
  });
});

describe('expiry, review date and allocation (PRV-10)', () => {
  it('PRV-10: an entry may wait up to and including its expiry date, and expires the day after', () => {
    expect(isExpiredOn(day('2026-06-30'), day('2026-06-30'))).toBe(false);
    expect(isExpiredOn(day('2026-06-30'), day('2026-07-01'))).toBe(true);
    expect(isExpiredOn(null, day('2099-01-01'))).toBe(false);
  });

  it('PRV-10: an expiry date already past when it is set is refused, naming expiryDate', () => {
    expect(expiryDateIssue(day('2026-03-09'), day('2026-03-10'))).toMatchObject({
      rule: 'PRV-10',
      field: 'expiryDate',
    });
    expect(expiryDateIssue(day('2026-03-10'), day('2026-03-10'))).toBeUndefined();
    expect(expiryDateIssue(null, day('2026-03-10'))).toBeUndefined();
  });

  it('PRV-10: a given review date is kept when it is on or before the expiry date', () => {
    const today = day('2026-01-01');
    expect(
      reviewDateFor({ reviewDate: day('2026-06-30'), expiryDate: day('2026-06-30') }, 14, today),
    ).toEqual({ ok: true, reviewDate: '2026-06-30', computed: false });
    expect(reviewDateFor({ reviewDate: day('2026-02-01'), expiryDate: null }, 14, today)).toEqual({
      ok: true,
      reviewDate: '2026-02-01',
      computed: false,
    });
  });

  it('PRV-10: a review date after the expiry date is refused, naming reviewDate', () => {
    expect(
      reviewDateFor(
        { reviewDate: day('2026-07-01'), expiryDate: day('2026-06-30') },
        14,
        day('2026-01-01'),
      ),
    ).toMatchObject({ ok: false, issue: { rule: 'PRV-10', field: 'reviewDate' } });
  });

  it('PRV-10: without one, the review date is the configured number of days before expiry', () => {
    expect(
      reviewDateFor({ reviewDate: null, expiryDate: day('2026-06-30') }, 14, day('2026-01-01')),
    ).toEqual({ ok: true, reviewDate: '2026-06-16', computed: true });
    expect(
      reviewDateFor({ reviewDate: null, expiryDate: day('2026-03-01') }, 30, day('2026-01-01')),
    ).toEqual({ ok: true, reviewDate: '2026-01-30', computed: true });
  });

  it('PRV-10: a computed review date is never before today nor after the expiry date', () => {
    expect(
      reviewDateFor({ reviewDate: null, expiryDate: day('2026-01-05') }, 14, day('2026-01-01')),
    ).toEqual({ ok: true, reviewDate: '2026-01-01', computed: true });
    expect(
      reviewDateFor({ reviewDate: null, expiryDate: day('2026-01-01') }, 14, day('2026-01-01')),
    ).toEqual({ ok: true, reviewDate: '2026-01-01', computed: true });
  });

  it('PRV-10: no expiry date and none given: no review date', () => {
    expect(reviewDateFor({ reviewDate: null, expiryDate: null }, 14, day('2026-01-01'))).toEqual({
      ok: true,
      reviewDate: null,
      computed: false,
    });
  });

  it('PRV-10: a future service period gives a reservation, one starting today a placement', () => {
    const today = day('2026-03-15');
    expect(allocationKind(day('2026-03-16'), today)).toEqual({ ok: true, kind: 'reservation' });
    expect(allocationKind(day('2026-03-15'), today)).toEqual({ ok: true, kind: 'placement' });
    expect(allocationKind(day('2026-03-14'), today)).toMatchObject({
      ok: false,
      issue: { rule: 'PRV-10', field: 'from' },
    });
  });

  it('PRV-10: only a waiting entry can be allocated, expire or be removed', () => {
    expect(leaveTransition('waiting', 'allocate')).toEqual({ ok: true, to: 'allocated' });
    expect(leaveTransition('waiting', 'expire')).toEqual({ ok: true, to: 'expired' });
    expect(leaveTransition('waiting', 'remove')).toEqual({ ok: true, to: 'removed' });
    for (const status of ['allocated', 'expired', 'removed'] as const) {
      for (const action of ['allocate', 'expire', 'remove'] as const) {
        expect(leaveTransition(status, action)).toMatchObject({ ok: false });
      }
    }
  });
});
