import type { MikroORM } from '@mikro-orm/postgresql';
import { OutboxMessage } from '@platform/messaging';
import { createTestDatabase } from '@platform/testing';
import { openProvidersDatabase } from '../../src/database.js';

/** The providers schema in a fresh database, for suites that call services and activities directly. */
export interface ProvidersDatabase {
  orm: MikroORM;
  /** Closes the ORM and drops the database. */
  close(): Promise<void>;
}

export async function startProvidersDatabase(prefix: string): Promise<ProvidersDatabase> {
  const database = await createTestDatabase(prefix);
  const orm = await openProvidersDatabase(database.url);
  return {
    orm,
    async close() {
      await orm.close();
      await database.drop();
    },
  };
}

/** The event types the outbox holds for the aggregates, in the order they were written. */
export async function outboxEventTypes(orm: MikroORM, aggregateIds: string[]): Promise<string[]> {
  const rows = await orm.em
    .fork()
    .find(OutboxMessage, { messageKey: { $in: aggregateIds } }, { orderBy: { seq: 'asc' } });
  return rows.map((row) => row.eventType);
}
