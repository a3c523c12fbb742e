import { NotFoundProblem } from '@platform/http';
import type { CalendarDate } from '@platform/kernel';
import type { EntityManager } from '@platform/persistence';
import type {
  CharacteristicSettings,
  Compartment,
  Facility,
  FacilityFacts,
  Occupancy,
  OutOfService,
  Place,
  LimitScope,
  PlaceLimit,
} from '../domain/index.js';
import { dayText } from './sql-columns.js';

/** Everything the availability and placement rules need about one facility (ADR 0020). */
export interface LoadedFacility extends FacilityFacts {
  settings: CharacteristicSettings;
}

/**
 * Serialises every write that takes or frees a place at one provider (reservations, placements,
 * transfers; PLC-4…PLC-8): its facility rows are locked in id order, so two case workers racing
 * for the last bed run one after the other and the second sees the first's placement. Locking the
 * provider's facilities, not just one, keeps a contract's place limit (which counts every facility
 * of the provider) exact too.
 */
export async function lockProviderFacilities(em: EntityManager, providerId: string): Promise<void> {
  await em.execute(
    'select facility_id from facility where provider_id = ? order by facility_id for update',
    [providerId],
  );
}

export async function loadCharacteristicSettings(
  em: EntityManager,
): Promise<CharacteristicSettings> {
  const [row] = await em.execute<CharacteristicSettings[]>(
    `select race_enabled as "raceEnabled", religion_enabled as "religionEnabled"
       from characteristic_settings`,
  );
  return row ?? { raceEnabled: false, religionEnabled: false };
}

/**
 * One facility's facts, set-based: one query per list, whatever its size (1,000 places and their
 * occupancies in a handful of round trips). Occupancies are the active reservations and
 * placements holding the facility's places, plus every active occupancy of the provider that
 * counts towards a contract or provider-service limit (PLC-8 counts across facilities). `from`
 * trims occupancies that ended before it (history does not hold places). With `lock`, the
 * provider's facilities are locked first (see lockProviderFacilities). Null: no such facility.
 */
export async function loadFacilityFacts(
  em: EntityManager,
  facilityId: string,
  options: { lock: boolean; from?: CalendarDate; scope?: LimitScope },
): Promise<LoadedFacility | null> {
  const [facility] = await em.execute<Facility[]>(
    `select facility_id as "facilityId", provider_id as "providerId", name,
            designated_capacity as "designatedCapacity", physical_capacity as "physicalCapacity"
       from facility where facility_id = ?`,
    [facilityId],
  );
  if (!facility) return null;
  if (options.lock) await lockProviderFacilities(em, facility.providerId);
  const from = options.from ?? '0001-01-01';

  const compartments = await em.execute<Compartment[]>(
    `select compartment_id as "compartmentId", facility_id as "facilityId",
            parent_id as "parentId", name, characteristics
       from compartment where facility_id = ?`,
    [facilityId],
  );
  const places = await em.execute<Place[]>(
    `select place_id as "placeId", compartment_id as "compartmentId", name, emergency,
            ${dayText('closed_on')} as "closedOn"
       from place where facility_id = ?`,
    [facilityId],
  );
  const outOfServiceRows = await em.execute<
    {
      placeId: string | null;
      compartmentId: string | null;
      start: CalendarDate;
      end: CalendarDate | null;
      reason: string;
    }[]
  >(
    `select place_id as "placeId", compartment_id as "compartmentId",
            ${dayText('starts_on')} as start, ${dayText('ends_on')} as "end", reason
       from out_of_service
      where facility_id = ? and withdrawn_at is null and (ends_on is null or ends_on >= ?)`,
    [facilityId, from],
  );
  const outOfService: OutOfService[] = outOfServiceRows.map((row) => ({
    target:
      row.placeId !== null
        ? { kind: 'place', placeId: row.placeId }
        : { kind: 'compartment', compartmentId: row.compartmentId ?? '' },
    period: { start: row.start, end: row.end },
    reason: row.reason,
  }));

  // Other facilities' occupancies count only towards limits (PLC-8): every one under some contract
  // or provider service, or — with `scope` (an availability search) — only those under the
  // request's own, the only limits that apply to it (a provider of 100 facilities then loads one
  // facility's rows, not the whole provider's).
  const limitCounted =
    options.scope === undefined
      ? '(contract_id is not null or provider_service_id is not null)'
      : '(contract_id = ? or provider_service_id = ?)';
  const scopeParams =
    options.scope === undefined ? [] : [options.scope.contractId, options.scope.providerServiceId];
  const occupancyRows = await em.execute<
    (Omit<Occupancy, 'period'> & { start: CalendarDate; end: CalendarDate | null })[]
  >(
    `select 'placement' as kind, placement_id as id, place_id as "placeId",
            facility_id as "facilityId", client, ${dayText('starts_on')} as start,
            ${dayText('ends_on')} as "end", contract_id as "contractId",
            provider_service_id as "providerServiceId"
       from placement
      where state = 'active' and (ends_on is null or ends_on >= ?)
        and (facility_id = ? or (provider_id = ? and ${limitCounted}))
     union all
     select 'reservation', reservation_id, place_id, facility_id, client,
            ${dayText('starts_on')}, ${dayText('ends_on')}, contract_id, provider_service_id
       from reservation
      where state = 'active' and (ends_on is null or ends_on >= ?)
        and (facility_id = ? or (provider_id = ? and ${limitCounted}))`,
    [
      ...[from, facilityId, facility.providerId, ...scopeParams],
      ...[from, facilityId, facility.providerId, ...scopeParams],
    ],
  );
  const occupancies: Occupancy[] = occupancyRows.map(({ start, end, ...row }) => ({
    ...row,
    // A provider-only reservation has no facility yet; it still counts under its limits.
    facilityId: row.facilityId ?? '',
    period: { start, end },
  }));

  const limits = await em.execute<
    (Omit<PlaceLimit, 'period'> & { start: CalendarDate; end: CalendarDate | null })[]
  >(
    `select 'contract' as kind, contract_id as id, place_limit as "limit",
            ${dayText('starts_on')} as start, ${dayText('ends_on')} as "end"
       from contract_version
      where status = 'active' and place_limit is not null
        and (provider_id = ? or ? = any (bound_provider_ids))
     union all
     select 'provider-service', provider_service_id, place_limit,
            ${dayText('starts_on')}, ${dayText('ends_on')}
       from provider_service
      where provider_id = ? and place_limit is not null`,
    [facility.providerId, facility.providerId, facility.providerId],
  );

  return {
    facility,
    compartments,
    places,
    outOfService,
    occupancies,
    limits: limits.map(({ start, end, ...limit }) => ({ ...limit, period: { start, end } })),
    settings: await loadCharacteristicSettings(em),
  };
}

/** loadFacilityFacts, or a 404 problem naming the facility. */
export async function facilityFactsOrNotFound(
  em: EntityManager,
  facilityId: string,
  options: Parameters<typeof loadFacilityFacts>[2],
): Promise<LoadedFacility> {
  const facts = await loadFacilityFacts(em, facilityId, options);
  if (!facts) throw new NotFoundProblem('Facility', facilityId);
  return facts;
}
