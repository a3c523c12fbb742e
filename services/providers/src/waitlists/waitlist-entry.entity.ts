import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import {
  WAITLIST_ALLOCATION_KINDS,
  WAITLIST_ENTRY_STATUSES,
  WAITLIST_PRIORITIES,
} from '@platform/contracts';
import { auditProperties } from '../shared/audit.js';

/**
 * PRV-10: a client waiting on a provider's waitlist — its provider-level list, or the list of one
 * of its provider services — for a placement or a non-placement service. The list is identified
 * by `waitlistId`: the provider service's id, or the provider's id for the provider-level list.
 *
 * While `waiting` the entry has a position (1..N, no gaps, kept so under the list's lock, see
 * `waitlist.rules.ts`); once it leaves — allocated, expired or removed, all final — its position
 * is cleared and `lastPosition` keeps where it was. The client belongs to another context (case
 * management): kept as an opaque reference and an optional display name.
 */
export const WaitlistEntry = defineEntity({
  name: 'WaitlistEntry',
  tableName: 'waitlist_entry',
  properties: {
    id: p.uuid().primary(),
    waitlistId: p.uuid().fieldName('waitlist_id'),
    providerId: p.uuid().fieldName('provider_id'),
    providerServiceId: p.uuid().fieldName('provider_service_id').nullable(),
    serviceProductId: p.uuid().fieldName('service_product_id').nullable(),
    /** Waiting for a place (a placement service) rather than a non-placement service. */
    placement: p.boolean(),
    clientReference: p.text().fieldName('client_reference'),
    clientName: p.text().fieldName('client_name').nullable(),
    priority: p.enum(WAITLIST_PRIORITIES),
    status: p.enum(WAITLIST_ENTRY_STATUSES).default('waiting'),
    position: p.integer().nullable(),
    /** The last day the entry may wait. */
    expiryDate: p.date().fieldName('expiry_date').nullable(),
    reviewDate: p.date().fieldName('review_date').nullable(),
    /** true: derived from the expiry date (and follows it); false: given. */
    reviewDateComputed: p.boolean().fieldName('review_date_computed'),
    notes: p.text().nullable(),
    /** The day the entry left the queue (allocated, expired, removed). */
    leftOn: p.date().fieldName('left_on').nullable(),
    lastPosition: p.integer().fieldName('last_position').nullable(),
    removalReason: p.text().fieldName('removal_reason').nullable(),
    allocationKind: p.enum(WAITLIST_ALLOCATION_KINDS).fieldName('allocation_kind').nullable(),
    allocationFrom: p.date().fieldName('allocation_from').nullable(),
    allocationTo: p.date().fieldName('allocation_to').nullable(),
    allocationPlaceId: p.uuid().fieldName('allocation_place_id').nullable(),
    ...auditProperties,
  },
});
export type WaitlistEntryRecord = InferEntity<typeof WaitlistEntry>;

export const WAITLIST_ENTITIES = [WaitlistEntry];
