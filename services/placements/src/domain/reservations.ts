import { addDays, rangesOverlap, type CalendarDate, type DateRange } from '@platform/kernel';
import type { RuleFailure } from './rule-failure.js';

/** PLC-4: a reservation's lifecycle. Only `active` moves on; the other three are final. */
export type ReservationState = 'active' | 'confirmed' | 'cancelled' | 'expired';

/** PLC-4: what happens to a reservation: confirmed into a placement, cancelled, or expired. */
export type ReservationEvent = 'confirm' | 'cancel' | 'expire';

/** PLC-4: a reservation as the rules see it. */
export interface Reservation {
  reservationId: string;
  providerId: string;
  facilityId: string;
  /** null: only the provider is reserved; the place is chosen on confirmation. */
  placeId: string | null;
  clientId: string;
  /** End null: open-ended. */
  period: DateRange;
  state: ReservationState;
  /** The case worker who created it (notified of others' updates, PLC-4). */
  createdBy: string;
}

export type ReservationFailureCode =
  'starts-today-or-past' | 'conflict-needs-confirmation' | 'illegal-transition';

const NEXT_STATE: Record<ReservationState, Partial<Record<ReservationEvent, ReservationState>>> = {
  active: { confirm: 'confirmed', cancel: 'cancelled', expire: 'expired' },
  confirmed: {},
  cancelled: {},
  expired: {},
};

/**
 * PLC-4: the reservation state machine. active → confirmed | cancelled | expired; every other
 * move (confirming a cancelled one, expiring a confirmed one, cancelling twice …) is refused.
 */
export function transitionReservation(
  state: ReservationState,
  event: ReservationEvent,
):
  | { ok: true; state: ReservationState }
  | { ok: false; failure: RuleFailure<'illegal-transition'> } {
  const next = NEXT_STATE[state][event];
  if (next === undefined) {
    return {
      ok: false,
      failure: {
        code: 'illegal-transition',
        rule: 'PLC-4',
        message: `A ${state} reservation cannot be ${PAST_TENSE[event]}; only an active one can.`,
      },
    };
  }
  return { ok: true, state: next };
}

const PAST_TENSE: Record<ReservationEvent, string> = {
  confirm: 'confirmed',
  cancel: 'cancelled',
  expire: 'expired',
};

/** PLC-4: a reservation someone asks to create. */
export interface NewReservationRequest {
  today: CalendarDate;
  period: DateRange;
  /** null: a reservation of the provider only. */
  placeId: string | null;
  providerId: string;
  clientId: string;
  /**
   * Active reservations that could conflict: the client's own (any provider) and those of the
   * requested place (any client). Others, and non-active ones, are ignored, so passing more is
   * safe.
   */
  existing: readonly Reservation[];
  /** Ids of conflicting reservations the user has explicitly confirmed to cancel. */
  confirmedCancellations: readonly string[];
}

/** Why an existing reservation stands in the way of the new one (PLC-4). */
export type ReservationConflictReason = 'same-client' | 'same-place-other-client';

export interface ReservationConflict {
  reservationId: string;
  reason: ReservationConflictReason;
}

export type NewReservationOutcome =
  | {
      ok: true;
      /** Conflicting reservations to cancel with the creation, confirmed by the user; by id. */
      cancel: readonly string[];
    }
  | {
      ok: false;
      failure: RuleFailure<'starts-today-or-past' | 'conflict-needs-confirmation'>;
      /** For `conflict-needs-confirmation`: every conflict, by id, to show for confirmation. */
      conflicts: readonly ReservationConflict[];
    };

function conflictReason(
  request: NewReservationRequest,
  other: Reservation,
): ReservationConflictReason | null {
  if (other.state !== 'active' || !rangesOverlap(other.period, request.period)) return null;
  if (other.clientId === request.clientId) return 'same-client';
  if (request.placeId !== null && other.placeId === request.placeId)
    return 'same-place-other-client';
  return null;
}

/**
 * PLC-4: may this reservation be created? It must start after today (a reservation is for a
 * future period; today's arrival is a placement). Conflicts, each needing explicit confirmation
 * that the conflicting reservation is cancelled:
 * - the same client holds another active reservation for an overlapping period, at any provider
 *   or place ("several places for the same client": a client can be expected in one place at a
 *   time; back-to-back reservations — leave one facility, go to another — are legitimate);
 * - the requested place is reserved for a different client for an overlapping period.
 * Confirmed ids that are not conflicts are ignored (never cancelled by this request).
 */
export function checkNewReservation(request: NewReservationRequest): NewReservationOutcome {
  if (request.period.start <= request.today) {
    return {
      ok: false,
      failure: {
        code: 'starts-today-or-past',
        rule: 'PLC-4',
        message: `A reservation must start after today (${request.today}); ${request.period.start} is not in the future.`,
      },
      conflicts: [],
    };
  }
  const conflicts: ReservationConflict[] = [];
  for (const other of request.existing) {
    const reason = conflictReason(request, other);
    if (reason !== null) conflicts.push({ reservationId: other.reservationId, reason });
  }
  conflicts.sort((a, b) =>
    a.reservationId < b.reservationId ? -1 : a.reservationId > b.reservationId ? 1 : 0,
  );
  const confirmed = new Set(request.confirmedCancellations);
  const unconfirmed = conflicts.filter((conflict) => !confirmed.has(conflict.reservationId));
  if (unconfirmed.length > 0) {
    return {
      ok: false,
      failure: {
        code: 'conflict-needs-confirmation',
        rule: 'PLC-4',
        message: `Conflicting reservations must be confirmed for cancellation first: ${unconfirmed
          .map((conflict) => conflict.reservationId)
          .join(', ')}.`,
      },
      conflicts,
    };
  }
  return { ok: true, cancel: conflicts.map((conflict) => conflict.reservationId) };
}

/**
 * PLC-4: when a reservation expires if the client does not arrive — at its end, or at start +
 * grace-period days, whichever comes first (open-ended: start + grace). The grace period counts
 * days the client may arrive late: with 3 days, a reservation from 1 March may still be confirmed
 * on 4 March. Expiry is therefore at the END of `lastArrivalDay`; the expiry timer fires at the
 * start of `expiresOn`, the day after (grace 0: arrival on the start day only).
 */
export interface ReservationExpiry {
  /** The last day the reservation can still be confirmed. */
  lastArrivalDay: CalendarDate;
  /** The first day it is expired (the timer fires at its start, 00:00 agency time). */
  expiresOn: CalendarDate;
}

export function reservationExpiry(period: DateRange, gracePeriodDays: number): ReservationExpiry {
  if (!Number.isInteger(gracePeriodDays) || gracePeriodDays < 0) {
    throw new RangeError(`a grace period is a whole number of days ≥ 0, not ${gracePeriodDays}`);
  }
  const graceEnd = addDays(period.start, gracePeriodDays);
  const lastArrivalDay = period.end !== null && period.end < graceEnd ? period.end : graceEnd;
  return { lastArrivalDay, expiresOn: addDays(lastArrivalDay, 1) };
}

/** PLC-4: an active reservation is due to expire on `today` or has been since. */
export function isReservationExpired(
  reservation: Pick<Reservation, 'period' | 'state'>,
  today: CalendarDate,
  gracePeriodDays: number,
): boolean {
  return (
    reservation.state === 'active' &&
    reservationExpiry(reservation.period, gracePeriodDays).expiresOn <= today
  );
}

/**
 * PLC-4: who is told of an update to a reservation: the case worker who created it, when someone
 * else made the change; nobody when they changed it themselves.
 */
export function whoToNotifyOfReservationUpdate(createdBy: string, updatedBy: string): string[] {
  return createdBy === updatedBy ? [] : [createdBy];
}
