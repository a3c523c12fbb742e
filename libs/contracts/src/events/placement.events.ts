import { z } from 'zod';
import { defineEvent } from '../event-definition.js';

/**
 * PLC-4…PLC-7: the placements service's events, for finance (placement payments, SVC-5
 * authorizations), performance measures and the providers service (a waitlist entry allocated by
 * acceptance of an offer, PRV-10). Reservations are keyed by reservation, placements by client:
 * a client's placements (and transfers between them) arrive in the order they were made.
 */
const reservation = { owner: 'placements', aggregateType: 'reservation' } as const;
const placement = { owner: 'placements', aggregateType: 'placement' } as const;

const PROVIDER_ID = '0199a3c2-9a10-7cc0-8d5e-000000000001';
const FACILITY_ID = '0199a3c2-9a10-7cc0-8d5e-0000000fa001';
const PLACE_ID = '0199a3c2-9a10-7cc0-8d5e-0000000fb001';
const OTHER_PLACE_ID = '0199a3c2-9a10-7cc0-8d5e-0000000fb002';
const RESERVATION_ID = '0199a3c2-9a10-7cc0-8d5e-0000000fc001';
const PLACEMENT_ID = '0199a3c2-9a10-7cc0-8d5e-0000000fd001';
const NEW_PLACEMENT_ID = '0199a3c2-9a10-7cc0-8d5e-0000000fd002';
const PROVIDER_SERVICE_ID = '0199a3c2-9a10-7cc0-8d5e-00000000d001';
const PRODUCT_ID = '0199a3c2-9a10-7cc0-8d5e-00000000c001';

const calendarDate = z.iso.date();
/** `to` inclusive; null: open-ended (PLC-5). */
const period = z.object({ from: calendarDate, to: calendarDate.nullable() });

/** Where a reservation or placement is, and for whom: shared by every event below. */
const where = {
  providerId: z.uuid(),
  /** null: a reservation of the provider only, no facility or place chosen yet (PLC-4). */
  facilityId: z.uuid().nullable(),
  placeId: z.uuid().nullable(),
  /** The agency's client reference (as waitlists and finance's participants carry it). */
  clientId: z.string().min(1),
  providerServiceId: z.uuid().nullable(),
  serviceProductId: z.uuid().nullable(),
  contractId: z.uuid().nullable(),
};
const exampleWhere = {
  providerId: PROVIDER_ID,
  facilityId: FACILITY_ID,
  placeId: PLACE_ID,
  clientId: 'CL-2026-0042',
  providerServiceId: PROVIDER_SERVICE_ID,
  serviceProductId: PRODUCT_ID,
  contractId: null,
};

/** PLC-4: a place (or only a provider) was reserved for a client for a future period. */
export const reservationCreated = defineEvent({
  ...reservation,
  type: 'reservation.created',
  version: 1,
  description:
    'A case worker reserved a place (or only a provider) for a client for a future period ' +
    '(PLC-4). It expires on expiresOn unless confirmed into a placement first (the end, or start ' +
    '+ grace-period days, whichever comes first). Conflicting reservations the user confirmed ' +
    'to cancel are listed (each also has its reservation.cancelled). waitlistEntryId: created ' +
    'from a waitlist allocation (PRV-10).',
  schema: z.object({
    reservationId: z.uuid(),
    ...where,
    period,
    expiresOn: calendarDate,
    cancelledReservationIds: z.array(z.uuid()),
    waitlistEntryId: z.uuid().nullable(),
  }),
  example: {
    reservationId: RESERVATION_ID,
    ...exampleWhere,
    period: { from: '2026-12-01', to: '2027-05-31' },
    expiresOn: '2026-12-04',
    cancelledReservationIds: [],
    waitlistEntryId: null,
  },
});

/** PLC-4: an active reservation's period or place changed (still in the future). */
export const reservationChanged = defineEvent({
  ...reservation,
  type: 'reservation.changed',
  version: 1,
  description:
    "An active reservation's period or place changed (PLC-4): `changed` names what, " +
    'previousPeriod and previousPlaceId what they were; expiresOn is recomputed and its timer ' +
    're-armed.',
  schema: z.object({
    reservationId: z.uuid(),
    ...where,
    period,
    expiresOn: calendarDate,
    changed: z.array(z.enum(['from', 'to', 'placeId'])).min(1),
    previousPeriod: period,
    previousPlaceId: z.uuid().nullable(),
  }),
  example: {
    reservationId: RESERVATION_ID,
    ...exampleWhere,
    placeId: OTHER_PLACE_ID,
    period: { from: '2026-12-08', to: '2027-05-31' },
    expiresOn: '2026-12-11',
    changed: ['from', 'placeId'],
    previousPeriod: { from: '2026-12-01', to: '2027-05-31' },
    previousPlaceId: PLACE_ID,
  },
});

/** PLC-4: the client arrived; the reservation became a placement. */
export const reservationConfirmed = defineEvent({
  ...reservation,
  type: 'reservation.confirmed',
  version: 1,
  description:
    'A reservation was confirmed into a placement (PLC-4): placementId names it (its own ' +
    'placement.started follows in the same transaction), in the reserved place, a place chosen ' +
    'then, or an emergency place (PLC-6).',
  schema: z.object({
    reservationId: z.uuid(),
    ...where,
    placementId: z.uuid(),
  }),
  example: { reservationId: RESERVATION_ID, ...exampleWhere, placementId: PLACEMENT_ID },
});

/** PLC-4: a reservation was cancelled by a user, or to make way for a confirmed conflict. */
export const reservationCancelled = defineEvent({
  ...reservation,
  type: 'reservation.cancelled',
  version: 1,
  description:
    'A reservation was cancelled (PLC-4): by a user (reason given), or because the user ' +
    'confirmed a conflicting new reservation (replacedByReservationId).',
  schema: z.object({
    reservationId: z.uuid(),
    ...where,
    reason: z.string().min(1),
    replacedByReservationId: z.uuid().nullable(),
  }),
  example: {
    reservationId: RESERVATION_ID,
    ...exampleWhere,
    reason: 'Client moved out of county',
    replacedByReservationId: null,
  },
});

/** PLC-4: the client did not arrive in time. */
export const reservationExpired = defineEvent({
  ...reservation,
  type: 'reservation.expired',
  version: 1,
  description:
    'A reservation expired because the client did not arrive (PLC-4): its durable timer fired ' +
    'on expiresOn and it was still active.',
  schema: z.object({ reservationId: z.uuid(), ...where, expiresOn: calendarDate }),
  example: { reservationId: RESERVATION_ID, ...exampleWhere, expiresOn: '2026-12-04' },
});

const placementFacts = {
  placementId: z.uuid(),
  ...where,
  facilityId: z.uuid(),
  placeId: z.uuid(),
  period,
  /** PLC-6: in an emergency place beyond designated capacity. */
  emergency: z.boolean(),
};
const examplePlacement = {
  placementId: PLACEMENT_ID,
  ...exampleWhere,
  period: { from: '2026-12-01', to: null },
  emergency: false,
};

/** PLC-5: a client was placed. */
export const placementStarted = defineEvent({
  ...placement,
  type: 'placement.started',
  version: 1,
  description:
    'A client was placed in a place for a period (PLC-5; `to` null: open-ended), directly, by ' +
    'confirming a reservation (reservationId), from a waitlist allocation (waitlistEntryId), or ' +
    'in an emergency place (PLC-6). createsServiceAuthorization is false when the product ' +
    'prevents authorization from placement (SVC-5) or none is known.',
  schema: z.object({
    ...placementFacts,
    reservationId: z.uuid().nullable(),
    waitlistEntryId: z.uuid().nullable(),
    createsServiceAuthorization: z.boolean(),
  }),
  example: {
    ...examplePlacement,
    reservationId: RESERVATION_ID,
    waitlistEntryId: null,
    createsServiceAuthorization: true,
  },
});

/** PLC-5: the period of a placement changed. */
export const placementChanged = defineEvent({
  ...placement,
  type: 'placement.changed',
  version: 1,
  description:
    "A placement's period changed (PLC-5): `changed` names what; previousPeriod is what it was.",
  schema: z.object({
    ...placementFacts,
    changed: z.array(z.enum(['from', 'to'])).min(1),
    previousPeriod: period,
  }),
  example: {
    ...examplePlacement,
    period: { from: '2026-12-01', to: '2027-03-31' },
    changed: ['to'],
    previousPeriod: { from: '2026-12-01', to: null },
  },
});

/** PLC-5: the client left. */
export const placementEnded = defineEvent({
  ...placement,
  type: 'placement.ended',
  version: 1,
  description:
    'A placement ended (PLC-5): the client left the place after endedOn (the last day). An ' +
    'emergency place closes with it (PLC-6).',
  schema: z.object({ ...placementFacts, endedOn: calendarDate, reason: z.string().min(1) }),
  example: {
    ...examplePlacement,
    period: { from: '2026-12-01', to: '2027-01-15' },
    endedOn: '2027-01-15',
    reason: 'Returned home',
  },
});

/** PLC-6 / PLC-7: a client moved to another place of the facility. */
export const placementTransferred = defineEvent({
  ...placement,
  type: 'placement.transferred',
  version: 1,
  description:
    'A client moved to another place of the facility on `on` (PLC-7; PLC-6 when out of an ' +
    'emergency place, which then closes). A placement running before `on` ended the day before ' +
    'and newPlacementId continues it (same end); one starting on or after `on` just changed ' +
    'place (newPlacementId = placementId). transferId groups the moves of one compartment ' +
    'transfer.',
  schema: z.object({
    transferId: z.uuid(),
    placementId: z.uuid(),
    newPlacementId: z.uuid(),
    providerId: z.uuid(),
    facilityId: z.uuid(),
    clientId: z.string().min(1),
    fromPlaceId: z.uuid(),
    toPlaceId: z.uuid(),
    on: calendarDate,
    newPeriod: period,
    fromEmergencyPlace: z.boolean(),
  }),
  example: {
    transferId: '0199a3c2-9a10-7cc0-8d5e-0000000fe001',
    placementId: PLACEMENT_ID,
    newPlacementId: NEW_PLACEMENT_ID,
    providerId: PROVIDER_ID,
    facilityId: FACILITY_ID,
    clientId: 'CL-2026-0042',
    fromPlaceId: PLACE_ID,
    toPlaceId: OTHER_PLACE_ID,
    on: '2027-01-10',
    newPeriod: { from: '2027-01-10', to: null },
    fromEmergencyPlace: false,
  },
});

export const PLACEMENT_EVENTS = [
  reservationCreated,
  reservationChanged,
  reservationConfirmed,
  reservationCancelled,
  reservationExpired,
  placementStarted,
  placementChanged,
  placementEnded,
  placementTransferred,
] as const;
