import { z } from 'zod';
import { calendarDateInput, pageQuery, textInput, uuidInput } from '@platform/http';
import { clientInput } from '../shared/client-input.js';

const CLIENT_EXAMPLE = {
  clientId: 'CL-2026-0042',
  birthDate: '2001-04-17',
  gender: 'female' as const,
  language: 'es',
};

/**
 * PLC-5/PLC-6: place a client. `placeId` omitted: the first free suitable place in layout order;
 * none and `emergency`: an emergency place beyond designated capacity (PLC-6). `to` null or left
 * out: open-ended.
 */
export const createPlacementBody = z
  .object({
    facilityId: uuidInput,
    placeId: uuidInput.optional(),
    client: clientInput,
    from: calendarDateInput,
    to: calendarDateInput.nullable().default(null),
    serviceProductId: uuidInput.optional(),
    providerServiceId: uuidInput.optional(),
    contractId: uuidInput.optional(),
    emergency: z.boolean().default(false),
  })
  .strict();
export type CreatePlacementBody = z.infer<typeof createPlacementBody>;
export const createPlacementExample = {
  facilityId: '0199a3c2-9a10-7cc0-8d5e-0000000fa001',
  client: CLIENT_EXAMPLE,
  from: '2026-11-23',
  to: null,
  emergency: false,
};

export const PLACEMENT_STATES = ['active', 'ended'] as const;

export const listPlacementsQuery = pageQuery
  .extend({
    facilityId: uuidInput.optional(),
    providerId: uuidInput.optional(),
    clientId: textInput(100).optional(),
    placeId: uuidInput.optional(),
    state: z.enum(PLACEMENT_STATES).optional(),
    /** A day within the placement's period. */
    activeOn: calendarDateInput.optional(),
    emergency: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional(),
  })
  .strict();
export type ListPlacementsQuery = z.infer<typeof listPlacementsQuery>;

/** PLC-5: a new start and/or end; `to: null` makes the placement open-ended. */
export const changePlacementBody = z
  .object({
    from: calendarDateInput.optional(),
    to: calendarDateInput.nullable().optional(),
  })
  .strict()
  .refine((body) => body.from !== undefined || body.to !== undefined, {
    message: 'give from, to or both',
    path: ['from'],
  });
export type ChangePlacementBody = z.infer<typeof changePlacementBody>;
export const changePlacementExample = { to: '2027-03-31' };

/** PLC-5: the client left; `on` is their last day. */
export const endPlacementBody = z
  .object({ on: calendarDateInput, reason: textInput(500) })
  .strict();
export type EndPlacementBody = z.infer<typeof endPlacementBody>;
export const endPlacementExample = { on: '2026-11-23', reason: 'Returned home' };

/** PLC-7: move one client to another place of the facility from `on`. */
export const transferClientBody = z
  .object({ toPlaceId: uuidInput, on: calendarDateInput })
  .strict();
export type TransferClientBody = z.infer<typeof transferClientBody>;
export const transferClientExample = {
  toPlaceId: '0199a3c2-9a10-7cc0-8d5e-0000000fb002',
  on: '2026-11-23',
};

/** PLC-7: move every client of a compartment (and below) to another compartment from `on`. */
export const transferCompartmentBody = z
  .object({ fromCompartmentId: uuidInput, toCompartmentId: uuidInput, on: calendarDateInput })
  .strict();
export type TransferCompartmentBody = z.infer<typeof transferCompartmentBody>;
export const transferCompartmentExample = {
  fromCompartmentId: '0199a3c2-9a10-7cc0-8d5e-0000000fc002',
  toCompartmentId: '0199a3c2-9a10-7cc0-8d5e-0000000fc001',
  on: '2026-11-23',
};

/** PLC-6: which emergency-placed clients could move to a freed designated place on `on`. */
export const emergencyReleasesQuery = pageQuery.extend({ on: calendarDateInput }).strict();
export type EmergencyReleasesQuery = z.infer<typeof emergencyReleasesQuery>;

/**
 * PLC-6: move a client to a place of ANOTHER facility from `on` (e.g. from an emergency place to
 * a preferred foster home that has a place free). The current placement ends the day before.
 */
export const movePlacementBody = z
  .object({
    facilityId: uuidInput,
    placeId: uuidInput.optional(),
    on: calendarDateInput,
    reason: textInput(500),
    serviceProductId: uuidInput.optional(),
    providerServiceId: uuidInput.optional(),
    contractId: uuidInput.optional(),
    emergency: z.boolean().default(false),
  })
  .strict();
export type MovePlacementBody = z.infer<typeof movePlacementBody>;
export const movePlacementExample = {
  facilityId: '0199a3c2-9a10-7cc0-8d5e-0000000fa002',
  on: '2026-11-23',
  reason: 'A place came free at the preferred foster home',
};
