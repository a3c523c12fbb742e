import { DEFAULT_WAITLIST_OFFER_DAYS, type WaitlistOfferInput } from '@platform/contracts';
import type { CalendarDate } from '@platform/kernel';
import type { EntityManager } from '@platform/persistence';
import {
  effectiveCharacteristicsIndex,
  findFreePlaces,
  indexFacilityLayout,
  type ClientCharacteristics,
} from '../domain/index.js';
import { isBlocking } from '../placements/placement-availability.js';
import { loadFacilityFacts } from '../shared/facility-facts.js';

/** A place that stopped being held, from the first day it is free again. */
export interface FreedPlace {
  facilityId: string;
  placeId: string;
  availableFrom: CalendarDate;
}

/**
 * The waitlist's client is not known to placements beyond a reference (PRV-10 carries no
 * characteristics), so the place is checked against nobody in particular: only what blocks it for
 * everyone (closed, out of service, held) counts; suitability is the case worker's to judge.
 */
const ANYONE: ClientCharacteristics = {
  clientId: 'waitlist-offer',
  birthDate: null,
  gender: null,
  language: null,
  gangAffiliation: null,
  race: null,
  religion: null,
};

interface Candidate {
  entry_id: string;
  added_by: string;
}

/**
 * PRV-10 (ADR 0020): offers a freed place to the first suitable waiting entry and records the
 * open offer, in the caller's transaction, under the provider's lock (the last-bed rule: nothing
 * else takes the place meanwhile). Suitable: a placement entry of the place's provider, for the
 * product the place's compartment is for when it names one (an entry naming no product suits any
 * place), that has no open offer and has not declined this place before. First: lowest position
 * (each list's queue order), then the earlier entry. Null when the place is no longer free from
 * `availableFrom` (someone took it), when it already has an open offer, or when nobody suits.
 */
export async function offerFreedPlace(
  em: EntityManager,
  freed: FreedPlace,
  offerId: string,
): Promise<WaitlistOfferInput | null> {
  const loaded = await loadFacilityFacts(em, freed.facilityId, {
    lock: true,
    from: freed.availableFrom,
  });
  if (!loaded) return null;
  const place = loaded.places.find((p) => p.placeId === freed.placeId);
  if (!place || place.emergency) return null;
  const availability = findFreePlaces(loaded, {
    client: ANYONE,
    period: { start: freed.availableFrom, end: null },
    serviceProductId: null,
    scope: { contractId: null, providerServiceId: null },
    settings: loaded.settings,
  });
  const excluded = availability.excluded.find((p) => p.placeId === freed.placeId);
  if (excluded?.failures.some(isBlocking)) return null;

  const layout = indexFacilityLayout(loaded.compartments, loaded.places);
  const productId = effectiveCharacteristicsIndex(layout)(place.compartmentId).serviceProductId;
  const providerId = loaded.facility.providerId;
  const [entry] = await em.execute<Candidate[]>(
    `select e.entry_id, e.added_by
       from waitlist_entry e
      where e.provider_id = ? and e.status = 'waiting' and e.placement
        and (?::uuid is null or e.service_product_id is null or e.service_product_id = ?::uuid)
        and not exists (select 1 from waitlist_offer o
                         where o.entry_id = e.entry_id
                           and (o.state = 'open' or (o.state = 'declined' and o.place_id = ?)))
      order by e.position nulls last, e.occurred_at, e.entry_id
      limit 1`,
    [providerId, productId ?? null, productId ?? null, freed.placeId],
  );
  if (!entry) return null;
  const inserted = await em.execute<unknown[]>(
    `insert into waitlist_offer
       (offer_id, entry_id, provider_id, facility_id, place_id, offered_to, available_from, state)
     values (?, ?, ?, ?, ?, ?, ?, 'open')
     on conflict do nothing
     returning 1`,
    [
      offerId,
      entry.entry_id,
      providerId,
      freed.facilityId,
      freed.placeId,
      entry.added_by,
      freed.availableFrom,
    ],
  );
  if (inserted.length === 0) return null;
  return offerProcessInput(em, offerId);
}

/**
 * What the offer's process is started with, read back from the offer, its entry and its place:
 * the one way the input is built, whether the offer was just made or a retry finds it made.
 */
export async function offerProcessInput(
  em: EntityManager,
  offerId: string,
): Promise<WaitlistOfferInput | null> {
  const [row] = await em.execute<Omit<WaitlistOfferInput, 'answerDays'>[]>(
    `select o.offer_id as "offerId", o.entry_id as "entryId", e.waitlist_id as "waitlistId",
            o.provider_id as "providerId", o.facility_id as "facilityId", o.place_id as "placeId",
            p.name as "placeName", e.client_id as "clientReference", e.client_name as "clientName",
            o.offered_to as "offeredTo", to_char(o.available_from, 'YYYY-MM-DD') as "availableFrom"
       from waitlist_offer o
       join waitlist_entry e on e.entry_id = o.entry_id
       join place p on p.place_id = o.place_id
      where o.offer_id = ?`,
    [offerId],
  );
  return row ? { ...row, answerDays: DEFAULT_WAITLIST_OFFER_DAYS } : null;
}
