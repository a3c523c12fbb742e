import { STAFF_ROLES, type Role } from '@platform/contracts';

/**
 * ROLE: members' trainings and certifications and providers' accreditations are provider records:
 * resource managers, their supervisors and facility managers (who act like resource managers for
 * facilities) write them.
 */
export const CREDENTIAL_MANAGERS: Role[] = [
  'resource-manager',
  'resource-manager-supervisor',
  'facility-manager',
];

/**
 * Agency staff and operators read them; a provider's own user reads those of its (current or
 * past) members and its own accreditations only (SS-3, ROLE-2).
 */
export const CREDENTIAL_READERS: Role[] = [...STAFF_ROLES, 'operator', 'provider'];
