import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { EntitySchema } from '@mikro-orm/core';
import type { MigrationObject } from '@mikro-orm/core';

export interface DatabaseOptions {
  /** postgres:// URL of the service's own database (ARCHITECTURE rule 1). */
  url: string;
  entities: readonly EntitySchema[];
  /** Ordered migrations; listed explicitly so ESM builds and tests need no file discovery. */
  migrations: readonly MigrationObject[];
  debug?: boolean;
}

/** The base MikroORM configuration every service uses. */
export function createOrmConfig(options: DatabaseOptions): Options {
  return defineConfig({
    clientUrl: options.url,
    entities: [...options.entities],
    extensions: [Migrator],
    migrations: {
      migrationsList: [...options.migrations],
      transactional: true,
      allOrNothing: true,
      tableName: 'schema_migrations',
      // Migrations are listed explicitly; the schema snapshot file would only litter the tree.
      snapshot: false,
      // Progress lines would break the services' structured JSON logs.
      silent: true,
    },
    // Every unit of work forks its own EntityManager; a global one would leak state across requests.
    allowGlobalContext: false,
    debug: options.debug ?? false,
    pool: { min: 0, max: 10 },
  });
}
