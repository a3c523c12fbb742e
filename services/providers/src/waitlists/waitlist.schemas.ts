import { z } from 'zod';
import { WAITLIST_ENTRY_STATUSES, WAITLIST_PRIORITIES } from '@platform/contracts';
import { pageQuery } from '@platform/http';
import { calendarDateInput, changingSomething, nameFilter } from '../shared/common.schemas.js';
import { addRuleIssues } from '../shared/rule-issues.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const clientReference = text(100);

/** PRV-10: puts a client on a provider's waitlist, or on one of its provider services' lists. */
export const addWaitlistEntryBody = z
  .object({
    providerId: z.uuid('must be a UUID'),
    /** Absent: the provider-level list. */
    providerServiceId: z.uuid('must be a UUID').nullable().optional(),
    clientReference,
    clientName: optionalText(200),
    priority: z.enum(WAITLIST_PRIORITIES).default('medium'),
    /**
     * Waiting for a place rather than a non-placement service. For a provider service it follows
     * the product (unit of measure `place`); for the provider-level list default false.
     */
    placement: z.boolean().optional(),
    /** The last day the client may wait. */
    expiryDate: calendarDateInput.nullable().optional(),
    /** Default: the configured number of days before the expiry date. */
    reviewDate: calendarDateInput.nullable().optional(),
    notes: optionalText(4_000),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.reviewDate && body.expiryDate && body.reviewDate > body.expiryDate) {
      addRuleIssues(ctx, [
        {
          rule: 'PRV-10',
          field: 'reviewDate',
          message: `the review date ${body.reviewDate} is after the expiry date ${body.expiryDate}`,
        },
      ]);
    }
  });
export type AddWaitlistEntryBody = z.infer<typeof addWaitlistEntryBody>;

/**
 * PRV-10: changes a waiting entry. A new priority moves the entry by priority (see
 * waitlist.rules.ts); reviewDate null goes back to the date computed from the expiry date.
 */
export const updateWaitlistEntryBody = changingSomething(
  z
    .object({
      priority: z.enum(WAITLIST_PRIORITIES).optional(),
      expiryDate: calendarDateInput.nullable().optional(),
      reviewDate: calendarDateInput.nullable().optional(),
      notes: optionalText(4_000),
    })
    .strict(),
);
export type UpdateWaitlistEntryBody = z.infer<typeof updateWaitlistEntryBody>;

/** PRV-10: up or down one place, or to a position 1..N. */
export const moveWaitlistEntryBody = z
  .object({
    direction: z.enum(['up', 'down']).optional(),
    position: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.direction === undefined) === (body.position === undefined)) {
      addRuleIssues(ctx, [
        {
          rule: 'PRV-10',
          field: 'direction',
          message: 'give either direction (up or down) or position, not both',
        },
      ]);
    }
  });
export type MoveWaitlistEntryBody = z.infer<typeof moveWaitlistEntryBody>;

/**
 * PRV-10: allocates a place to a waiting client: a reservation when the service period starts
 * after today, a placement when it starts today (the default).
 */
export const allocateWaitlistEntryBody = z
  .object({
    /** Default: today (a placement starting now). */
    from: calendarDateInput.optional(),
    /** Inclusive; absent or null: open-ended. */
    to: calendarDateInput.nullable().optional(),
    /** The place (bed) chosen, as the placements service knows it; optional. */
    placeId: z.uuid('must be a UUID').nullable().optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.from && body.to && body.to < body.from) {
      addRuleIssues(ctx, [
        { rule: 'PRV-10', field: 'to', message: 'the service period cannot end before it starts' },
      ]);
    }
  });
export type AllocateWaitlistEntryBody = z.infer<typeof allocateWaitlistEntryBody>;

export const removeWaitlistEntryBody = z.object({ reason: text(2_000) }).strict();
export type RemoveWaitlistEntryBody = z.infer<typeof removeWaitlistEntryBody>;

/** PRV-10: the expiry run for a day (default today); never a future day. */
export const expireWaitlistEntriesBody = z
  .object({ onDate: calendarDateInput.optional() })
  .strict();
export type ExpireWaitlistEntriesBody = z.infer<typeof expireWaitlistEntriesBody>;

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

const listFilters = {
  /** A provider service's list. */
  providerServiceId: z.uuid('must be a UUID').optional(),
  /** true: only the provider-level lists; false: only the provider services' lists. */
  providerLevel: booleanFlag.optional(),
  clientReference: clientReference.optional(),
  /** Client name contains. */
  clientName: nameFilter,
  status: z.enum(WAITLIST_ENTRY_STATUSES).optional(),
  priority: z.enum(WAITLIST_PRIORITIES).optional(),
  placement: booleanFlag.optional(),
  /** Waiting entries whose review date is on or before this day. */
  reviewDueBy: calendarDateInput.optional(),
};

export const listWaitlistEntriesQuery = pageQuery.extend({
  providerId: z.uuid('must be a UUID').optional(),
  ...listFilters,
});
export type ListWaitlistEntriesQuery = z.infer<typeof listWaitlistEntriesQuery>;

export const listProviderWaitlistEntriesQuery = pageQuery.extend(listFilters);
export type ListProviderWaitlistEntriesQuery = z.infer<typeof listProviderWaitlistEntriesQuery>;

export const addWaitlistEntryExample: z.input<typeof addWaitlistEntryBody> = {
  providerId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
  providerServiceId: '0199a3c2-9a10-7cc0-8d5e-00000000d001',
  clientReference: 'CL-2026-0042',
  clientName: 'Jamie Doe',
  priority: 'high',
  expiryDate: '2026-12-31',
  notes: 'Needs a ground-floor room',
};
