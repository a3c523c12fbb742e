import type { Role } from '@platform/contracts';

/**
 * ROLE for placements. Resource managers (and supervisors) manage facilities and placements of
 * every provider; a facility manager does the same only for the providers assigned to them
 * (`facility_manager_assignment`, checked by assertMayManageProvider); case workers create
 * reservations, placements and waitlist entries; operators watch; administrators switch race and
 * religion matching on (PLC-2).
 */
export const RESOURCE_MANAGERS: readonly Role[] = [
  'resource-manager',
  'resource-manager-supervisor',
];

/** Who lays out facilities, compartments, places and out-of-service periods (PLC-1…PLC-3). */
export const FACILITY_MANAGERS: readonly Role[] = [...RESOURCE_MANAGERS, 'facility-manager'];

/** Who reserves, places, transfers and ends placements (PLC-4…PLC-7). */
export const PLACEMENT_MAKERS: readonly Role[] = [...FACILITY_MANAGERS, 'case-worker'];

/** Who reads facilities, availability, reservations and placements. */
export const PLACEMENT_READERS: readonly Role[] = [
  ...PLACEMENT_MAKERS,
  'administrator',
  'finance-user',
  'operator',
];

/** PLC-2: only an administrator enables race and religion matching. */
export const CHARACTERISTIC_ADMINS: readonly Role[] = ['administrator'];
