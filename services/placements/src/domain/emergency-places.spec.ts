import { describe, expect, it } from '@jest/globals';
import { parseCalendarDate as day, type DateRange } from '@platform/kernel';
import {
  nextEmergencyPlaceName,
  planEmergencyPlace,
  planEmergencyReleases,
  type EmergencyPlacement,
} from './emergency-places.js';
import type { Compartment, Place } from './layout.types.js';
import { confirmReservation } from './reservation-confirmation.js';

const period = (start: string, end: string | null = null): DateRange => ({
  start: day(start),
  end: end === null ? null : day(end),
});

const compartment = (
  compartmentId: string,
  parentId: string | null,
  facilityId = 'facility-1',
): Compartment => ({
  compartmentId,
  facilityId,
  parentId,
  name: compartmentId,
  characteristics: {},
});

const place = (
  placeId: string,
  compartmentId: string,
  emergency = false,
  closedOn: string | null = null,
): Place => ({
  placeId,
  compartmentId,
  name: placeId,
  emergency,
  closedOn: closedOn === null ? null : day(closedOn),
});

const emergency = (
  placementId: string,
  start: string,
  overrides: Partial<EmergencyPlacement> = {},
): EmergencyPlacement => ({
  placementId,
  clientId: `client-of-${placementId}`,
  placeId: `emergency-of-${placementId}`,
  period: period(start),
  ...overrides,
});

describe('emergency places (PLC-6)', () => {
  it('PLC-6: emergency places are named "Emergency N" with the lowest number no place of the facility carries', () => {
    expect(nextEmergencyPlaceName([])).toBe('Emergency 1');
    expect(nextEmergencyPlaceName(['Bed 1', 'Emergency 1', 'Emergency 3'])).toBe('Emergency 2');
    expect(nextEmergencyPlaceName(['Emergency 2', 'Emergency 1', 'Emergency 10x'])).toBe(
      'Emergency 3',
    );
  });

  it('PLC-6: a closed emergency place keeps its name, so the next one does not reuse it', () => {
    const outcome = planEmergencyPlace({
      facilityId: 'facility-1',
      compartments: [
        compartment('house', null),
        compartment('room', 'house'),
        compartment('other', null, 'facility-2'),
      ],
      places: [
        place('Emergency 1', 'house', true, '2026-02-01'),
        place('Emergency 2', 'other', true),
      ],
    });
    expect(outcome).toEqual({
      ok: true,
      plan: { facilityId: 'facility-1', compartmentId: 'house', name: 'Emergency 2' },
    });
  });

  it('PLC-6: the emergency place goes in the facility top-level compartment; zero or two roots are refused', () => {
    for (const compartments of [
      [compartment('room', 'house')],
      [compartment('a', null), compartment('b', null)],
    ]) {
      expect(
        planEmergencyPlace({ facilityId: 'facility-1', compartments, places: [] }),
      ).toMatchObject({
        ok: false,
        failure: { code: 'no-top-level-compartment', rule: 'PLC-6' },
      });
    }
  });

  it('PLC-6: when a designated place frees up, the longest-waiting emergency client moves and the emergency place closes', () => {
    const releases = planEmergencyReleases({
      date: day('2026-04-10'),
      emergencyPlacements: [emergency('late', '2026-04-01'), emergency('early', '2026-03-15')],
      freeDesignatedPlaceIds: ['bed-7'],
      isFree: () => true,
    });
    expect(releases).toEqual([
      {
        clientId: 'client-of-early',
        endPlacement: { placementId: 'early', end: day('2026-04-09') },
        startPlacement: {
          clientId: 'client-of-early',
          placeId: 'bed-7',
          period: period('2026-04-10'),
        },
        closePlace: { placeId: 'emergency-of-early', closedOn: day('2026-04-10') },
      },
    ]);
  });

  it('PLC-6: ties on waiting time go by placement id; the input order does not matter', () => {
    const placements = [emergency('b', '2026-03-01'), emergency('a', '2026-03-01')];
    const plan = (list: EmergencyPlacement[]) =>
      planEmergencyReleases({
        date: day('2026-04-10'),
        emergencyPlacements: list,
        freeDesignatedPlaceIds: ['bed-1'],
        isFree: () => true,
      }).map((release) => release.clientId);
    expect(plan(placements)).toEqual(['client-of-a']);
    expect(plan([...placements].reverse())).toEqual(['client-of-a']);
  });

  it('PLC-6: a client no free place suits keeps waiting; the next client takes it; the new placement keeps the old end', () => {
    const releases = planEmergencyReleases({
      date: day('2026-04-10'),
      emergencyPlacements: [
        emergency('first', '2026-03-01', { clientId: 'carl' }),
        emergency('second', '2026-03-05', {
          clientId: 'dina',
          period: period('2026-03-05', '2026-05-31'),
        }),
      ],
      freeDesignatedPlaceIds: ['women-bed'],
      isFree: () => true,
      isSuitable: (clientId) => clientId === 'dina',
    });
    expect(releases).toMatchObject([
      {
        clientId: 'dina',
        startPlacement: { placeId: 'women-bed', period: period('2026-04-10', '2026-05-31') },
      },
    ]);
  });

  it('PLC-6: a place free only for part of the client remaining period is not used', () => {
    const releases = planEmergencyReleases({
      date: day('2026-04-10'),
      emergencyPlacements: [emergency('open', '2026-03-01')],
      freeDesignatedPlaceIds: ['bed-reserved-from-may', 'bed-free'],
      isFree: (placeId, range) => placeId === 'bed-free' || range.end !== null,
    });
    expect(releases.map((release) => release.startPlacement.placeId)).toEqual(['bed-free']);
  });

  it('PLC-6: each free place is handed out once; emergency placements not yet begun or already over stay', () => {
    const releases = planEmergencyReleases({
      date: day('2026-04-10'),
      emergencyPlacements: [
        emergency('one', '2026-03-01'),
        emergency('two', '2026-03-02'),
        emergency('starts-today', '2026-04-10'),
        emergency('over', '2026-03-01', { period: period('2026-03-01', '2026-04-09') }),
      ],
      freeDesignatedPlaceIds: ['bed-1', 'bed-2', 'bed-3'],
      isFree: () => true,
    });
    expect(releases.map((release) => [release.clientId, release.startPlacement.placeId])).toEqual([
      ['client-of-one', 'bed-1'],
      ['client-of-two', 'bed-2'],
    ]);
  });

  it("PLC-4 + PLC-6: Joan's story — arrives to a full house, gets Emergency 1, moves to the first designated bed that frees up", () => {
    const compartments = [compartment('house', null), compartment('room-1', 'house')];
    const places = [place('bed-1', 'room-1'), place('bed-2', 'room-1')];
    const joan = {
      reservationId: 'res-joan',
      providerId: 'provider-1',
      facilityId: 'facility-1',
      placeId: null,
      clientId: 'joan',
      period: period('2026-05-04'),
      state: 'active' as const,
      createdBy: 'cw.carla',
    };
    // Both beds are held until 19 May.
    const heldUntil = day('2026-05-19');
    const isFree = (_placeId: string, range: DateRange) => range.start > heldUntil;

    const confirmed = confirmReservation({
      reservation: joan,
      today: day('2026-05-04'),
      gracePeriodDays: 2,
      suitablePlaceIds: ['bed-1', 'bed-2'],
      isFree,
      compartments,
      places,
    });
    expect(confirmed).toMatchObject({
      ok: true,
      placement: {
        clientId: 'joan',
        period: period('2026-05-04'),
        place: { kind: 'emergency', plan: { compartmentId: 'house', name: 'Emergency 1' } },
      },
    });

    const releases = planEmergencyReleases({
      date: day('2026-05-20'),
      emergencyPlacements: [
        {
          placementId: 'pl-joan',
          clientId: 'joan',
          placeId: 'emergency-1',
          period: period('2026-05-04'),
        },
      ],
      freeDesignatedPlaceIds: ['bed-1', 'bed-2'],
      isFree,
    });
    expect(releases).toEqual([
      {
        clientId: 'joan',
        endPlacement: { placementId: 'pl-joan', end: day('2026-05-19') },
        startPlacement: { clientId: 'joan', placeId: 'bed-1', period: period('2026-05-20') },
        closePlace: { placeId: 'emergency-1', closedOn: day('2026-05-20') },
      },
    ]);
  });
});
