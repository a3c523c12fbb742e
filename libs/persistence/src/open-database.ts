import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig, type DatabaseOptions } from './orm-config.js';

export type Database = MikroORM;

/** Connects and brings the schema up to date; migrations run in one transaction (all or nothing). */
export async function openDatabase(
  options: DatabaseOptions & { migrate?: boolean },
): Promise<Database> {
  const orm = await MikroORM.init(createOrmConfig(options));
  if (options.migrate ?? true) {
    await orm.migrator.up();
  }
  return orm;
}

/** Cheap liveness probe for health endpoints. */
export async function pingDatabase(orm: Database): Promise<void> {
  await orm.em.fork().getConnection().execute('select 1');
}
