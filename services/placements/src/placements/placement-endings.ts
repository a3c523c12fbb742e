import { placementEnded, type Actor } from '@platform/contracts';
import { addDays, type CalendarDate, type DateRange } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import type { EntityManager } from '@platform/persistence';
import type { PlacementRecord } from './placement-records.js';

/** The event payload every placement event shares (PLC-5). */
export function placementFacts(placement: PlacementRecord, period: DateRange) {
  return {
    placementId: placement.placementId,
    providerId: placement.providerId,
    facilityId: placement.facilityId,
    placeId: placement.placeId,
    clientId: placement.clientId,
    providerServiceId: placement.providerServiceId,
    serviceProductId: placement.serviceProductId,
    contractId: placement.contractId,
    period: { from: period.start, to: period.end },
    emergency: placement.emergency,
  };
}

/**
 * PLC-5/PLC-6: ends an active placement (locked by the caller) after `lastDay`, closes its place
 * from the next day when it is an emergency place (it existed only for this client), and records
 * placement.ended — in the caller's transaction.
 */
export async function recordPlacementEnd(
  em: EntityManager,
  placement: PlacementRecord,
  ending: { lastDay: CalendarDate; reason: string },
  actor: Actor,
  correlationId?: string,
): Promise<void> {
  await em.execute(
    `update placement set state = 'ended', ends_on = ?, end_reason = ?, updated_by = ?,
            updated_at = now()
      where placement_id = ?`,
    [ending.lastDay, ending.reason, actor.userId, placement.placementId],
  );
  await em.execute('update place set closed_on = ? where place_id = ? and emergency', [
    addDays(ending.lastDay, 1),
    placement.placeId,
  ]);
  recordEvent(em, placementEnded, {
    aggregateId: placement.clientId,
    actor,
    correlationId,
    data: {
      ...placementFacts(placement, { start: placement.period.start, end: ending.lastDay }),
      endedOn: ending.lastDay,
      reason: ending.reason,
    },
  });
}
