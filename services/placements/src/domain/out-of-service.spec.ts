import { describe, expect, it } from '@jest/globals';
import { dateRange, parseCalendarDate } from '@platform/kernel';
import { indexFacilityLayout } from './facility-layout.js';
import type { Compartment, OutOfService, Place } from './layout.types.js';
import { indexOutOfService, outOfServiceFailure, placesOutOfService } from './out-of-service.js';

const day = parseCalendarDate;
const period = (start: string, end: string | null) =>
  dateRange(day(start), end === null ? null : day(end));

const compartment = (compartmentId: string, parentId: string | null): Compartment => ({
  compartmentId,
  facilityId: 'lake',
  parentId,
  name: compartmentId,
  characteristics: {},
});
const place = (placeId: string, compartmentId: string): Place => ({
  placeId,
  compartmentId,
  name: placeId,
  emergency: false,
  closedOn: null,
});

const layout = indexFacilityLayout(
  [
    compartment('building', null),
    compartment('floor-1', 'building'),
    compartment('room-101', 'floor-1'),
    compartment('room-102', 'floor-1'),
  ],
  [place('101-a', 'room-101'), place('101-b', 'room-101'), place('102-a', 'room-102')],
);
const places = [layout.place('101-a'), layout.place('101-b'), layout.place('102-a')] as Place[];

const fire: OutOfService = {
  target: { kind: 'compartment', compartmentId: 'room-101' },
  period: period('2026-03-01', '2026-03-31'),
  reason: 'Fire damage',
};
const mattress: OutOfService = {
  target: { kind: 'place', placeId: '102-a' },
  period: period('2026-03-10', '2026-03-12'),
  reason: 'Mattress replaced',
};
const painting: OutOfService = {
  target: { kind: 'compartment', compartmentId: 'building' },
  period: period('2026-05-01', null),
  reason: 'Repainting',
};

describe('places out of service (PLC-3)', () => {
  it('PLC-3: a room out of service takes out each of its beds on any overlapping day, and only those', () => {
    const out = placesOutOfService(
      places,
      [fire, mattress],
      period('2026-03-31', '2026-04-05'),
      layout,
    );
    expect([...out.keys()]).toEqual(['101-a', '101-b']);
    expect(out.get('101-a')).toEqual([fire]);
  });

  it('PLC-3: a period that ends the day before or starts the day after is not affected', () => {
    expect(
      placesOutOfService(places, [fire], period('2026-02-01', '2026-02-28'), layout).size,
    ).toBe(0);
    expect(placesOutOfService(places, [fire], period('2026-04-01', null), layout).size).toBe(0);
  });

  it("PLC-3: a place's own record counts for that place only", () => {
    const out = placesOutOfService(places, [mattress], period('2026-03-12', '2026-03-20'), layout);
    expect([...out.entries()]).toEqual([['102-a', [mattress]]]);
  });

  it('PLC-3: a record on an ancestor compartment (the building) takes out every place below it; open-ended records never end', () => {
    const out = placesOutOfService(places, [painting], period('2027-01-01', '2027-01-02'), layout);
    expect([...out.keys()]).toEqual(['101-a', '101-b', '102-a']);
  });

  it('PLC-3: an open-ended request overlaps a later record', () => {
    const out = placesOutOfService(places, [mattress], period('2026-01-01', null), layout);
    expect([...out.keys()]).toEqual(['102-a']);
  });

  it('PLC-3: every reason is given, earliest first, and named in the refusal', () => {
    const ownRecord: OutOfService = {
      target: { kind: 'place', placeId: '101-a' },
      period: period('2026-02-20', '2026-03-02'),
      reason: 'Broken frame',
    };
    const index = indexOutOfService(
      [painting, fire, ownRecord],
      period('2026-01-01', null),
      layout,
    );
    const records = index.recordsFor(places[0] as Place);
    expect(records).toEqual([ownRecord, fire, painting]);
    expect(outOfServiceFailure(places[0] as Place, records)).toEqual({
      code: 'place-out-of-service',
      rule: 'PLC-3',
      message:
        'Place 101-a is out of service during the period: Broken frame (2026-02-20 to 2026-03-02); ' +
        'Fire damage (2026-03-01 to 2026-03-31); Repainting (2026-05-01 to further notice).',
    });
  });
});
