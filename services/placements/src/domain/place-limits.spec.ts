import { describe, expect, it } from '@jest/globals';
import { dateRange, parseCalendarDate } from '@platform/kernel';
import type { Occupancy, PlaceLimit } from './layout.types.js';
import {
  applicableLimits,
  checkPlaceLimit,
  checkPlaceLimits,
  maxConcurrent,
  periodIntersection,
  placesLeftUnderLimit,
} from './place-limits.js';

const day = parseCalendarDate;
const period = (start: string, end: string | null) =>
  dateRange(day(start), end === null ? null : day(end));

const occupancy = (
  id: string,
  start: string,
  end: string | null,
  overrides: Partial<Occupancy> = {},
): Occupancy => ({
  kind: 'placement',
  id,
  placeId: `place-${id}`,
  facilityId: 'lake',
  client: {
    clientId: `client-${id}`,
    birthDate: null,
    gender: null,
    language: null,
    gangAffiliation: null,
    race: null,
    religion: null,
  },
  period: period(start, end),
  contractId: 'contract-2026',
  providerServiceId: 'secure-detention@lake',
  ...overrides,
});

/** DOMAIN PLC-8: 10 of the provider's 20 places are the agency's under the contract. */
const contract: PlaceLimit = {
  kind: 'contract',
  id: 'contract-2026',
  limit: 10,
  period: period('2026-01-01', '2026-12-31'),
};

const tenInMarch = Array.from({ length: 10 }, (_, i) =>
  occupancy(`m${i}`, '2026-03-01', '2026-03-31'),
);

describe('place limits (PLC-8 contract, PRV-6 provider service)', () => {
  it('PLC-8: 10 of 20 places under a contract — with 9 held, one more may be held, leaving none', () => {
    expect(
      checkPlaceLimit(contract, tenInMarch.slice(0, 9), period('2026-03-10', '2026-03-20')),
    ).toEqual({
      ok: true,
      placesLeft: 0,
    });
  });

  it('PLC-8: 10 of 20 places under a contract — with 10 held, an 11th is refused, naming the contract', () => {
    expect(checkPlaceLimit(contract, tenInMarch, period('2026-03-10', '2026-03-20'))).toEqual({
      ok: false,
      failure: {
        code: 'contract-place-limit-reached',
        rule: 'PLC-8',
        message:
          'The place limit of contract contract-2026 is 10; 10 already held on the busiest day of the period, so 1 more cannot be held.',
      },
    });
  });

  it('PLC-8: only occupancies overlapping the period count (10 in March leave April free)', () => {
    expect(placesLeftUnderLimit(contract, tenInMarch, period('2026-04-01', '2026-04-30'))).toBe(10);
    expect(placesLeftUnderLimit(contract, tenInMarch, period('2026-03-31', '2026-04-30'))).toBe(0);
  });

  it('PLC-8: the busiest day counts, not the total — 15 short stays never more than 5 at once leave 5', () => {
    const staggered = Array.from({ length: 15 }, (_, i) =>
      occupancy(
        `s${i}`,
        i < 5 ? '2026-03-01' : i < 10 ? '2026-03-11' : '2026-03-21',
        i < 5 ? '2026-03-10' : i < 10 ? '2026-03-20' : '2026-03-31',
      ),
    );
    expect(placesLeftUnderLimit(contract, staggered, period('2026-03-01', '2026-03-31'))).toBe(5);
  });

  it('PLC-8: an open-ended placement holds its place on every later day', () => {
    const open = Array.from({ length: 10 }, (_, i) => occupancy(`o${i}`, '2026-01-15', null));
    expect(checkPlaceLimit(contract, open, period('2026-11-01', '2026-11-02')).ok).toBe(false);
    expect(placesLeftUnderLimit(contract, open, period('2026-01-01', '2026-01-14'))).toBe(10);
  });

  it('PLC-8: occupancies under another contract, or none, do not count', () => {
    const others = [
      ...tenInMarch.map((o) => ({ ...o, contractId: 'contract-other' })),
      occupancy('x', '2026-03-01', null, { contractId: null }),
    ];
    expect(placesLeftUnderLimit(contract, others, period('2026-03-01', '2026-03-31'))).toBe(10);
  });

  it('PLC-8: provider-only reservations (no place chosen yet) count under the limit', () => {
    const providerOnly = tenInMarch.map((o) => ({
      ...o,
      kind: 'reservation' as const,
      placeId: null,
    }));
    expect(placesLeftUnderLimit(contract, providerOnly, period('2026-03-05', '2026-03-05'))).toBe(
      0,
    );
  });

  it("PLC-8: only days within the limit's own period count; outside it the limit does not apply", () => {
    const december = Array.from({ length: 10 }, (_, i) =>
      occupancy(`d${i}`, '2026-12-31', '2027-01-31'),
    );
    expect(placesLeftUnderLimit(contract, december, period('2027-01-01', '2027-01-31'))).toBeNull();
    expect(checkPlaceLimit(contract, december, period('2027-01-01', '2027-01-31'))).toEqual({
      ok: true,
      placesLeft: null,
    });
    expect(checkPlaceLimit(contract, december, period('2026-12-30', '2027-01-31')).ok).toBe(false);
  });

  it('PRV-6: a provider service place limit counts occupancies using that provider service', () => {
    const serviceLimit: PlaceLimit = {
      kind: 'provider-service',
      id: 'secure-detention@lake',
      limit: 3,
      period: period('2026-01-01', null),
    };
    const three = tenInMarch.slice(0, 3);
    expect(checkPlaceLimit(serviceLimit, three, period('2026-03-01', '2026-03-01'))).toMatchObject({
      ok: false,
      failure: { code: 'provider-service-place-limit-reached', rule: 'PRV-6' },
    });
    expect(checkPlaceLimit(serviceLimit, three.slice(0, 1), period('2026-03-01', null), 2)).toEqual(
      {
        ok: true,
        placesLeft: 0,
      },
    );
  });

  it("PLC-8: only limits for the request's contract and provider service, overlapping its period, apply — in a fixed order", () => {
    const serviceLimit: PlaceLimit = {
      kind: 'provider-service',
      id: 'secure-detention@lake',
      limit: 1,
      period: period('2026-01-01', null),
    };
    const otherContract: PlaceLimit = { ...contract, id: 'contract-other' };
    const lastYear: PlaceLimit = { ...contract, period: period('2025-01-01', '2025-12-31') };
    const scope = { contractId: 'contract-2026', providerServiceId: 'secure-detention@lake' };
    expect(
      applicableLimits(
        [serviceLimit, otherContract, lastYear, contract],
        scope,
        period('2026-03-01', null),
      ),
    ).toEqual([contract, serviceLimit]);
    expect(
      checkPlaceLimits(
        [serviceLimit, contract],
        tenInMarch,
        scope,
        period('2026-03-01', '2026-03-02'),
      ).map((f) => f.code),
    ).toEqual(['contract-place-limit-reached', 'provider-service-place-limit-reached']);
    expect(
      checkPlaceLimits(
        [serviceLimit, contract],
        tenInMarch,
        { contractId: null, providerServiceId: null },
        period('2026-03-01', '2026-03-02'),
      ),
    ).toEqual([]);
  });

  it('the busiest-day sweep: a stay ending the day before another starts does not overlap it', () => {
    const window = period('2026-01-01', null);
    expect(
      maxConcurrent(
        [period('2026-03-01', '2026-03-10'), period('2026-03-11', '2026-03-20')],
        window,
      ),
    ).toBe(1);
    expect(
      maxConcurrent(
        [period('2026-03-01', '2026-03-10'), period('2026-03-10', '2026-03-20')],
        window,
      ),
    ).toBe(2);
    expect(maxConcurrent([], window)).toBe(0);
    expect(
      periodIntersection(period('2026-01-01', null), period('2026-02-01', '2026-02-02')),
    ).toEqual(period('2026-02-01', '2026-02-02'));
    expect(
      periodIntersection(period('2026-01-01', '2026-01-31'), period('2026-02-01', null)),
    ).toBeNull();
  });
});
