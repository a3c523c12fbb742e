import { reservationCancelled, type Actor } from '@platform/contracts';
import { refuse } from '@platform/http';
import { recordEvent } from '@platform/messaging';
import type { EntityManager } from '@platform/persistence';
import {
  transitionReservation,
  whoToNotifyOfReservationUpdate,
  type ReservationEvent,
  type ReservationState,
} from '../domain/index.js';
import { recordNotice } from '../notices/notice-writes.js';
import { reservationWhere, type ReservationRecord } from './reservation-records.js';

/** PLC-4: the state a move leads to, or 409 naming PLC-4 (e.g. confirming a cancelled one). */
export function nextState(record: ReservationRecord, event: ReservationEvent): ReservationState {
  const transition = transitionReservation(record.state, event);
  if (!transition.ok) {
    refuse({ rule: 'PLC-4', field: 'id', message: transition.failure.message }, 409);
  }
  return transition.state;
}

/**
 * PLC-4: tells the case worker who created the reservation that someone else changed it, in the
 * change's transaction (nobody when they changed it themselves).
 */
export async function notifyCreator(
  em: EntityManager,
  record: ReservationRecord,
  actor: Actor,
  what: string,
): Promise<void> {
  for (const recipient of whoToNotifyOfReservationUpdate(record.createdBy, actor.userId)) {
    await recordNotice(em, {
      recipient,
      subjectType: 'reservation',
      subjectId: record.reservationId,
      title: `Reservation for client ${record.clientId} ${what}`,
      body: `${actor.userId} ${what} the reservation of ${record.from} to ${record.to ?? 'open end'}.`,
      changedBy: actor.userId,
    });
  }
}

/**
 * PLC-4: cancels an active reservation (by a user with a reason, or replaced by a new one whose
 * conflict the user confirmed) and records reservation.cancelled in the caller's transaction.
 */
export async function cancelRecord(
  em: EntityManager,
  record: ReservationRecord,
  change: { reason: string; replacedBy: string | null },
  actor: Actor,
): Promise<void> {
  nextState(record, 'cancel');
  await em.execute(
    `update reservation set state = 'cancelled', cancel_reason = ?, updated_by = ?, updated_at = now()
      where reservation_id = ?`,
    [change.reason, actor.userId, record.reservationId],
  );
  recordEvent(em, reservationCancelled, {
    aggregateId: record.reservationId,
    actor,
    data: {
      reservationId: record.reservationId,
      ...reservationWhere(record),
      reason: change.reason,
      replacedByReservationId: change.replacedBy,
    },
  });
  await notifyCreator(em, record, actor, 'was cancelled');
}
