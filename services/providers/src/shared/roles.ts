import { STAFF_ROLES, type Role } from '@platform/contracts';

/**
 * The role sets of DOMAIN.md (ROLE) that most endpoints of this service share. A module keeps a set
 * of its own only where it deliberately differs (e.g. only supervisors decide home studies, case
 * workers put clients on waitlists), preferably built from these.
 */

/** ROLE: only administrators configure the registries (service registry, courses, types …). */
export const REGISTRY_ADMINS: readonly Role[] = ['administrator'];

/** ROLE: resource managers and their supervisors, who may do everything a resource manager may. */
export const RESOURCE_MANAGERS: readonly Role[] = [
  'resource-manager',
  'resource-manager-supervisor',
];

/**
 * ROLE: who maintains a provider's records where DOMAIN.md lets facility managers act "like a
 * resource manager" (services, classification, credentials, licences, incidents …).
 */
export const PROVIDER_RECORD_MANAGERS: readonly Role[] = [...RESOURCE_MANAGERS, 'facility-manager'];

/**
 * Agency staff read and operators watch: records a provider's own user never sees (registries,
 * people across providers, investigations, groups).
 */
export const AGENCY_READERS: readonly Role[] = [...STAFF_ROLES, 'operator'];

/**
 * Agency staff and operators, and a provider's own user, who reads only its own records (ROLE-2,
 * SS-3): the service checks the ownership, the guard only the role.
 */
export const PROVIDER_RECORD_READERS: readonly Role[] = [...AGENCY_READERS, 'provider'];
