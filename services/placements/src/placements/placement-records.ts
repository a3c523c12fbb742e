import type { CalendarDate } from '@platform/kernel';
import { NotFoundProblem } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { ClientCharacteristics, Placement } from '../domain/index.js';
import { dayText } from '../shared/sql-columns.js';

/** A stored placement with what writes carry over (the domain's Placement plus its scope). */
export interface PlacementRecord extends Placement {
  providerId: string;
  client: ClientCharacteristics;
  emergency: boolean;
  providerServiceId: string | null;
  serviceProductId: string | null;
  contractId: string | null;
}

const RECORD_COLUMNS = `
  placement_id as "placementId", provider_id as "providerId", facility_id as "facilityId",
  place_id as "placeId", client_id as "clientId", client, ${dayText('starts_on')} as start,
  ${dayText('ends_on')} as "end", state, emergency, created_by as "createdBy",
  provider_service_id as "providerServiceId", service_product_id as "serviceProductId",
  contract_id as "contractId"`;

type Row = Omit<PlacementRecord, 'period'> & { start: CalendarDate; end: CalendarDate | null };

function toRecord({ start, end, ...row }: Row): PlacementRecord {
  return { ...row, period: { start, end } };
}

/**
 * Where a placement is, read without a lock: the caller locks the provider's facilities with it
 * (loadFacilityFacts) and then reads the placement again with lockPlacement, so a writer always
 * takes the provider lock first and the placement row second (no deadlock between writers).
 */
export async function placementFacilityOrNotFound(
  em: EntityManager,
  placementId: string,
): Promise<{ facilityId: string; providerId: string; start: CalendarDate }> {
  const [row] = await em.execute<{ facilityId: string; providerId: string; start: CalendarDate }[]>(
    `select facility_id as "facilityId", provider_id as "providerId",
            ${dayText('starts_on')} as start
       from placement where placement_id = ?`,
    [placementId],
  );
  if (!row) throw new NotFoundProblem('Placement', placementId);
  return row;
}

/** The placement row locked for the rest of the transaction (after the provider lock). */
export async function lockPlacement(
  em: EntityManager,
  placementId: string,
): Promise<PlacementRecord> {
  const [row] = await em.execute<Row[]>(
    `select ${RECORD_COLUMNS} from placement where placement_id = ? for update`,
    [placementId],
  );
  if (!row) throw new NotFoundProblem('Placement', placementId);
  return toRecord(row);
}

/** The active placements of a facility, as the domain's transfer and release plans take them. */
export async function activePlacementsOfFacility(
  em: EntityManager,
  facilityId: string,
  from: CalendarDate,
): Promise<PlacementRecord[]> {
  const rows = await em.execute<Row[]>(
    `select ${RECORD_COLUMNS} from placement
      where facility_id = ? and state = 'active' and (ends_on is null or ends_on >= ?)
      order by starts_on, placement_id`,
    [facilityId, from],
  );
  return rows.map(toRecord);
}

/**
 * PLC-5: the client's other placements overlapping the period, ended ones included (their days
 * happened: a client is in one place a day, and a transfer's continuation cannot reach back into
 * the placement it continues).
 */
export async function overlappingPlacementsOfClient(
  em: EntityManager,
  clientId: string,
  period: { start: CalendarDate; end: CalendarDate | null },
  except: string | null,
): Promise<string[]> {
  const rows = await em.execute<{ placementId: string }[]>(
    `select placement_id as "placementId" from placement
      where client_id = ? and placement_id <> coalesce(?::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
        and (ends_on is null or ends_on >= ?::date)
        and (?::date is null or starts_on <= ?::date)
      order by placement_id`,
    [clientId, except, period.start, period.end, period.end],
  );
  return rows.map((row) => row.placementId);
}
