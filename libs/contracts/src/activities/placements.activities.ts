import type { WaitlistOfferInput } from '../workflows/waitlist-offer.messages.js';

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

/** PRV-10: the case worker accepted an offer and the providers service allocated the entry. */
export interface AcceptWaitlistOfferInput {
  offerId: string;
  decidedBy: string;
}

/** PRV-10: the case worker declined an offer; the place goes to the next suitable entry. */
export interface DeclineWaitlistOfferInput {
  offerId: string;
  decidedBy: string;
  reason: string | null;
}

export interface WaitlistOfferDecided {
  offerId: string;
  state: 'accepted' | 'declined' | 'withdrawn';
  /**
   * After a decline: the new open offer of the same place to the next suitable entry, for the
   * calling process to start its process (`waitlist-offer/<offerId>`); null when nobody suits.
   */
  nextOffer: WaitlistOfferInput | null;
}

export interface PlacementsActivities {
  expireReservation(input: ExpireReservationInput): Promise<ExpireReservationResult>;
  /** PRV-10: marks the offer accepted; idempotent. */
  acceptWaitlistOffer(input: AcceptWaitlistOfferInput): Promise<WaitlistOfferDecided>;
  /**
   * PRV-10: marks the offer declined and offers the place to the next suitable entry (a new offer
   * and its process); idempotent — a retry answers the same next offer.
   */
  declineWaitlistOffer(input: DeclineWaitlistOfferInput): Promise<WaitlistOfferDecided>;
}
