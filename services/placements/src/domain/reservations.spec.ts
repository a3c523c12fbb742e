import { describe, expect, it } from '@jest/globals';
import { parseCalendarDate as day, type DateRange } from '@platform/kernel';
import {
  checkNewReservation,
  isReservationExpired,
  reservationExpiry,
  transitionReservation,
  whoToNotifyOfReservationUpdate,
  type NewReservationRequest,
  type Reservation,
  type ReservationEvent,
  type ReservationState,
} from './reservations.js';

const period = (start: string, end: string | null = null): DateRange => ({
  start: day(start),
  end: end === null ? null : day(end),
});

const reservation = (overrides: Partial<Reservation> = {}): Reservation => ({
  reservationId: 'res-1',
  providerId: 'provider-1',
  facilityId: 'facility-1',
  placeId: 'bed-1',
  clientId: 'ann',
  period: period('2026-03-01', '2026-03-31'),
  state: 'active',
  createdBy: 'cw.carla',
  ...overrides,
});

const request = (overrides: Partial<NewReservationRequest> = {}): NewReservationRequest => ({
  today: day('2026-02-15'),
  period: period('2026-03-10', '2026-04-10'),
  placeId: 'bed-2',
  providerId: 'provider-1',
  clientId: 'bob',
  existing: [],
  confirmedCancellations: [],
  ...overrides,
});

describe('new reservations (PLC-4)', () => {
  it('PLC-4: a reservation cannot start today or in the past; tomorrow is fine', () => {
    for (const start of ['2026-02-15', '2026-02-01']) {
      expect(checkNewReservation(request({ period: period(start, '2026-04-10') }))).toMatchObject({
        ok: false,
        failure: {
          code: 'starts-today-or-past',
          rule: 'PLC-4',
          message: expect.stringContaining(start),
        },
      });
    }
    expect(checkNewReservation(request({ period: period('2026-02-16') }))).toEqual({
      ok: true,
      cancel: [],
    });
  });

  it('PLC-4: a provider-only reservation (no place) is allowed', () => {
    expect(checkNewReservation(request({ placeId: null }))).toEqual({ ok: true, cancel: [] });
  });

  it('PLC-4: the same client already reserved elsewhere for an overlapping period needs confirmation', () => {
    const elsewhere = reservation({
      reservationId: 'res-9',
      clientId: 'bob',
      placeId: 'other-bed',
      providerId: 'provider-2',
    });
    const outcome = checkNewReservation(request({ existing: [elsewhere] }));
    expect(outcome).toEqual({
      ok: false,
      failure: {
        code: 'conflict-needs-confirmation',
        rule: 'PLC-4',
        message: expect.stringContaining('res-9'),
      },
      conflicts: [{ reservationId: 'res-9', reason: 'same-client' }],
    });
  });

  it('PLC-4: once the conflicting reservation is confirmed for cancellation, the result says to cancel it', () => {
    const elsewhere = reservation({ reservationId: 'res-9', clientId: 'bob', placeId: null });
    expect(
      checkNewReservation(request({ existing: [elsewhere], confirmedCancellations: ['res-9'] })),
    ).toEqual({
      ok: true,
      cancel: ['res-9'],
    });
  });

  it('PLC-4 (decision): back-to-back reservations of the same client do not conflict', () => {
    const before = reservation({ clientId: 'bob', period: period('2026-02-20', '2026-03-09') });
    expect(checkNewReservation(request({ existing: [before] }))).toEqual({ ok: true, cancel: [] });
  });

  it('PLC-4: the same place for a different client in an overlapping period needs confirmation', () => {
    const held = reservation({ reservationId: 'res-5', placeId: 'bed-2', clientId: 'ann' });
    expect(checkNewReservation(request({ existing: [held] }))).toMatchObject({
      ok: false,
      failure: { code: 'conflict-needs-confirmation' },
      conflicts: [{ reservationId: 'res-5', reason: 'same-place-other-client' }],
    });
  });

  it('PLC-4: the same place outside the period, another place, or a non-active reservation is no conflict', () => {
    const existing = [
      reservation({ reservationId: 'a', placeId: 'bed-2', period: period('2026-04-11') }),
      reservation({ reservationId: 'b', placeId: 'bed-3' }),
      reservation({ reservationId: 'c', placeId: 'bed-2', state: 'cancelled' }),
      reservation({ reservationId: 'd', placeId: 'bed-2', state: 'expired' }),
      reservation({ reservationId: 'e', clientId: 'bob', state: 'confirmed' }),
    ];
    expect(checkNewReservation(request({ existing }))).toEqual({ ok: true, cancel: [] });
  });

  it('PLC-4: an open-ended reservation of the place overlaps every later period', () => {
    const openEnded = reservation({
      reservationId: 'open',
      placeId: 'bed-2',
      period: period('2026-01-01'),
    });
    expect(checkNewReservation(request({ existing: [openEnded] }))).toMatchObject({
      ok: false,
      conflicts: [{ reservationId: 'open' }],
    });
  });

  it('PLC-4: confirming only some conflicts is not enough; every conflict is listed, in id order whatever the input order', () => {
    const existing = [
      reservation({ reservationId: 'z-place', placeId: 'bed-2' }),
      reservation({ reservationId: 'a-client', clientId: 'bob', placeId: 'bed-7' }),
    ];
    const outcome = checkNewReservation(
      request({ existing, confirmedCancellations: ['a-client'] }),
    );
    expect(outcome).toMatchObject({
      ok: false,
      failure: {
        code: 'conflict-needs-confirmation',
        message: expect.not.stringContaining('a-client'),
      },
      conflicts: [
        { reservationId: 'a-client', reason: 'same-client' },
        { reservationId: 'z-place', reason: 'same-place-other-client' },
      ],
    });
    expect(checkNewReservation(request({ existing: [...existing].reverse() }))).toEqual(
      checkNewReservation(request({ existing })),
    );
  });

  it('PLC-4: a confirmed id that is not a conflict is never cancelled', () => {
    const held = reservation({ reservationId: 'res-5', placeId: 'bed-2' });
    expect(
      checkNewReservation(
        request({ existing: [held], confirmedCancellations: ['res-5', 'unrelated'] }),
      ),
    ).toEqual({ ok: true, cancel: ['res-5'] });
  });
});

describe('reservation expiry (PLC-4)', () => {
  it('PLC-4: start + grace comes first — 1–31 March with 3 days grace: last arrival 4 March, expired from 5 March', () => {
    expect(reservationExpiry(period('2026-03-01', '2026-03-31'), 3)).toEqual({
      lastArrivalDay: day('2026-03-04'),
      expiresOn: day('2026-03-05'),
    });
  });

  it('PLC-4: the end comes first — 1–2 March with 3 days grace expires after 2 March', () => {
    expect(reservationExpiry(period('2026-03-01', '2026-03-02'), 3)).toEqual({
      lastArrivalDay: day('2026-03-02'),
      expiresOn: day('2026-03-03'),
    });
  });

  it('PLC-4: open-ended reservations expire at start + grace; grace 0 means arrival on the start day only', () => {
    expect(reservationExpiry(period('2026-12-30'), 5).lastArrivalDay).toBe(day('2027-01-04'));
    expect(reservationExpiry(period('2026-03-01'), 0)).toEqual({
      lastArrivalDay: day('2026-03-01'),
      expiresOn: day('2026-03-02'),
    });
  });

  it('PLC-4: a negative or fractional grace period is a programming error', () => {
    expect(() => reservationExpiry(period('2026-03-01'), -1)).toThrow(RangeError);
    expect(() => reservationExpiry(period('2026-03-01'), 1.5)).toThrow(RangeError);
  });

  it('PLC-4: an active reservation is expired from the day after its last arrival day; others never are', () => {
    const active = reservation({ period: period('2026-03-01', '2026-03-31') });
    expect(isReservationExpired(active, day('2026-03-04'), 3)).toBe(false);
    expect(isReservationExpired(active, day('2026-03-05'), 3)).toBe(true);
    expect(isReservationExpired({ ...active, state: 'confirmed' }, day('2026-05-01'), 3)).toBe(
      false,
    );
  });
});

describe('reservation lifecycle (PLC-4)', () => {
  const events: ReservationEvent[] = ['confirm', 'cancel', 'expire'];

  it('PLC-4: an active reservation is confirmed, cancelled or expired', () => {
    expect(events.map((event) => transitionReservation('active', event))).toEqual([
      { ok: true, state: 'confirmed' },
      { ok: true, state: 'cancelled' },
      { ok: true, state: 'expired' },
    ]);
  });

  it('PLC-4: confirmed, cancelled and expired are final — every move from them is refused', () => {
    const finals: ReservationState[] = ['confirmed', 'cancelled', 'expired'];
    for (const state of finals) {
      for (const event of events) {
        expect(transitionReservation(state, event)).toEqual({
          ok: false,
          failure: {
            code: 'illegal-transition',
            rule: 'PLC-4',
            message: expect.stringContaining(state),
          },
        });
      }
    }
  });
});

describe('reservation update notifications (PLC-4)', () => {
  it('PLC-4: the creating case worker is notified when someone else updates the reservation', () => {
    expect(whoToNotifyOfReservationUpdate('cw.carla', 'rm.rivera')).toEqual(['cw.carla']);
  });

  it('PLC-4: nobody is notified when the creating case worker updates it', () => {
    expect(whoToNotifyOfReservationUpdate('cw.carla', 'cw.carla')).toEqual([]);
  });
});
