import { NotFoundProblem, refuse } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { Facility } from '../domain/index.js';

/** A timestamp column as ISO text (what every view shows). */
export const isoTime = (column: string) => `to_json(${column}) #>> '{}'`;

/** Audit columns of a table aliased `alias`, named as AuditView. */
export const auditColumns = (alias: string) => `
  ${alias}.created_by as "createdBy", ${isoTime(`${alias}.created_at`)} as "createdAt",
  ${alias}.updated_by as "updatedBy", ${isoTime(`${alias}.updated_at`)} as "updatedAt"`;

/**
 * The facility, 404 when there is none. With `lock`, its row is locked for the transaction: every
 * layout change of one facility (compartments, places, capacities, out of service) runs one after
 * the other, so two bulk place creations cannot together pass the capacity check (PLC-1).
 */
export async function facilityOrNotFound(
  em: EntityManager,
  facilityId: string,
  options: { lock: boolean },
): Promise<Facility> {
  const [facility] = await em.execute<Facility[]>(
    `select facility_id as "facilityId", provider_id as "providerId", name,
            designated_capacity as "designatedCapacity", physical_capacity as "physicalCapacity"
       from facility where facility_id = ? ${options.lock ? 'for update' : ''}`,
    [facilityId],
  );
  if (!facility) throw new NotFoundProblem('Facility', facilityId);
  return facility;
}

/**
 * PRV-1 for facilities: a provider this service has never heard of gets no facility (422, its
 * facts could not be trusted); a closed one gets no new facility (409). A suspended provider
 * keeps laying out its facilities (suspension stops new placements, not the building work). The
 * provider's status row is locked, so two facilities of one provider are created one at a time
 * (the name is unique per provider).
 */
export async function assertProviderTakesFacilities(
  em: EntityManager,
  providerId: string,
): Promise<void> {
  const [row] = await em.execute<{ status: string; name: string | null }[]>(
    'select status, name from provider_status where provider_id = ? for update',
    [providerId],
  );
  if (!row) {
    refuse({
      rule: 'PRV-1',
      field: 'providerId',
      message: `provider ${providerId} is not known to the placements service (no provider events yet)`,
    });
  }
  if (row.status === 'closed') {
    refuse(
      {
        rule: 'PRV-1',
        field: 'providerId',
        message: `provider ${row.name ?? providerId} is closed: it gets no new facilities`,
      },
      409,
    );
  }
}
