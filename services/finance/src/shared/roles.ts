import type { Role } from '@platform/contracts';

/**
 * ROLE: what finance knows of providers, products and contracts is read by finance users, by
 * administrators, and by operators who watch the projections catch up (no business changes).
 */
export const PROJECTION_READERS: readonly Role[] = ['finance-user', 'administrator', 'operator'];

/** Clients, nominees and cases are registered by case workers (and finance users who bill them). */
export const PARTICIPANT_WRITERS: readonly Role[] = [
  'case-worker',
  'finance-user',
  'administrator',
];
export const PARTICIPANT_READERS: readonly Role[] = [
  'case-worker',
  'finance-user',
  'administrator',
  'resource-manager',
  'resource-manager-supervisor',
];

/** ROLE: case workers create service authorizations (FIN-1); finance reads them to match lines. */
export const AUTHORIZATION_WRITERS: readonly Role[] = ['case-worker', 'administrator'];
export const AUTHORIZATION_READERS: readonly Role[] = [
  'case-worker',
  'finance-user',
  'administrator',
];

/** ROLE: finance users create and process service invoices (FIN-3). */
export const INVOICE_WRITERS: readonly Role[] = ['finance-user'];
/** FIN-3: a provider's invoice request is accepted (or rejected) by a resource manager first. */
export const INVOICE_REQUEST_DECIDERS: readonly Role[] = [
  'resource-manager',
  'resource-manager-supervisor',
];
export const INVOICE_READERS: readonly Role[] = [
  'finance-user',
  'administrator',
  ...INVOICE_REQUEST_DECIDERS,
];

/** ROLE-1: only finance users approve — payments calculated from invoices, and their issue. */
export const PAYMENT_APPROVERS: readonly Role[] = ['finance-user'];
export const PAYMENT_READERS: readonly Role[] = ['finance-user', 'administrator'];

/** ROLE-2 / SS-4: a provider's self-service user submits invoices and sees its own, and payments. */
export const SELF_SERVICE: readonly Role[] = ['provider'];
