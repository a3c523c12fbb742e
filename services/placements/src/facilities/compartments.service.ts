import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { refuse } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { Compartment, CompartmentCharacteristics } from '../domain/index.js';
import { facilityFactsOrNotFound, type LoadedFacility } from '../shared/facility-facts.js';
import { assertMayManageProvider } from '../shared/provider-access.js';
import type { CreateCompartmentBody, UpdateCompartmentBody } from './compartment.schemas.js';
import { compartmentView } from './compartment-reads.js';
import type { CompartmentView } from './facility.views.js';
import { facilityOrNotFound } from './facility-records.js';
import { todayDate } from '@platform/kernel';
import {
  refuseDisabledCharacteristics,
  refuseUnsoundLayout,
  storedCharacteristics,
} from './layout-checks.js';

/**
 * The facility of a compartment, locked (layout changes of one facility run one at a time), after
 * checking the caller may manage its provider (ROLE), with its facts as they are today.
 */
async function lockedLayout(
  em: EntityManager,
  facilityId: string,
  actor: Actor,
): Promise<LoadedFacility> {
  const facility = await facilityOrNotFound(em, facilityId, { lock: true });
  await assertMayManageProvider(em, actor, facility.providerId);
  const facts = await facilityFactsOrNotFound(em, facilityId, { lock: false, from: todayDate() });
  return facts;
}

/** PLC-1: sibling compartments have different names (case-insensitive); 409 naming `name`. */
function refuseSiblingName(
  compartments: readonly Compartment[],
  parentId: string,
  name: string,
  self: string | null,
): void {
  const clash = compartments.find(
    (c) =>
      c.parentId === parentId &&
      c.compartmentId !== self &&
      c.name.toLowerCase() === name.toLowerCase(),
  );
  if (clash) {
    refuse(
      {
        rule: 'PLC-1',
        field: 'name',
        message: `the parent already has a compartment named ${clash.name}`,
      },
      409,
    );
  }
}

/** PLC-1: a parent must be a compartment of the same facility (422 naming `parentId`). */
function refuseForeignParent(facts: LoadedFacility, parentId: string): void {
  if (!facts.compartments.some((c) => c.compartmentId === parentId)) {
    refuse({
      rule: 'PLC-1',
      field: 'parentId',
      message: `compartment ${parentId} is not a compartment of facility ${facts.facility.name}`,
    });
  }
}

/** PLC-1/PLC-2: compartments of a facility's tree and what they ask of their occupants. */
@Injectable()
export class CompartmentsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  create(facilityId: string, body: CreateCompartmentBody, actor: Actor): Promise<CompartmentView> {
    return this.orm.em.fork().transactional(async (em) => {
      const facts = await lockedLayout(em, facilityId, actor);
      refuseForeignParent(facts, body.parentId);
      refuseSiblingName(facts.compartments, body.parentId, body.name, null);
      const characteristics = storedCharacteristics(body.characteristics);
      refuseDisabledCharacteristics(characteristics, facts.settings);
      const compartmentId = randomUUID();
      await em.execute(
        `insert into compartment
           (compartment_id, facility_id, parent_id, name, characteristics, created_by)
         values (?, ?, ?, ?, ?::jsonb, ?)`,
        [
          compartmentId,
          facilityId,
          body.parentId,
          body.name,
          JSON.stringify(characteristics),
          actor.userId,
        ],
      );
      return compartmentView(em, compartmentId);
    });
  }

  /**
   * PLC-1: a move (`parentId`) is checked on the whole tree as it would be after it, so moving a
   * compartment under itself or one of its descendants (a cycle) or moving the top-level
   * compartment is refused (422 naming PLC-1 and `parentId`).
   */
  update(
    compartmentId: string,
    body: UpdateCompartmentBody,
    actor: Actor,
  ): Promise<CompartmentView> {
    return this.orm.em.fork().transactional(async (em) => {
      const current = await compartmentView(em, compartmentId);
      const facts = await lockedLayout(em, current.facilityId, actor);
      const parentId = body.parentId ?? current.parentId;
      const name = body.name ?? current.name;
      const characteristics: CompartmentCharacteristics =
        body.characteristics === undefined
          ? current.characteristics
          : storedCharacteristics(body.characteristics);
      if (body.parentId !== undefined) refuseForeignParent(facts, body.parentId);
      if (parentId !== null) refuseSiblingName(facts.compartments, parentId, name, compartmentId);
      if (body.characteristics !== undefined) {
        refuseDisabledCharacteristics(characteristics, facts.settings);
      }
      if (body.parentId !== undefined && body.parentId !== current.parentId) {
        const moved = facts.compartments.map((c) =>
          c.compartmentId === compartmentId ? { ...c, parentId } : c,
        );
        refuseUnsoundLayout(facts.facility, moved, facts.places, todayDate(), () => 'parentId');
      }
      await em.execute(
        `update compartment set parent_id = ?, name = ?, characteristics = ?::jsonb,
                updated_by = ?, updated_at = now()
          where compartment_id = ?`,
        [parentId, name, JSON.stringify(characteristics), actor.userId, compartmentId],
      );
      return compartmentView(em, compartmentId);
    });
  }
}
