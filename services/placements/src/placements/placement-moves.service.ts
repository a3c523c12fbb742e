import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { NotFoundProblem, refuse } from '@platform/http';
import { addDays } from '@platform/kernel';
import type { EntityManager } from '@platform/persistence';
import { facilityFactsOrNotFound, lockProviderFacilities } from '../shared/facility-facts.js';
import {
  assertMayManageProvider,
  assertProviderTakesPlacements,
} from '../shared/provider-access.js';
import { recordPlacementEnd } from './placement-endings.js';
import { notifyCreatorOfUpdate } from './placement-notices.js';
import { assertNotFuture } from './placement-period.js';
import { todayDate } from '@platform/kernel';
import { placementDetailView } from './placement-reads.js';
import { lockPlacement, placementFacilityOrNotFound } from './placement-records.js';
import type { MovePlacementBody } from './placement.schemas.js';
import type { PlacementDetailView } from './placement.views.js';
import { resolvePlacementScope } from './placement-scope.js';
import { startPlacementIn } from './placement-start.js';

async function providerOfFacility(em: EntityManager, facilityId: string): Promise<string> {
  const [row] = await em.execute<{ providerId: string }[]>(
    'select provider_id as "providerId" from facility where facility_id = ?',
    [facilityId],
  );
  if (!row) throw new NotFoundProblem('Facility', facilityId);
  return row.providerId;
}

/**
 * PLC-6 (Joan's case in the guide): a client moves from one facility to another — typically out
 * of an emergency place into a place that came free at a preferred provider. One transaction:
 * the current placement ends the day before `on` (its emergency place closes), and a new
 * placement starts on `on` in the target (a named place, or the first free suitable one, or an
 * emergency place there when asked), continuing the stay (same end, transferred_from). Within one
 * facility this is a transfer (PLC-7), so a move to the same facility is refused.
 */
@Injectable()
export class PlacementMovesService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  move(
    placementId: string,
    body: MovePlacementBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<PlacementDetailView> {
    assertNotFuture(body.on, todayDate(), 'on');
    return this.orm.em.fork().transactional(async (em) => {
      const from = await placementFacilityOrNotFound(em, placementId);
      if (from.facilityId === body.facilityId) {
        refuse({
          rule: 'PLC-7',
          field: 'facilityId',
          message: 'the client is in this facility already: transfer them to another place instead',
        });
      }
      const toProvider = await providerOfFacility(em, body.facilityId);
      // Both providers' facilities, in a fixed order, so two moves in opposite directions cannot
      // deadlock; then the placement row (the order every placement writer follows).
      for (const providerId of [...new Set([from.providerId, toProvider])].sort()) {
        await lockProviderFacilities(em, providerId);
      }
      await assertMayManageProvider(em, actor, from.providerId);
      await assertMayManageProvider(em, actor, toProvider);
      await assertProviderTakesPlacements(em, toProvider, 'facilityId');
      const placement = await lockPlacement(em, placementId);
      if (placement.state !== 'active') {
        refuse(
          { rule: 'PLC-5', field: 'placementId', message: 'an ended placement cannot move' },
          409,
        );
      }
      if (body.on <= placement.period.start) {
        refuse({
          rule: 'PLC-5',
          field: 'on',
          message: `the placement starts on ${placement.period.start}: a move starts after that (end it and place the client instead)`,
        });
      }
      if (placement.period.end !== null && body.on > placement.period.end) {
        refuse({
          rule: 'PLC-5',
          field: 'on',
          message: `the placement ended on ${placement.period.end}, before ${body.on}`,
        });
      }
      const scope = await resolvePlacementScope(em, toProvider, body);
      await recordPlacementEnd(
        em,
        placement,
        { lastDay: addDays(body.on, -1), reason: body.reason },
        actor,
        correlationId,
      );
      // Read after the end above, so the client's own ending stay does not count against limits.
      const facts = await facilityFactsOrNotFound(em, body.facilityId, {
        lock: false,
        from: body.on,
      });
      const period = { start: body.on, end: placement.period.end };
      const newPlacementId = await startPlacementIn(
        em,
        facts,
        {
          client: placement.client,
          period,
          scope,
          placeId: body.placeId ?? null,
          emergency: body.emergency,
          transferredFrom: placement.placementId,
        },
        actor,
        correlationId,
      );
      await notifyCreatorOfUpdate(
        em,
        placement,
        actor,
        `Placement of ${placement.clientId} moved`,
        `${actor.userId} moved the client to ${facts.facility.name} from ${body.on}: ${body.reason}.`,
      );
      const view = await placementDetailView(em, newPlacementId);
      if (!view) throw new NotFoundProblem('Placement', newPlacementId);
      return view;
    });
  }
}
