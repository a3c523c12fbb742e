import type { Role } from '@platform/contracts';

/**
 * ROLE: what finance knows of providers, products and contracts is read by finance users, by
 * administrators, and by operators who watch the projections catch up (no business changes).
 */
export const PROJECTION_READERS: readonly Role[] = ['finance-user', 'administrator', 'operator'];
