/**
 * Activities the placements service hosts on TaskQueues.placementsActivities (ADR 0020):
 * reservation expiry (PLC-4) and waitlist offers (PRV-10). Each is idempotent: a retry after a
 * lost reply finds the work done and answers the same.
 */

export interface ExpireReservationInput {
  reservationId: string;
  /** The workflow's today (agency calendar date): the day its timer fired. */
  asOf: string;
}

/**
 * What expiry found under the row lock: `expired` (it was active and due; reservation.expired
 * recorded), `already-expired` (a retry), `confirmed` / `cancelled` (someone got there first, e.g.
 * confirmed one minute before expiry), or `not-due` (its period moved; `expiresOn` is the new day
 * to sleep until).
 */
export type ExpireReservationResult =
  | { outcome: 'expired' | 'already-expired' | 'confirmed' | 'cancelled' }
  | { outcome: 'not-due'; expiresOn: string };

export interface PlacementsActivities {
  expireReservation(input: ExpireReservationInput): Promise<ExpireReservationResult>;
}
