import { ProblemException, type ProblemDetails } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { Reservation, ReservationConflict, RuleFailure } from '../domain/index.js';
import { RESERVATION_COLUMNS, type ReservationRecord } from './reservation-records.js';

/** A stored reservation as the PLC-4 rules see it. */
export function asReservation(record: ReservationRecord): Reservation {
  return {
    reservationId: record.reservationId,
    providerId: record.providerId,
    facilityId: record.facilityId ?? '',
    placeId: record.placeId,
    clientId: record.clientId,
    period: { start: record.from, end: record.to } as Reservation['period'],
    state: record.state,
    createdBy: record.createdBy,
  };
}

/**
 * PLC-4: the active reservations that could conflict with a new or moved one — the client's own at
 * any provider, and any holding the place — locked (FOR UPDATE), since the user may have confirmed
 * cancelling them in this same request. The domain decides which overlap.
 */
export async function lockPossibleConflicts(
  em: EntityManager,
  clientId: string,
  placeId: string | null,
  except: string | null,
): Promise<ReservationRecord[]> {
  return em.execute<ReservationRecord[]>(
    `select ${RESERVATION_COLUMNS} from reservation r
      where r.state = 'active' and (r.client_id = ? or r.place_id = ?)
        and r.reservation_id is distinct from ?
      order by r.reservation_id for update`,
    [clientId, placeId, except],
  );
}

/**
 * PLC-4: 409 listing every conflicting reservation (id and reason), so the client can ask the
 * user to confirm their cancellation and send the request again with `confirmCancellationOf`.
 */
export class ReservationConflictProblem extends ProblemException {
  constructor(failure: RuleFailure, conflicts: readonly ReservationConflict[]) {
    const problem: ProblemDetails & { conflicts: readonly ReservationConflict[] } = {
      type: 'https://provider-platform.dev/problems/rule-violation',
      title: `Refused by rule ${failure.rule}`,
      status: 409,
      detail: failure.message,
      rule: failure.rule,
      errors: conflicts.map((conflict) => ({
        field: 'confirmCancellationOf',
        message: `${failure.rule}: reservation ${conflict.reservationId} conflicts (${conflict.reason}); confirm its cancellation`,
      })),
      conflicts,
    };
    super(problem);
  }
}
