import { z } from 'zod';
import { calendarDateInput, pageQuery, textInput, uuidInput } from '@platform/http';
import { clientInput } from '../shared/client-input.js';

export const RESERVATION_STATES = ['active', 'confirmed', 'cancelled', 'expired'] as const;

/** A period's end, when given, is not before its start: a 400 naming `to`. */
function endNotBeforeStart(
  value: { from?: string | undefined; to?: string | null | undefined },
  context: z.RefinementCtx,
): void {
  if (value.from !== undefined && value.to != null && value.to < value.from) {
    context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  }
}

/** PLC-4: a place (or only a provider) for a client for a future period. */
export const createReservationBody = z
  .object({
    providerId: uuidInput,
    /** Optional: a reservation of the provider only; derived from `placeId` when that is given. */
    facilityId: uuidInput.nullable().default(null),
    placeId: uuidInput.nullable().default(null),
    client: clientInput,
    from: calendarDateInput,
    /** Inclusive; null or left out: open-ended. */
    to: calendarDateInput.nullable().default(null),
    /** Days after `from` the client may still arrive; default RESERVATION_GRACE_PERIOD_DAYS. */
    gracePeriodDays: z.number().int().min(0).max(365).optional(),
    serviceProductId: uuidInput.nullable().default(null),
    providerServiceId: uuidInput.nullable().default(null),
    contractId: uuidInput.nullable().default(null),
    /** PLC-4: conflicting reservations the user explicitly agrees to cancel for this one. */
    confirmCancellationOf: z
      .array(uuidInput)
      .max(50)
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an id')
      .default([]),
  })
  .strict()
  .superRefine(endNotBeforeStart);
export type CreateReservationBody = z.infer<typeof createReservationBody>;
export const createReservationExample = {
  providerId: '0199a3c2-9a10-7cc0-8d5e-000000000001',
  facilityId: '0199a3c2-9a10-7cc0-8d5e-0000000fa001',
  placeId: '0199a3c2-9a10-7cc0-8d5e-0000000fb001',
  client: { clientId: 'CL-2026-0042', birthDate: '2012-05-01', gender: 'female' as const },
  from: '2026-12-01',
  to: '2027-05-31',
  gracePeriodDays: 3,
  confirmCancellationOf: [],
};

/** PLC-4: move a still active reservation (still in the future) or change its place. */
export const updateReservationBody = z
  .object({
    from: calendarDateInput.optional(),
    to: calendarDateInput.nullable().optional(),
    /** null: keep only the provider (and facility) reserved. */
    placeId: uuidInput.nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'give from, to or placeId')
  .superRefine(endNotBeforeStart);
export type UpdateReservationBody = z.infer<typeof updateReservationBody>;
export const updateReservationExample = { from: '2026-12-03', to: '2027-06-30' };

export const cancelReservationBody = z.object({ reason: textInput(500) }).strict();
export type CancelReservationBody = z.infer<typeof cancelReservationBody>;
export const cancelReservationExample = { reason: 'Client moved out of county' };

/** PLC-4: the client arrived; the placement's period and place may differ from the reservation's. */
export const confirmReservationBody = z
  .object({
    /** The day the client arrived: today (the default) or later, never earlier. */
    from: calendarDateInput.optional(),
    /** Default: the reservation's end. */
    to: calendarDateInput.nullable().optional(),
    /** Default: the reserved place, else the first free suitable one, else an emergency place. */
    placeId: uuidInput.optional(),
  })
  .strict()
  .superRefine(endNotBeforeStart);
export type ConfirmReservationBody = z.infer<typeof confirmReservationBody>;
export const confirmReservationExample = { from: '2026-12-01' };

export const listReservationsQuery = pageQuery
  .extend({
    providerId: uuidInput.optional(),
    facilityId: uuidInput.optional(),
    /** The agency's client reference, whole. */
    clientId: z.string().trim().min(1).max(100).optional(),
    state: z.enum(RESERVATION_STATES).optional(),
    /** Reservations whose period includes this day. */
    activeOn: calendarDateInput.optional(),
  })
  .strict();
export type ListReservationsQuery = z.infer<typeof listReservationsQuery>;
