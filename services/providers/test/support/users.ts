/**
 * The development issuer's seeded users (`SEED_USERS` in `@platform/auth`), one per role (ROLE).
 * Tests sign in as them by username.
 */
export const ADMIN = 'admin.ada';
export const RM = 'rm.rivera';
export const SUPERVISOR = 'sup.sato';
export const FACILITY_MANAGER = 'fm.fischer';
export const CASE_WORKER = 'cw.chen';
export const FINANCE = 'fin.fatima';
export const OPERATOR = 'ops.omar';
/** The self-service user of the demo provider (`DEMO_PROVIDER_ID`, ROLE-2 / SS-3). */
export const PROVIDER_USER = 'provider.sunrise';
