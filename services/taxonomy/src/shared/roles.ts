import type { Role } from '@platform/contracts';

/**
 * ROLE for taxonomies (issue 8): only administrators change taxonomies — import, customise,
 * review, publish, create custom taxonomies and set display states (TAX-1…TAX-7). Resource
 * managers index provider services (TAX-8; the guide's 13.4, administrators may too). Staff and
 * providers search and read (TAX-9).
 */
export const TAXONOMY_ADMINS: readonly Role[] = ['administrator'];

/** TAX-8: who links provider services to terms. */
export const INDEXERS: readonly Role[] = [
  'administrator',
  'resource-manager',
  'resource-manager-supervisor',
];

/** TAX-9: who reads taxonomies and searches provider services — every staff role and providers. */
export const TAXONOMY_READERS: readonly Role[] = [
  'administrator',
  'resource-manager',
  'resource-manager-supervisor',
  'facility-manager',
  'case-worker',
  'finance-user',
  'operator',
  'provider',
];
