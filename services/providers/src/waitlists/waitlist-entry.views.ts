import { auditView } from '../shared/audit.js';
import { dateOrNull } from '../shared/view-values.js';
import type { WaitlistEntryRecord } from './waitlist-entry.entity.js';

export type WaitlistEntryView = ReturnType<typeof waitlistEntryView>;

/**
 * PRV-10: an entry as the API shows it. `position` is set while waiting; `left` says when and from
 * where it left the queue; `allocation` what was allocated (reservation or placement).
 */
export function waitlistEntryView(entry: WaitlistEntryRecord) {
  return {
    id: entry.id,
    waitlistId: entry.waitlistId,
    providerId: entry.providerId,
    providerServiceId: entry.providerServiceId ?? null,
    serviceProductId: entry.serviceProductId ?? null,
    placement: entry.placement,
    clientReference: entry.clientReference,
    clientName: entry.clientName ?? null,
    priority: entry.priority,
    status: entry.status,
    position: entry.position ?? null,
    expiryDate: dateOrNull(entry.expiryDate),
    reviewDate: dateOrNull(entry.reviewDate),
    reviewDateComputed: entry.reviewDateComputed,
    notes: entry.notes ?? null,
    left:
      entry.status === 'waiting'
        ? null
        : {
            on: dateOrNull(entry.leftOn),
            lastPosition: entry.lastPosition ?? null,
            reason: entry.removalReason ?? null,
          },
    allocation:
      entry.status === 'allocated' && entry.allocationKind
        ? {
            kind: entry.allocationKind,
            from: dateOrNull(entry.allocationFrom),
            to: dateOrNull(entry.allocationTo),
            placeId: entry.allocationPlaceId ?? null,
          }
        : null,
    ...auditView(entry),
  };
}
