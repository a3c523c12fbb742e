import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { reservationConfirmed, type Actor } from '@platform/contracts';
import { refuse, refuseIfAny } from '@platform/http';
import type { CalendarDate, DateRange } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import type { EntityManager } from '@platform/persistence';
import {
  confirmReservation,
  type Availability,
  type ConfirmReservationFailureCode,
  type PlannedPlace,
  type RuleFailure,
} from '../domain/index.js';
import { todayDate } from '@platform/kernel';
import { failuresByPlace, limitIssues } from '../placements/placement-availability.js';
import { createEmergencyPlace, insertPlacement } from '../placements/placement-writes.js';
import { loadFacilityFacts, type LoadedFacility } from '../shared/facility-facts.js';
import { notifyCreator, nextState } from './reservation-changes.js';
import { asReservation } from './reservation-conflicts.js';
import { resolveLocation } from './reservation-location.js';
import { refuseUnlessPlaceFree, reservationAvailability } from './reservation-place-check.js';
import { reservationOrNotFound } from './reservation-reads.js';
import { reservationWhere, type ReservationRecord } from './reservation-records.js';
import type { ConfirmReservationBody } from './reservation.schemas.js';
import { ReservationTimers } from './reservation-timers.js';
import { lockReservationOfProvider } from './reservations.service.js';

/** The request field and status of each PLC-4 confirmation refusal. */
const REFUSAL: Record<ConfirmReservationFailureCode, { field: string; status: 409 | 422 }> = {
  'illegal-transition': { field: 'id', status: 409 },
  'reservation-expired': { field: 'id', status: 409 },
  'placement-starts-in-past': { field: 'from', status: 422 },
  'end-before-start': { field: 'to', status: 422 },
  'place-not-free': { field: 'placeId', status: 409 },
  'no-top-level-compartment': { field: 'facilityId', status: 409 },
};

function refuseConfirmation(
  failure: RuleFailure<ConfirmReservationFailureCode>,
  availability: Availability,
  placeId: string | null,
): never {
  // A named place that is not free: every reason it is not (held, out of service, unsuitable …).
  if (failure.code === 'place-not-free' && placeId !== null) {
    refuseUnlessPlaceFree(availability, placeId);
  }
  const { field, status } = REFUSAL[failure.code];
  return refuse({ rule: failure.rule, field, message: failure.message }, status);
}

/** The place the plan names, creating the planned emergency place first (PLC-6). */
async function placeOf(
  em: EntityManager,
  facilityId: string,
  place: PlannedPlace,
  actor: Actor,
): Promise<string> {
  if (place.kind === 'existing') return place.placeId;
  return createEmergencyPlace(em, facilityId, place.plan, actor);
}

/**
 * PLC-4: the client arrived — a reservation becomes a placement, in one transaction with
 * reservation.confirmed and the placement's own placement.started; the expiry timer is told
 * after the commit (and would find the reservation confirmed anyway).
 */
@Injectable()
export class ReservationConfirmationService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(ReservationTimers) private readonly timers: ReservationTimers,
  ) {}

  async confirm(
    id: string,
    body: ConfirmReservationBody,
    actor: Actor,
  ): Promise<ReservationRecord> {
    const record = await this.orm.em
      .fork()
      .transactional((em) => this.confirmLocked(em, id, body, actor));
    await this.timers.settle(id, 'confirmed');
    return record;
  }

  private async confirmLocked(
    em: EntityManager,
    id: string,
    body: ConfirmReservationBody,
    actor: Actor,
  ): Promise<ReservationRecord> {
    const current = await lockReservationOfProvider(em, id, actor, {
      providerMustTakePlacements: true,
    });
    // A settled reservation is refused as such, before anything about places is asked.
    nextState(current, 'confirm');
    const today = todayDate();
    const { facilityId } = await resolveLocation(em, current.providerId, {
      facilityId: current.facilityId,
      placeId: body.placeId ?? null,
    });
    if (facilityId === null) {
      refuse({
        rule: 'PLC-4',
        field: 'placeId',
        message: 'a reservation of the provider only is confirmed into a place: give placeId',
      });
    }
    const facts = (await loadFacilityFacts(em, facilityId, {
      lock: false,
      from: today,
    })) as LoadedFacility;
    const period = {
      start: body.from ?? today,
      end: (body.to !== undefined ? body.to : current.to) as CalendarDate | null,
    } as DateRange;
    const availability = reservationAvailability(facts, {
      client: current.client,
      period,
      serviceProductId: current.serviceProductId,
      contractId: current.contractId,
      providerServiceId: current.providerServiceId,
      ignoring: new Set([id]),
    });
    const failures = failuresByPlace(availability);
    const outcome = confirmReservation({
      reservation: { ...asReservation(current), facilityId },
      today,
      gracePeriodDays: current.gracePeriodDays,
      period,
      placeId: body.placeId ?? null,
      suitablePlaceIds: availability.free.filter((p) => !p.emergency).map((p) => p.placeId),
      isFree: (placeId) => failures.get(placeId)?.length === 0,
      compartments: facts.compartments,
      places: facts.places,
    });
    if (!outcome.ok) {
      refuseConfirmation(outcome.failure, availability, body.placeId ?? current.placeId);
    }
    // PLC-8: a reached limit refuses every place, an emergency place too.
    refuseIfAny(limitIssues(availability.limitFailures), 409);
    const { placement } = outcome;
    const placeId = await placeOf(em, facilityId, placement.place, actor);
    const placementId = await insertPlacement(
      em,
      {
        placementId: randomUUID(),
        providerId: current.providerId,
        facilityId,
        placeId,
        client: current.client,
        period: placement.period,
        emergency: placement.place.kind === 'emergency',
        providerServiceId: current.providerServiceId,
        serviceProductId: current.serviceProductId,
        contractId: current.contractId,
        reservationId: id,
        waitlistEntryId: current.waitlistEntryId,
      },
      actor,
    );
    await em.execute(
      `update reservation
          set state = ?, placement_id = ?, facility_id = ?, updated_by = ?, updated_at = now()
        where reservation_id = ?`,
      [outcome.reservationState, placementId, facilityId, actor.userId, id],
    );
    recordEvent(em, reservationConfirmed, {
      aggregateId: id,
      actor,
      data: {
        reservationId: id,
        ...reservationWhere({ ...current, facilityId }),
        placementId,
      },
    });
    await notifyCreator(em, current, actor, 'was confirmed');
    return reservationOrNotFound(em, id);
  }
}
