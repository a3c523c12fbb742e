import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { NotFoundProblem, refuse, type Page } from '@platform/http';
import { inOneSnapshot, type EntityManager } from '@platform/persistence';
import { assertMayManageProvider } from '../shared/provider-access.js';
import { facilityFactsOrNotFound, loadFacilityFacts } from '../shared/facility-facts.js';
import type {
  CreateFacilityBody,
  ListFacilitiesQuery,
  UpdateFacilityBody,
} from './facility.schemas.js';
import type { FacilitySummaryView, FacilityView } from './facility.views.js';
import { facilitySummary, listFacilities } from './facility-reads.js';
import { layoutView } from './facility-layout-view.js';
import { assertProviderTakesFacilities, facilityOrNotFound } from './facility-records.js';
import { todayDate } from '@platform/kernel';
import { refuseUnsoundLayout } from './layout-checks.js';

/** PLC-1: which field of a facility request a layout failure is about. */
const CAPACITY_FIELD: Record<string, string> = {
  'designated-capacity-above-physical': 'designatedCapacity',
  'designated-capacity-exceeded': 'designatedCapacity',
  'physical-capacity-exceeded': 'physicalCapacity',
};

/** PLC-1: a provider's facility with its whole layout, as of today. */
export async function facilityView(em: EntityManager, facilityId: string): Promise<FacilityView> {
  const today = todayDate();
  const facts = await loadFacilityFacts(em, facilityId, { lock: false, from: today });
  const summary = await facilitySummary(em, facilityId);
  if (!facts || !summary) throw new NotFoundProblem('Facility', facilityId);
  const { placeCount: _placeCount, ...facility } = summary;
  return { ...facility, ...layoutView(facts, today) };
}

/** A facility's name is unique at its provider (409 naming PLC-1 and `name`). */
async function refuseDuplicateName(
  em: EntityManager,
  providerId: string,
  name: string,
  exceptFacilityId: string | null,
): Promise<void> {
  const [taken] = await em.execute<{ facilityId: string }[]>(
    `select facility_id as "facilityId" from facility
      where provider_id = ? and name = ? and facility_id is distinct from ?`,
    [providerId, name, exceptFacilityId],
  );
  if (taken) {
    refuse(
      {
        rule: 'PLC-1',
        field: 'name',
        message: `the provider already has a facility named ${name}`,
      },
      409,
    );
  }
}

/** PLC-1: facilities — create (with their top-level compartment), find, read, change. */
@Injectable()
export class FacilitiesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  create(body: CreateFacilityBody, actor: Actor): Promise<FacilityView> {
    return this.orm.em.fork().transactional(async (em) => {
      await assertMayManageProvider(em, actor, body.providerId);
      if (body.designatedCapacity > body.physicalCapacity) {
        refuse({
          rule: 'PLC-1',
          field: 'designatedCapacity',
          message: `designated capacity ${body.designatedCapacity} is above the physical capacity ${body.physicalCapacity}`,
        });
      }
      await assertProviderTakesFacilities(em, body.providerId);
      await refuseDuplicateName(em, body.providerId, body.name, null);
      const facilityId = randomUUID();
      await em.execute(
        `insert into facility
           (facility_id, provider_id, name, designated_capacity, physical_capacity, created_by)
         values (?, ?, ?, ?, ?, ?)`,
        [
          facilityId,
          body.providerId,
          body.name,
          body.designatedCapacity,
          body.physicalCapacity,
          actor.userId,
        ],
      );
      // PLC-1: the tree always has exactly one root, named after the facility.
      await em.execute(
        `insert into compartment (compartment_id, facility_id, parent_id, name, created_by)
         values (?, ?, null, ?, ?)`,
        [randomUUID(), facilityId, body.name, actor.userId],
      );
      return facilityView(em, facilityId);
    });
  }

  list(query: ListFacilitiesQuery): Promise<Page<FacilitySummaryView>> {
    return inOneSnapshot(this.orm.em.fork(), (em) => listFacilities(em, query));
  }

  get(facilityId: string): Promise<FacilityView> {
    return inOneSnapshot(this.orm.em.fork(), (em) => facilityView(em, facilityId));
  }

  /** PLC-1: the new capacities must still hold the facility's places (checked by the domain). */
  update(facilityId: string, body: UpdateFacilityBody, actor: Actor): Promise<FacilityView> {
    return this.orm.em.fork().transactional(async (em) => {
      const current = await facilityOrNotFound(em, facilityId, { lock: true });
      await assertMayManageProvider(em, actor, current.providerId);
      const changed = { ...current, ...body };
      if (body.name !== undefined) {
        await refuseDuplicateName(em, current.providerId, body.name, facilityId);
      }
      const today = todayDate();
      const facts = await facilityFactsOrNotFound(em, facilityId, { lock: false, from: today });
      refuseUnsoundLayout(
        changed,
        facts.compartments,
        facts.places,
        today,
        (code) => CAPACITY_FIELD[code] ?? 'designatedCapacity',
      );
      await em.execute(
        `update facility set name = ?, designated_capacity = ?, physical_capacity = ?,
                updated_by = ?, updated_at = now()
          where facility_id = ?`,
        [
          changed.name,
          changed.designatedCapacity,
          changed.physicalCapacity,
          actor.userId,
          facilityId,
        ],
      );
      if (body.name !== undefined && body.name !== current.name) {
        // The top-level compartment is named after the facility (see create).
        await em.execute(
          `update compartment set name = ?, updated_by = ?, updated_at = now()
            where facility_id = ? and parent_id is null`,
          [body.name, actor.userId, facilityId],
        );
      }
      return facilityView(em, facilityId);
    });
  }
}
