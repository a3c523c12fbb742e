import type { MikroORM } from '@mikro-orm/postgresql';
import type {
  AcceptWaitlistOfferInput,
  DeclineWaitlistOfferInput,
  WaitlistOfferDecided,
} from '@platform/contracts';
import type { CalendarDate } from '@platform/kernel';
import type { EntityManager } from '@platform/persistence';
import { businessRejection } from '@platform/temporal';
import { todayDate } from '@platform/kernel';
import { offerIdFor } from './offer-ids.js';
import { offerFreedPlace, offerProcessInput } from './offer-writes.js';

interface OfferRow {
  state: 'open' | 'accepted' | 'declined' | 'withdrawn';
  facility_id: string;
  place_id: string;
  available_from: CalendarDate;
}

async function lockOffer(em: EntityManager, offerId: string): Promise<OfferRow> {
  const [row] = await em.execute<OfferRow[]>(
    `select state, facility_id, place_id, to_char(available_from, 'YYYY-MM-DD') as available_from
       from waitlist_offer where offer_id = ? for update`,
    [offerId],
  );
  if (!row) throw businessRejection('NotFound', `waitlist offer ${offerId} does not exist`);
  return row;
}

/** The offer made after this one was declined: derived from it, so a retry finds the same one. */
const nextOfferId = (offerId: string) => offerIdFor(offerId, 'next');

/**
 * PRV-10: the case worker accepted and the providers service allocated the entry (its
 * waitlist-entry.allocated makes the reservation or placement); the offer is closed as accepted.
 * Idempotent; an offer decided otherwise meanwhile is answered as it stands.
 */
export async function acceptWaitlistOffer(
  orm: MikroORM,
  input: AcceptWaitlistOfferInput,
): Promise<WaitlistOfferDecided> {
  return orm.em.fork().transactional(async (em) => {
    const offer = await lockOffer(em, input.offerId);
    if (offer.state === 'open') {
      await em.execute(
        `update waitlist_offer set state = 'accepted', decided_by = ?, decided_at = now()
          where offer_id = ?`,
        [input.decidedBy, input.offerId],
      );
      return { offerId: input.offerId, state: 'accepted', nextOffer: null };
    }
    return { offerId: input.offerId, state: offer.state, nextOffer: null };
  });
}

/**
 * PRV-10 (ADR 0020): a declined offer closes and the same place is offered to the next suitable
 * entry (offer-writes.ts skips every entry that declined this place), from the same day or today
 * if that has passed. Answers the new offer for the calling process to start. Idempotent: a retry
 * finds the offer declined and answers the next offer it made then (or none).
 */
export async function declineWaitlistOffer(
  orm: MikroORM,
  input: DeclineWaitlistOfferInput,
): Promise<WaitlistOfferDecided> {
  return orm.em.fork().transactional(async (em) => {
    const offer = await lockOffer(em, input.offerId);
    const nextId = nextOfferId(input.offerId);
    if (offer.state !== 'open') {
      const nextOffer = offer.state === 'declined' ? await offerProcessInput(em, nextId) : null;
      return { offerId: input.offerId, state: offer.state, nextOffer };
    }
    await em.execute(
      `update waitlist_offer set state = 'declined', decided_by = ?, decided_at = now()
        where offer_id = ?`,
      [input.decidedBy, input.offerId],
    );
    const today = todayDate();
    const nextOffer = await offerFreedPlace(
      em,
      {
        facilityId: offer.facility_id,
        placeId: offer.place_id,
        availableFrom: offer.available_from < today ? today : offer.available_from,
      },
      nextId,
    );
    return { offerId: input.offerId, state: 'declined', nextOffer };
  });
}
