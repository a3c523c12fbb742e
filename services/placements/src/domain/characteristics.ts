import type { CalendarDate } from '@platform/kernel';
import type { FacilityLayout } from './facility-layout.js';
import type {
  CharacteristicSettings,
  ClientCharacteristics,
  CompartmentCharacteristics,
} from './layout.types.js';
import type { RuleFailure } from './rule-failure.js';

export type SuitabilityFailureCode =
  | 'language-mismatch'
  | 'gang-affiliation-mismatch'
  | 'race-mismatch'
  | 'religion-mismatch'
  | 'below-minimum-age'
  | 'above-maximum-age'
  | 'age-unknown'
  | 'same-language-only'
  | 'same-gang-affiliation-only'
  | 'same-race-only'
  | 'same-religion-only'
  | 'same-gender-only'
  | 'service-product-mismatch';

export type Suitability =
  { suitable: true } | { suitable: false; failures: RuleFailure<SuitabilityFailureCode>[] };

const FIELDS = [
  'gangAffiliation',
  'sameGangAffiliationOnly',
  'language',
  'sameLanguageOnly',
  'race',
  'sameRaceOnly',
  'religion',
  'sameReligionOnly',
  'minimumAge',
  'maximumAge',
  'sameGenderOnly',
  'serviceProductId',
] as const satisfies readonly (keyof CompartmentCharacteristics)[];

/**
 * PLC-2: what applies to a compartment, decided per field: its own value if it sets one, else
 * the nearest ancestor's that does (a room inherits "same gender only" from its floor but may
 * set its own language). "Sets" means any value but undefined and null — so an explicit `false`
 * on a room switches off a "same … only" its building asks for; the loader must leave fields the
 * user did not set as null.
 */
export function effectiveCharacteristics(
  own: CompartmentCharacteristics,
  ancestorsNearestFirst: readonly CompartmentCharacteristics[],
): CompartmentCharacteristics {
  // Farthest first, so each nearer compartment that sets a field overwrites it.
  const effective: Record<string, unknown> = {};
  for (let i = ancestorsNearestFirst.length; i >= 0; i -= 1) {
    const source = i === 0 ? own : (ancestorsNearestFirst[i - 1] as CompartmentCharacteristics);
    for (const field of FIELDS) {
      const value = source[field];
      if (value !== undefined && value !== null) effective[field] = value;
    }
  }
  return effective as CompartmentCharacteristics;
}

/**
 * PLC-2: effective characteristics of every compartment of a layout, computed once (each from
 * its parent's, so a facility of 1,000 rooms costs one pass) and looked up by id.
 */
export function effectiveCharacteristicsIndex(
  layout: FacilityLayout,
): (compartmentId: string) => CompartmentCharacteristics {
  const memo = new Map<string, CompartmentCharacteristics>();
  const lookUp = (compartmentId: string): CompartmentCharacteristics => {
    const known = memo.get(compartmentId);
    if (known !== undefined) return known;
    const compartment = layout.compartment(compartmentId);
    if (compartment === undefined) return {};
    const parent = layout.ancestorsOf(compartmentId)[0];
    const inherited = parent === undefined ? [] : [lookUp(parent.compartmentId)];
    const effective = effectiveCharacteristics(compartment.characteristics, inherited);
    memo.set(compartmentId, effective);
    return effective;
  };
  return lookUp;
}

/**
 * Whole years completed on `onDate`. A 29 February birthday is reached on 1 March in other years
 * (ISO month-day strings compare in calendar order).
 */
export function ageOn(birthDate: CalendarDate, onDate: CalendarDate): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

type ValueField = 'language' | 'gangAffiliation' | 'race' | 'religion';
type SameOnlyField = ValueField | 'gender';

const LABEL: Record<SameOnlyField, string> = {
  language: 'language',
  gangAffiliation: 'gang affiliation',
  race: 'race',
  religion: 'religion',
  gender: 'gender',
};

const MISMATCH: Record<ValueField, SuitabilityFailureCode> = {
  language: 'language-mismatch',
  gangAffiliation: 'gang-affiliation-mismatch',
  race: 'race-mismatch',
  religion: 'religion-mismatch',
};

const SAME_ONLY: Record<SameOnlyField, SuitabilityFailureCode> = {
  language: 'same-language-only',
  gangAffiliation: 'same-gang-affiliation-only',
  race: 'same-race-only',
  religion: 'same-religion-only',
  gender: 'same-gender-only',
};

const SAME_ONLY_FLAG: Record<SameOnlyField, keyof CompartmentCharacteristics> = {
  language: 'sameLanguageOnly',
  gangAffiliation: 'sameGangAffiliationOnly',
  race: 'sameRaceOnly',
  religion: 'sameReligionOnly',
  gender: 'sameGenderOnly',
};

function failure(
  code: SuitabilityFailureCode,
  message: string,
): RuleFailure<SuitabilityFailureCode> {
  return { code, rule: 'PLC-2', message };
}

/**
 * PLC-2: does a compartment (its effective characteristics) suit the client for a stay starting
 * `onDate`? Every reason it does not, in a fixed order. `occupants` are the other clients holding
 * places in the same compartment during the period (the client's own entries are ignored).
 *
 * - A value the compartment sets (language, gang affiliation, race, religion) must equal the
 *   client's; a client without that value recorded does not match (nothing shows they fit).
 * - Race and religion — value and "same … only" — count only when enabled in `settings`.
 * - Age on `onDate` within minimum and maximum, both inclusive; with an age limit and no birth
 *   date the compartment does not suit, and the reason says the birth date is missing.
 * - "Same … only": every occupant must share the client's value (the first occupant decides);
 *   with occupants present, a value missing on the client or an occupant cannot be shown to be
 *   the same, so it does not suit. An empty compartment suits anyone.
 * - A compartment for a service product suits only a request for that product; a request naming
 *   no product (`serviceProductId` null) does not filter on it.
 */
export function suitability(
  client: ClientCharacteristics,
  characteristics: CompartmentCharacteristics,
  occupants: readonly ClientCharacteristics[],
  settings: CharacteristicSettings,
  serviceProductId: string | null,
  onDate: CalendarDate,
): Suitability {
  const failures: RuleFailure<SuitabilityFailureCode>[] = [];
  const enabled = (field: SameOnlyField): boolean =>
    (field !== 'race' || settings.raceEnabled) &&
    (field !== 'religion' || settings.religionEnabled);

  for (const field of ['language', 'gangAffiliation', 'race', 'religion'] as const) {
    const wanted = characteristics[field];
    if (wanted === undefined || wanted === null || !enabled(field)) continue;
    const has = client[field];
    if (has !== wanted) {
      failures.push(
        failure(
          MISMATCH[field],
          has === null
            ? `The compartment is for ${LABEL[field]} ${wanted}; the client's ${LABEL[field]} is not recorded.`
            : `The compartment is for ${LABEL[field]} ${wanted}; the client's is ${has}.`,
        ),
      );
    }
  }

  const { minimumAge, maximumAge } = characteristics;
  const hasMinimum = minimumAge !== undefined && minimumAge !== null;
  const hasMaximum = maximumAge !== undefined && maximumAge !== null;
  if (hasMinimum || hasMaximum) {
    if (client.birthDate === null) {
      failures.push(
        failure(
          'age-unknown',
          `The compartment has an age limit and the client's birth date is not recorded.`,
        ),
      );
    } else {
      const age = ageOn(client.birthDate, onDate);
      if (hasMinimum && age < minimumAge) {
        failures.push(
          failure(
            'below-minimum-age',
            `The client is ${age} on ${onDate}; the compartment is for ages ${minimumAge} and up.`,
          ),
        );
      }
      if (hasMaximum && age > maximumAge) {
        failures.push(
          failure(
            'above-maximum-age',
            `The client is ${age} on ${onDate}; the compartment is for ages up to ${maximumAge}.`,
          ),
        );
      }
    }
  }

  const others = occupants.filter((occupant) => occupant.clientId !== client.clientId);
  for (const field of ['gender', 'language', 'gangAffiliation', 'race', 'religion'] as const) {
    if (characteristics[SAME_ONLY_FLAG[field]] !== true || !enabled(field) || others.length === 0) {
      continue;
    }
    const own = client[field];
    const differing = others.filter((occupant) => own === null || occupant[field] !== own);
    if (differing.length > 0) {
      const values = [
        ...new Set(differing.map((occupant) => occupant[field] ?? 'not recorded')),
      ].sort();
      failures.push(
        failure(
          SAME_ONLY[field],
          own === null
            ? `The compartment is "same ${LABEL[field]} only" and the client's ${LABEL[field]} is not recorded.`
            : `The compartment is "same ${LABEL[field]} only"; the client's ${LABEL[field]} is ${own}, other occupants' ${values.join(', ')}.`,
        ),
      );
    }
  }

  const product = characteristics.serviceProductId;
  if (
    product !== undefined &&
    product !== null &&
    serviceProductId !== null &&
    product !== serviceProductId
  ) {
    failures.push(
      failure(
        'service-product-mismatch',
        `The compartment is for service product ${product}, not ${serviceProductId}.`,
      ),
    );
  }

  return failures.length === 0 ? { suitable: true } : { suitable: false, failures };
}
