import { randomUUID } from 'node:crypto';
import {
  providerApproved,
  providerEnrolled,
  waitlistEntryAdded,
  type Actor,
  type EventData,
} from '@platform/contracts';
import type { PlacementsApp } from './placements-app.js';

/** Who the providers service names on the provider events these suites publish. */
export const RESOURCE_MANAGER: Actor = { userId: 'rm.rivera', roles: ['resource-manager'] };
/** The case worker who puts clients on waitlists (and is offered their places, ADR 0020). */
export const CASE_WORKER: Actor = { userId: 'cw.chen', roles: ['case-worker'] };

/** What the providers service would have published, as `publish` input: aggregate and data. */
export function fact<T extends { providerId: string }>(
  data: T,
  occurredAt?: string,
  actor: Actor = RESOURCE_MANAGER,
) {
  return {
    aggregateId: data.providerId,
    data,
    actor,
    ...(occurredAt ? { occurredAt: new Date(occurredAt) } : {}),
  };
}

/**
 * A provider the placements service knows as approved (PRV-1), fed the way the providers service
 * feeds it: `provider.enrolled` then `provider.approved`. Waits until both were taken.
 */
export async function approvedProvider(app: PlacementsApp, name = 'Harbor House'): Promise<string> {
  const providerId = randomUUID();
  await app.publish(providerEnrolled, fact({ providerId, name, fromInquiryId: null }));
  await app.publish(
    providerApproved,
    fact({ providerId, previousStatus: 'enrolled', reason: null }),
  );
  await app.settled();
  return providerId;
}

type Added = EventData<typeof waitlistEntryAdded>;

/**
 * PRV-10: `waitlist-entry.added` for a new client at the end of a provider-level placement
 * waitlist (`queue`: the entries already waiting, in order). Answers the event's data.
 */
export async function publishWaitlistEntry(
  app: PlacementsApp,
  providerId: string,
  queue: string[],
  changes: Partial<Added> = {},
  actor: Actor = CASE_WORKER,
): Promise<Added> {
  const entryId = randomUUID();
  const data: Added = {
    entryId,
    waitlistId: providerId,
    providerId,
    providerServiceId: null,
    clientReference: `CL-${entryId.slice(0, 8)}`,
    queue: [...queue, entryId],
    serviceProductId: null,
    clientName: null,
    placement: true,
    priority: 'medium',
    position: queue.length + 1,
    expiryDate: null,
    reviewDate: null,
    reviewDateComputed: false,
    ...changes,
  };
  await app.publish(waitlistEntryAdded, { aggregateId: data.waitlistId, data, actor });
  return data;
}
