import { describe, expect, it } from '@jest/globals';
import { parseCalendarDate } from '@platform/kernel';
import {
  ageOn,
  effectiveCharacteristics,
  effectiveCharacteristicsIndex,
  suitability,
  type Suitability,
} from './characteristics.js';
import { indexFacilityLayout } from './facility-layout.js';
import type {
  CharacteristicSettings,
  ClientCharacteristics,
  Compartment,
  CompartmentCharacteristics,
} from './layout.types.js';

const day = parseCalendarDate;
const start = day('2026-03-01');
const disabled: CharacteristicSettings = { raceEnabled: false, religionEnabled: false };
const enabled: CharacteristicSettings = { raceEnabled: true, religionEnabled: true };

const client = (overrides: Partial<ClientCharacteristics> = {}): ClientCharacteristics => ({
  clientId: 'maria',
  birthDate: day('2010-06-15'),
  gender: 'female',
  language: 'es',
  gangAffiliation: null,
  race: 'hispanic',
  religion: 'catholic',
  ...overrides,
});

const codes = (result: Suitability): string[] =>
  result.suitable ? [] : result.failures.map((failure) => failure.code);

const suits = (
  characteristics: CompartmentCharacteristics,
  overrides: {
    who?: ClientCharacteristics;
    occupants?: ClientCharacteristics[];
    settings?: CharacteristicSettings;
    product?: string | null;
    onDate?: string;
  } = {},
): Suitability =>
  suitability(
    overrides.who ?? client(),
    characteristics,
    overrides.occupants ?? [],
    overrides.settings ?? disabled,
    overrides.product ?? null,
    day(overrides.onDate ?? start),
  );

describe('effective compartment characteristics (PLC-2)', () => {
  it('PLC-2: per field, the nearest compartment that sets it wins', () => {
    const building: CompartmentCharacteristics = {
      language: 'en',
      minimumAge: 12,
      sameGenderOnly: true,
    };
    const floor: CompartmentCharacteristics = { language: 'es', maximumAge: null };
    const room: CompartmentCharacteristics = { maximumAge: 17 };
    expect(effectiveCharacteristics(room, [floor, building])).toEqual({
      language: 'es',
      minimumAge: 12,
      maximumAge: 17,
      sameGenderOnly: true,
    });
  });

  it('PLC-2: an explicit false on a room switches off the building\'s "same gender only"; null inherits', () => {
    const building: CompartmentCharacteristics = { sameGenderOnly: true };
    expect(effectiveCharacteristics({ sameGenderOnly: false }, [building])).toEqual({
      sameGenderOnly: false,
    });
    expect(effectiveCharacteristics({ language: null }, [{ language: 'es' }])).toEqual({
      language: 'es',
    });
  });

  it('PLC-2: the index resolves every compartment of a layout from its ancestors', () => {
    const compartment = (
      compartmentId: string,
      parentId: string | null,
      characteristics: CompartmentCharacteristics,
    ): Compartment => ({
      compartmentId,
      facilityId: 'lake',
      parentId,
      name: compartmentId,
      characteristics,
    });
    const layout = indexFacilityLayout(
      [
        compartment('building', null, { serviceProductId: 'secure-detention' }),
        compartment('floor', 'building', { sameGenderOnly: true }),
        compartment('room', 'floor', { language: 'es' }),
      ],
      [],
    );
    const of = effectiveCharacteristicsIndex(layout);
    expect(of('room')).toEqual({
      serviceProductId: 'secure-detention',
      sameGenderOnly: true,
      language: 'es',
    });
    expect(of('building')).toEqual({ serviceProductId: 'secure-detention' });
    expect(of('unknown')).toEqual({});
  });
});

describe('suitability of a compartment for a client (PLC-2)', () => {
  it('PLC-2: a compartment with no characteristics suits anyone', () => {
    expect(suits({})).toEqual({ suitable: true });
  });

  it('PLC-2: language and gang affiliation must match the value the compartment is for', () => {
    expect(suits({ language: 'es' })).toEqual({ suitable: true });
    expect(suits({ language: 'en', gangAffiliation: 'none-known' })).toEqual({
      suitable: false,
      failures: [
        {
          code: 'language-mismatch',
          rule: 'PLC-2',
          message: "The compartment is for language en; the client's is es.",
        },
        {
          code: 'gang-affiliation-mismatch',
          rule: 'PLC-2',
          message:
            "The compartment is for gang affiliation none-known; the client's gang affiliation is not recorded.",
        },
      ],
    });
  });

  it('PLC-2: race and religion are ignored until an administrator enables them', () => {
    const asks: CompartmentCharacteristics = { race: 'white', religion: 'muslim' };
    expect(suits(asks, { settings: disabled })).toEqual({ suitable: true });
    expect(codes(suits(asks, { settings: enabled }))).toEqual([
      'race-mismatch',
      'religion-mismatch',
    ]);
    expect(codes(suits(asks, { settings: { raceEnabled: false, religionEnabled: true } }))).toEqual(
      ['religion-mismatch'],
    );
  });

  it('PLC-2: age on the start date within minimum and maximum, both inclusive', () => {
    // Born 2010-06-15: 15 on 2026-03-01, 16 from 2026-06-15.
    expect(suits({ minimumAge: 15, maximumAge: 15 })).toEqual({ suitable: true });
    expect(codes(suits({ minimumAge: 16 }))).toEqual(['below-minimum-age']);
    expect(suits({ minimumAge: 16 }, { onDate: '2026-06-15' })).toEqual({ suitable: true });
    expect(suits({ maximumAge: 14 })).toEqual({
      suitable: false,
      failures: [
        {
          code: 'above-maximum-age',
          rule: 'PLC-2',
          message: 'The client is 15 on 2026-03-01; the compartment is for ages up to 14.',
        },
      ],
    });
  });

  it('PLC-2: with an age limit and no birth date, the compartment does not suit and says why', () => {
    expect(suits({ maximumAge: 17 }, { who: client({ birthDate: null }) })).toEqual({
      suitable: false,
      failures: [
        {
          code: 'age-unknown',
          rule: 'PLC-2',
          message: "The compartment has an age limit and the client's birth date is not recorded.",
        },
      ],
    });
    expect(suits({}, { who: client({ birthDate: null }) })).toEqual({ suitable: true });
  });

  it('PLC-2: age counts whole years; a 29 February birthday is reached on 1 March', () => {
    expect(ageOn(day('2010-02-28'), day('2026-02-27'))).toBe(15);
    expect(ageOn(day('2010-02-28'), day('2026-02-28'))).toBe(16);
    expect(ageOn(day('2008-02-29'), day('2026-02-28'))).toBe(17);
    expect(ageOn(day('2008-02-29'), day('2026-03-01'))).toBe(18);
  });

  it('PLC-2: "same gender only": every overlapping occupant must share the client\'s gender; an empty room suits anyone', () => {
    const room: CompartmentCharacteristics = { sameGenderOnly: true };
    expect(suits(room)).toEqual({ suitable: true });
    const girl = client({ clientId: 'ana', gender: 'female' });
    const boy = client({ clientId: 'ben', gender: 'male' });
    expect(suits(room, { occupants: [girl] })).toEqual({ suitable: true });
    expect(suits(room, { occupants: [girl, boy] })).toEqual({
      suitable: false,
      failures: [
        {
          code: 'same-gender-only',
          rule: 'PLC-2',
          message:
            'The compartment is "same gender only"; the client\'s gender is female, other occupants\' male.',
        },
      ],
    });
  });

  it('PLC-2: "same … only" with occupants and the client\'s value unknown does not suit', () => {
    const occupant = client({ clientId: 'ana' });
    expect(
      codes(
        suits(
          { sameLanguageOnly: true },
          { who: client({ language: null }), occupants: [occupant] },
        ),
      ),
    ).toEqual(['same-language-only']);
    expect(
      codes(
        suits(
          { sameLanguageOnly: true },
          { occupants: [client({ clientId: 'x', language: null })] },
        ),
      ),
    ).toEqual(['same-language-only']);
  });

  it("PLC-2: the client's own occupancy in the compartment is not another occupant", () => {
    expect(suits({ sameGenderOnly: true }, { occupants: [client({ gender: 'male' })] })).toEqual({
      suitable: true,
    });
  });

  it('PLC-2: "same gang affiliation / race / religion only" — race and religion only when enabled', () => {
    const other = client({
      clientId: 'ana',
      gangAffiliation: 'north',
      race: 'white',
      religion: 'none',
    });
    const all: CompartmentCharacteristics = {
      sameGangAffiliationOnly: true,
      sameRaceOnly: true,
      sameReligionOnly: true,
      sameLanguageOnly: true,
    };
    const me = client({ gangAffiliation: 'north' });
    expect(suits(all, { who: me, occupants: [other] })).toEqual({ suitable: true });
    expect(codes(suits(all, { who: me, occupants: [other], settings: enabled }))).toEqual([
      'same-race-only',
      'same-religion-only',
    ]);
    expect(codes(suits(all, { occupants: [other] }))).toEqual(['same-gang-affiliation-only']);
  });

  it('PLC-2: a compartment for a service product suits only a request for that product', () => {
    const room: CompartmentCharacteristics = { serviceProductId: 'secure-detention' };
    expect(suits(room, { product: 'secure-detention' })).toEqual({ suitable: true });
    expect(suits(room, { product: 'shelter-care' })).toEqual({
      suitable: false,
      failures: [
        {
          code: 'service-product-mismatch',
          rule: 'PLC-2',
          message: 'The compartment is for service product secure-detention, not shelter-care.',
        },
      ],
    });
    expect(suits(room, { product: null })).toEqual({ suitable: true });
    expect(suits({}, { product: 'shelter-care' })).toEqual({ suitable: true });
  });

  it('PLC-2: every reason is listed, in a fixed order', () => {
    const room: CompartmentCharacteristics = {
      language: 'en',
      maximumAge: 12,
      sameGenderOnly: true,
      serviceProductId: 'secure-detention',
    };
    const boy = client({ clientId: 'ben', gender: 'male' });
    expect(codes(suits(room, { occupants: [boy], product: 'shelter-care' }))).toEqual([
      'language-mismatch',
      'above-maximum-age',
      'same-gender-only',
      'service-product-mismatch',
    ]);
  });
});
