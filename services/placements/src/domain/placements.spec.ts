import { describe, expect, it } from '@jest/globals';
import { parseCalendarDate as day, type DateRange } from '@platform/kernel';
import {
  changePlacement,
  checkPlacement,
  whoToNotifyOfPlacementUpdate,
  type Placement,
} from './placements.js';

const period = (start: string, end: string | null = null): DateRange => ({
  start: day(start),
  end: end === null ? null : day(end),
});

const placement = (overrides: Partial<Placement> = {}): Placement => ({
  placementId: 'pl-1',
  clientId: 'ann',
  facilityId: 'facility-1',
  placeId: 'bed-1',
  period: period('2026-03-01'),
  state: 'active',
  createdBy: 'cw.carla',
  ...overrides,
});

describe('placements (PLC-5)', () => {
  it('PLC-5: a placement may be open-ended or bounded', () => {
    for (const range of [period('2026-03-01'), period('2026-03-01', '2026-03-01')]) {
      expect(
        checkPlacement({
          placementId: null,
          placeId: 'bed-1',
          period: range,
          placementsOfPlace: [],
        }),
      ).toEqual({
        ok: true,
      });
    }
  });

  it('PLC-5: a placement cannot end before it starts', () => {
    expect(
      checkPlacement({
        placementId: null,
        placeId: 'bed-1',
        period: { start: day('2026-03-02'), end: day('2026-03-01') },
        placementsOfPlace: [],
      }),
    ).toMatchObject({ ok: false, failure: { code: 'end-before-start', rule: 'PLC-5' } });
  });

  it('PLC-5: a place held by an overlapping placement is a conflict, listed by id', () => {
    const held = [
      placement({ placementId: 'pl-b', period: period('2026-03-20', '2026-03-25') }),
      placement({ placementId: 'pl-a', period: period('2026-02-01', '2026-03-10') }),
    ];
    expect(
      checkPlacement({
        placementId: null,
        placeId: 'bed-1',
        period: period('2026-03-10'),
        placementsOfPlace: held,
      }),
    ).toEqual({
      ok: false,
      failure: {
        code: 'place-held',
        rule: 'PLC-5',
        message: expect.stringContaining('pl-a, pl-b'),
      },
      conflictingPlacementIds: ['pl-a', 'pl-b'],
    });
  });

  it('PLC-5: back-to-back, another place, an ended placement or the placement itself is no conflict', () => {
    const others = [
      placement({ placementId: 'before', period: period('2026-02-01', '2026-02-28') }),
      placement({ placementId: 'elsewhere', placeId: 'bed-2' }),
      placement({
        placementId: 'ended',
        state: 'ended',
        period: period('2026-03-01', '2026-03-31'),
      }),
      placement({ placementId: 'self' }),
    ];
    expect(
      checkPlacement({
        placementId: 'self',
        placeId: 'bed-1',
        period: period('2026-03-01'),
        placementsOfPlace: others,
      }),
    ).toEqual({ ok: true });
  });

  it('PLC-5: ending an active placement bounds it and makes it final', () => {
    const outcome = changePlacement(placement(), { kind: 'end', end: day('2026-04-30') }, []);
    expect(outcome).toEqual({
      ok: true,
      placement: placement({ period: period('2026-03-01', '2026-04-30'), state: 'ended' }),
    });
    if (!outcome.ok) throw new Error('unreachable');
    expect(
      changePlacement(outcome.placement, { kind: 'change-place', placeId: 'bed-2' }, []),
    ).toMatchObject({
      ok: false,
      failure: { code: 'illegal-transition', rule: 'PLC-5' },
    });
  });

  it('PLC-5: ending before the start is refused', () => {
    expect(changePlacement(placement(), { kind: 'end', end: day('2026-02-28') }, [])).toMatchObject(
      {
        ok: false,
        failure: { code: 'end-before-start' },
      },
    );
  });

  it('PLC-5: an active placement changes period or place, each checked against the place occupants', () => {
    const other = placement({
      placementId: 'pl-2',
      placeId: 'bed-2',
      period: period('2026-04-01'),
    });
    expect(
      changePlacement(placement(), { kind: 'change-place', placeId: 'bed-2' }, [other]),
    ).toMatchObject({
      ok: false,
      failure: { code: 'place-held' },
      conflictingPlacementIds: ['pl-2'],
    });
    expect(
      changePlacement(
        placement({ period: period('2026-03-01', '2026-03-31') }),
        { kind: 'change-place', placeId: 'bed-2' },
        [other],
      ),
    ).toMatchObject({ ok: true, placement: { placeId: 'bed-2' } });
    expect(
      changePlacement(
        placement(),
        { kind: 'change-period', period: period('2026-02-01', '2026-02-28') },
        [],
      ),
    ).toMatchObject({
      ok: true,
      placement: { period: period('2026-02-01', '2026-02-28'), state: 'active' },
    });
  });

  it('PLC-5: a resource manager updating the placement notifies the creating case worker', () => {
    expect(
      whoToNotifyOfPlacementUpdate('cw.carla', {
        userId: 'rm.rivera',
        roles: ['resource-manager'],
      }),
    ).toEqual(['cw.carla']);
  });

  it('PLC-5 with ROLE: a supervisor or facility manager acts as a resource manager and notifies the creator', () => {
    for (const role of ['resource-manager-supervisor', 'facility-manager']) {
      expect(
        whoToNotifyOfPlacementUpdate('cw.carla', { userId: 'x.someone', roles: [role] }),
      ).toEqual(['cw.carla']);
    }
  });

  it('PLC-5: other updaters, or the creator themself, notify nobody', () => {
    expect(
      whoToNotifyOfPlacementUpdate('cw.carla', { userId: 'cw.other', roles: ['case-worker'] }),
    ).toEqual([]);
    expect(
      whoToNotifyOfPlacementUpdate('cw.carla', {
        userId: 'cw.carla',
        roles: ['case-worker', 'resource-manager'],
      }),
    ).toEqual([]);
  });
});
