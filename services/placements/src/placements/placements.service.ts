import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { placementChanged, type Actor } from '@platform/contracts';
import { NotFoundProblem, refuse, refuseIfAny, type Page } from '@platform/http';
import type { DateRange } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import type { EntityManager } from '@platform/persistence';
import { changePlacement, findFreePlaces, type PlacementFailure } from '../domain/index.js';
import { toClientCharacteristics } from '../shared/client-input.js';
import {
  facilityFactsOrNotFound,
  lockProviderFacilities,
  type LoadedFacility,
} from '../shared/facility-facts.js';
import {
  assertMayManageProvider,
  assertProviderTakesPlacements,
} from '../shared/provider-access.js';
import {
  failuresByPlace,
  isBlocking,
  isLimit,
  issuesAt,
  withoutPlacements,
} from './placement-availability.js';
import { notifyCreatorOfUpdate } from './placement-notices.js';
import { assertNotFuture, assertPeriod } from './placement-period.js';
import { todayDate } from '@platform/kernel';
import { listPlacements, placementDetailView } from './placement-reads.js';
import {
  lockPlacement,
  overlappingPlacementsOfClient,
  placementFacilityOrNotFound,
  type PlacementRecord,
} from './placement-records.js';
import type {
  ChangePlacementBody,
  CreatePlacementBody,
  EndPlacementBody,
  ListPlacementsQuery,
} from './placement.schemas.js';
import type { PlacementDetailView, PlacementView } from './placement.views.js';
import { resolvePlacementScope } from './placement-scope.js';
import { startPlacementIn } from './placement-start.js';
import { placementFacts, recordPlacementEnd } from './placement-endings.js';

/** PLC-5: a client is in one place at a time (a transfer's chain included). 409 otherwise. */
async function assertClientNotPlacedElsewhere(
  em: EntityManager,
  clientId: string,
  period: DateRange,
  except: string | null,
  field: string,
): Promise<void> {
  const elsewhere = await overlappingPlacementsOfClient(em, clientId, period, except);
  if (elsewhere.length > 0) {
    refuse(
      {
        rule: 'PLC-5',
        field,
        message: `client ${clientId} is already placed during the period (placement ${elsewhere.join(', ')})`,
      },
      409,
    );
  }
}

/**
 * PLC-5: a change the state machine refused — changing an ended placement is an illegal
 * transition (409); a period ending before it starts is a bad request value (422 at `field`).
 */
function refuseChange(failure: PlacementFailure, field: string): never {
  const illegal = failure.code === 'illegal-transition';
  refuse(
    { rule: 'PLC-5', field: illegal ? 'placementId' : field, message: failure.message },
    illegal ? 409 : 422,
  );
}

/** PLC-5/PLC-6/PLC-8: placing clients, changing and ending their placements. */
@Injectable()
export class PlacementsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /**
   * PLC-5: place a client in the given place or the first free suitable one; PLC-6: an emergency
   * place when none is free and the case worker asks for it; PLC-8: within contract limits.
   */
  create(
    body: CreatePlacementBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<PlacementDetailView> {
    const period: DateRange = { start: body.from, end: body.to };
    assertNotFuture(body.from, todayDate(), 'from');
    assertPeriod(period.start, period.end, 'to');
    return this.orm.em.fork().transactional(async (em) => {
      const facts = await facilityFactsOrNotFound(em, body.facilityId, {
        lock: true,
        from: period.start,
      });
      const { providerId } = facts.facility;
      await assertMayManageProvider(em, actor, providerId);
      await assertProviderTakesPlacements(em, providerId, 'facilityId');
      const scope = await resolvePlacementScope(em, providerId, body);
      const client = toClientCharacteristics(body.client);
      await assertClientNotPlacedElsewhere(em, client.clientId, period, null, 'client.clientId');
      const placementId = await startPlacementIn(
        em,
        facts,
        { client, period, scope, placeId: body.placeId ?? null, emergency: body.emergency },
        actor,
        correlationId,
      );
      return this.detailOrNotFound(em, placementId);
    });
  }

  list(query: ListPlacementsQuery, actor: Actor): Promise<Page<PlacementView>> {
    return listPlacements(this.orm.em.fork(), query, actor);
  }

  async get(placementId: string, actor: Actor): Promise<PlacementDetailView> {
    const em = this.orm.em.fork();
    const view = await this.detailOrNotFound(em, placementId);
    await assertMayManageProvider(em, actor, view.providerId);
    return view;
  }

  /**
   * PLC-5: a new start or end. A longer stay is re-checked like a new placement of the same
   * place (held, out of service, limits); a shorter one frees days and is always allowed on an
   * active placement.
   */
  change(
    placementId: string,
    body: ChangePlacementBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<PlacementDetailView> {
    const today = todayDate();
    if (body.from !== undefined) assertNotFuture(body.from, today, 'from');
    return this.orm.em.fork().transactional(async (em) => {
      const where = await placementFacilityOrNotFound(em, placementId);
      await assertMayManageProvider(em, actor, where.providerId);
      // Occupancies from the earlier of the old and new start can stand in the way.
      const from = body.from !== undefined && body.from < where.start ? body.from : where.start;
      const facts = await facilityFactsOrNotFound(em, where.facilityId, { lock: true, from });
      const placement = await lockPlacement(em, placementId);
      const period: DateRange = {
        start: body.from ?? placement.period.start,
        end: body.to === undefined ? placement.period.end : body.to,
      };
      const outcome = changePlacement(placement, { kind: 'change-period', period }, []);
      if (!outcome.ok) refuseChange(outcome.failure, 'to');
      const changed = (['from', 'to'] as const).filter((key) =>
        key === 'from'
          ? period.start !== placement.period.start
          : period.end !== placement.period.end,
      );
      if (changed.length === 0) return this.detailOrNotFound(em, placementId);

      const longer =
        period.start < placement.period.start ||
        (placement.period.end !== null &&
          (period.end === null || period.end > placement.period.end));
      if (longer) {
        // Issue 7: a suspended or closed provider takes no new days of placement either.
        await assertProviderTakesPlacements(em, placement.providerId, 'placementId');
        await assertClientNotPlacedElsewhere(em, placement.clientId, period, placementId, 'from');
        this.assertPlaceFreeFor(facts, placement, period);
      }
      await em.execute(
        `update placement set starts_on = ?, ends_on = ?, updated_by = ?, updated_at = now()
          where placement_id = ?`,
        [period.start, period.end, actor.userId, placementId],
      );
      recordEvent(em, placementChanged, {
        aggregateId: placement.clientId,
        actor,
        correlationId,
        data: {
          ...placementFacts(placement, period),
          changed: [...changed],
          previousPeriod: { from: placement.period.start, to: placement.period.end },
        },
      });
      await notifyCreatorOfUpdate(
        em,
        placement,
        actor,
        `Placement of ${placement.clientId} changed`,
        `${actor.userId} changed the placement from ${placement.period.start}–${placement.period.end ?? 'open end'} to ${period.start}–${period.end ?? 'open end'}.`,
      );
      return this.detailOrNotFound(em, placementId);
    });
  }

  /**
   * PLC-5: the client left after `on` (their last day): active → ended, final. An emergency place
   * closes with it (PLC-6). Allowed at a suspended provider too: ending takes no place.
   */
  end(
    placementId: string,
    body: EndPlacementBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<PlacementDetailView> {
    // An end in the future would leave the place looking free before the client left; plan a
    // departure by setting `to` (PATCH) instead, and end the placement when it happens.
    assertNotFuture(body.on, todayDate(), 'on');
    return this.orm.em.fork().transactional(async (em) => {
      const where = await placementFacilityOrNotFound(em, placementId);
      await assertMayManageProvider(em, actor, where.providerId);
      // Ending frees a place: only the provider lock is needed, not the facility's facts.
      await lockProviderFacilities(em, where.providerId);
      const placement = await lockPlacement(em, placementId);
      const outcome = changePlacement(placement, { kind: 'end', end: body.on }, []);
      if (!outcome.ok) refuseChange(outcome.failure, 'on');
      if (placement.period.end !== null && body.on > placement.period.end) {
        refuse({
          rule: 'PLC-5',
          field: 'on',
          message: `the placement already ends on ${placement.period.end}; lengthen it (PATCH) before ending it later`,
        });
      }
      await recordPlacementEnd(
        em,
        placement,
        { lastDay: body.on, reason: body.reason },
        actor,
        correlationId,
      );
      await notifyCreatorOfUpdate(
        em,
        placement,
        actor,
        `Placement of ${placement.clientId} ended`,
        `${actor.userId} ended the placement on ${body.on}: ${body.reason}.`,
      );
      return this.detailOrNotFound(em, placementId);
    });
  }

  /** PLC-3/PLC-5/PLC-8: the placement's own place is free (and within limits) for its new period. */
  private assertPlaceFreeFor(
    facts: LoadedFacility,
    placement: PlacementRecord,
    period: DateRange,
  ): void {
    const availability = findFreePlaces(
      withoutPlacements(facts, new Set([placement.placementId])),
      {
        client: placement.client,
        period,
        serviceProductId: null,
        scope: { contractId: placement.contractId, providerServiceId: placement.providerServiceId },
        settings: facts.settings,
      },
    );
    const failures = (failuresByPlace(availability).get(placement.placeId) ?? []).filter(
      (failure) => isBlocking(failure) || isLimit(failure),
    );
    refuseIfAny(issuesAt('to', failures), 409);
  }

  private async detailOrNotFound(
    em: EntityManager,
    placementId: string,
  ): Promise<PlacementDetailView> {
    const view = await placementDetailView(em, placementId);
    if (!view) throw new NotFoundProblem('Placement', placementId);
    return view;
  }
}
