export * from './orm-config.js';
export * from './open-database.js';
export { Migration } from '@mikro-orm/migrations';
export type { MigrationObject } from '@mikro-orm/core';
export type { EntityManager } from '@mikro-orm/postgresql';
export * from './paging.js';
export * from './projection-writes.js';
export * from './like-patterns.js';
