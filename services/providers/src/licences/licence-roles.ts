import { STAFF_ROLES, type Role } from '@platform/contracts';

/**
 * ROLE: resource managers manage licences and decide on them (CRD-2), as do their supervisors and
 * facility managers ("like a resource manager"). WF-2 decisions are checked against the same list.
 */
export const LICENCE_MANAGERS: readonly Role[] = [
  'resource-manager',
  'resource-manager-supervisor',
  'facility-manager',
];

/** Staff and operators read; a provider's own user reads its own licences (SS-3, ROLE-2). */
export const LICENCE_READERS: readonly Role[] = [...STAFF_ROLES, 'operator', 'provider'];
