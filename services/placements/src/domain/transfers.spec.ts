import { describe, expect, it } from '@jest/globals';
import { addDays, parseCalendarDate as day, type DateRange } from '@platform/kernel';
import type { Compartment, Place } from './layout.types.js';
import type { Placement } from './placements.js';
import { planClientTransfer, planCompartmentTransfer, type TransferMove } from './transfers.js';

const period = (start: string, end: string | null = null): DateRange => ({
  start: day(start),
  end: end === null ? null : day(end),
});

const compartment = (
  compartmentId: string,
  parentId: string | null,
  name = compartmentId,
): Compartment => ({
  compartmentId,
  facilityId: 'facility-1',
  parentId,
  name,
  characteristics: {},
});

const place = (
  placeId: string,
  compartmentId: string,
  name = placeId,
  overrides: Partial<Place> = {},
): Place => ({
  placeId,
  compartmentId,
  name,
  emergency: false,
  closedOn: null,
  ...overrides,
});

const placement = (
  placementId: string,
  placeId: string,
  overrides: Partial<Placement> = {},
): Placement => ({
  placementId,
  clientId: `client-${placementId}`,
  facilityId: 'facility-1',
  placeId,
  period: period('2026-01-01'),
  state: 'active',
  createdBy: 'cw.carla',
  ...overrides,
});

/**
 * The guide's campus: building 1 has 5 rooms of 4 beds (20), building 2 has 4 rooms holding 15
 * beds, every one occupied. Compartment and place names sort in the order the ids suggest.
 */
function campus() {
  const compartments = [
    compartment('campus', null),
    compartment('building-1', 'campus', 'Building 1'),
    compartment('building-2', 'campus', 'Building 2'),
  ];
  const places: Place[] = [];
  for (const [building, rooms] of [
    ['b1', [4, 4, 4, 4, 4]],
    ['b2', [4, 4, 4, 3]],
  ] as const) {
    rooms.forEach((beds, index) => {
      const roomId = `${building}-r${index + 1}`;
      compartments.push(
        compartment(roomId, building === 'b1' ? 'building-1' : 'building-2', `Room ${index + 1}`),
      );
      for (let bed = 1; bed <= beds; bed += 1)
        places.push(place(`${roomId}-bed${bed}`, roomId, `Bed ${bed}`));
    });
  }
  const building2Clients = places
    .filter((candidate) => candidate.placeId.startsWith('b2-'))
    .map((candidate, index) =>
      placement(`pl-${String(index + 1).padStart(2, '0')}`, candidate.placeId),
    );
  return { compartments, places, building2Clients };
}

const heldIn = (held: readonly string[]) => {
  const set = new Set(held);
  return (placeId: string) => !set.has(placeId);
};

describe('transferring one client (PLC-7)', () => {
  const base = {
    date: day('2026-06-15'),
    placement: placement('pl-1', 'bed-1'),
    fromPlace: { placeId: 'bed-1', emergency: false },
    toPlace: { placeId: 'bed-2', facilityId: 'facility-1' },
    isFree: () => true,
  };

  it('PLC-7: the old placement ends the day before the transfer date and a new one starts on it, same end', () => {
    expect(
      planClientTransfer({
        ...base,
        placement: placement('pl-1', 'bed-1', { period: period('2026-01-01', '2026-12-31') }),
      }),
    ).toEqual({
      ok: true,
      move: {
        kind: 'split',
        clientId: 'client-pl-1',
        endPlacement: { placementId: 'pl-1', end: day('2026-06-14') },
        startPlacement: {
          clientId: 'client-pl-1',
          placeId: 'bed-2',
          period: period('2026-06-15', '2026-12-31'),
        },
      },
      closePlace: null,
    });
  });

  it('PLC-7: a placement that has not begun by the transfer date just changes place', () => {
    expect(
      planClientTransfer({
        ...base,
        placement: placement('pl-1', 'bed-1', { period: period('2026-06-15') }),
      }),
    ).toMatchObject({
      ok: true,
      move: { kind: 'change-place', placementId: 'pl-1', placeId: 'bed-2' },
    });
  });

  it('PLC-7 + PLC-6: leaving an emergency place closes it on the transfer date', () => {
    expect(
      planClientTransfer({ ...base, fromPlace: { placeId: 'bed-1', emergency: true } }),
    ).toMatchObject({
      ok: true,
      closePlace: { placeId: 'bed-1', closedOn: day('2026-06-15') },
    });
  });

  it('PLC-7: the target must be another place of the same facility, free for the rest of the placement', () => {
    expect(
      planClientTransfer({ ...base, toPlace: { placeId: 'bed-1', facilityId: 'facility-1' } }),
    ).toMatchObject({
      ok: false,
      failure: { code: 'same-place', rule: 'PLC-7' },
    });
    expect(
      planClientTransfer({ ...base, toPlace: { placeId: 'x', facilityId: 'facility-2' } }),
    ).toMatchObject({
      ok: false,
      failure: { code: 'other-facility', rule: 'PLC-7' },
    });
    const asked: DateRange[] = [];
    const outcome = planClientTransfer({
      ...base,
      isFree: (_placeId, range) => {
        asked.push(range);
        return false;
      },
    });
    expect(outcome).toMatchObject({
      ok: false,
      failure: { code: 'place-not-free', rule: 'PLC-7' },
    });
    expect(asked).toEqual([period('2026-06-15')]);
  });

  it('PLC-7: an ended placement, or one over before the date, cannot be transferred', () => {
    for (const old of [
      placement('pl-1', 'bed-1', { state: 'ended', period: period('2026-01-01', '2026-12-31') }),
      placement('pl-1', 'bed-1', { period: period('2026-01-01', '2026-06-14') }),
    ]) {
      expect(planClientTransfer({ ...base, placement: old })).toMatchObject({
        ok: false,
        failure: { code: 'not-placed-on-date', rule: 'PLC-7' },
      });
    }
  });
});

describe('transferring every client of a compartment (PLC-7)', () => {
  it("PLC-7: the guide's example — 15 clients move from building 2 to building 1, each to a free place, in order", () => {
    const { compartments, places, building2Clients } = campus();
    // Room 1 of building 1 and its Room 2's first bed are taken: 15 free beds are left.
    const isFree = heldIn(['b1-r1-bed1', 'b1-r1-bed2', 'b1-r1-bed3', 'b1-r1-bed4', 'b1-r2-bed1']);
    const outcome = planCompartmentTransfer({
      date: day('2026-06-15'),
      sourceCompartmentId: 'building-2',
      targetCompartmentId: 'building-1',
      compartments,
      places,
      placements: building2Clients,
      isFree,
    });
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.moves).toHaveLength(15);
    expect(outcome.moves[0]).toEqual({
      kind: 'split',
      clientId: 'client-pl-01',
      endPlacement: { placementId: 'pl-01', end: day('2026-06-14') },
      startPlacement: {
        clientId: 'client-pl-01',
        placeId: 'b1-r2-bed2',
        period: period('2026-06-15'),
      },
    });
    const targets = outcome.moves.map((move) =>
      move.kind === 'split' ? move.startPlacement.placeId : move.placeId,
    );
    expect(new Set(targets).size).toBe(15);
    expect(targets.every((placeId) => placeId.startsWith('b1-') && isFree(placeId))).toBe(true);
    expect(targets.at(-1)).toBe('b1-r5-bed4');
  });

  it('PLC-7: not enough free places — the whole transfer is refused with the count missing, nobody moves', () => {
    const { compartments, places, building2Clients } = campus();
    const held = places
      .filter(
        (candidate) =>
          candidate.placeId.startsWith('b1-r1') || candidate.placeId.startsWith('b1-r2'),
      )
      .map((p) => p.placeId);
    expect(held).toHaveLength(8);
    expect(
      planCompartmentTransfer({
        date: day('2026-06-15'),
        sourceCompartmentId: 'building-2',
        targetCompartmentId: 'building-1',
        compartments,
        places,
        placements: building2Clients,
        isFree: heldIn(held),
      }),
    ).toEqual({
      ok: false,
      failure: {
        code: 'not-enough-places',
        rule: 'PLC-7',
        message: expect.stringContaining('3 missing'),
      },
      missing: 3,
    });
  });

  it('PLC-7: the plan is the same whatever order compartments, places and placements come in', () => {
    const { compartments, places, building2Clients } = campus();
    const plan = (reverse: boolean): readonly TransferMove[] => {
      const outcome = planCompartmentTransfer({
        date: day('2026-06-15'),
        sourceCompartmentId: 'building-2',
        targetCompartmentId: 'building-1',
        compartments: reverse ? [...compartments].reverse() : compartments,
        places: reverse ? [...places].reverse() : places,
        placements: reverse ? [...building2Clients].reverse() : building2Clients,
        isFree: heldIn([]),
      });
      return outcome.ok ? outcome.moves : [];
    };
    expect(plan(true)).toEqual(plan(false));
    expect(plan(false)).toHaveLength(15);
  });

  it('PLC-7: a room of building 2 (a subtree of one) moves to building 1; suitability and closed or emergency places are respected', () => {
    const { compartments, places, building2Clients } = campus();
    const closedAndEmergency = places.map((candidate) =>
      candidate.placeId === 'b1-r1-bed1'
        ? { ...candidate, closedOn: day('2026-07-01') }
        : candidate.placeId === 'b1-r1-bed2'
          ? { ...candidate, emergency: true }
          : candidate,
    );
    const outcome = planCompartmentTransfer({
      date: day('2026-06-15'),
      sourceCompartmentId: 'b2-r4',
      targetCompartmentId: 'building-1',
      compartments,
      places: closedAndEmergency,
      placements: building2Clients,
      isFree: heldIn([]),
      isSuitable: (clientId, placeId) => clientId !== 'client-pl-13' || placeId.startsWith('b1-r3'),
    });
    expect(outcome).toMatchObject({
      ok: true,
      moves: [
        { clientId: 'client-pl-13', startPlacement: { placeId: 'b1-r3-bed1' } },
        { clientId: 'client-pl-14', startPlacement: { placeId: 'b1-r1-bed3' } },
        { clientId: 'client-pl-15', startPlacement: { placeId: 'b1-r1-bed4' } },
      ],
    });
  });

  it('PLC-7: placements over before the date stay; ones starting later change place; bounded ones keep their end', () => {
    const { compartments, places } = campus();
    const outcome = planCompartmentTransfer({
      date: day('2026-06-15'),
      sourceCompartmentId: 'b2-r1',
      targetCompartmentId: 'b1-r1',
      compartments,
      places,
      placements: [
        placement('left', 'b2-r1-bed1', { period: period('2026-01-01', '2026-06-14') }),
        placement('ended', 'b2-r1-bed2', {
          state: 'ended',
          period: period('2026-01-01', '2026-12-31'),
        }),
        placement('later', 'b2-r1-bed3', { period: period('2026-07-01') }),
        placement('bounded', 'b2-r1-bed4', { period: period('2026-01-01', '2026-08-31') }),
      ],
      isFree: heldIn([]),
    });
    expect(outcome).toEqual({
      ok: true,
      moves: [
        {
          kind: 'change-place',
          clientId: 'client-later',
          placementId: 'later',
          placeId: 'b1-r1-bed1',
        },
        {
          kind: 'split',
          clientId: 'client-bounded',
          endPlacement: { placementId: 'bounded', end: addDays(day('2026-06-15'), -1) },
          startPlacement: {
            clientId: 'client-bounded',
            placeId: 'b1-r1-bed2',
            period: period('2026-06-15', '2026-08-31'),
          },
        },
      ],
    });
  });

  it('PLC-7: a compartment cannot move into itself, its subtree or its parent; unknown compartments are refused', () => {
    const { compartments, places, building2Clients } = campus();
    const attempt = (sourceCompartmentId: string, targetCompartmentId: string) =>
      planCompartmentTransfer({
        date: day('2026-06-15'),
        sourceCompartmentId,
        targetCompartmentId,
        compartments,
        places,
        placements: building2Clients,
        isFree: heldIn([]),
      });
    for (const [source, target] of [
      ['building-2', 'b2-r1'],
      ['b2-r1', 'building-2'],
      ['building-2', 'building-2'],
    ]) {
      expect(attempt(source as string, target as string)).toMatchObject({
        ok: false,
        failure: { code: 'overlapping-compartments', rule: 'PLC-7' },
      });
    }
    expect(attempt('building-9', 'building-1')).toMatchObject({
      ok: false,
      failure: { code: 'unknown-compartment', message: expect.stringContaining('building-9') },
    });
  });
});
