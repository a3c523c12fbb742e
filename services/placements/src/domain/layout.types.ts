import type { CalendarDate, DateRange } from '@platform/kernel';

/**
 * PLC-1…PLC-3: the shapes the placement rules work on, already loaded (ADR 0020: rules are pure
 * functions over looked-up facts, as in finance's ADR 0017). Ids are opaque strings.
 */

/** PLC-1: a provider's facility: what the agency may use (designated) and what exists (physical). */
export interface Facility {
  facilityId: string;
  providerId: string;
  name: string;
  /** Places the agency may use (PLC-1); emergency places (PLC-6) come on top of these. */
  designatedCapacity: number;
  /** Places that physically exist. */
  physicalCapacity: number;
}

/** PLC-2: "same … only" variants and plain values of a compartment. */
export type Gender = 'female' | 'male' | 'non-binary';

/**
 * PLC-2: what a compartment asks of its occupants. A value set (e.g. `language: 'es'`) means the
 * compartment is for clients with that value; a `same…Only` flag means every occupant at the same
 * time must share the value, whatever it is (the first occupant decides). Race and religion are
 * only considered when an administrator has enabled them (`CharacteristicSettings`).
 */
export interface CompartmentCharacteristics {
  gangAffiliation?: string | null;
  sameGangAffiliationOnly?: boolean;
  language?: string | null;
  sameLanguageOnly?: boolean;
  race?: string | null;
  sameRaceOnly?: boolean;
  religion?: string | null;
  sameReligionOnly?: boolean;
  minimumAge?: number | null;
  maximumAge?: number | null;
  /** PLC-2: gender has only the "same only" form. */
  sameGenderOnly?: boolean;
  /** The placement service product the compartment is for (PLC-2, SVC-5). */
  serviceProductId?: string | null;
}

/** PLC-2: the administrator switch; race and religion are disabled until enabled. */
export interface CharacteristicSettings {
  raceEnabled: boolean;
  religionEnabled: boolean;
}

/** PLC-1: building → floor → room …, a tree of any depth; exactly one root per facility. */
export interface Compartment {
  compartmentId: string;
  facilityId: string;
  /** null: the facility's top-level compartment (where PLC-4/PLC-6 emergency places go). */
  parentId: string | null;
  name: string;
  characteristics: CompartmentCharacteristics;
}

/** PLC-1: a place (bed) in a compartment. Emergency places (PLC-6) are not designated. */
export interface Place {
  placeId: string;
  compartmentId: string;
  name: string;
  emergency: boolean;
  /** An emergency place closes when its client moves to a designated place (PLC-6). */
  closedOn: CalendarDate | null;
}

/** PLC-3: a place, or every place of a compartment (and below), out of service for a period. */
export interface OutOfService {
  target: { kind: 'place'; placeId: string } | { kind: 'compartment'; compartmentId: string };
  period: DateRange;
  reason: string;
}

/** The client a place is looked for, as the case worker records them (PLC-2 matching). */
export interface ClientCharacteristics {
  clientId: string;
  birthDate: CalendarDate | null;
  gender: Gender | null;
  language: string | null;
  gangAffiliation: string | null;
  race: string | null;
  religion: string | null;
}

/** A reservation or placement holding a place (or only the provider) for a period. */
export interface Occupancy {
  kind: 'reservation' | 'placement';
  id: string;
  /** null: a reservation of the provider only, no place chosen yet (PLC-4). */
  placeId: string | null;
  facilityId: string;
  client: ClientCharacteristics;
  /** End null: open-ended (PLC-5). */
  period: DateRange;
  /** Under which contract, if any, for PLC-8's count. */
  contractId: string | null;
  /** The provider service it uses, for the provider-service place limit. */
  providerServiceId: string | null;
}

/** PLC-8 and provider-service place limits that bound how many places the agency may hold. */
export interface PlaceLimit {
  kind: 'contract' | 'provider-service';
  /** The contract or provider service id. */
  id: string;
  limit: number;
  /** The period the limit applies in (the contract's, or the provider service's). */
  period: DateRange;
}
