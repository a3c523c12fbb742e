import type { CalendarDate, DateRange } from '@platform/kernel';
import type { RuleIssue } from '@platform/http';
import {
  findFreePlaces,
  type Availability,
  type ClientCharacteristics,
  type RuleFailure,
} from '../domain/index.js';
import type { LoadedFacility } from '../shared/facility-facts.js';
import type { PlacementRecord } from './placement-records.js';

/** What makes a place unavailable whoever asks: closed (PLC-6), out of service (PLC-3), held. */
const BLOCKING_CODES = new Set(['place-closed', 'place-out-of-service', 'place-held']);
const LIMIT_CODES = new Set([
  'contract-place-limit-reached',
  'provider-service-place-limit-reached',
]);

export const isBlocking = (failure: RuleFailure): boolean => BLOCKING_CODES.has(failure.code);
export const isLimit = (failure: RuleFailure): boolean => LIMIT_CODES.has(failure.code);
/** PLC-2: everything else findFreePlaces reports is about the client not suiting the place. */
export const isSuitability = (failure: RuleFailure): boolean =>
  !isBlocking(failure) && !isLimit(failure);

/** Every reason as an issue at one request field, so problem+json names each rule. */
export function issuesAt(field: string, failures: readonly RuleFailure[]): RuleIssue[] {
  return failures.map((failure) => ({ field, rule: failure.rule, message: failure.message }));
}

/** PLC-8 names the contract, PRV-6 the provider service: the field a person would change. */
export function limitIssues(failures: readonly RuleFailure[]): RuleIssue[] {
  return failures.map((failure) => ({
    field: failure.rule === 'PLC-8' ? 'contractId' : 'providerServiceId',
    rule: failure.rule,
    message: failure.message,
  }));
}

/** The facts without some placements: those being moved or changed do not hold their own way. */
export function withoutPlacements(
  facts: LoadedFacility,
  placementIds: ReadonlySet<string>,
): LoadedFacility {
  return {
    ...facts,
    occupancies: facts.occupancies.filter(
      (occupancy) => !(occupancy.kind === 'placement' && placementIds.has(occupancy.id)),
    ),
  };
}

/** Failures per place id of one availability answer. */
export function failuresByPlace(availability: Availability): Map<string, readonly RuleFailure[]> {
  const byPlace = new Map<string, readonly RuleFailure[]>();
  for (const place of availability.free) byPlace.set(place.placeId, []);
  for (const place of availability.excluded) byPlace.set(place.placeId, place.failures);
  return byPlace;
}

/** A client nobody knows anything about: asks availability what holds a place, not who suits it. */
const ANYONE: ClientCharacteristics = {
  clientId: '',
  birthDate: null,
  gender: null,
  language: null,
  gangAffiliation: null,
  race: null,
  religion: null,
};

/**
 * PLC-6/PLC-7: the `isFree` and `isSuitable` the transfer and release plans ask, over facts that
 * leave out the moving placements. Both memoise one findFreePlaces per period or per client, so a
 * compartment of hundreds of clients costs one pass per client, not one per client and place.
 * Limits are not asked: a move keeps the placement's contract and provider service (net zero).
 */
export function moveAvailability(
  facts: LoadedFacility,
  movers: readonly PlacementRecord[],
  date: CalendarDate,
): {
  isFree: (placeId: string, period: DateRange) => boolean;
  isSuitable: (clientId: string, placeId: string) => boolean;
  suitabilityFailures: (clientId: string, placeId: string) => readonly RuleFailure[];
} {
  const rest = withoutPlacements(facts, new Set(movers.map((mover) => mover.placementId)));
  const byClient = new Map(movers.map((mover) => [mover.clientId, mover]));
  const ask = (client: ClientCharacteristics, period: DateRange, product: string | null) =>
    failuresByPlace(
      findFreePlaces(rest, {
        client,
        period,
        serviceProductId: product,
        scope: { contractId: null, providerServiceId: null },
        settings: facts.settings,
      }),
    );
  const byPeriod = new Map<string, Map<string, readonly RuleFailure[]>>();
  const isFree = (placeId: string, period: DateRange): boolean => {
    const key = `${period.start}/${period.end ?? ''}`;
    let failures = byPeriod.get(key);
    if (!failures) {
      failures = ask(ANYONE, period, null);
      byPeriod.set(key, failures);
    }
    const own = failures.get(placeId);
    return own !== undefined && !own.some(isBlocking);
  };
  const perClient = new Map<string, Map<string, readonly RuleFailure[]>>();
  const suitabilityFailures = (clientId: string, placeId: string): readonly RuleFailure[] => {
    const mover = byClient.get(clientId);
    if (!mover) return [];
    let failures = perClient.get(clientId);
    if (!failures) {
      const start = mover.period.start > date ? mover.period.start : date;
      failures = ask(mover.client, { start, end: mover.period.end }, mover.serviceProductId);
      perClient.set(clientId, failures);
    }
    return (failures.get(placeId) ?? []).filter(isSuitability);
  };
  return {
    isFree,
    isSuitable: (clientId, placeId) => suitabilityFailures(clientId, placeId).length === 0,
    suitabilityFailures,
  };
}
