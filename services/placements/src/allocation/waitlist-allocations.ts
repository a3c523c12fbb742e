import { HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@platform/persistence';
import { recordNotice } from '../notices/notice-writes.js';
import { ReservationTimers, timerInput } from '../reservations/reservation-timers.js';
import { ReservationsService } from '../reservations/reservations.service.js';
import { allocate, alreadyAllocated, type Allocation } from './waitlist-allocation.js';

/** Who is told when an allocation cannot be carried out: the entry's case worker. */
async function caseWorkerOf(em: EntityManager, allocation: Allocation): Promise<string> {
  const [row] = await em.execute<{ addedBy: string }[]>(
    'select added_by as "addedBy" from waitlist_entry where entry_id = ?',
    [allocation.data.entryId],
  );
  return row?.addedBy ?? allocation.actor.userId;
}

/**
 * PRV-10 (ADR 0020): the providers service allocated a place to a waiting client; placements
 * creates the reservation (a future period) or the placement (starting today) it asked for, with
 * the entry's id, in the inbox transaction of `waitlist-entry.allocated` — exactly once: the inbox
 * drops a redelivery, the entry's id is unique on both tables, and a replay finds the entry
 * already allocated. Called by the event's one handler (projections/projection-consumers.ts)
 * after the list's projection: one handler per event keeps the two in order on the transaction's
 * connection (the savepoint below must not swallow the projection's writes). When the rules refuse (no free place, the provider suspended, the
 * client placed elsewhere), the attempt is rolled back to a savepoint and the entry's case worker
 * gets a notice naming the rule instead: the event is a fact, retrying it would refuse forever.
 */
@Injectable()
export class WaitlistAllocations {
  private readonly logger = new Logger(WaitlistAllocations.name);

  constructor(
    @Inject(ReservationsService) private readonly reservations: ReservationsService,
    @Inject(ReservationTimers) private readonly timers: ReservationTimers,
  ) {}

  /** Runs in the inbox transaction `em` of the event, after the list's projection took it. */
  async allocated(em: EntityManager, e: Allocation): Promise<void> {
    if (await alreadyAllocated(em, e.data.entryId)) return;
    try {
      const made = await em.transactional((tx) => allocate(tx, e, this.reservations));
      // Armed by signal-with-start under the reservation's id: a redelivery after a failed commit
      // re-arms the same timer (and ReservationTimerRecovery arms what a crash missed).
      if (made.kind === 'reservation') await this.timers.arm(timerInput(made.reservation));
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      const problem = error.getResponse() as { rule?: string; detail?: string; message?: string };
      const reason = problem.detail ?? problem.message ?? error.message;
      this.logger.warn(`waitlist entry ${e.data.entryId} not allocated: ${reason}`);
      await recordNotice(em, {
        recipient: await caseWorkerOf(em, e),
        subjectType: 'waitlist-entry',
        subjectId: e.data.entryId,
        title: `Allocation of ${e.data.clientReference} could not be carried out`,
        body:
          `The ${e.data.kind} from ${e.data.from} was not created` +
          `${problem.rule ? ` (${problem.rule})` : ''}: ${reason}. ` +
          'Reserve or place the client by hand, or choose another place.',
        changedBy: e.actor.userId,
      });
    }
  }
}
