import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { inOneSnapshot } from '@platform/persistence';
import { refuseIfAny, type Page } from '@platform/http';
import type { Place } from '../domain/index.js';
import { facilityFactsOrNotFound } from '../shared/facility-facts.js';
import { assertMayManageProvider } from '../shared/provider-access.js';
import { compartmentView } from './compartment-reads.js';
import type { CreatedPlacesView, PlaceView } from './facility.views.js';
import { facilityOrNotFound } from './facility-records.js';
import { todayDate } from '@platform/kernel';
import { refuseUnsoundLayout } from './layout-checks.js';
import type { CreatePlacesBody, ListPlacesQuery } from './place.schemas.js';
import { listPlaces, placesNamed } from './place-reads.js';

/** PLC-1: places (beds) of a facility, created in bulk in one compartment. */
@Injectable()
export class PlacesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /**
   * PLC-1: the new places must fit the facility's capacity (designated places up to the
   * designated capacity — emergency places come on top only through PLC-6 — and no more places
   * than physically exist), checked by the domain on the layout as it would be after; names are
   * unique in the facility. One insert for the whole list, under the facility's lock.
   */
  create(compartmentId: string, body: CreatePlacesBody, actor: Actor): Promise<CreatedPlacesView> {
    return this.orm.em.fork().transactional(async (em) => {
      const compartment = await compartmentView(em, compartmentId);
      const facility = await facilityOrNotFound(em, compartment.facilityId, { lock: true });
      await assertMayManageProvider(em, actor, facility.providerId);
      const today = todayDate();
      const facts = await facilityFactsOrNotFound(em, facility.facilityId, {
        lock: false,
        from: today,
      });

      const taken = new Set(facts.places.map((place) => place.name));
      refuseIfAny(
        body.names.flatMap((name, index) =>
          taken.has(name)
            ? [
                {
                  rule: 'PLC-1',
                  field: `names.${index}`,
                  message: `the facility already has a place named ${name}`,
                },
              ]
            : [],
        ),
        409,
      );
      const added: Place[] = body.names.map((name, index) => ({
        placeId: `new-${index}`,
        compartmentId,
        name,
        emergency: false,
        closedOn: null,
      }));
      refuseUnsoundLayout(
        facility,
        facts.compartments,
        [...facts.places, ...added],
        today,
        () => 'names',
      );

      await em.execute(
        `insert into place (place_id, facility_id, compartment_id, name, created_by)
         select gen_random_uuid(), ?, ?, name, ? from jsonb_array_elements_text(?::jsonb) as name`,
        [facility.facilityId, compartmentId, actor.userId, JSON.stringify(body.names)],
      );
      const places = await placesNamed(em, facility.facilityId, body.names);
      return { created: places.length, places };
    });
  }

  list(facilityId: string, query: ListPlacesQuery): Promise<Page<PlaceView>> {
    return inOneSnapshot(this.orm.em.fork(), async (em) => {
      await facilityOrNotFound(em, facilityId, { lock: false });
      return listPlaces(em, facilityId, query);
    });
  }
}
