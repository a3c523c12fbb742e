import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  placementEnded,
  placementTransferred,
  reservationCancelled,
  reservationExpired,
  type EventData,
  type EventDefinition,
  type EventEnvelope,
} from '@platform/contracts';
import { addDays, type CalendarDate } from '@platform/kernel';
import { OnEvent, type InboxContext } from '@platform/messaging';
import { offerIdFor } from './offer-ids.js';
import { WaitlistOfferProcesses } from './offer-processes.js';
import { offerFreedPlace, type FreedPlace } from './offer-writes.js';

type Envelope<D extends EventDefinition> = EventEnvelope<EventData<D>>;

const dayOf = (instant: string) => instant.slice(0, 10) as CalendarDate;
/** A place is never offered from a day already past when the event was recorded. */
const notBefore = (day: CalendarDate, envelope: EventEnvelope) =>
  day < dayOf(envelope.occurredAt) ? dayOf(envelope.occurredAt) : day;

/**
 * PRV-10 (ADR 0020): when one of placements' own events frees a place — a placement ended, a
 * client transferred out of it, a reservation of it cancelled or expired — the place is offered
 * to the first suitable waitlist entry (offer-writes.ts) and the offer's process is started. Runs
 * in the inbox transaction of the event: the offer is recorded exactly once; the process start is
 * idempotent under the offer's derived id, so a redelivery after a failed commit starts the same
 * one. An emergency place closes with its client (PLC-6) and is never offered.
 */
@Controller()
export class FreedPlaceOffers {
  constructor(@Inject(WaitlistOfferProcesses) private readonly processes: WaitlistOfferProcesses) {}

  @OnEvent(placementEnded)
  ended(@Payload() e: Envelope<typeof placementEnded>, @Ctx() c: InboxContext) {
    if (e.data.emergency) return;
    const from = addDays(e.data.endedOn as CalendarDate, 1);
    return this.offer(c, e, { ...e.data, availableFrom: notBefore(from, e) });
  }

  @OnEvent(placementTransferred)
  transferred(@Payload() e: Envelope<typeof placementTransferred>, @Ctx() c: InboxContext) {
    if (e.data.fromEmergencyPlace) return;
    return this.offer(c, e, {
      facilityId: e.data.facilityId,
      placeId: e.data.fromPlaceId,
      availableFrom: notBefore(e.data.on as CalendarDate, e),
    });
  }

  @OnEvent(reservationCancelled)
  cancelled(@Payload() e: Envelope<typeof reservationCancelled>, @Ctx() c: InboxContext) {
    return this.offerReservedPlace(c, e);
  }

  @OnEvent(reservationExpired)
  expired(@Payload() e: Envelope<typeof reservationExpired>, @Ctx() c: InboxContext) {
    return this.offerReservedPlace(c, e);
  }

  /** A reservation of the provider only (no place chosen) frees no particular place. */
  private offerReservedPlace(
    c: InboxContext,
    e: EventEnvelope<{ facilityId: string | null; placeId: string | null }>,
  ) {
    const { facilityId, placeId } = e.data;
    if (facilityId === null || placeId === null) return;
    return this.offer(c, e, { facilityId, placeId, availableFrom: dayOf(e.occurredAt) });
  }

  private async offer(c: InboxContext, e: EventEnvelope, freed: FreedPlace): Promise<void> {
    const offer = await offerFreedPlace(c.em, freed, offerIdFor(e.id, freed.placeId));
    if (offer)
      await this.processes.start(offer, { correlationId: e.correlationId, causationId: e.id });
  }
}
