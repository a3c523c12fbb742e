import type { Actor } from '@platform/contracts';
import type { EntityManager } from '@platform/persistence';
import { whoToNotifyOfPlacementUpdate } from '../domain/index.js';
import { recordNotice } from '../notices/notice-writes.js';

/**
 * PLC-5: tells the case worker who created a placement that someone else (a resource manager)
 * changed it, in the same transaction as the change (domain whoToNotifyOfPlacementUpdate decides).
 */
export async function notifyCreatorOfUpdate(
  em: EntityManager,
  placement: { placementId: string; createdBy: string },
  actor: Actor,
  title: string,
  body: string,
): Promise<void> {
  for (const recipient of whoToNotifyOfPlacementUpdate(placement.createdBy, actor)) {
    await recordNotice(em, {
      recipient,
      subjectType: 'placement',
      subjectId: placement.placementId,
      title,
      body,
      changedBy: actor.userId,
    });
  }
}
