import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

/**
 * PRV-10: waitlist entry events belong to the aggregate `waitlist`, keyed by the waitlist's id:
 * the provider service's id for a provider-service waitlist, the provider's id for the
 * provider-level one. Why the list and not the entry: positions are a property of the whole list
 * — adding, moving, allocating, expiring or removing one entry renumbers the others — so a
 * consumer keeping a copy of the queue must apply those changes in exactly the order they were
 * made. Kafka only orders messages of one key, so every event of one list shares its key (and
 * partition) and arrives in commit order (the service changes a list only under its lock, so
 * commit order is the order of the changes). Keyed per entry, "A moved to 1" and "B added at 2"
 * could arrive swapped and the copy would be wrong. Each event also carries `queue`: the ids of
 * the entries still waiting, in position order, after the change — position = index + 1 — so a
 * consumer needs no arithmetic to stay in step.
 */
const waitlist = { owner: 'providers', aggregateType: 'waitlist' } as const;

const PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';
const PROVIDER_SERVICE_ID = '0199a3c2-9a10-7cc0-8d5e-00000000d001';
const SERVICE_PRODUCT_ID = '0199a3c2-9a10-7cc0-8d5e-00000000c001';
const ENTRY_ID = '0199a3c2-9a10-7cc0-8d5e-00000000f011';
const OTHER_ENTRY_ID = '0199a3c2-9a10-7cc0-8d5e-00000000f012';
const calendarDate = z.iso.date();

export const WAITLIST_PRIORITIES = ['high', 'medium', 'low'] as const;
export type WaitlistPriority = (typeof WAITLIST_PRIORITIES)[number];

export const WAITLIST_ENTRY_STATUSES = ['waiting', 'allocated', 'expired', 'removed'] as const;
export type WaitlistEntryStatus = (typeof WAITLIST_ENTRY_STATUSES)[number];

/** PRV-10: a future service period → a reservation; one starting today → a placement. */
export const WAITLIST_ALLOCATION_KINDS = ['reservation', 'placement'] as const;
export type WaitlistAllocationKind = (typeof WAITLIST_ALLOCATION_KINDS)[number];

/** Which list an entry is on and whose it is: shared by every waitlist event. */
const onList = {
  entryId: z.uuid(),
  /** The provider service's id, or the provider's id for its provider-level list. */
  waitlistId: z.uuid(),
  providerId: z.uuid(),
  providerServiceId: z.uuid().nullable(),
  clientReference: z.string().min(1),
  /** The entries still waiting after the change, first in line first. */
  queue: z.array(z.uuid()),
};
const listExample = {
  entryId: ENTRY_ID,
  waitlistId: PROVIDER_SERVICE_ID,
  providerId: PROVIDER_ID,
  providerServiceId: PROVIDER_SERVICE_ID,
  clientReference: 'CL-2026-0042',
};

/** PRV-10: a client was put on a waitlist, at the end (10 entries waiting → position 11). */
export const waitlistEntryAdded = defineEvent({
  ...waitlist,
  type: 'waitlist-entry.added',
  version: 1,
  description:
    'A client was added to a provider (or provider-service) waitlist (PRV-10). position is the ' +
    'number of entries already waiting + 1. placement: the client waits for a place (a ' +
    'placement service) rather than a non-placement service. reviewDate was given or computed ' +
    'from expiryDate (reviewDateComputed).',
  schema: z.object({
    ...onList,
    serviceProductId: z.uuid().nullable(),
    clientName: z.string().nullable(),
    placement: z.boolean(),
    priority: z.enum(WAITLIST_PRIORITIES),
    position: z.number().int().positive(),
    expiryDate: calendarDate.nullable(),
    reviewDate: calendarDate.nullable(),
    reviewDateComputed: z.boolean(),
  }),
  example: {
    ...listExample,
    entryId: OTHER_ENTRY_ID,
    queue: [ENTRY_ID, OTHER_ENTRY_ID],
    serviceProductId: SERVICE_PRODUCT_ID,
    clientName: 'Jamie Doe',
    placement: true,
    priority: 'medium',
    position: 2,
    expiryDate: '2026-12-31',
    reviewDate: '2026-12-17',
    reviewDateComputed: true,
  },
});

/** PRV-10: an entry was moved up, down or to a position by hand; the others were renumbered. */
export const waitlistEntryMoved = defineEvent({
  ...waitlist,
  type: 'waitlist-entry.moved',
  version: 1,
  description:
    'A case worker moved a waiting entry up, down or to a position (PRV-10); the entries in ' +
    'between shifted by one, so positions stay 1..N without gaps.',
  schema: z.object({
    ...onList,
    fromPosition: z.number().int().positive(),
    position: z.number().int().positive(),
  }),
  example: { ...listExample, queue: [ENTRY_ID, OTHER_ENTRY_ID], fromPosition: 2, position: 1 },
});

/**
 * PRV-10: priority, expiry date, review date or notes of a waiting entry changed. A priority
 * change may move the entry ("move by priority", see the providers service's waitlist rules):
 * fromPosition and position say where it was and is.
 */
export const waitlistEntryUpdated = defineEvent({
  ...waitlist,
  type: 'waitlist-entry.updated',
  version: 1,
  description:
    "A waiting entry's priority, expiry date, review date or notes changed (PRV-10); `changed` " +
    'names them. Raising the priority moves the entry up past the entries just ahead of it with ' +
    'a lower priority; lowering it moves it down past the entries just behind it with a higher ' +
    'one (fromPosition → position); nobody else changes relative order.',
  schema: z.object({
    ...onList,
    changed: z.array(z.enum(['priority', 'expiryDate', 'reviewDate', 'notes'])).min(1),
    priority: z.enum(WAITLIST_PRIORITIES),
    expiryDate: calendarDate.nullable(),
    reviewDate: calendarDate.nullable(),
    reviewDateComputed: z.boolean(),
    fromPosition: z.number().int().positive(),
    position: z.number().int().positive(),
  }),
  example: {
    ...listExample,
    queue: [ENTRY_ID, OTHER_ENTRY_ID],
    changed: ['priority'],
    priority: 'high',
    expiryDate: '2026-12-31',
    reviewDate: '2026-12-17',
    reviewDateComputed: true,
    fromPosition: 2,
    position: 1,
  },
});

/**
 * PRV-10: a place was allocated to a waiting client: the entry left the queue (status allocated)
 * and the placements service is to create a reservation (service period in the future) or a
 * placement (starting today) from what this event carries.
 */
export const waitlistEntryAllocated = defineEvent({
  ...waitlist,
  type: 'waitlist-entry.allocated',
  version: 1,
  description:
    'A place was allocated to a client waiting on a placement waitlist (PRV-10). The entry is ' +
    'marked allocated and left the queue (the entries behind it moved up). The placements ' +
    'service creates a reservation (kind reservation: `from` after the allocation date) or a ' +
    'placement (kind placement: starting on `from`, the allocation date) for the client at the ' +
    'provider, for the provider service when given, at placeId when chosen; `to` inclusive, ' +
    'null: open-ended.',
  schema: z.object({
    ...onList,
    serviceProductId: z.uuid().nullable(),
    clientName: z.string().nullable(),
    kind: z.enum(WAITLIST_ALLOCATION_KINDS),
    from: calendarDate,
    to: calendarDate.nullable(),
    placeId: z.uuid().nullable(),
    allocatedOn: calendarDate,
    lastPosition: z.number().int().positive(),
  }),
  example: {
    ...listExample,
    queue: [OTHER_ENTRY_ID],
    serviceProductId: SERVICE_PRODUCT_ID,
    clientName: 'Jamie Doe',
    kind: 'reservation',
    from: '2026-04-01',
    to: '2026-09-30',
    placeId: null,
    allocatedOn: '2026-03-15',
    lastPosition: 1,
  },
});

/** PRV-10: a waiting entry passed its expiry date and left the queue. */
export const waitlistEntryExpired = defineEvent({
  ...waitlist,
  type: 'waitlist-entry.expired',
  version: 1,
  description:
    'A waiting entry expired (PRV-10): the expiry run for onDate found its expiryDate (the last ' +
    'day it may wait) before onDate. It left the queue; the entries behind it moved up.',
  schema: z.object({
    ...onList,
    expiryDate: calendarDate,
    onDate: calendarDate,
    lastPosition: z.number().int().positive(),
  }),
  example: {
    ...listExample,
    queue: [OTHER_ENTRY_ID],
    expiryDate: '2026-12-31',
    onDate: '2027-01-01',
    lastPosition: 1,
  },
});

/** PRV-10: a case worker took a waiting client off the list (e.g. after a review). */
export const waitlistEntryRemoved = defineEvent({
  ...waitlist,
  type: 'waitlist-entry.removed',
  version: 1,
  description:
    'A waiting entry was removed from the waitlist with a reason (PRV-10), e.g. after a review ' +
    'or because the provider can now serve the client; the entries behind it moved up.',
  schema: z.object({
    ...onList,
    reason: z.string().min(1),
    lastPosition: z.number().int().positive(),
  }),
  example: {
    ...listExample,
    queue: [OTHER_ENTRY_ID],
    reason: 'Client no longer needs the service',
    lastPosition: 1,
  },
});
