import { placementTransferred, type Actor } from '@platform/contracts';
import type { CalendarDate } from '@platform/kernel';
import { recordEvent } from '@platform/messaging';
import type { EntityManager } from '@platform/persistence';
import type { Place, TransferMove } from '../domain/index.js';
import type { PlacementRecord } from './placement-records.js';
import { insertPlacementRow } from './placement-writes.js';
import type { TransferMoveView } from './placement.views.js';

/** One planned move with what writing it needs. */
export interface MoveToWrite {
  transferId: string;
  on: CalendarDate;
  move: TransferMove;
  placement: PlacementRecord;
  fromPlace: Pick<Place, 'placeId' | 'emergency'>;
  toPlace: Pick<Place, 'placeId' | 'emergency'>;
}

/**
 * PLC-7: writes one move of a plan in the caller's transaction. A split ends the old placement
 * the day before (end_reason 'transferred') and continues it in the new place (transferred_from,
 * same end, scope carried over; no placement.started: the stay goes on, finance must not
 * authorize it again). A placement starting on or after the date just changes place. Leaving an
 * emergency place closes it from the date on (PLC-6). Each move records placement.transferred.
 */
export async function writeMove(
  em: EntityManager,
  write: MoveToWrite,
  actor: Actor,
  correlationId?: string,
): Promise<TransferMoveView> {
  const { move, placement, toPlace } = write;
  let newPlacementId = placement.placementId;
  let newPeriod = placement.period;
  if (move.kind === 'split') {
    await em.execute(
      `update placement set state = 'ended', ends_on = ?, end_reason = 'transferred',
              updated_by = ?, updated_at = now()
        where placement_id = ?`,
      [move.endPlacement.end, actor.userId, placement.placementId],
    );
    newPeriod = move.startPlacement.period;
    newPlacementId = await insertPlacementRow(
      em,
      {
        providerId: placement.providerId,
        facilityId: placement.facilityId,
        placeId: toPlace.placeId,
        client: placement.client,
        period: newPeriod,
        emergency: toPlace.emergency,
        providerServiceId: placement.providerServiceId,
        serviceProductId: placement.serviceProductId,
        contractId: placement.contractId,
        reservationId: null,
        waitlistEntryId: null,
        transferredFrom: placement.placementId,
      },
      actor,
    );
  } else {
    await em.execute(
      `update placement set place_id = ?, emergency = ?, updated_by = ?, updated_at = now()
        where placement_id = ?`,
      [toPlace.placeId, toPlace.emergency, actor.userId, placement.placementId],
    );
  }
  const fromEmergencyPlace = write.fromPlace.emergency;
  if (fromEmergencyPlace) {
    await em.execute('update place set closed_on = ? where place_id = ?', [
      write.on,
      write.fromPlace.placeId,
    ]);
  }
  const view: TransferMoveView = {
    placementId: placement.placementId,
    newPlacementId,
    clientId: placement.clientId,
    fromPlaceId: write.fromPlace.placeId,
    toPlaceId: toPlace.placeId,
    newPeriod: { from: newPeriod.start, to: newPeriod.end },
    fromEmergencyPlace,
  };
  recordEvent(em, placementTransferred, {
    aggregateId: placement.clientId,
    actor,
    correlationId,
    data: {
      ...view,
      transferId: write.transferId,
      providerId: placement.providerId,
      facilityId: placement.facilityId,
      on: write.on,
    },
  });
  return view;
}
