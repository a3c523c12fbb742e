import { defineSignal } from '@temporalio/workflow';

/**
 * PLC-4: one durable timer per reservation (ADR 0020). It sleeps until the reservation's
 * `expiresOn` (agency midnight) and then asks the placements service to expire it; the service
 * decides under a row lock, so a confirmation that came first wins. Confirmation and cancellation
 * end it early by signal; a changed period re-arms it.
 */
export const RESERVATION_EXPIRY_WORKFLOW = 'reservationExpiry';

/** Deterministic id (ARCHITECTURE rule 4): one expiry process per reservation. */
export function reservationExpiryWorkflowId(reservationId: string): string {
  return `reservation/${reservationId}`;
}

export interface ReservationExpiryInput {
  reservationId: string;
  providerId: string;
  /** The first day the reservation is expired (YYYY-MM-DD, agency calendar). */
  expiresOn: string;
}

/** The reservation left `active` (confirmed or cancelled): nothing left to expire. */
export const reservationSettledSignal =
  defineSignal<[{ state: 'confirmed' | 'cancelled' }]>('reservationSettled');

/**
 * The reservation's period changed while it is still active (PATCH): the timer re-arms for the new
 * `expiresOn`, earlier or later. Sent with signal-with-start, so it also (re)starts a timer whose
 * start was lost after the reservation committed.
 */
export const reservationRescheduledSignal =
  defineSignal<[{ expiresOn: string }]>('reservationRescheduled');

/** How the timer ended: the reservation expired, or someone settled it first. */
export interface ReservationExpiryResult {
  outcome: 'expired' | 'already-expired' | 'confirmed' | 'cancelled';
  /** The day the timer last slept until (the reservation's expiresOn at the end). */
  expiresOn: string;
}
