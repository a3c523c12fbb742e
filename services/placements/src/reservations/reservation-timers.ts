import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from '@temporalio/client';
import {
  RESERVATION_EXPIRY_WORKFLOW,
  reservationExpiryWorkflowId,
  reservationRescheduledSignal,
  reservationSettledSignal,
  SearchAttributes,
  TaskQueues,
  type ReservationExpiryInput,
} from '@platform/contracts';
import { signalIfRunning, signalWithStartOnce } from '@platform/temporal';

/** What the timer needs of a reservation (and nothing else: the input is kept in its history). */
export function timerInput(record: ReservationExpiryInput): ReservationExpiryInput {
  return {
    reservationId: record.reservationId,
    providerId: record.providerId,
    expiresOn: record.expiresOn,
  };
}

/**
 * PLC-4: each active reservation's durable expiry timer (workflow `reservationExpiry`), armed,
 * re-armed and settled AFTER the reservation's transaction committed — a process is never told of
 * a change that could still roll back.
 *
 * Recoverability: arming is signal-with-start under the deterministic id, so it starts the timer
 * when none runs and re-arms (signals the new expiresOn) when one does; a retried request cannot
 * fail on it. If Temporal is unreachable right after the commit, the request still succeeds (the
 * reservation is stored) and the failure is logged; `ReservationTimerRecovery` arms every active
 * reservation again when the service starts, and the expiry activity is idempotent and decides
 * under the row lock, so a timer armed twice or late never expires a reservation wrongly. A lost
 * settle signal is harmless: the timer fires, the activity finds the reservation confirmed or
 * cancelled, and the process ends.
 */
@Injectable()
export class ReservationTimers {
  private readonly logger = new Logger(ReservationTimers.name);

  constructor(@Inject(Client) private readonly temporal: Client) {}

  /** Starts the timer, or re-arms the running one for a new expiresOn. */
  async arm(input: ReservationExpiryInput): Promise<void> {
    const workflowId = reservationExpiryWorkflowId(input.reservationId);
    try {
      await signalWithStartOnce(this.temporal, RESERVATION_EXPIRY_WORKFLOW, {
        workflowId,
        taskQueue: TaskQueues.workflows,
        args: [input],
        signal: reservationRescheduledSignal,
        signalArgs: [{ expiresOn: input.expiresOn }],
        typedSearchAttributes: [
          { key: SearchAttributes.providerId, value: input.providerId },
          { key: SearchAttributes.businessStatus, value: 'awaiting-arrival' },
        ],
      });
    } catch (error) {
      this.logger.warn(`${workflowId} not armed (recovered on next start): ${String(error)}`);
    }
  }

  /** Ends the timer early: the reservation was confirmed or cancelled. */
  async settle(reservationId: string, state: 'confirmed' | 'cancelled'): Promise<void> {
    const workflowId = reservationExpiryWorkflowId(reservationId);
    try {
      await signalIfRunning(this.temporal, workflowId, reservationSettledSignal, { state });
    } catch (error) {
      // Harmless: the timer fires, the activity finds the reservation settled and the timer ends.
      this.logger.warn(`${workflowId} not told it is ${state}: ${String(error)}`);
    }
  }
}

/**
 * PLC-4: "ensure timers" — on start, arm the timer of every active reservation (a no-op for those
 * running), so one whose start was lost after its commit (Temporal down, a crash between commit
 * and start) expires all the same. Runs in the background: the service does not wait for it.
 */
@Injectable()
export class ReservationTimerRecovery implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReservationTimerRecovery.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(ReservationTimers) private readonly timers: ReservationTimers,
  ) {}

  onApplicationBootstrap(): void {
    void this.armAll().catch((error: unknown) =>
      this.logger.warn(`active reservations' timers not ensured: ${String(error)}`),
    );
  }

  async armAll(): Promise<number> {
    const active = await this.orm.em.fork().execute<ReservationExpiryInput[]>(
      `select reservation_id as "reservationId", provider_id as "providerId",
              to_char(expires_on, 'YYYY-MM-DD') as "expiresOn"
         from reservation where state = 'active' order by expires_on`,
    );
    for (const input of active) await this.timers.arm(input);
    return active.length;
  }
}
