import { describe, expect, it } from '@jest/globals';
import { parseCalendarDate } from '@platform/kernel';
import {
  checkFacilityLayout,
  indexFacilityLayout,
  isDesignatedPlaceOn,
} from './facility-layout.js';
import type { Compartment, Facility, Place } from './layout.types.js';

const day = parseCalendarDate;

const facility = (overrides: Partial<Facility> = {}): Facility => ({
  facilityId: 'lake',
  providerId: 'provider-1',
  name: 'Lake County Detention Center',
  designatedCapacity: 4,
  physicalCapacity: 5,
  ...overrides,
});

const compartment = (
  compartmentId: string,
  parentId: string | null,
  overrides: Partial<Compartment> = {},
): Compartment => ({
  compartmentId,
  facilityId: 'lake',
  parentId,
  name: compartmentId,
  characteristics: {},
  ...overrides,
});

const place = (placeId: string, compartmentId: string, overrides: Partial<Place> = {}): Place => ({
  placeId,
  compartmentId,
  name: placeId,
  emergency: false,
  closedOn: null,
  ...overrides,
});

/** Building → floor → two rooms with two beds each. */
const compartments = [
  compartment('building-a', null, { name: 'Building A' }),
  compartment('floor-1', 'building-a', { name: 'Floor 1' }),
  compartment('room-10', 'floor-1', { name: 'Room 10' }),
  compartment('room-2', 'floor-1', { name: 'Room 2' }),
];
const places = [
  place('bed-10b', 'room-10', { name: 'Bed B' }),
  place('bed-10a', 'room-10', { name: 'Bed A' }),
  place('bed-2a', 'room-2', { name: 'Bed A' }),
  place('bed-2b', 'room-2', { name: 'Bed B' }),
];
const today = day('2026-03-01');
const codes = (failures: { code: string }[]) => failures.map((failure) => failure.code);

describe('facility layout (PLC-1)', () => {
  it('PLC-1: a building → floor → room tree with 4 beds within designated capacity 4 is sound', () => {
    expect(checkFacilityLayout(facility(), compartments, places, today)).toEqual([]);
  });

  it('PLC-1: a facility needs exactly one top-level compartment', () => {
    expect(codes(checkFacilityLayout(facility(), compartments.slice(1), [], today))).toContain(
      'no-top-level-compartment',
    );
    const twoRoots = [...compartments, compartment('building-b', null, { name: 'Building B' })];
    const failures = checkFacilityLayout(facility(), twoRoots, places, today);
    expect(failures).toEqual([
      {
        code: 'several-top-level-compartments',
        rule: 'PLC-1',
        message:
          'Facility Lake County Detention Center has 2 top-level compartments (Building A, Building B); it must have one.',
      },
    ]);
  });

  it('PLC-1: a cycle of compartments is reported once, naming its members', () => {
    const cyclic = [
      compartment('root', null),
      compartment('x', 'z'),
      compartment('y', 'x'),
      compartment('z', 'y'),
    ];
    const failures = checkFacilityLayout(facility(), cyclic, [], today);
    expect(failures).toEqual([
      {
        code: 'compartment-cycle',
        rule: 'PLC-1',
        message: 'Compartments x, y, z contain one another in a cycle.',
      },
    ]);
  });

  it('PLC-1: an unknown parent, a compartment of another facility, a place in an unknown compartment and duplicates are refused', () => {
    const failures = checkFacilityLayout(
      facility({ designatedCapacity: 5 }),
      [
        ...compartments,
        compartment('orphan', 'nowhere'),
        compartment('elsewhere', 'building-a', { facilityId: 'other' }),
        compartment('room-2', 'floor-1'),
      ],
      [...places, place('stray', 'missing-room'), place('bed-2a', 'room-2')],
      today,
    );
    expect(codes(failures).sort()).toEqual([
      'compartment-outside-facility',
      'duplicate-compartment',
      'duplicate-place',
      'place-in-unknown-compartment',
      'unknown-parent-compartment',
    ]);
  });

  it('PLC-1: designated places are the open non-emergency ones, counted against designated capacity', () => {
    const emergency = place('emergency-1', 'building-a', { emergency: true });
    expect(isDesignatedPlaceOn(emergency, today)).toBe(false);
    // 4 designated + 1 emergency: within designated 4 and physical 5.
    expect(checkFacilityLayout(facility(), compartments, [...places, emergency], today)).toEqual(
      [],
    );

    const fifthBed = place('bed-2c', 'room-2');
    expect(checkFacilityLayout(facility(), compartments, [...places, fifthBed], today)).toEqual([
      {
        code: 'designated-capacity-exceeded',
        rule: 'PLC-1',
        message:
          'Facility Lake County Detention Center has 5 designated places on 2026-03-01, above its designated capacity of 4.',
      },
    ]);
  });

  it('PLC-1: every open place, emergency ones included, counts against physical capacity; a closed one no longer does', () => {
    const emergency1 = place('emergency-1', 'building-a', { emergency: true });
    const emergency2 = place('emergency-2', 'building-a', { emergency: true });
    const all = [...places, emergency1, emergency2];
    expect(codes(checkFacilityLayout(facility(), compartments, all, today))).toEqual([
      'physical-capacity-exceeded',
    ]);
    // PLC-6: the emergency place closes on the day its client moves to a designated place.
    const closed = [...places, emergency1, { ...emergency2, closedOn: today }];
    expect(checkFacilityLayout(facility(), compartments, closed, today)).toEqual([]);
  });

  it('PLC-1: designated capacity above physical capacity is refused', () => {
    expect(
      codes(
        checkFacilityLayout(
          facility({ designatedCapacity: 6, physicalCapacity: 5 }),
          compartments,
          places,
          today,
        ),
      ),
    ).toEqual(['designated-capacity-above-physical']);
  });
});

describe('facility layout index (PLC-1)', () => {
  const layout = indexFacilityLayout(compartments, places);

  it('PLC-1: ancestors nearest first, the top-level compartment and the path of names', () => {
    expect(layout.ancestorsOf('room-2').map((c) => c.compartmentId)).toEqual([
      'floor-1',
      'building-a',
    ]);
    expect(layout.ancestorsOf('building-a')).toEqual([]);
    expect(layout.topLevelOf('room-2')?.compartmentId).toBe('building-a');
    expect(layout.topLevelOf('building-a')?.compartmentId).toBe('building-a');
    expect(layout.pathOf('room-10')).toEqual(['Building A', 'Floor 1', 'Room 10']);
  });

  it('PLC-1: places of a whole subtree, depth first in reading order (Room 2 before Room 10)', () => {
    expect(layout.placesInSubtree('building-a').map((p) => p.placeId)).toEqual([
      'bed-2a',
      'bed-2b',
      'bed-10a',
      'bed-10b',
    ]);
    expect(layout.placesInSubtree('room-10').map((p) => p.placeId)).toEqual(['bed-10a', 'bed-10b']);
    expect(layout.placesIn('floor-1')).toEqual([]);
    expect(layout.childrenOf('floor-1').map((c) => c.name)).toEqual(['Room 2', 'Room 10']);
    const inReadingOrder = ['room-10', 'building-a', 'room-2', 'floor-1'].sort(
      (a, b) => layout.orderOf(a) - layout.orderOf(b),
    );
    expect(inReadingOrder).toEqual(['building-a', 'floor-1', 'room-2', 'room-10']);
  });

  it('PLC-1: a facility of 10 buildings × 10 floors × 10 rooms × 2 beds: 2,000 places, each floor holds 20', () => {
    const big: Compartment[] = [compartment('root', null, { name: 'Campus' })];
    const beds: Place[] = [];
    for (let b = 1; b <= 10; b += 1) {
      big.push(compartment(`b${b}`, 'root', { name: `Building ${b}` }));
      for (let f = 1; f <= 10; f += 1) {
        big.push(compartment(`b${b}f${f}`, `b${b}`, { name: `Floor ${f}` }));
        for (let r = 1; r <= 10; r += 1) {
          const room = `b${b}f${f}r${r}`;
          big.push(compartment(room, `b${b}f${f}`, { name: `Room ${r}` }));
          beds.push(
            place(`${room}-1`, room, { name: 'Bed 1' }),
            place(`${room}-2`, room, { name: 'Bed 2' }),
          );
        }
      }
    }
    const bigLayout = indexFacilityLayout(big, beds);
    expect(bigLayout.placesInSubtree('root')).toHaveLength(2000);
    expect(bigLayout.placesInSubtree('b3f7')).toHaveLength(20);
    expect(bigLayout.pathOf('b10f10r10')).toEqual(['Campus', 'Building 10', 'Floor 10', 'Room 10']);
    expect(
      checkFacilityLayout(
        facility({ designatedCapacity: 2000, physicalCapacity: 2000 }),
        big,
        beds,
        today,
      ),
    ).toEqual([]);
  });

  it('PLC-1: walking up a cyclic layout stops instead of looping', () => {
    const cyclic = indexFacilityLayout([compartment('x', 'y'), compartment('y', 'x')], []);
    expect(cyclic.ancestorsOf('x').map((c) => c.compartmentId)).toEqual(['y']);
  });
});
