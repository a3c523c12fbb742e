import { STAFF_ROLES, type Role } from '@platform/contracts';

/** ROLE: only administrators configure the service registry (SVC). */
export const REGISTRY_ADMINS: Role[] = ['administrator'];

/** ROLE: agency staff use the registry and operators watch it; provider self-service does not. */
export const REGISTRY_READERS: Role[] = [...STAFF_ROLES, 'operator'];
