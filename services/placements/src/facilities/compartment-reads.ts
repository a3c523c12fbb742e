import { NotFoundProblem } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import type { CompartmentView } from './facility.views.js';
import { auditColumns } from './facility-records.js';

/** PLC-1/PLC-2: one compartment with its own characteristics; 404 when there is none. */
export async function compartmentView(
  em: EntityManager,
  compartmentId: string,
): Promise<CompartmentView> {
  const [row] = await em.execute<CompartmentView[]>(
    `select c.compartment_id as "compartmentId", c.facility_id as "facilityId",
            c.parent_id as "parentId", c.name, c.characteristics, ${auditColumns('c')}
       from compartment c where c.compartment_id = ?`,
    [compartmentId],
  );
  if (!row) throw new NotFoundProblem('Compartment', compartmentId);
  return row;
}
