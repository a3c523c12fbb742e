import type { Actor } from '@platform/contracts';
import { refuse } from '@platform/http';
import type { EntityManager } from '@platform/persistence';
import { ForbiddenException } from '@nestjs/common';

/**
 * ROLE: a facility manager acts like a resource manager, but only for the facilities and
 * placements of the providers assigned to them. Other roles the route admits pass.
 */
export async function assertMayManageProvider(
  em: EntityManager,
  actor: Actor,
  providerId: string,
): Promise<void> {
  const others = actor.roles.filter((role) => role !== 'facility-manager');
  if (others.length > 0) return;
  const [row] = await em.execute<{ assigned: boolean }[]>(
    `select exists (select 1 from facility_manager_assignment
                     where user_id = ? and provider_id = ?) as assigned`,
    [actor.userId, providerId],
  );
  if (!row?.assigned) {
    throw new ForbiddenException(
      `ROLE: facility manager ${actor.userId} is not assigned to provider ${providerId}`,
    );
  }
}

/** PRV-1 statuses in which a provider takes no new reservations or placements (issue 7). */
const CLOSED_TO_PLACEMENTS = new Set(['suspended', 'closed', 'rejected']);

/**
 * Issue 7: a provider the providers service suspended or closed takes no new reservations or
 * placements (409 naming PRV-1); one this service has never heard of is refused too (422), since
 * its facilities could not be trusted. Reads the projection fed by `provider.*` events.
 */
export async function assertProviderTakesPlacements(
  em: EntityManager,
  providerId: string,
  field = 'providerId',
): Promise<void> {
  const [row] = await em.execute<{ status: string; name: string | null }[]>(
    'select status, name from provider_status where provider_id = ?',
    [providerId],
  );
  if (!row) {
    refuse({
      rule: 'PRV-1',
      field,
      message: `provider ${providerId} is not known to the placements service (no provider events yet)`,
    });
  }
  if (CLOSED_TO_PLACEMENTS.has(row.status)) {
    refuse(
      {
        rule: 'PRV-1',
        field,
        message: `provider ${row.name ?? providerId} is ${row.status}: no new reservations or placements`,
      },
      409,
    );
  }
}
