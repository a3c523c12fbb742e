import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { refuse, type Page } from '@platform/http';
import { inOneSnapshot, type EntityManager } from '@platform/persistence';
import { assertMayManageProvider } from '../shared/provider-access.js';
import type { OutOfServiceView } from './facility.views.js';
import { facilityOrNotFound } from './facility-records.js';
import type { CreateOutOfServiceBody, ListOutOfServiceQuery } from './out-of-service.schemas.js';
import { listOutOfService, outOfServiceView } from './out-of-service-reads.js';

/** PLC-3: the place or compartment must belong to the facility (422 naming the field). */
async function refuseForeignTarget(
  em: EntityManager,
  facilityId: string,
  body: CreateOutOfServiceBody,
): Promise<void> {
  const [table, column, field, id] = body.placeId
    ? ['place', 'place_id', 'placeId', body.placeId]
    : ['compartment', 'compartment_id', 'compartmentId', body.compartmentId];
  const [row] = await em.execute<{ found: boolean }[]>(
    `select exists (select 1 from ${table} where ${column} = ? and facility_id = ?) as found`,
    [id, facilityId],
  );
  if (!row?.found) {
    refuse({ rule: 'PLC-3', field, message: `${table} ${id} is not in the facility` });
  }
}

/**
 * PLC-3: places or whole compartments out of service for a period; such places cannot be chosen
 * (availability, reservations and placements read these records). Withdrawing keeps the record.
 */
@Injectable()
export class OutOfServiceService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  create(
    facilityId: string,
    body: CreateOutOfServiceBody,
    actor: Actor,
  ): Promise<OutOfServiceView> {
    return this.orm.em.fork().transactional(async (em) => {
      const facility = await facilityOrNotFound(em, facilityId, { lock: true });
      await assertMayManageProvider(em, actor, facility.providerId);
      await refuseForeignTarget(em, facilityId, body);
      const outOfServiceId = randomUUID();
      await em.execute(
        `insert into out_of_service (out_of_service_id, facility_id, place_id, compartment_id,
                                     starts_on, ends_on, reason, recorded_by)
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          outOfServiceId,
          facilityId,
          body.placeId ?? null,
          body.compartmentId ?? null,
          body.from,
          body.to,
          body.reason,
          actor.userId,
        ],
      );
      return outOfServiceView(em, outOfServiceId);
    });
  }

  list(facilityId: string, query: ListOutOfServiceQuery): Promise<Page<OutOfServiceView>> {
    return inOneSnapshot(this.orm.em.fork(), async (em) => {
      await facilityOrNotFound(em, facilityId, { lock: false });
      return listOutOfService(em, facilityId, query);
    });
  }

  /** PLC-3: withdraws the record (who and when); 409 naming PLC-3 when it already is. */
  withdraw(outOfServiceId: string, actor: Actor): Promise<OutOfServiceView> {
    return this.orm.em.fork().transactional(async (em) => {
      const record = await outOfServiceView(em, outOfServiceId);
      const facility = await facilityOrNotFound(em, record.facilityId, { lock: true });
      await assertMayManageProvider(em, actor, facility.providerId);
      // Read again under the facility's lock: a concurrent withdrawal has finished by now.
      const current = await outOfServiceView(em, outOfServiceId);
      if (current.withdrawnAt !== null) {
        refuse(
          {
            rule: 'PLC-3',
            field: 'id',
            message: `the record was already withdrawn by ${current.withdrawnBy ?? 'someone'} at ${current.withdrawnAt}`,
          },
          409,
        );
      }
      await em.execute(
        `update out_of_service set withdrawn_by = ?, withdrawn_at = now()
          where out_of_service_id = ?`,
        [actor.userId, outOfServiceId],
      );
      return outOfServiceView(em, outOfServiceId);
    });
  }
}
