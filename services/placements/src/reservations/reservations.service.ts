import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { reservationChanged, reservationCreated, type Actor } from '@platform/contracts';
import { refuse, type Page } from '@platform/http';
import type { CalendarDate, DateRange } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import type { EntityManager } from '@platform/persistence';
import type { PlacementsConfig } from '../config.js';
import { reservationExpiry } from '../domain/index.js';
import { todayDate } from '@platform/kernel';
import { PLACEMENTS_CONFIG } from '../placements-config.token.js';
import { resolvePlacementScope } from '../placements/placement-scope.js';
import { lockProviderFacilities } from '../shared/facility-facts.js';
import {
  assertMayManageProvider,
  assertProviderTakesPlacements,
} from '../shared/provider-access.js';
import { toClientCharacteristics } from '../shared/client-input.js';
import { cancelRecord, notifyCreator } from './reservation-changes.js';
import { asReservation, lockPossibleConflicts } from './reservation-conflicts.js';
import { resolveLocation } from './reservation-location.js';
import { listReservations, reservationOrNotFound } from './reservation-reads.js';
import {
  lockReservation,
  reservationWhere,
  type ReservationRecord,
} from './reservation-records.js';
import { refuseUnlessPlaceFreeAt, refuseUnlessReservable } from './reservation-rules.js';
import type {
  CancelReservationBody,
  CreateReservationBody,
  ListReservationsQuery,
  UpdateReservationBody,
} from './reservation.schemas.js';
import { ReservationTimers, timerInput } from './reservation-timers.js';

/**
 * Locks the reservation's provider (every write that takes or frees a place does, first: the
 * last-bed race) and then the reservation row; 404 when there is none.
 */
export async function lockReservationOfProvider(
  em: EntityManager,
  reservationId: string,
  actor: Actor,
  options: { providerMustTakePlacements: boolean },
): Promise<ReservationRecord> {
  const { providerId } = await reservationOrNotFound(em, reservationId);
  await assertMayManageProvider(em, actor, providerId);
  if (options.providerMustTakePlacements) await assertProviderTakesPlacements(em, providerId);
  await lockProviderFacilities(em, providerId);
  return (await lockReservation(em, reservationId)) as ReservationRecord;
}

/** PLC-4: reservations of a place (or only a provider) for a future period. */
@Injectable()
export class ReservationsService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(PLACEMENTS_CONFIG) private readonly config: PlacementsConfig,
    @Inject(ReservationTimers) private readonly timers: ReservationTimers,
  ) {}

  async create(body: CreateReservationBody, actor: Actor): Promise<ReservationRecord> {
    const { record, cancelled } = await this.orm.em
      .fork()
      .transactional((em) => this.createIn(em, body, actor));
    await this.timers.arm(timerInput(record));
    for (const reservationId of cancelled) await this.timers.settle(reservationId, 'cancelled');
    return record;
  }

  /**
   * PLC-4: the reservation's checks and writes in the caller's transaction, without arming its
   * timer (the caller does, after its commit). `origin` is for a reservation made from a waitlist
   * allocation (PRV-10): its id derived from the entry (a redelivered event finds it), the entry
   * it came from, and the correlation of the event that caused it.
   */
  async createIn(
    em: EntityManager,
    body: CreateReservationBody,
    actor: Actor,
    origin: { reservationId?: string; waitlistEntryId?: string; correlationId?: string } = {},
  ): Promise<{ record: ReservationRecord; cancelled: string[] }> {
    await assertMayManageProvider(em, actor, body.providerId);
    await assertProviderTakesPlacements(em, body.providerId);
    await lockProviderFacilities(em, body.providerId);
    const client = toClientCharacteristics(body.client);
    const period = { start: body.from, end: body.to } as DateRange;
    const location = await resolveLocation(em, body.providerId, body);
    const scope = await resolvePlacementScope(em, body.providerId, {
      providerServiceId: body.providerServiceId ?? undefined,
      serviceProductId: body.serviceProductId ?? undefined,
      contractId: body.contractId ?? undefined,
    });
    const existing = await lockPossibleConflicts(em, client.clientId, location.placeId, null);
    const cancel = refuseUnlessReservable({
      today: todayDate(),
      period,
      placeId: location.placeId,
      providerId: body.providerId,
      clientId: client.clientId,
      existing: existing.map(asReservation),
      confirmedCancellations: body.confirmCancellationOf,
    });
    if (location.facilityId !== null && location.placeId !== null) {
      await refuseUnlessPlaceFreeAt(em, location.facilityId, location.placeId, {
        client,
        period,
        ...scope,
        ignoring: new Set(cancel),
      });
    }
    const gracePeriodDays = body.gracePeriodDays ?? this.config.RESERVATION_GRACE_PERIOD_DAYS;
    const { expiresOn } = reservationExpiry(period, gracePeriodDays);
    const reservationId = origin.reservationId ?? randomUUID();
    await em.execute(
      `insert into reservation
         (reservation_id, provider_id, facility_id, place_id, client_id, client, starts_on,
          ends_on, grace_period_days, expires_on, state, provider_service_id,
          service_product_id, contract_id, waitlist_entry_id, created_by)
       values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?)`,
      [
        reservationId,
        body.providerId,
        location.facilityId,
        location.placeId,
        client.clientId,
        JSON.stringify(client),
        period.start,
        period.end,
        gracePeriodDays,
        expiresOn,
        scope.providerServiceId,
        scope.serviceProductId,
        scope.contractId,
        origin.waitlistEntryId ?? null,
        actor.userId,
      ],
    );
    const replaced = `Replaced by reservation ${reservationId} (conflict confirmed by ${actor.userId})`;
    for (const other of existing.filter((row) => cancel.includes(row.reservationId))) {
      await cancelRecord(em, other, { reason: replaced, replacedBy: reservationId }, actor);
    }
    const created = await reservationOrNotFound(em, reservationId);
    recordEvent(em, reservationCreated, {
      aggregateId: reservationId,
      actor,
      correlationId: origin.correlationId,
      data: {
        reservationId,
        ...reservationWhere(created),
        period: { from: created.from, to: created.to },
        expiresOn,
        cancelledReservationIds: [...cancel],
        waitlistEntryId: origin.waitlistEntryId ?? null,
      },
    });
    return { record: created, cancelled: [...cancel] };
  }

  get(id: string): Promise<ReservationRecord> {
    return reservationOrNotFound(this.orm.em.fork(), id);
  }

  list(query: ListReservationsQuery): Promise<Page<ReservationRecord>> {
    return listReservations(this.orm.em.fork(), query);
  }

  /**
   * PLC-4: a user cancels an active reservation with a reason. A suspended or closed provider's
   * reservations can still be cancelled (that frees places, it takes none), so PRV-1 is not asked.
   */
  async cancel(id: string, body: CancelReservationBody, actor: Actor): Promise<ReservationRecord> {
    const record = await this.orm.em.fork().transactional(async (em) => {
      const current = await lockReservationOfProvider(em, id, actor, {
        providerMustTakePlacements: false,
      });
      await cancelRecord(em, current, { reason: body.reason, replacedBy: null }, actor);
      return reservationOrNotFound(em, id);
    });
    await this.timers.settle(id, 'cancelled');
    return record;
  }

  /**
   * PLC-4: moves an active reservation or changes its place. Still future-only; conflicts and the
   * place's freeness are checked again (the reservation does not conflict with itself), expiresOn
   * is recomputed and the timer re-armed after the commit.
   */
  async update(id: string, body: UpdateReservationBody, actor: Actor): Promise<ReservationRecord> {
    const record = await this.orm.em.fork().transactional(async (em) => {
      const current = await lockReservationOfProvider(em, id, actor, {
        providerMustTakePlacements: true,
      });
      if (current.state !== 'active') {
        refuse(
          {
            rule: 'PLC-4',
            field: 'id',
            message: `a ${current.state} reservation cannot be changed; only an active one can`,
          },
          409,
        );
      }
      const period = {
        start: (body.from ?? current.from) as CalendarDate,
        end: (body.to !== undefined ? body.to : current.to) as CalendarDate | null,
      };
      if (period.end !== null && period.end < period.start) {
        refuse({
          rule: 'PLC-4',
          field: body.to !== undefined ? 'to' : 'from',
          message: `the reservation cannot end (${period.end}) before it starts (${period.start})`,
        });
      }
      const location = await resolveLocation(em, current.providerId, {
        facilityId: current.facilityId,
        placeId: body.placeId !== undefined ? body.placeId : current.placeId,
      });
      const existing = await lockPossibleConflicts(em, current.clientId, location.placeId, id);
      refuseUnlessReservable({
        today: todayDate(),
        period,
        placeId: location.placeId,
        providerId: current.providerId,
        clientId: current.clientId,
        existing: existing.map(asReservation),
        confirmedCancellations: [],
      });
      if (location.facilityId !== null && location.placeId !== null) {
        await refuseUnlessPlaceFreeAt(em, location.facilityId, location.placeId, {
          client: current.client,
          period,
          serviceProductId: current.serviceProductId,
          contractId: current.contractId,
          providerServiceId: current.providerServiceId,
          ignoring: new Set([id]),
        });
      }
      const { expiresOn } = reservationExpiry(period, current.gracePeriodDays);
      await em.execute(
        `update reservation
            set starts_on = ?, ends_on = ?, facility_id = ?, place_id = ?, expires_on = ?,
                updated_by = ?, updated_at = now()
          where reservation_id = ?`,
        [
          period.start,
          period.end,
          location.facilityId,
          location.placeId,
          expiresOn,
          actor.userId,
          id,
        ],
      );
      const changed = (
        [
          ['from', period.start !== current.from],
          ['to', period.end !== current.to],
          ['placeId', location.placeId !== current.placeId],
        ] as const
      ).flatMap(([field, differs]) => (differs ? [field] : []));
      const after = await reservationOrNotFound(em, id);
      if (changed.length > 0) {
        recordEvent(em, reservationChanged, {
          aggregateId: id,
          actor,
          data: {
            reservationId: id,
            ...reservationWhere(after),
            period: { from: after.from, to: after.to },
            expiresOn: after.expiresOn,
            changed,
            previousPeriod: { from: current.from, to: current.to },
            previousPlaceId: current.placeId,
          },
        });
      }
      await notifyCreator(em, current, actor, 'was changed');
      return after;
    });
    await this.timers.arm(timerInput(record));
    return record;
  }
}
