export * from './claims.js';
export * from './token-verifier.js';
export * from './dev-issuer/seed-users.js';
export * from './dev-issuer/dev-issuer.js';
export * from './nest/auth.decorators.js';
export * from './nest/auth.guard.js';
export * from './nest/auth.module.js';
