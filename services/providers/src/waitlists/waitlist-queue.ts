import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { waitlistEntryExpired, type Actor } from '@platform/contracts';
import type { CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import { markUpdated } from '../shared/audit.js';
import { eventOrigin } from '../shared/event-origin.js';
import { WaitlistEntry, type WaitlistEntryRecord } from './waitlist-entry.entity.js';
import { isExpiredOn, renumbered, withoutEntry, type Queue } from './waitlist.rules.js';

/**
 * PRV-10: serialises every change to one waitlist until the transaction ends. Positions are a
 * property of the whole list (1..N, no gaps, no repeats), so two transactions changing the same
 * list concurrently — two adds both counting 10 and both taking 11 — must not interleave. A
 * transaction-scoped advisory lock on the list's id does that without a row to lock (a list
 * exists as soon as it has entries) and without blocking other lists or other work on the
 * provider. Every statement after it (READ COMMITTED) sees what the previous holder committed.
 */
export async function lockWaitlist(em: EntityManager, waitlistId: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?::text, 0))', [
    `waitlist:${waitlistId}`,
  ]);
}

/** The waiting entries of a list, first in line first (take the list's lock first). */
export function waitingEntries(
  em: EntityManager,
  waitlistId: string,
): Promise<WaitlistEntryRecord[]> {
  return em.find(
    WaitlistEntry,
    { waitlistId, status: 'waiting' },
    { orderBy: { position: 'asc', id: 'asc' } },
  );
}

export function queueOf(entries: readonly WaitlistEntryRecord[]): Queue {
  return entries.map((entry) => ({ id: entry.id, priority: entry.priority }));
}

/** Stores the new order: the entries whose position changed get their new one. */
export function applyOrder(
  entries: readonly WaitlistEntryRecord[],
  before: Queue,
  after: Queue,
  actor: Actor,
  at = new Date(),
): void {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  for (const change of renumbered(before, after)) {
    const entry = byId.get(change.id) as WaitlistEntryRecord;
    entry.position = change.position;
    markUpdated(entry, actor, at);
  }
}

/** What every waitlist event says about the entry's list, after the change. */
export function listData(entry: WaitlistEntryRecord, queue: Queue) {
  return {
    entryId: entry.id,
    waitlistId: entry.waitlistId,
    providerId: entry.providerId,
    providerServiceId: entry.providerServiceId ?? null,
    clientReference: entry.clientReference,
    queue: queue.map((queued) => queued.id),
  };
}

/**
 * PRV-10: takes a waiting entry out of its list with its final status; everyone behind it moves
 * up one. Returns the queue after and where the entry was.
 */
export function leaveQueue(
  entry: WaitlistEntryRecord,
  waiting: readonly WaitlistEntryRecord[],
  status: 'allocated' | 'expired' | 'removed',
  on: CalendarDate,
  actor: Actor,
  at = new Date(),
): { queue: Queue; lastPosition: number } {
  const before = queueOf(waiting);
  const { queue, lastPosition } = withoutEntry(before, entry.id);
  applyOrder(waiting, before, queue, actor, at);
  entry.status = status;
  entry.position = null;
  entry.lastPosition = lastPosition;
  entry.leftOn = on;
  markUpdated(entry, actor, at);
  return { queue, lastPosition };
}

/**
 * PRV-10: every waiting entry whose expiry date is before `onDate` expires and leaves its list —
 * one transaction per list, under the list's lock, one waitlist-entry.expired per entry.
 * Idempotent: a second run for the same day finds nothing left to expire (and a crash between
 * lists is finished by the next run). Returns the ids of the entries it expired.
 */
export async function expireWaitlistEntries(
  orm: MikroORM,
  onDate: CalendarDate,
  actor: Actor,
  correlationId?: string,
): Promise<string[]> {
  const candidates = await orm.em
    .fork()
    .find(
      WaitlistEntry,
      { status: 'waiting', expiryDate: { $lt: onDate } },
      { fields: ['waitlistId'], orderBy: { waitlistId: 'asc' } },
    );
  const lists = [...new Set(candidates.map((entry) => entry.waitlistId))];
  const expired: string[] = [];
  for (const waitlistId of lists) {
    const ids = await orm.em.fork().transactional(async (em) => {
      await lockWaitlist(em, waitlistId);
      let waiting = await waitingEntries(em, waitlistId);
      const due = waiting.filter((entry) =>
        isExpiredOn((entry.expiryDate ?? null) as CalendarDate | null, onDate),
      );
      const at = new Date();
      for (const entry of due) {
        const { queue, lastPosition } = leaveQueue(entry, waiting, 'expired', onDate, actor, at);
        waiting = waiting.filter((candidate) => candidate.id !== entry.id);
        recordEvent(em, waitlistEntryExpired, {
          aggregateId: waitlistId,
          ...eventOrigin(actor, correlationId),
          data: {
            ...listData(entry, queue),
            expiryDate: entry.expiryDate as string,
            onDate,
            lastPosition,
          },
        });
      }
      return due.map((entry) => entry.id);
    });
    expired.push(...ids);
  }
  return expired;
}
