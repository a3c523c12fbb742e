import { describe, expect, it } from '@jest/globals';
import { parseCalendarDate as day, type DateRange } from '@platform/kernel';
import type { Compartment, Place } from './layout.types.js';
import { confirmReservation, type ConfirmReservationRequest } from './reservation-confirmation.js';
import type { Reservation } from './reservations.js';

const period = (start: string, end: string | null = null): DateRange => ({
  start: day(start),
  end: end === null ? null : day(end),
});

const compartment = (compartmentId: string, parentId: string | null): Compartment => ({
  compartmentId,
  facilityId: 'facility-1',
  parentId,
  name: compartmentId,
  characteristics: {},
});

const place = (placeId: string, compartmentId: string, emergency = false): Place => ({
  placeId,
  compartmentId,
  name: placeId,
  emergency,
  closedOn: null,
});

const compartments = [compartment('house', null), compartment('room-1', 'house')];
const places = [
  place('bed-1', 'room-1'),
  place('bed-2', 'room-1'),
  place('Emergency 1', 'house', true),
];

const reservation = (overrides: Partial<Reservation> = {}): Reservation => ({
  reservationId: 'res-1',
  providerId: 'provider-1',
  facilityId: 'facility-1',
  placeId: null,
  clientId: 'ann',
  period: period('2026-03-01', '2026-03-31'),
  state: 'active',
  createdBy: 'cw.carla',
  ...overrides,
});

const request = (
  overrides: Partial<ConfirmReservationRequest> = {},
): ConfirmReservationRequest => ({
  reservation: reservation(),
  today: day('2026-03-01'),
  gracePeriodDays: 3,
  suitablePlaceIds: ['bed-1', 'bed-2'],
  isFree: () => true,
  compartments,
  places,
  ...overrides,
});

describe('confirming a reservation into a placement (PLC-4)', () => {
  it('PLC-4: the client arrives — the placement runs from today to the reservation end, in the reserved place', () => {
    expect(confirmReservation(request({ reservation: reservation({ placeId: 'bed-2' }) }))).toEqual(
      {
        ok: true,
        reservationState: 'confirmed',
        placement: {
          clientId: 'ann',
          facilityId: 'facility-1',
          period: period('2026-03-01', '2026-03-31'),
          place: { kind: 'existing', placeId: 'bed-2' },
        },
      },
    );
  });

  it('PLC-4: the period may change on confirmation (late arrival within the grace period, open-ended stay)', () => {
    const outcome = confirmReservation(
      request({ today: day('2026-03-03'), period: period('2026-03-03') }),
    );
    expect(outcome).toMatchObject({ ok: true, placement: { period: period('2026-03-03') } });
  });

  it('PLC-4: a placement from a reservation is never backdated', () => {
    expect(
      confirmReservation(
        request({ today: day('2026-03-02'), period: period('2026-03-01', '2026-03-31') }),
      ),
    ).toMatchObject({ ok: false, failure: { code: 'placement-starts-in-past', rule: 'PLC-4' } });
  });

  it('PLC-5: the confirmed period cannot end before it starts', () => {
    expect(
      confirmReservation(request({ period: { start: day('2026-03-05'), end: day('2026-03-04') } })),
    ).toMatchObject({
      ok: false,
      failure: { code: 'end-before-start', rule: 'PLC-5' },
    });
  });

  it('PLC-4: after the last arrival day (start + grace) the reservation can no longer be confirmed', () => {
    expect(confirmReservation(request({ today: day('2026-03-04') }))).toMatchObject({ ok: true });
    expect(confirmReservation(request({ today: day('2026-03-05') }))).toMatchObject({
      ok: false,
      failure: {
        code: 'reservation-expired',
        rule: 'PLC-4',
        message: expect.stringContaining('2026-03-04'),
      },
    });
  });

  it('PLC-4: a cancelled, expired or already confirmed reservation cannot be confirmed', () => {
    for (const state of ['cancelled', 'expired', 'confirmed'] as const) {
      expect(confirmReservation(request({ reservation: reservation({ state }) }))).toMatchObject({
        ok: false,
        failure: { code: 'illegal-transition', rule: 'PLC-4' },
      });
    }
  });

  it('PLC-4: a place may be chosen on confirmation; a named place that is not free is refused, not swapped', () => {
    expect(confirmReservation(request({ placeId: 'bed-2' }))).toMatchObject({
      ok: true,
      placement: { place: { kind: 'existing', placeId: 'bed-2' } },
    });
    expect(
      confirmReservation(
        request({ reservation: reservation({ placeId: 'bed-1' }), isFree: (id) => id !== 'bed-1' }),
      ),
    ).toMatchObject({ ok: false, failure: { code: 'place-not-free', rule: 'PLC-4' } });
  });

  it('PLC-4: a provider-only reservation takes the first suitable place free for the whole placement period', () => {
    const asked: string[] = [];
    const outcome = confirmReservation(
      request({
        isFree: (placeId, range) => {
          asked.push(`${placeId} ${range.start}–${range.end}`);
          return placeId === 'bed-2';
        },
      }),
    );
    expect(outcome).toMatchObject({
      ok: true,
      placement: { place: { kind: 'existing', placeId: 'bed-2' } },
    });
    expect(asked).toEqual(['bed-1 2026-03-01–2026-03-31', 'bed-2 2026-03-01–2026-03-31']);
  });

  it('PLC-4 + PLC-6: no suitable free place — an emergency place is planned in the top-level compartment, named uniquely', () => {
    expect(confirmReservation(request({ isFree: () => false }))).toEqual({
      ok: true,
      reservationState: 'confirmed',
      placement: {
        clientId: 'ann',
        facilityId: 'facility-1',
        period: period('2026-03-01', '2026-03-31'),
        place: {
          kind: 'emergency',
          plan: { facilityId: 'facility-1', compartmentId: 'house', name: 'Emergency 2' },
        },
      },
    });
  });

  it('PLC-6: a facility without a single top-level compartment cannot get an emergency place', () => {
    expect(
      confirmReservation(
        request({ isFree: () => false, compartments: [compartment('room-1', 'house')] }),
      ),
    ).toMatchObject({ ok: false, failure: { code: 'no-top-level-compartment', rule: 'PLC-6' } });
  });
});
