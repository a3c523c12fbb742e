import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import { refuse, refuseIfAny, type Page } from '@platform/http';
import {
  indexFacilityLayout,
  isDesignatedPlaceOn,
  planClientTransfer,
  planCompartmentTransfer,
  planEmergencyReleases,
  type Place,
  type TransferMove,
} from '../domain/index.js';
import { facilityFactsOrNotFound, type LoadedFacility } from '../shared/facility-facts.js';
import { assertMayManageProvider } from '../shared/provider-access.js';
import { issuesAt, moveAvailability } from './placement-availability.js';
import { notifyCreatorOfUpdate } from './placement-notices.js';
import { assertNotFuture } from './placement-period.js';
import { todayDate } from '@platform/kernel';
import {
  activePlacementsOfFacility,
  lockPlacement,
  placementFacilityOrNotFound,
  type PlacementRecord,
} from './placement-records.js';
import type {
  EmergencyReleasesQuery,
  TransferClientBody,
  TransferCompartmentBody,
} from './placement.schemas.js';
import type { EmergencyReleaseView, TransferView } from './placement.views.js';
import { writeMove } from './transfer-writes.js';

function placeOf(facts: LoadedFacility, placeId: string): Place {
  const place = facts.places.find((candidate) => candidate.placeId === placeId);
  if (!place) throw new Error(`place ${placeId} of a placement is missing from its facility`);
  return place;
}

function movedPlacementId(move: TransferMove): string {
  return move.kind === 'split' ? move.endPlacement.placementId : move.placementId;
}

function movedToPlaceId(move: TransferMove): string {
  return move.kind === 'split' ? move.startPlacement.placeId : move.placeId;
}

/**
 * PLC-7 (PLC-6 out of emergency places): transfers within a facility, all or nothing in one
 * transaction under the provider lock. Not refused at a suspended provider: a transfer moves
 * clients already placed there and takes no new stay (issue 7: no *new* placements).
 */
@Injectable()
export class TransfersService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** PLC-7: one client to another free suitable place of the facility from `on`. */
  transferClient(
    placementId: string,
    body: TransferClientBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<TransferView> {
    // Like ending: a split ends the old placement, which would free the place before the move.
    assertNotFuture(body.on, todayDate(), 'on');
    return this.orm.em.fork().transactional(async (em) => {
      const where = await placementFacilityOrNotFound(em, placementId);
      await assertMayManageProvider(em, actor, where.providerId);
      const facts = await facilityFactsOrNotFound(em, where.facilityId, {
        lock: true,
        from: body.on,
      });
      const placement = await lockPlacement(em, placementId);
      const toPlace = facts.places.find((place) => place.placeId === body.toPlaceId);
      if (!toPlace) {
        refuse({
          rule: 'PLC-7',
          field: 'toPlaceId',
          message: `place ${body.toPlaceId} is not a place of facility ${facts.facility.name}: transfers stay within a facility`,
        });
      }
      const fromPlace = placeOf(facts, placement.placeId);
      const availability = moveAvailability(facts, [placement], body.on);
      const outcome = planClientTransfer({
        date: body.on,
        placement,
        fromPlace,
        toPlace: { placeId: toPlace.placeId, facilityId: facts.facility.facilityId },
        isFree: availability.isFree,
      });
      if (!outcome.ok) {
        const field = outcome.failure.code === 'not-placed-on-date' ? 'on' : 'toPlaceId';
        refuse({ rule: outcome.failure.rule, field, message: outcome.failure.message }, 409);
      }
      refuseIfAny(
        issuesAt(
          'toPlaceId',
          availability.suitabilityFailures(placement.clientId, toPlace.placeId),
        ),
        409,
      );
      const transferId = randomUUID();
      const move = await writeMove(
        em,
        { transferId, on: body.on, move: outcome.move, placement, fromPlace, toPlace },
        actor,
        correlationId,
      );
      await notifyCreatorOfUpdate(
        em,
        placement,
        actor,
        `${placement.clientId} transferred`,
        `${actor.userId} moved the client to place ${toPlace.name} from ${body.on}.`,
      );
      return { transferId, on: body.on, moves: [move] };
    });
  }

  /**
   * PLC-7: every client placed in the source compartment (and below) on `on` moves to free
   * suitable designated places of the target (and below), or nobody moves (409 with the count
   * missing).
   */
  transferCompartment(
    facilityId: string,
    body: TransferCompartmentBody,
    actor: Actor,
    correlationId?: string,
  ): Promise<TransferView> {
    assertNotFuture(body.on, todayDate(), 'on');
    return this.orm.em.fork().transactional(async (em) => {
      const facts = await facilityFactsOrNotFound(em, facilityId, { lock: true, from: body.on });
      await assertMayManageProvider(em, actor, facts.facility.providerId);
      const layout = indexFacilityLayout(facts.compartments, facts.places);
      for (const [field, id] of [
        ['fromCompartmentId', body.fromCompartmentId],
        ['toCompartmentId', body.toCompartmentId],
      ] as const) {
        if (!layout.compartment(id)) {
          refuse({
            rule: 'PLC-7',
            field,
            message: `compartment ${id} is not a compartment of facility ${facts.facility.name}`,
          });
        }
      }
      const sourcePlaceIds = new Set(
        layout.placesInSubtree(body.fromCompartmentId).map((place) => place.placeId),
      );
      const placements = await activePlacementsOfFacility(em, facilityId, body.on);
      const movers = placements.filter((placement) => sourcePlaceIds.has(placement.placeId));
      const availability = moveAvailability(facts, movers, body.on);
      const outcome = planCompartmentTransfer({
        date: body.on,
        sourceCompartmentId: body.fromCompartmentId,
        targetCompartmentId: body.toCompartmentId,
        compartments: facts.compartments,
        places: facts.places,
        placements: movers,
        isFree: availability.isFree,
        isSuitable: availability.isSuitable,
      });
      if (!outcome.ok) {
        const request = outcome.failure.code === 'overlapping-compartments';
        refuse(
          {
            rule: outcome.failure.rule,
            field: 'toCompartmentId',
            message: outcome.failure.message,
          },
          request ? 422 : 409,
        );
      }
      const byId = new Map(movers.map((placement) => [placement.placementId, placement]));
      const transferId = randomUUID();
      const moves = [];
      for (const move of outcome.moves) {
        const placement = byId.get(movedPlacementId(move)) as PlacementRecord;
        const toPlace = placeOf(facts, movedToPlaceId(move));
        moves.push(
          await writeMove(
            em,
            {
              transferId,
              on: body.on,
              move,
              placement,
              fromPlace: placeOf(facts, placement.placeId),
              toPlace,
            },
            actor,
            correlationId,
          ),
        );
        await notifyCreatorOfUpdate(
          em,
          placement,
          actor,
          `${placement.clientId} transferred`,
          `${actor.userId} moved the clients of a compartment; this client goes to place ${toPlace.name} from ${body.on}.`,
        );
      }
      return { transferId, on: body.on, moves };
    });
  }

  /**
   * PLC-6: which emergency-placed clients can move to which freed designated place on `on`,
   * longest waiting first (a plan to act on with the transfer endpoint; nothing is written).
   */
  async emergencyReleases(
    facilityId: string,
    query: EmergencyReleasesQuery,
    actor: Actor,
  ): Promise<Page<EmergencyReleaseView>> {
    const em = this.orm.em.fork();
    const facts = await facilityFactsOrNotFound(em, facilityId, { lock: false, from: query.on });
    await assertMayManageProvider(em, actor, facts.facility.providerId);
    const layout = indexFacilityLayout(facts.compartments, facts.places);
    const emergencyPlaceIds = new Set(
      facts.places
        .filter(
          (place) => place.emergency && (place.closedOn === null || place.closedOn > query.on),
        )
        .map((place) => place.placeId),
    );
    const waiting = (await activePlacementsOfFacility(em, facilityId, query.on)).filter(
      (placement) => emergencyPlaceIds.has(placement.placeId),
    );
    const designated = facts.compartments
      .filter((compartment) => compartment.parentId === null)
      .flatMap((root) => layout.placesInSubtree(root.compartmentId))
      .filter((place) => isDesignatedPlaceOn(place, query.on))
      .map((place) => place.placeId);
    const availability = moveAvailability(facts, waiting, query.on);
    const releases = planEmergencyReleases({
      date: query.on,
      emergencyPlacements: waiting,
      freeDesignatedPlaceIds: designated,
      isFree: availability.isFree,
      isSuitable: availability.isSuitable,
    });
    const byClient = new Map(waiting.map((placement) => [placement.clientId, placement]));
    const items = releases.map((release): EmergencyReleaseView => {
      const placement = byClient.get(release.clientId) as PlacementRecord;
      const to = release.startPlacement.period;
      return {
        placementId: release.endPlacement.placementId,
        clientId: release.clientId,
        waitingSince: placement.period.start,
        fromPlaceId: release.closePlace.placeId,
        fromPlaceName: placeOf(facts, release.closePlace.placeId).name,
        toPlaceId: release.startPlacement.placeId,
        toPlaceName: placeOf(facts, release.startPlacement.placeId).name,
        newPeriod: { from: to.start, to: to.end },
      };
    });
    return {
      items: items.slice(query.offset, query.offset + query.limit),
      total: items.length,
      limit: query.limit,
      offset: query.offset,
    };
  }
}
