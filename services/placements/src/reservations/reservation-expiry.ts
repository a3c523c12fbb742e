import type { MikroORM } from '@mikro-orm/postgresql';
import {
  reservationExpired,
  SYSTEM_ACTOR,
  type ExpireReservationInput,
  type ExpireReservationResult,
} from '@platform/contracts';
import { recordEvent } from '@platform/messaging';
import { businessRejection } from '@platform/temporal';
import { lockReservation, reservationWhere } from './reservation-records.js';

/**
 * PLC-4: the expiry timer fired. Decided under the reservation's row lock, so whatever committed
 * first wins: a reservation confirmed (or cancelled) a minute before stays so; one whose period
 * moved is not due yet and the timer sleeps again. Idempotent: an expired one stays expired.
 */
export function expireReservation(
  orm: MikroORM,
  input: ExpireReservationInput,
): Promise<ExpireReservationResult> {
  return orm.em.fork().transactional(async (em) => {
    const reservation = await lockReservation(em, input.reservationId);
    if (!reservation) {
      throw businessRejection('ReservationNotFound', `No reservation ${input.reservationId}`);
    }
    if (reservation.state === 'expired') return { outcome: 'already-expired' };
    if (reservation.state !== 'active') return { outcome: reservation.state };
    if (reservation.expiresOn > input.asOf) {
      return { outcome: 'not-due', expiresOn: reservation.expiresOn };
    }
    await em.execute(
      `update reservation set state = 'expired', updated_by = 'system', updated_at = now()
        where reservation_id = ?`,
      [reservation.reservationId],
    );
    recordEvent(em, reservationExpired, {
      aggregateId: reservation.reservationId,
      actor: SYSTEM_ACTOR,
      data: {
        reservationId: reservation.reservationId,
        ...reservationWhere(reservation),
        expiresOn: reservation.expiresOn,
      },
    });
    return { outcome: 'expired' };
  });
}
