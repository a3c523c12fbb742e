import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import {
  DEFAULT_WAITLIST_OFFER_DAYS,
  type AcceptWaitlistOfferInput,
  type AllocateWaitlistEntryInput,
  type DeclineWaitlistOfferInput,
  type WaitlistEntryAllocation,
  type WaitlistOfferDecided,
  type WaitlistOfferInput,
} from '@platform/contracts';

type OfferState = 'open' | 'accepted' | 'declined';

/**
 * The two services a waitlist offer's process calls, in memory (their own suites run the real
 * activities): the providers service's allocate (PRV-10) and placements' offer decisions, with the
 * next suitable entry for a place scripted as a queue of candidates per place.
 */
export class InMemoryWaitlistOffers {
  readonly allocations: AllocateWaitlistEntryInput[] = [];
  readonly offers = new Map<string, { input: WaitlistOfferInput; state: OfferState }>();
  /** Entries that left their list: allocating them is refused (PRV-10). */
  readonly gone = new Set<string>();
  private readonly queues = new Map<string, WaitlistOfferInput[]>();

  /** A first offer, and the entries (as their offers) next in line for the same place. */
  offer(first: WaitlistOfferInput, next: WaitlistOfferInput[] = []): void {
    this.offers.set(first.offerId, { input: first, state: 'open' });
    this.queues.set(first.placeId, [...next]);
  }

  async allocateWaitlistEntry(input: AllocateWaitlistEntryInput): Promise<WaitlistEntryAllocation> {
    if (this.gone.has(input.entryId)) {
      throw ApplicationFailure.create({
        type: 'PRV-10',
        message: `Entry ${input.entryId}: an expired entry cannot be allocated`,
        nonRetryable: true,
      });
    }
    const again = this.allocations.some((call) => call.entryId === input.entryId);
    this.allocations.push(input);
    return { entryId: input.entryId, outcome: again ? 'already-allocated' : 'allocated' };
  }

  async acceptWaitlistOffer(input: AcceptWaitlistOfferInput): Promise<WaitlistOfferDecided> {
    const offer = this.offerOf(input.offerId);
    if (offer.state === 'open') offer.state = 'accepted';
    return { offerId: input.offerId, state: offer.state, nextOffer: null };
  }

  async declineWaitlistOffer(input: DeclineWaitlistOfferInput): Promise<WaitlistOfferDecided> {
    const offer = this.offerOf(input.offerId);
    if (offer.state !== 'open')
      return { offerId: input.offerId, state: offer.state, nextOffer: null };
    offer.state = 'declined';
    const next = this.queues.get(offer.input.placeId)?.shift() ?? null;
    if (next) this.offers.set(next.offerId, { input: next, state: 'open' });
    return { offerId: input.offerId, state: 'declined', nextOffer: next };
  }

  private offerOf(offerId: string) {
    const offer = this.offers.get(offerId);
    if (!offer)
      throw ApplicationFailure.create({ type: 'NotFound', message: offerId, nonRetryable: true });
    return offer;
  }
}

/** An offer of one place at one provider, to one case worker's entry. */
export function offerInput(
  placeId: string,
  offeredTo: string,
  changes: Partial<WaitlistOfferInput> = {},
): WaitlistOfferInput {
  const entryId = randomUUID();
  return {
    offerId: randomUUID(),
    entryId,
    waitlistId: 'a0000000-0000-4000-8000-000000000001',
    providerId: 'a0000000-0000-4000-8000-000000000001',
    facilityId: 'b0000000-0000-4000-8000-000000000001',
    placeId,
    placeName: 'Room 101 bed 1',
    clientReference: `CL-${entryId.slice(0, 8)}`,
    clientName: null,
    offeredTo,
    availableFrom: '2099-03-01',
    answerDays: DEFAULT_WAITLIST_OFFER_DAYS,
    ...changes,
  };
}
