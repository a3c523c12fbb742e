import type { Actor } from '@platform/contracts';
import type { DateRange } from '@platform/kernel';
import type { EntityManager } from '@platform/persistence';
import type { ClientCharacteristics } from '../domain/index.js';
import type { LoadedFacility } from '../shared/facility-facts.js';
import { choosePlace } from './place-choice.js';
import type { PlacementScope } from './placement-scope.js';
import { insertPlacement } from './placement-writes.js';

/** A client to place in a facility whose facts the caller loaded under the provider lock. */
export interface PlacementStart {
  client: ClientCharacteristics;
  period: DateRange;
  scope: PlacementScope;
  /** A place asked for; null: the first free suitable one (see choosePlace). */
  placeId: string | null;
  /** PLC-6: an emergency place when none is free. */
  emergency: boolean;
  /** Where the placement comes from, if anywhere (a waitlist entry, an earlier placement). */
  waitlistEntryId?: string | null;
  transferredFrom?: string | null;
}

/**
 * PLC-1…PLC-8: chooses the place (a named one must be free and suitable; 409 naming the rule
 * otherwise) and starts the placement there, recording placement.started — what a direct
 * placement, a move to another facility and a waitlist allocation all do. Answers its id.
 */
export async function startPlacementIn(
  em: EntityManager,
  facts: LoadedFacility,
  start: PlacementStart,
  actor: Actor,
  correlationId?: string,
): Promise<string> {
  const choice = await choosePlace(em, facts, { ...start, actor });
  return insertPlacement(
    em,
    {
      providerId: facts.facility.providerId,
      facilityId: facts.facility.facilityId,
      placeId: choice.placeId,
      client: start.client,
      period: start.period,
      emergency: choice.emergency,
      ...start.scope,
      reservationId: null,
      waitlistEntryId: start.waitlistEntryId ?? null,
      transferredFrom: start.transferredFrom ?? null,
    },
    actor,
    correlationId,
  );
}
