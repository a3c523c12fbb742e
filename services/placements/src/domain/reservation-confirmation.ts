import type { CalendarDate, DateRange } from '@platform/kernel';
import { planEmergencyPlace, type EmergencyPlacePlan } from './emergency-places.js';
import type { Compartment, Place } from './layout.types.js';
import {
  reservationExpiry,
  transitionReservation,
  type Reservation,
  type ReservationState,
} from './reservations.js';
import type { RuleFailure } from './rule-failure.js';

export type ConfirmReservationFailureCode =
  | 'illegal-transition'
  | 'reservation-expired'
  | 'placement-starts-in-past'
  | 'end-before-start'
  | 'place-not-free'
  | 'no-top-level-compartment';

export interface ConfirmReservationRequest {
  reservation: Reservation;
  today: CalendarDate;
  gracePeriodDays: number;
  /** The placement's period; default: from today to the reservation's end (the client arrives). */
  period?: DateRange;
  /** A place chosen now; default: the reserved place, if any. */
  placeId?: string | null;
  /**
   * The facility's designated places that suit the client (PLC-2), in the order to offer them;
   * only used when neither the request nor the reservation names a place.
   */
  suitablePlaceIds: readonly string[];
  /** Is the place free for the period? Must not count this reservation as holding its place. */
  isFree: (placeId: string, period: DateRange) => boolean;
  /** The facility's compartments and places, for an emergency place (PLC-6). */
  compartments: readonly Compartment[];
  places: readonly Place[];
}

/** The placement to create: in an existing place, or in an emergency place to create first. */
export type PlannedPlace =
  { kind: 'existing'; placeId: string } | { kind: 'emergency'; plan: EmergencyPlacePlan };

export type ConfirmReservationOutcome =
  | {
      ok: true;
      reservationState: ReservationState;
      placement: { clientId: string; facilityId: string; period: DateRange; place: PlannedPlace };
    }
  | { ok: false; failure: RuleFailure<ConfirmReservationFailureCode> };

function refuse(
  code: ConfirmReservationFailureCode,
  rule: string,
  message: string,
): ConfirmReservationOutcome {
  return { ok: false, failure: { code, rule, message } };
}

/**
 * PLC-4: confirm a reservation into a placement, as a plan. The period may change: the placement
 * starts the day the client arrives, today or later (never backdated: past days of the place were
 * held by the reservation and may already be rostered/paid). It can be confirmed until the end of
 * its last arrival day (see `reservationExpiry`) even if the expiry timer has not run yet.
 * The place: the one chosen now, else the reserved one (either must be free — a named place is
 * never silently swapped), else the first free suitable place; with none, an emergency place in
 * the facility's top-level compartment (PLC-4 + PLC-6).
 */
export function confirmReservation(request: ConfirmReservationRequest): ConfirmReservationOutcome {
  const { reservation, today } = request;
  const transition = transitionReservation(reservation.state, 'confirm');
  if (!transition.ok) return { ok: false, failure: transition.failure };
  const { lastArrivalDay } = reservationExpiry(reservation.period, request.gracePeriodDays);
  if (today > lastArrivalDay) {
    return refuse(
      'reservation-expired',
      'PLC-4',
      `The reservation expired after ${lastArrivalDay}; it can no longer be confirmed.`,
    );
  }
  const period = request.period ?? { start: today, end: reservation.period.end };
  if (period.start < today) {
    return refuse(
      'placement-starts-in-past',
      'PLC-4',
      `A placement from a reservation starts when the client arrives, today (${today}) or later, not ${period.start}.`,
    );
  }
  if (period.end !== null && period.end < period.start) {
    return refuse(
      'end-before-start',
      'PLC-5',
      `A placement cannot end (${period.end}) before it starts (${period.start}).`,
    );
  }
  const placement = { clientId: reservation.clientId, facilityId: reservation.facilityId, period };
  const named = request.placeId ?? reservation.placeId;
  if (named !== null) {
    if (!request.isFree(named, period)) {
      return refuse(
        'place-not-free',
        'PLC-4',
        `Place ${named} is not free for the placement's period.`,
      );
    }
    return {
      ok: true,
      reservationState: transition.state,
      placement: { ...placement, place: { kind: 'existing', placeId: named } },
    };
  }
  const free = request.suitablePlaceIds.find((placeId) => request.isFree(placeId, period));
  if (free !== undefined) {
    return {
      ok: true,
      reservationState: transition.state,
      placement: { ...placement, place: { kind: 'existing', placeId: free } },
    };
  }
  const emergency = planEmergencyPlace({
    facilityId: reservation.facilityId,
    compartments: request.compartments,
    places: request.places,
  });
  if (!emergency.ok) return { ok: false, failure: emergency.failure };
  return {
    ok: true,
    reservationState: transition.state,
    placement: { ...placement, place: { kind: 'emergency', plan: emergency.plan } },
  };
}
