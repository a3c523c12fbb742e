import { defineQuery } from '@temporalio/workflow';

/**
 * PRV-10 (ADR 0020): a place that freed up is offered to the first suitable entry of the
 * provider's placement waitlist, as a task for the entry's case worker in the `waitlist-offers`
 * queue. Accepted, the providers service allocates the entry (its `waitlist-entry.allocated` makes
 * placements create the reservation or placement); declined, the place is offered to the next
 * suitable entry by a new offer and a new process. One process per offer.
 */
export const WAITLIST_OFFER_WORKFLOW = 'waitlistOffer';

/** Deterministic id (ARCHITECTURE rule 4): one process per offer. */
export function waitlistOfferWorkflowId(offerId: string): string {
  return `waitlist-offer/${offerId}`;
}

/** The offer task's outcomes: `decline` needs a reason. */
export const WaitlistOfferOutcome = { accept: 'accept', decline: 'decline' } as const;
export type WaitlistOfferOutcome = (typeof WaitlistOfferOutcome)[keyof typeof WaitlistOfferOutcome];

/** Days the case worker has to answer an offer before the task is overdue. */
export const DEFAULT_WAITLIST_OFFER_DAYS = 3;

export interface WaitlistOfferInput {
  offerId: string;
  entryId: string;
  waitlistId: string;
  providerId: string;
  facilityId: string;
  placeId: string;
  placeName: string;
  clientReference: string;
  clientName: string | null;
  /** The case worker who added the entry (PRV-10): the task is theirs. */
  offeredTo: string;
  /** The first day the place is free (YYYY-MM-DD). */
  availableFrom: string;
  /** Days until the task is due. */
  answerDays: number;
}

export type WaitlistOfferStatus = 'awaiting-answer' | 'allocating' | 'accepted' | 'declined';

export interface WaitlistOfferState {
  status: WaitlistOfferStatus;
  taskId: string | null;
  assignee: string | null;
  decidedBy: string | null;
  /** After a decline: the offer of the same place to the next suitable entry (null: none). */
  nextOfferId: string | null;
}

export interface WaitlistOfferResult {
  offerId: string;
  status: 'accepted' | 'declined';
  decidedBy: string;
  nextOfferId: string | null;
}

export const waitlistOfferStateQuery = defineQuery<WaitlistOfferState>('waitlistOfferState');
