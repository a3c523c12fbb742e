import { describe, expect, it } from '@jest/globals';
import { dateRange, parseCalendarDate } from '@platform/kernel';
import {
  findFreePlaces,
  type Availability,
  type AvailabilityRequest,
  type FacilityFacts,
} from './availability.js';
import type {
  ClientCharacteristics,
  Compartment,
  CompartmentCharacteristics,
  Occupancy,
  Place,
  PlaceLimit,
} from './layout.types.js';

const day = parseCalendarDate;
const period = (start: string, end: string | null) =>
  dateRange(day(start), end === null ? null : day(end));

const person = (
  clientId: string,
  gender: ClientCharacteristics['gender'],
): ClientCharacteristics => ({
  clientId,
  birthDate: day('2010-06-15'),
  gender,
  language: 'es',
  gangAffiliation: null,
  race: null,
  religion: null,
});

const compartment = (
  compartmentId: string,
  parentId: string | null,
  name: string,
  characteristics: CompartmentCharacteristics = {},
): Compartment => ({ compartmentId, facilityId: 'lake', parentId, name, characteristics });

const bed = (
  placeId: string,
  compartmentId: string,
  name: string,
  overrides: Partial<Place> = {},
): Place => ({
  placeId,
  compartmentId,
  name,
  emergency: false,
  closedOn: null,
  ...overrides,
});

const occupancy = (
  id: string,
  placeId: string | null,
  client: ClientCharacteristics,
  start: string,
  end: string | null,
  kind: Occupancy['kind'] = 'placement',
): Occupancy => ({
  kind,
  id,
  placeId,
  facilityId: 'lake',
  client,
  period: period(start, end),
  contractId: 'contract-2026',
  providerServiceId: 'secure-detention@lake',
});

const contract = (limit: number): PlaceLimit => ({
  kind: 'contract',
  id: 'contract-2026',
  limit,
  period: period('2026-01-01', '2026-12-31'),
});

/**
 * The guide's Lake County detention centre: two buildings → two floors → two rooms → two beds.
 * North Building is "same gender only" (its rooms inherit it); South Floor 2 is for shelter care.
 * Room 101 of North Building burnt: out of service for March 2026.
 */
function lakeCounty(limits: PlaceLimit[] = [contract(10)]): FacilityFacts {
  const compartments: Compartment[] = [
    compartment('lake', null, 'Lake County Detention Center'),
    compartment('north', 'lake', 'North Building', { sameGenderOnly: true }),
    compartment('south', 'lake', 'South Building'),
  ];
  const places: Place[] = [];
  for (const building of ['north', 'south']) {
    for (const floor of [1, 2]) {
      const floorId = `${building}-${floor}`;
      compartments.push(
        compartment(
          floorId,
          building,
          `Floor ${floor}`,
          building === 'south' && floor === 2 ? { serviceProductId: 'shelter-care' } : {},
        ),
      );
      for (const room of [1, 2]) {
        const roomId = `${building}-${floor}0${room}`;
        compartments.push(compartment(roomId, floorId, `Room ${floor}0${room}`));
        places.push(bed(`${roomId}-A`, roomId, 'Bed A'), bed(`${roomId}-B`, roomId, 'Bed B'));
      }
    }
  }
  return {
    facility: {
      facilityId: 'lake',
      providerId: 'lake-county',
      name: 'Lake County Detention Center',
      designatedCapacity: 16,
      physicalCapacity: 20,
    },
    compartments,
    places,
    outOfService: [
      {
        target: { kind: 'compartment', compartmentId: 'north-101' },
        period: period('2026-03-01', '2026-03-31'),
        reason: 'Fire damage',
      },
    ],
    occupancies: [
      occupancy('ben-placement', 'north-102-A', person('ben', 'male'), '2026-02-01', null),
      occupancy(
        'ana-reservation',
        'north-201-A',
        person('ana', 'female'),
        '2026-03-05',
        '2026-03-25',
        'reservation',
      ),
      occupancy(
        'carl-placement',
        'south-101-A',
        person('carl', 'male'),
        '2026-01-01',
        '2026-03-09',
      ),
      occupancy('dan-placement', 'south-102-B', person('dan', 'male'), '2026-03-15', '2026-03-16'),
    ],
    limits,
  };
}

const maria = person('maria', 'female');
const request = (start: string, end: string | null): AvailabilityRequest => ({
  client: maria,
  period: period(start, end),
  serviceProductId: 'secure-detention',
  scope: { contractId: 'contract-2026', providerServiceId: 'secure-detention@lake' },
  settings: { raceEnabled: false, religionEnabled: false },
});

const freeIds = (availability: Availability) => availability.free.map((place) => place.placeId);
const reasonsOf = (availability: Availability, placeId: string) =>
  availability.excluded
    .find((place) => place.placeId === placeId)
    ?.failures.map((failure) => failure.code);

describe('free places for a client (PLC-1, PLC-2, PLC-3, PLC-8) — Lake County detention centre', () => {
  it('PLC-3: no bed of the burnt room is offered in March; the free beds come sorted by compartment path, then name', () => {
    const march = findFreePlaces(lakeCounty(), request('2026-03-10', '2026-03-20'));
    expect(freeIds(march)).toEqual([
      'north-201-B',
      'north-202-A',
      'north-202-B',
      'south-101-A',
      'south-101-B',
      'south-102-A',
    ]);
    expect(march.free[0]).toEqual({
      placeId: 'north-201-B',
      name: 'Bed B',
      compartmentId: 'north-201',
      compartmentPath: ['Lake County Detention Center', 'North Building', 'Floor 2', 'Room 201'],
      emergency: false,
    });
    expect(march.excluded.find((place) => place.placeId === 'north-101-A')?.failures).toEqual([
      {
        code: 'place-out-of-service',
        rule: 'PLC-3',
        message:
          'Place Bed A is out of service during the period: Fire damage (2026-03-01 to 2026-03-31).',
      },
    ]);
    expect(reasonsOf(march, 'north-101-B')).toEqual(['place-out-of-service']);
  });

  it("PLC-3: the burnt room's beds are offered again after its out-of-service period", () => {
    const april = findFreePlaces(lakeCounty(), request('2026-04-01', '2026-04-10'));
    expect(freeIds(april)).toEqual([
      'north-101-A',
      'north-101-B',
      'north-201-A',
      'north-201-B',
      'north-202-A',
      'north-202-B',
      'south-101-A',
      'south-101-B',
      'south-102-A',
      'south-102-B',
    ]);
    // A period touching the last burnt day still excludes the room.
    expect(
      freeIds(findFreePlaces(lakeCounty(), request('2026-03-31', '2026-04-10'))),
    ).not.toContain('north-101-A');
  });

  it('PLC-2: in a "same gender only" room holding a boy, no bed is offered to a girl — the boy\'s own bed is also held', () => {
    const march = findFreePlaces(lakeCounty(), request('2026-03-10', '2026-03-20'));
    expect(reasonsOf(march, 'north-102-A')).toEqual(['place-held', 'same-gender-only']);
    expect(reasonsOf(march, 'north-102-B')).toEqual(['same-gender-only']);
    // Ana's room suits Maria: both girls.
    expect(freeIds(march)).toContain('north-201-B');
    // A boy is offered Room 102's free bed.
    const forBoy = findFreePlaces(lakeCounty(), {
      ...request('2026-03-10', '2026-03-20'),
      client: person('eli', 'male'),
    });
    expect(freeIds(forBoy)).toContain('north-102-B');
    expect(reasonsOf(forBoy, 'north-201-B')).toEqual(['same-gender-only']);
  });

  it('PLC-2: occupants who left before the period do not count; South Floor 2 is for another service product', () => {
    const march = findFreePlaces(lakeCounty(), request('2026-03-10', '2026-03-20'));
    expect(freeIds(march)).toContain('south-101-A'); // Carl left on 9 March.
    expect(reasonsOf(march, 'south-201-A')).toEqual(['service-product-mismatch']);
    expect(reasonsOf(march, 'south-102-B')).toEqual(['place-held']);
  });

  it('PLC-5: an open-ended request overlaps every occupancy starting later', () => {
    const openEnded = findFreePlaces(lakeCounty(), request('2026-03-01', null));
    expect(reasonsOf(openEnded, 'south-102-B')).toEqual(['place-held']);
    expect(reasonsOf(openEnded, 'south-101-A')).toEqual(['place-held']);
  });

  it('PLC-8: a contract limit reached refuses every place, with the reason', () => {
    // Ben, Ana and Dan (15–16 March) are 3 under the contract on the busiest day.
    const march = findFreePlaces(lakeCounty([contract(3)]), request('2026-03-10', '2026-03-20'));
    expect(march.free).toEqual([]);
    expect(march.limitFailures).toEqual([
      {
        code: 'contract-place-limit-reached',
        rule: 'PLC-8',
        message:
          'The place limit of contract contract-2026 is 3; 3 already held on the busiest day of the period, so 1 more cannot be held.',
      },
    ]);
    expect(march.excluded).toHaveLength(16);
    expect(reasonsOf(march, 'north-202-A')).toEqual(['contract-place-limit-reached']);
    // Before Dan arrives only Ben and Ana hold places: one more fits.
    const early = findFreePlaces(lakeCounty([contract(3)]), request('2026-03-10', '2026-03-14'));
    expect(freeIds(early)).toContain('north-202-A');
    expect(early.limitFailures).toEqual([]);
  });

  it('PLC-6: a closed emergency place is not offered; an open one is', () => {
    const facts = lakeCounty();
    const withEmergency: FacilityFacts = {
      ...facts,
      places: [
        ...facts.places,
        bed('emergency-1', 'lake', 'Emergency 1', { emergency: true, closedOn: day('2026-03-15') }),
        bed('emergency-2', 'lake', 'Emergency 2', { emergency: true }),
      ],
    };
    const march = findFreePlaces(withEmergency, request('2026-03-10', '2026-03-20'));
    expect(reasonsOf(march, 'emergency-1')).toEqual(['place-closed']);
    expect(freeIds(march)[0]).toBe('emergency-2'); // the top-level compartment sorts first
    expect(freeIds(findFreePlaces(withEmergency, request('2026-03-10', '2026-03-14')))).toContain(
      'emergency-1',
    );
  });

  it('same input, same output: shuffled facts give the same answer', () => {
    const facts = lakeCounty();
    const shuffled: FacilityFacts = {
      ...facts,
      compartments: [...facts.compartments].reverse(),
      places: [...facts.places].reverse(),
      occupancies: [...facts.occupancies].reverse(),
    };
    expect(findFreePlaces(shuffled, request('2026-03-10', '2026-03-20'))).toEqual(
      findFreePlaces(facts, request('2026-03-10', '2026-03-20')),
    );
  });
});

describe('free places at volume (PLC-1…PLC-3)', () => {
  it('a facility of 1,000 places and 3,000 occupancies: the expected places are free', () => {
    // 10 buildings × 5 floors × 10 rooms × 2 beds; every room "same gender only".
    const compartments: Compartment[] = [compartment('campus', null, 'Campus')];
    const places: Place[] = [];
    const occupancies: Occupancy[] = [];
    let roomIndex = 0;
    for (let b = 1; b <= 10; b += 1) {
      compartments.push(compartment(`b${b}`, 'campus', `Building ${b}`));
      for (let f = 1; f <= 5; f += 1) {
        compartments.push(compartment(`b${b}f${f}`, `b${b}`, `Floor ${f}`));
        for (let r = 0; r < 10; r += 1) {
          const roomId = `b${b}f${f}r${r}`;
          compartments.push(
            compartment(roomId, `b${b}f${f}`, `Room ${f}${r}`, { sameGenderOnly: true }),
          );
          for (const [slot, name] of [
            [0, 'Bed A'],
            [1, 'Bed B'],
          ] as const) {
            const placeId = `${roomId}-${name}`;
            places.push(bed(placeId, roomId, name));
            const i = roomIndex * 2 + slot;
            const who = person(`client-${i}`, i % 8 === 0 ? 'male' : 'female');
            occupancies.push(occupancy(`${i}-jan`, placeId, who, '2026-01-01', '2026-01-31'));
            occupancies.push(occupancy(`${i}-feb`, placeId, who, '2026-02-01', '2026-02-28'));
            // Every fourth place is taken from 5 April with no end; the others were used in March.
            occupancies.push(
              i % 4 === 0
                ? occupancy(`${i}-apr`, placeId, who, '2026-04-05', null)
                : occupancy(`${i}-mar`, placeId, who, '2026-03-01', '2026-03-31'),
            );
          }
          roomIndex += 1;
        }
      }
    }
    const facts: FacilityFacts = {
      facility: {
        facilityId: 'lake',
        providerId: 'lake-county',
        name: 'Campus',
        designatedCapacity: 1000,
        physicalCapacity: 1000,
      },
      compartments,
      places,
      outOfService: [
        {
          target: { kind: 'compartment', compartmentId: 'b1' },
          period: period('2026-04-20', '2026-04-21'),
          reason: 'Inspection',
        },
      ],
      occupancies,
      limits: [{ ...contract(2000), period: period('2026-01-01', null) }],
    };
    expect(places).toHaveLength(1000);
    expect(occupancies).toHaveLength(3000);

    const april = findFreePlaces(facts, request('2026-04-01', '2026-04-30'));
    // Rooms 0, 4, 8…: bed A held by a boy → both beds refused to a girl. Rooms 2, 6…: bed A held
    // by a girl → bed B free. Odd rooms: both free. 250 × 2 + 125 = 625, less Building 1 (rooms
    // 0–49: 25 odd rooms × 2 + 12 rooms ≡ 2 mod 4 = 62) out of service: 563. The first free bed
    // is in Building 2's first room (room 50 ≡ 2 mod 4).
    expect(april.free).toHaveLength(563);
    expect(april.excluded).toHaveLength(437);
    const perCode = new Map<string, number>();
    for (const place of april.excluded) {
      for (const failure of place.failures)
        perCode.set(failure.code, (perCode.get(failure.code) ?? 0) + 1);
    }
    expect(Object.fromEntries([...perCode].sort())).toEqual({
      'place-held': 250,
      'place-out-of-service': 100,
      'same-gender-only': 250,
    });
    expect(april.free[0]?.compartmentPath).toEqual(['Campus', 'Building 2', 'Floor 1', 'Room 10']);
    expect(april.free.at(-1)?.compartmentPath).toEqual([
      'Campus',
      'Building 10',
      'Floor 5',
      'Room 59',
    ]);
  });
});
