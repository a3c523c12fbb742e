import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { NotFoundProblem } from '@platform/http';
import { inOneSnapshot, type EntityManager } from '@platform/persistence';
import { findFreePlaces } from '../domain/index.js';
import { toClientCharacteristics } from '../shared/client-input.js';
import { loadFacilityFacts } from '../shared/facility-facts.js';
import type { FacilityAvailabilityBody, ProviderAvailabilityBody } from './availability.schemas.js';
import type { FacilityAvailabilityView, ProviderAvailabilityView } from './availability.views.js';

/**
 * PLC-1…PLC-3, PLC-8: one facility's answer. Its facts are loaded set-based (a handful of queries
 * whatever the number of places) without a lock — a search holds nothing; the write that takes a
 * place checks again under the provider's lock. Only the limits of the request's contract and
 * provider service apply (PLC-8), so only their occupancies elsewhere are loaded. Null: no such
 * facility.
 */
async function facilityAvailability(
  em: EntityManager,
  facilityId: string,
  request: FacilityAvailabilityBody,
): Promise<FacilityAvailabilityView | null> {
  const scope = { contractId: request.contractId, providerServiceId: request.providerServiceId };
  const facts = await loadFacilityFacts(em, facilityId, { lock: false, from: request.from, scope });
  if (!facts) return null;
  const availability = findFreePlaces(facts, {
    client: toClientCharacteristics(request.client),
    period: { start: request.from, end: request.to },
    serviceProductId: request.serviceProductId,
    scope,
    settings: facts.settings,
  });
  return {
    facilityId: facts.facility.facilityId,
    facilityName: facts.facility.name,
    providerId: facts.facility.providerId,
    period: { from: request.from, to: request.to },
    ...availability,
  };
}

/** "Free places for this client from D1 to D2", in one facility or every facility of a provider. */
@Injectable()
export class AvailabilityService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async forFacility(
    facilityId: string,
    request: FacilityAvailabilityBody,
  ): Promise<FacilityAvailabilityView> {
    // One repeatable-read snapshot: places, occupancies and limits are read as of one moment.
    return inOneSnapshot(this.orm.em.fork(), async (em) => {
      const view = await facilityAvailability(em, facilityId, request);
      if (!view) throw new NotFoundProblem('Facility', facilityId);
      return view;
    });
  }

  /** Every facility of the provider, by name; a provider without facilities has none. */
  forProvider(request: ProviderAvailabilityBody): Promise<ProviderAvailabilityView> {
    return inOneSnapshot(this.orm.em.fork(), async (em) => {
      const facilities = await em.execute<{ facilityId: string }[]>(
        `select facility_id as "facilityId" from facility where provider_id = ?
            order by name, facility_id`,
        [request.providerId],
      );
      const views: FacilityAvailabilityView[] = [];
      for (const { facilityId } of facilities) {
        const view = await facilityAvailability(em, facilityId, request);
        if (view) views.push(view);
      }
      return {
        providerId: request.providerId,
        period: { from: request.from, to: request.to },
        freeCount: views.reduce((sum, view) => sum + view.free.length, 0),
        facilities: views,
      };
    });
  }
}
